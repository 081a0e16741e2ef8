/** What the Packer commands share: their context, running Packer to capture its output, and failure messages. */
import * as path from 'node:path'
import type { Cancellation } from '../action/cancellation.js'
import { ActionError } from '../action/errors.js'
import type { InstallerInputs, ResolvedPaths } from '../action/inputs.js'
import type { Logger } from '../action/logger.js'
import { commandLine } from '../packer/args.js'
import { findingsFromDiagnostics, type PathContext } from '../packer/diagnostics.js'
import { runProcess, type RunResult } from '../packer/process.js'
import { type AwsResources } from '../aws/resources.js'
import type { Finding } from '../packer/types.js'

/** `I`: the inputs of the command, as far as the function given the context reads them. */
export interface PackerContext<I = unknown> {
  inputs: I
  /** Where Packer came from: the official plugins are installed from the same releases. */
  installer: InstallerInputs
  paths: ResolvedPaths
  binary: string
  version: string
  workspace: string
  env: NodeJS.ProcessEnv
  log: Logger
  cancellation: Cancellation
  /** Temporary var-file holding the sensitive variables, when there are any. */
  sensitiveVarFile?: string
  /** Where the human-readable log of `packer build` is written, for upload-artifact. */
  logFile: string
  /** Called each time a running build creates a temporary AWS resource. */
  onAwsResources?: (resources: AwsResources) => void
}

export class CancelledError extends ActionError {
  constructor(what: string) {
    super(`${what} was cancelled`)
  }
}

export function pathContext(ctx: PackerContext): PathContext {
  return {
    workingDirectory: ctx.paths.workingDirectory,
    workspace: ctx.workspace,
    template: path.relative(ctx.paths.workingDirectory, ctx.paths.template) || '.'
  }
}

/** Runs a short Packer command, collecting what it prints. */
export async function capture(
  ctx: PackerContext,
  args: string[],
  env: NodeJS.ProcessEnv = ctx.env
): Promise<RunResult & { output: string }> {
  if (ctx.cancellation.requested) throw new CancelledError(`packer ${args[0]}`)
  ctx.log.info(`[command]${commandLine(ctx.binary, args)}`)
  const chunks: Buffer[] = []
  const result = await runProcess(ctx.binary, args, {
    cwd: ctx.paths.workingDirectory,
    env,
    cancellation: ctx.cancellation,
    onStdout: (c) => chunks.push(c),
    onStderr: (c) => chunks.push(c)
  })
  const output = Buffer.concat(chunks).toString('utf8')
  if (output.trim()) {
    ctx.log.output(output.trimEnd())
    ctx.log.resume()
  }
  if (result.cancelled) throw new CancelledError(`packer ${args[0]}`)
  return { ...result, output }
}

/**
 * What a failed Packer command said, for the step's error: its first diagnostic, else its last
 * line of output.
 */
export function failureDetail(output: string, context: PathContext): string | undefined {
  const first = findingsFromDiagnostics(output, context).find((f) => f.severity === 'error')
  if (first) return `${first.title ? `${first.title}: ` : ''}${first.message}`
  const last = output
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .pop()
  return last === undefined ? undefined : last.length > 500 ? `${last.slice(0, 500)}…` : last
}

export function failure(
  what: string,
  exitCode: number,
  output: string,
  context: PathContext
): string {
  const detail = failureDetail(output, context)
  return `${what} failed (exit code ${exitCode})${detail ? `: ${detail}` : ''}`
}

export interface CheckResult {
  findings: Finding[]
  /** Why the check failed, for the step's error. */
  failure?: string
}
