/** `command: cleanup`: deregisters the images retention no longer keeps, with their snapshots. */
import * as core from '@actions/core'
import { Inputs, Outputs } from '../action/constants.js'
import { ActionError } from '../action/errors.js'
import { renderCleanupSummary, type LifecycleReport } from '../summary/lifecycle.js'
import {
  cleanupRegion,
  defaultRegion,
  ec2Client,
  type DeletedImage,
  type Failure
} from '../aws/images.js'
import type { Deletion } from '../lifecycle/retention.js'
import type { Kept } from '../lifecycle/retention.js'
import type { LifecycleContext } from './lifecycle-context.js'
import type { CleanupInputs } from './lifecycle-inputs.js'

/** What it has to report is in `report` even when it fails part-way. */
export async function cleanupImages(
  inputs: CleanupInputs,
  ctx: LifecycleContext,
  report: LifecycleReport
): Promise<void> {
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
  // Redacted before it is rendered: Markdown escaping would hide a secret from the redactor.
  report.markdown = renderCleanupSummary(
    ctx.log.redactDeep({ dryRun: inputs.dryRun, deleted, kept, failures })
  )
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
