// Removes the run's temporary directory made by global-setup.js. PACKER_IMAGE_ACTION_KEEP_TMP=1 keeps it to look into.
import { rmSync } from 'node:fs'
import path from 'node:path'

export default function teardown() {
  const run = process.env.PACKER_IMAGE_ACTION_TEST_TMP
  if (!run || !path.basename(run).startsWith('pia-test-run-')) return
  if (process.env.PACKER_IMAGE_ACTION_KEEP_TMP) {
    console.log(`Kept the test run's temporary files in ${run}`)
    return
  }
  rmSync(run, { recursive: true, force: true, maxRetries: 3 })
}
