/** `command: promote`: tags (and shares) the AMIs of a build as having reached a stage. */
import * as core from '@actions/core'
import { Outputs } from '../action/constants.js'
import { ActionError, awsErrorMessage } from '../action/errors.js'
import { renderPromotionSummary, type LifecycleReport } from '../summary/lifecycle.js'
import { describeImagesById, ec2Client, shareImage, tagResources } from '../aws/images.js'
import { planPromotion, promotedOutput, runUrlOf } from '../lifecycle/promotion.js'
import type { Image } from '../lifecycle/retention.js'
import { amiIdsOf, type LifecycleContext } from './lifecycle-context.js'
import type { PromoteInputs } from './lifecycle-inputs.js'

/** Fills `report` with what was promoted, also when a call fails part-way. */
export async function promoteImages(
  inputs: PromoteInputs,
  ctx: LifecycleContext,
  report: LifecycleReport
): Promise<void> {
  const amiIds = await amiIdsOf(inputs.amiIds, ctx)
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
  const done: typeof promotions = []
  /** The output and the summary say what was promoted, before any failure is thrown. */
  const record = (): void => {
    core.setOutput(
      Outputs.Promoted,
      JSON.stringify(ctx.log.redactDeep(promotedOutput(done, inputs.stage)))
    )
    report.markdown = renderPromotionSummary(...ctx.log.redactDeep([inputs.stage, done] as const))
  }
  for (const p of promotions) {
    const client = ec2Client(p.region)
    try {
      if (p.changed) await tagResources(client, [p.imageId, ...p.snapshotIds], p.tags)
      await shareImage(client, p.imageId, p.shareWith)
    } catch (error) {
      record()
      const already = done.filter((d) => d.changed).map((d) => `${d.imageId} (${d.region})`)
      throw new ActionError(
        `Cannot promote ${p.imageId} in ${p.region}: ${awsErrorMessage(error)}` +
          (already.length
            ? `; already promoted to ${inputs.stage} by this step: ${already.join(', ')}`
            : '')
      )
    }
    done.push(p)
    ctx.log.info(
      p.changed
        ? `${p.imageId} (${p.region}) and ${p.snapshotIds.length} snapshot(s): ${inputs.stageTag}=${inputs.stage}`
        : `${p.imageId} (${p.region}) is already at ${inputs.stageTag}=${inputs.stage}`
    )
  }
  record()
}
