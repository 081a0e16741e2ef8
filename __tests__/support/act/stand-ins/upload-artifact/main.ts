/**
 * Stand-in for actions/upload-artifact, uploading with the real @actions/artifact client to the
 * artifact server act runs. The real one expands wildcard paths and can upload unzipped; this
 * takes literal files and folders only.
 */
import { DefaultArtifactClient } from '@actions/artifact'
import * as core from '@actions/core'
import { existsSync, readdirSync, statSync } from 'node:fs'
import * as path from 'node:path'

function filesUnder(dir: string, hidden: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!hidden && entry.name.startsWith('.')) return []
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(full, hidden) : [full]
  })
}

/** The folder the artifact's paths are relative to: the longest common parent, as the real one. */
function commonRoot(paths: string[]): string {
  const parts = paths.map((p) => p.split(path.sep))
  const first = parts[0]
  let n = 0
  while (n < first.length && parts.every((p) => p[n] === first[n])) n++
  return first.slice(0, n).join(path.sep) || path.sep
}

async function run(): Promise<void> {
  const name = core.getInput('name')
  const hidden = core.getBooleanInput('include-hidden-files')
  const paths = core
    .getMultilineInput('path', { required: true })
    .map((p) => path.resolve(process.env.GITHUB_WORKSPACE ?? '.', p))
  if (paths.some((p) => /[*?[]/.test(p))) {
    throw new Error('upload-artifact stand-in: wildcard paths are not supported')
  }
  const present = paths.filter((p) => existsSync(p))
  const files = present.flatMap((p) => (statSync(p).isDirectory() ? filesUnder(p, hidden) : [p]))
  if (files.length === 0) {
    const message = `No files were found with the provided path: ${paths.join(', ')}. No artifacts will be uploaded.`
    const mode = core.getInput('if-no-files-found')
    if (mode === 'error') throw new Error(message)
    if (mode === 'warn') core.warning(message)
    else core.info(message)
    return
  }
  const root =
    present.length === 1 && statSync(present[0]).isDirectory()
      ? present[0]
      : commonRoot(present.map((p) => (statSync(p).isDirectory() ? p : path.dirname(p))))
  const client = new DefaultArtifactClient()
  if (core.getBooleanInput('overwrite')) {
    try {
      await client.deleteArtifact(name)
    } catch (error) {
      core.debug(`nothing to overwrite: ${String(error)}`)
    }
  }
  const days = Number(core.getInput('retention-days'))
  const result = await client.uploadArtifact(
    name,
    files,
    root,
    days > 0 ? { retentionDays: days } : {}
  )
  core.info(`Artifact ${name} has been successfully uploaded (${files.length} files)`)
  core.setOutput('artifact-id', String(result.id ?? ''))
  core.setOutput('artifact-digest', result.digest ?? '')
}

run().catch((error: unknown) => {
  core.setFailed(error instanceof Error ? error.message : String(error))
})
