/** The folder of one run under RUNNER_TEMP, where the action leaves its files (manifest, log). */
import { randomUUID } from 'node:crypto'
import { mkdir } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'

/** The runner's temporary folder, emptied after each job; the system's outside a runner. */
export function runnerTemp(): string {
  return process.env.RUNNER_TEMP || os.tmpdir()
}

/** A directory of this run under RUNNER_TEMP for the files the action leaves (manifest, log). */
export async function createRunDir(): Promise<string> {
  const runDir = path.join(runnerTemp(), `packer-image-action-${randomUUID()}`)
  await mkdir(runDir, { recursive: true })
  return runDir
}
