/** `command: merge-manifests`: one manifest, and the image outputs, from several builds' manifests. */
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { Inputs } from '../action/constants.js'
import { ActionError } from '../action/errors.js'
import { createRunDir } from '../action/run-dir.js'
import { expandPatterns } from '../action/glob.js'
import { checkInside } from '../action/inputs.js'
import { setImageOutputs } from '../action/outputs.js'
import { type LifecycleReport } from '../summary/lifecycle.js'
import {
  duplicateBuilds,
  lastSourceOfEachBuild,
  primaryAmisOf,
  manifestToArtifacts,
  mergeManifests
} from '../packer/manifest.js'
import type { BuildResult } from '../packer/types.js'
import { manifestRoots, readManifest, type LifecycleContext } from './lifecycle-context.js'
import type { MergeManifestsInputs } from './lifecycle-inputs.js'

/** `workingDirectory`: absolute, checked. */
export async function mergeManifestFiles(
  inputs: MergeManifestsInputs,
  workingDirectory: string,
  ctx: LifecycleContext
): Promise<LifecycleReport> {
  const { files, missing, folders } = expandPatterns(inputs.manifests, workingDirectory)
  if (missing.length > 0) {
    // A folder given where files are meant: say which pattern would find its manifests.
    throw new ActionError(
      `Input '${Inputs.Manifests}': nothing matches ${missing.map((m) => `'${m}'`).join(', ')} (in ${workingDirectory})` +
        (folders.length
          ? `; ${folders.map((f) => `'${f}'`).join(', ')} ${folders.length === 1 ? 'is a folder' : 'are folders'}: name the files, such as '${folders[0].replace(/\/+$/, '')}/**/*.json'`
          : '')
    )
  }
  for (const file of files) {
    checkInside(
      file,
      Inputs.Manifests,
      path.relative(workingDirectory, file) || file,
      manifestRoots(ctx),
      'names'
    )
  }
  const sources = await Promise.all(files.map(readManifest))
  const relative = sources.map((s) => ({
    ...s,
    source: path.relative(workingDirectory, s.source) || s.source
  }))
  for (const [build, where] of duplicateBuilds(relative)) {
    ctx.log.warning(
      `Build '${build}' is in ${where.length} manifests (${where.join(', ')}); in ami-ids the last one wins`
    )
  }
  const merged = mergeManifests(relative, randomUUID())
  const manifestFile = path.join(await createRunDir(), 'manifest.json')
  await writeFile(manifestFile, JSON.stringify(ctx.log.redactDeep(merged), null, 2) + '\n')
  const artifacts = manifestToArtifacts(lastSourceOfEachBuild(merged))
  setImageOutputs(artifacts, manifestFile, (v) => ctx.log.redact(v), primaryAmisOf(merged))
  ctx.log.info(
    `Merged ${sources.length} manifest(s) into ${manifestFile}: ${merged.builds.length} artifact(s) of ${new Set(merged.builds.map((b) => b.name)).size} build(s)`
  )
  const byBuild = new Map<string, BuildResult>()
  for (const artifact of artifacts) {
    const build = byBuild.get(artifact.build) ?? {
      name: artifact.build,
      builderType: artifact.builderType,
      status: 'succeeded' as const,
      errors: [],
      artifacts: []
    }
    build.artifacts.push(artifact)
    byBuild.set(artifact.build, build)
  }
  return { builds: [...byBuild.values()] }
}
