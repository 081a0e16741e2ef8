// Every temporary directory a test run makes (mirrors, tool caches, runner directories, act's runs, Packer's own
// temp files) goes under one directory, which global-teardown.js removes when the run ends. Jest's workers and the
// processes they start inherit TMPDIR. The per-machine fixture cache stays in the real temporary directory.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export default function setup() {
  const shared = tmpdir()
  process.env.PACKER_IMAGE_ACTION_SHARED_TMP ??= shared
  const run = mkdtempSync(path.join(shared, 'pia-test-run-'))
  process.env.PACKER_IMAGE_ACTION_TEST_TMP = run
  process.env.TMPDIR = run
}
