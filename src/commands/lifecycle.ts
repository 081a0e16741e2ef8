/**
 * The commands that work on what builds produced, by name: `merge-manifests`, `tfvars`, `cleanup`
 * and `promote`, one module each. Orchestration only: the decisions are the pure planners'
 * (packer/manifest.ts, tfvars/, lifecycle/), the EC2 calls are aws/'s.
 */
import type { LifecycleCommand } from '../action/constants.js'
import type { LifecycleReport } from '../summary/lifecycle.js'
import { cleanupImages } from './cleanup.js'
import type { LifecycleContext } from './lifecycle-context.js'
import { mergeManifestFiles } from './merge-manifests.js'
import { promoteImages } from './promote.js'
import { updateTfvarsFile } from './tfvars.js'

export type { LifecycleContext } from './lifecycle-context.js'

/** Each lifecycle command; what it has to report is in `report` even when it fails part-way. */
const LIFECYCLE_RUNNERS: Record<
  LifecycleCommand,
  (ctx: LifecycleContext, report: LifecycleReport) => Promise<void>
> = {
  'merge-manifests': async (ctx, report) => {
    Object.assign(report, await mergeManifestFiles(ctx))
  },
  tfvars: async (ctx, report) => {
    Object.assign(report, await updateTfvarsFile(ctx))
  },
  cleanup: cleanupImages,
  promote: async (ctx, report) => {
    Object.assign(report, await promoteImages(ctx))
  }
}

/** Runs the command; what it has to report is in `report` even when it fails part-way. */
export async function runLifecycleCommand(
  command: LifecycleCommand,
  ctx: LifecycleContext,
  report: LifecycleReport
): Promise<void> {
  await LIFECYCLE_RUNNERS[command](ctx, report)
}
