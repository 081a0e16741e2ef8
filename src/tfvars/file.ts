/** The file side of `command: tfvars`: read, update with the pure functions, write atomically. */
import { randomBytes } from 'node:crypto'
import { constants } from 'node:fs'
import { access, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ActionError, getErrorMessage } from '../action/errors.js'
import { updateTfvars } from './hcl.js'
import { updateTfvarsJson } from './json.js'
import type { TfvarsValues } from './values.js'

export interface ApplyTfvarsOptions {
  /** A `.tfvars` or `.tfvars.json` file; created, with its directory, when missing. */
  file: string
  values: TfvarsValues
}

/**
 * Writes the values into the file. An unchanged file is not written at all, so its mtime stays
 * and tools watching it see nothing. A changed file is replaced by rename from a temporary file
 * in the same directory, so a reader never sees half a file; a symlink is followed so that the
 * file it points to is updated rather than the link replaced.
 */
export async function applyTfvars({
  file,
  values
}: ApplyTfvarsOptions): Promise<{ changed: boolean; file: string }> {
  let target = file
  let text = ''
  let mode: number | undefined
  try {
    target = await realpath(file)
    text = await readFile(target, 'utf8')
    mode = (await stat(target)).mode & 0o7777
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ActionError(`Cannot read tfvars file ${file}: ${getErrorMessage(error)}`)
    }
  }

  const update = file.endsWith('.json') ? updateTfvarsJson : updateTfvars
  let result
  try {
    result = update(text, values)
  } catch (error) {
    throw new ActionError(`${file}: ${getErrorMessage(error)}`)
  }
  if (!result.changed) return { changed: false, file }

  // The rename below would replace a read-only file regardless; refuse it instead, as cp would.
  if (mode !== undefined && (mode & 0o222) === 0) {
    throw new ActionError(
      `Cannot write tfvars file ${file}: it is read-only (mode ${mode.toString(8)}); make it writable to let tfvars update it`
    )
  }
  if (mode !== undefined) {
    try {
      await access(target, constants.W_OK)
    } catch (error) {
      throw new ActionError(`Cannot write tfvars file ${file}: ${getErrorMessage(error)}`)
    }
  }
  const dir = path.dirname(target)
  await mkdir(dir, { recursive: true })
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, result.text, mode === undefined ? {} : { mode })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true })
    throw new ActionError(`Cannot write tfvars file ${file}: ${getErrorMessage(error)}`)
  }
  return { changed: true, file }
}
