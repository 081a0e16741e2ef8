/**
 * What the lifecycle commands share: the context they run in, and reading the manifests builds
 * wrote (for `merge-manifests`, and for the AMIs of `tfvars` and `promote`).
 */
import { readFile } from 'node:fs/promises'
import { Inputs, MANIFEST_ENV } from '../action/constants.js'
import { ActionError, getErrorMessage } from '../action/errors.js'
import { checkInside, workspaceRoot, type PathRoot } from '../action/inputs.js'
import type { Logger } from '../action/logger.js'
import { amiIdsByBuild } from '../packer/artifacts.js'
import {
  lastRunOf,
  manifestToArtifacts,
  parseManifest,
  type ManifestSource
} from '../packer/manifest.js'
import type { AmiIds } from '../tfvars/mapping.js'

export interface LifecycleContext {
  /** Absolute; path inputs must lead inside it. */
  workspace: string
  log: Logger
  env: NodeJS.ProcessEnv
  /** True once the job is being cancelled. */
  cancelled: () => boolean
}

/** Where manifests may be read from: the workspace, and RUNNER_TEMP where builds leave theirs. */
export function manifestRoots(ctx: LifecycleContext): PathRoot[] {
  const roots = [workspaceRoot(ctx.workspace)]
  if (ctx.env.RUNNER_TEMP) roots.push({ name: 'RUNNER_TEMP', dir: ctx.env.RUNNER_TEMP })
  return roots
}

export async function readManifest(file: string): Promise<ManifestSource> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new ActionError(`Cannot read the manifest ${file}: ${getErrorMessage(error)}`)
  }
  try {
    return { source: file, manifest: parseManifest(text) }
  } catch (error) {
    throw new ActionError(`${file}: ${getErrorMessage(error)}`)
  }
}

/** The `ami-ids` input, or the AMIs of the manifest an earlier build step of this job wrote. */
export async function amiIdsOf(given: AmiIds | undefined, ctx: LifecycleContext): Promise<AmiIds> {
  if (given) return given
  const manifestFile = ctx.env[MANIFEST_ENV]
  if (!manifestFile) {
    throw new ActionError(
      `Input '${Inputs.AmiIds}' is empty and no build of this action ran earlier in this job; pass the 'ami-ids' output of the build step`
    )
  }
  checkInside(manifestFile, { variable: MANIFEST_ENV }, manifestFile, manifestRoots(ctx))
  const { manifest } = await readManifest(manifestFile)
  ctx.log.info(`AMIs from the manifest of this job's build: ${manifestFile}`)
  const amiIds = amiIdsByBuild(manifestToArtifacts(lastRunOf(manifest)))
  if (Object.keys(amiIds).length === 0) {
    throw new ActionError(
      `Input '${Inputs.AmiIds}' is empty, and the manifest of this job's build (${manifestFile}) holds no AMI: its last run built no Amazon image`
    )
  }
  return amiIds
}
