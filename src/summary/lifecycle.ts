/**
 * The job summaries of the lifecycle commands (`tfvars`, `cleanup`, `promote`), and a lifecycle
 * command's summary as a whole, with its failure. Pure: every value is escaped here.
 */
import type { DeletedImage, Failure } from '../aws/images.js'
import type { Promotion } from '../lifecycle/promotion.js'
import type { Kept } from '../lifecycle/retention.js'
import type { TfvarsValues } from '../tfvars/values.js'
import { code, escapeHtml, inline, table } from './markdown.js'
import { renderSummary } from './packer-run.js'
import type { BuildResult } from '../packer/types.js'

/** What a lifecycle command tells the job summary. */
export interface LifecycleReport {
  /** Builds (with their artifacts) a merged manifest holds. */
  builds?: BuildResult[]
  /** Markdown of its own, every value already escaped. */
  markdown?: string
}

/** `command: tfvars`: the variables written, and whether the file changed. */
export function renderTfvarsSummary(file: string, changed: boolean, values: TfvarsValues): string {
  const rows = Object.entries(values).map(([variable, value]) => [
    code(variable),
    typeof value === 'string'
      ? code(value)
      : Object.entries(value)
          .map(([region, ami]) => `${inline(region)}: ${code(ami)}`)
          .join('<br>')
  ])
  return [
    `### Terraform variables: ${changed ? 'updated' : 'unchanged'}`,
    code(file),
    table(['Variable', 'Value'], rows)
  ].join('\n\n')
}

/** `command: cleanup`: each image deleted (or that would be), kept, or that failed. */
export function renderCleanupSummary(result: {
  dryRun: boolean
  deleted: DeletedImage[]
  kept: Kept[]
  failures: Failure[]
}): string {
  const { dryRun, deleted, kept, failures } = result
  const outcome = dryRun ? 'would be deleted' : 'deleted'
  return [
    `### Image cleanup${dryRun ? ' (dry run: nothing was deleted)' : ''}`,
    table(
      ['Region', 'AMI', 'Name', 'Snapshots', 'Outcome'],
      [
        ...deleted.map((d) => [
          inline(d.region),
          code(d.imageId),
          inline(d.name),
          d.snapshotIds.map(code).join('<br>'),
          outcome
        ]),
        ...kept.map((k) => [
          inline(k.region),
          code(k.imageId),
          inline(k.name),
          '',
          `kept: ${inline(k.reason)}`
        ]),
        ...failures.map((f) => [
          inline(f.region),
          f.resourceId ? code(f.resourceId) : '',
          '',
          '',
          `failed: ${inline(f.message)}`
        ])
      ]
    )
  ].join('\n\n')
}

/** `command: promote`: each AMI and whether it changed stage. */
export function renderPromotionSummary(stage: string, promotions: Promotion[]): string {
  return [
    `### Promoted to ${inline(stage)}`,
    table(
      ['Build', 'Region', 'AMI', 'Changed'],
      promotions.map((p) => [
        inline(p.build),
        inline(p.region),
        code(p.imageId),
        p.changed ? 'yes' : 'no (already at this stage)'
      ])
    )
  ].join('\n\n')
}

/** A lifecycle command's own markdown, or the builds it read, and why it failed if it did. */
export function renderLifecycleSummary(
  command: string,
  report: LifecycleReport,
  failure: string | undefined,
  durationMs: number
): string {
  if (report.markdown === undefined || report.builds) {
    return renderSummary({
      command,
      templates: [],
      status: failure ? 'failed' : 'succeeded',
      durationMs,
      builds: report.builds ?? [],
      ...(failure ? { error: failure } : {})
    })
  }
  return failure
    ? `${report.markdown}\n\n**Failed:** ${escapeHtml(failure)}\n`
    : `${report.markdown}\n`
}
