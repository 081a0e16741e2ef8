/**
 * A command's job summary, whichever kind of report it filled: a Packer run's, or a lifecycle
 * command's. Pure.
 */
import type { LifecycleCommand } from '../action/constants.js'
import { renderLifecycleSummary, type LifecycleReport } from './lifecycle.js'
import { inline, pre } from './markdown.js'
import { renderSummary, type SummaryReport } from './packer-run.js'

/** What a command fills in as it runs, even when it fails part-way. */
export type CommandReport =
  | { kind: 'packer'; report: SummaryReport }
  | { kind: 'lifecycle'; command: LifecycleCommand; report: LifecycleReport }
  /** The inputs were refused before any command ran. */
  | { kind: 'inputs'; command: string }

/** Why a run failed. */
export interface Failure {
  /** As the step's error shows it, secrets already redacted. */
  message: string
  cancelled: boolean
}

/** `clean` is applied to what the command reported (the redaction of secrets) before it is rendered. */
export function renderCommandSummary(
  report: CommandReport,
  failure: Failure | undefined,
  durationMs: number,
  clean: <T>(value: T) => T = (value) => value
): string {
  if (report.kind === 'inputs') {
    return (
      [
        `### Packer ${inline(report.command)}: ✗ failed`,
        `The step's inputs were refused before anything was downloaded or run.`,
        `**Error**\n\n${pre(failure?.message ?? '')}`
      ].join('\n\n') + '\n'
    )
  }
  if (report.kind === 'lifecycle') {
    return renderLifecycleSummary(
      report.command,
      clean(report.report),
      failure?.message,
      durationMs
    )
  }
  return renderSummary({
    ...clean(report.report),
    durationMs,
    ...(failure
      ? { status: failure.cancelled ? 'cancelled' : 'failed', error: failure.message }
      : {})
  })
}
