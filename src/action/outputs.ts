/** The image outputs, set the same way after a build and after a merge of manifests. */
import * as core from '@actions/core'
import { MANIFEST_ENV, Outputs } from './constants.js'
import { amiIdsByBuild, artifactsOutput, firstAmiId } from '../packer/artifacts.js'
import type { Artifact } from '../packer/types.js'

/**
 * Sets `ami-id`, `ami-ids`, `artifacts` and `manifest`, and tells later steps of the job where the
 * manifest is (tfvars and promote read it when their `ami-ids` input is empty).
 */
export function setImageOutputs(
  artifacts: Artifact[],
  manifestFile: string,
  redact: (text: string) => string,
  primaryAmis: Record<string, string> = {}
): void {
  core.setOutput(Outputs.AmiId, redact(firstAmiId(artifacts, primaryAmis) ?? ''))
  core.setOutput(Outputs.AmiIds, redact(JSON.stringify(amiIdsByBuild(artifacts))))
  core.setOutput(Outputs.Artifacts, redact(JSON.stringify(artifactsOutput(artifacts))))
  core.setOutput(Outputs.Manifest, manifestFile)
  core.exportVariable(MANIFEST_ENV, manifestFile)
}

/**
 * The image outputs of a build that failed before `packer build` ran (init, validate): no image, so
 * that a later `if: always()` step can still read them with `fromJSON`. No manifest is named.
 */
export function setNoImageOutputs(): void {
  core.setOutput(Outputs.AmiId, '')
  core.setOutput(Outputs.AmiIds, JSON.stringify({}))
  core.setOutput(Outputs.Artifacts, JSON.stringify([]))
}
