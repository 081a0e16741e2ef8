import * as path from 'node:path'
import { getErrorMessage } from './errors.js'

export type UploadOutcome =
  | { kind: 'uploaded'; id?: number; size?: number }
  /** No artifact service here (run locally, or GitHub Enterprise Server without it). */
  | { kind: 'unavailable'; reason: string }
  /** The service refused or failed the upload (a name already taken in the run, say). */
  | { kind: 'failed'; reason: string }

/**
 * Uploads files with @actions/artifact. Neither outcome but success throws: where the artifact
 * service is not there it says so, and where the upload fails it says why.
 */
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
    // @actions/artifact's own word for a server without the service.
    if (error instanceof Error && error.name === 'GHESNotSupportedError')
      return { kind: 'unavailable', reason: getErrorMessage(error) }
    return { kind: 'failed', reason: getErrorMessage(error) }
  }
}
