import * as path from 'node:path'
import { getErrorMessage } from './errors.js'

export type UploadOutcome =
  { kind: 'uploaded'; id?: number; size?: number } | { kind: 'unavailable'; reason: string }

/** Uploads files with @actions/artifact; where the artifact service is not there, says so instead of failing. */
export async function uploadFiles(
  name: string,
  files: string[],
  env = process.env
): Promise<UploadOutcome> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return { kind: 'unavailable', reason: 'the artifact service is not available on this runner' }
  }
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const client = new DefaultArtifactClient()
    const root = path.dirname(files[0])
    const result = await client.uploadArtifact(name, files, root)
    return { kind: 'uploaded', id: result.id, size: result.size }
  } catch (error) {
    return { kind: 'unavailable', reason: getErrorMessage(error) }
  }
}
