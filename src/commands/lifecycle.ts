/**
 * The commands that work on what builds produced: `merge-manifests`, `tfvars`, `cleanup` and
 * `promote`. Orchestration only: the decisions are the pure planners' (manifest.ts, tfvars/,
 * retention.ts, promote.ts), the EC2 calls are aws/images.ts's.
 */
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import * as path from 'node:path'
import { Inputs, MANIFEST_ENV, Outputs, type LifecycleCommand } from '../action/constants.js'
import { ActionError, awsErrorMessage, getErrorMessage } from '../action/errors.js'
import { expandPatterns } from '../action/glob.js'
import { checkInside, workspaceRoot, type ActionInputs, type PathRoot } from '../action/inputs.js'
import type { Logger } from '../action/logger.js'
import { setImageOutputs } from '../action/outputs.js'
import {
  renderCleanupSummary,
  renderPromotionSummary,
  renderTfvarsSummary,
  type LifecycleReport
} from '../summary/lifecycle.js'
import { amiIdsByBuild } from '../packer/artifacts.js'
import {
  duplicateBuilds,
  lastSourceOfEachBuild,
  primaryAmisOf,
  lastRunOf,
  manifestToArtifacts,
  mergeManifests,
  parseManifest,
  type ManifestSource
} from '../packer/manifest.js'
import type { BuildResult } from '../packer/types.js'
import {
  cleanupRegion,
  defaultRegion,
  describeImagesById,
  ec2Client,
  shareImage,
  tagResources,
  type DeletedImage,
  type Failure
} from '../aws/images.js'
import type { Deletion } from '../lifecycle/retention.js'
import { planPromotion, promotedOutput, runUrlOf } from '../lifecycle/promote.js'
import type { Image, Kept } from '../lifecycle/retention.js'
import { applyTfvars } from '../tfvars/file.js'
import { selectTfvarsValues, type AmiIds } from '../tfvars/mapping.js'

export interface LifecycleContext {
  inputs: ActionInputs
  /** Absolute. */
  workingDirectory: string
  /** Absolute; path inputs must lead inside it (the working directory when not given). */
  workspace?: string
  /** A fresh directory of this run under RUNNER_TEMP, for files the action writes. */
  runDir: string
  log: Logger
  env: NodeJS.ProcessEnv
  /** True once the job is being cancelled. */
  cancelled: () => boolean
}

/** Runs the command; what it has to report is in `report` even when it fails part-way. */
export async function runLifecycleCommand(
  command: LifecycleCommand,
  ctx: LifecycleContext,
  report: LifecycleReport
): Promise<void> {
  switch (command) {
    case 'merge-manifests':
      Object.assign(report, await mergeManifestFiles(ctx))
      return
    case 'tfvars':
      Object.assign(report, await updateTfvarsFile(ctx))
      return
    case 'cleanup':
      await cleanupImages(ctx, report)
      return
    case 'promote':
      Object.assign(report, await promoteImages(ctx))
      return
  }
}

/** Where manifests may be read from: the workspace, and RUNNER_TEMP where builds leave theirs. */
function manifestRoots(ctx: LifecycleContext): PathRoot[] {
  const roots = [workspaceRoot(ctx.workspace ?? ctx.workingDirectory)]
  if (ctx.env.RUNNER_TEMP) roots.push({ name: 'RUNNER_TEMP', dir: ctx.env.RUNNER_TEMP })
  return roots
}

async function readManifest(file: string): Promise<ManifestSource> {
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

async function mergeManifestFiles(ctx: LifecycleContext): Promise<LifecycleReport> {
  const { files, missing } = expandPatterns(ctx.inputs.manifests, ctx.workingDirectory)
  if (missing.length > 0) {
    throw new ActionError(
      `Input '${Inputs.Manifests}': nothing matches ${missing.map((m) => `'${m}'`).join(', ')} (in ${ctx.workingDirectory})`
    )
  }
  for (const file of files) {
    checkInside(
      file,
      Inputs.Manifests,
      path.relative(ctx.workingDirectory, file) || file,
      manifestRoots(ctx),
      'names'
    )
  }
  const sources = await Promise.all(files.map(readManifest))
  const relative = sources.map((s) => ({
    ...s,
    source: path.relative(ctx.workingDirectory, s.source) || s.source
  }))
  for (const [build, where] of duplicateBuilds(relative)) {
    ctx.log.warning(
      `Build '${build}' is in ${where.length} manifests (${where.join(', ')}); in ami-ids the last one wins`
    )
  }
  const merged = mergeManifests(relative, randomUUID())
  const manifestFile = path.join(ctx.runDir, 'manifest.json')
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

/** The `ami-ids` input, or the AMIs of the manifest an earlier build step of this job wrote. */
async function amiIdsOf(ctx: LifecycleContext): Promise<AmiIds> {
  if (ctx.inputs.amiIds) return ctx.inputs.amiIds
  const manifestFile = ctx.env[MANIFEST_ENV]
  if (!manifestFile) {
    throw new ActionError(
      `Input '${Inputs.AmiIds}' is empty and no build of this action ran earlier in this job; pass the 'ami-ids' output of the build step`
    )
  }
  try {
    checkInside(manifestFile, Inputs.AmiIds, manifestFile, manifestRoots(ctx))
  } catch (error) {
    throw new ActionError(`${MANIFEST_ENV}: ${getErrorMessage(error)}`)
  }
  const { manifest } = await readManifest(manifestFile)
  ctx.log.info(`AMIs from the manifest of this job's build: ${manifestFile}`)
  return amiIdsByBuild(manifestToArtifacts(lastRunOf(manifest)))
}

async function updateTfvarsFile(ctx: LifecycleContext): Promise<LifecycleReport> {
  const amiIds = await amiIdsOf(ctx)
  const values = selectTfvarsValues(amiIds, ctx.inputs.tfvarsMapping)
  const file = path.resolve(ctx.workingDirectory, ctx.inputs.tfvarsFile)
  checkInside(file, Inputs.TfvarsFile, ctx.inputs.tfvarsFile, [
    workspaceRoot(ctx.workspace ?? ctx.workingDirectory)
  ])
  const result = await applyTfvars({ file, values })
  core.setOutput(Outputs.Changed, String(result.changed))
  core.setOutput(Outputs.TfvarsFile, file)
  for (const [variable, value] of Object.entries(values)) {
    ctx.log.info(`${variable} = ${JSON.stringify(value)}`)
  }
  ctx.log.info(result.changed ? `Updated ${file}` : `${file} already holds these values`)
  return {
    markdown: renderTfvarsSummary(
      path.relative(ctx.workingDirectory, file) || file,
      result.changed,
      values
    )
  }
}

async function cleanupImages(ctx: LifecycleContext, report: LifecycleReport): Promise<void> {
  const { inputs } = ctx
  let regions = inputs.awsRegions
  if (regions.length === 0) {
    let region: string | undefined
    try {
      region = await defaultRegion()
    } catch {
      region = undefined
    }
    if (!region) {
      throw new ActionError(
        `Input '${Inputs.AwsRegions}' is empty and no region is configured (AWS_REGION); name the regions to clean up`
      )
    }
    regions = [region]
  }
  const deleted: DeletedImage[] = []
  const kept: Kept[] = []
  const failures: Failure[] = []
  const notStarted: Deletion[] = []
  const now = new Date()
  for (const region of regions) {
    // A cancelled job starts no further region; an image in progress is finished (see deleteImages).
    if (ctx.cancelled()) break
    await ctx.log.group(`${inputs.dryRun ? 'Dry run: ' : ''}cleanup in ${region}`, async () => {
      const result = await cleanupRegion(ec2Client(region), {
        region,
        dryRun: inputs.dryRun,
        keep: inputs.keep,
        ...(inputs.minAgeMs === undefined ? {} : { minAgeMs: inputs.minAgeMs }),
        now,
        ...(inputs.imageNameFilter ? { nameFilter: inputs.imageNameFilter } : {}),
        ...(Object.keys(inputs.imageTags).length ? { tags: inputs.imageTags } : {}),
        stop: ctx.cancelled
      })
      notStarted.push(...result.notStarted)
      for (const d of result.deleted) {
        ctx.log.info(
          `${inputs.dryRun ? 'Would delete' : 'Deleted'} ${d.imageId} (${d.name})${d.snapshotIds.length ? ` and snapshot(s) ${d.snapshotIds.join(', ')}` : ''}`
        )
      }
      for (const k of result.kept) ctx.log.info(`Kept ${k.imageId} (${k.name}): ${k.reason}`)
      for (const f of result.failures) {
        core.error(
          ctx.log.redact(`${f.region}${f.resourceId ? ` ${f.resourceId}` : ''}: ${f.message}`),
          {
            title: 'cleanup'
          }
        )
      }
      deleted.push(...result.deleted)
      kept.push(...result.kept)
      failures.push(...result.failures)
    })
  }
  // Outputs are written to a file, and pass the same redaction as the log.
  core.setOutput(Outputs.Deleted, JSON.stringify(ctx.log.redactDeep(deleted)))
  core.setOutput(
    Outputs.Kept,
    JSON.stringify(
      ctx.log.redactDeep(
        kept.map(({ region, imageId, name, reason }) => ({ region, imageId, name, reason }))
      )
    )
  )
  const markdown = renderCleanupSummary({ dryRun: inputs.dryRun, deleted, kept, failures })
  report.markdown = markdown
  if (ctx.cancelled()) {
    throw new ActionError(
      `Cleanup was cancelled after ${deleted.length} deletion(s)${notStarted.length ? `; not deleted: ${notStarted.map((d) => `${d.region} ${d.imageId}`).join(', ')}` : ''}`
    )
  }
  if (failures.length > 0) {
    throw new ActionError(
      `Cleanup had ${failures.length} failure(s): ${failures.map((f) => `${f.region}${f.resourceId ? ` ${f.resourceId}` : ''}: ${f.message}`).join('; ')}`
    )
  }
}

async function promoteImages(ctx: LifecycleContext): Promise<LifecycleReport> {
  const { inputs } = ctx
  const amiIds = await amiIdsOf(ctx)
  const idsByRegion = new Map<string, Set<string>>()
  for (const regions of Object.values(amiIds)) {
    for (const [region, ami] of Object.entries(regions)) {
      idsByRegion.set(region, (idsByRegion.get(region) ?? new Set()).add(ami))
    }
  }
  const images: Image[] = []
  for (const [region, ids] of idsByRegion) {
    try {
      images.push(...(await describeImagesById(ec2Client(region), region, [...ids])))
    } catch (error) {
      throw new ActionError(`Cannot describe the AMIs in ${region}: ${awsErrorMessage(error)}`)
    }
  }
  const promotions = planPromotion({
    amiIds,
    stage: inputs.stage,
    stageTag: inputs.stageTag,
    runUrl: runUrlOf(ctx.env),
    now: new Date(),
    images,
    shareWith: inputs.shareWith
  })
  for (const p of promotions) {
    const client = ec2Client(p.region)
    try {
      if (p.changed) await tagResources(client, [p.imageId, ...p.snapshotIds], p.tags)
      await shareImage(client, p.imageId, p.shareWith)
    } catch (error) {
      throw new ActionError(`Cannot promote ${p.imageId} in ${p.region}: ${awsErrorMessage(error)}`)
    }
    ctx.log.info(
      p.changed
        ? `${p.imageId} (${p.region}) and ${p.snapshotIds.length} snapshot(s): ${inputs.stageTag}=${inputs.stage}`
        : `${p.imageId} (${p.region}) is already at ${inputs.stageTag}=${inputs.stage}`
    )
  }
  core.setOutput(
    Outputs.Promoted,
    JSON.stringify(ctx.log.redactDeep(promotedOutput(promotions, inputs.stage)))
  )
  return {
    markdown: renderPromotionSummary(inputs.stage, promotions)
  }
}
