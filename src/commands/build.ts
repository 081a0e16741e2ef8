/** `command: build`: `packer build`, streamed through the machine-readable parser. */
import { createWriteStream, statSync, type WriteStream } from 'node:fs'
import * as path from 'node:path'
import { ActionError, getErrorMessage } from '../action/errors.js'
import type { Logger } from '../action/logger.js'
import { buildArgs, commandLine } from '../packer/args.js'
import { findingsFromDiagnostics } from '../packer/diagnostics.js'
import { runProcess, type RunResult } from '../packer/process.js'
import { AwsResourceTracker, type AwsResources } from '../aws/resources.js'
import { BuildTracker, type RunSummary } from '../packer/machine-readable/build-tracker.js'
import { renderLine } from '../packer/machine-readable/line.js'
import { MachineReadableParser } from '../packer/machine-readable/parser.js'
import type { Finding } from '../packer/types.js'
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { Outputs, State } from '../action/constants.js'
import { setImageOutputs, setNoImageOutputs } from '../action/outputs.js'
import { uploadFiles } from '../action/upload.js'
import { afterPackerExit, hasResources } from '../aws/resources.js'
import { manifestFromArtifacts } from '../packer/manifest.js'
import type { SummaryReport } from '../summary/packer-run.js'
import type { BuildInputs } from './template-inputs.js'
import type { TemplateRun } from './template.js'
import { init } from './init.js'
import { validate } from './validate.js'
import { noBuildSelected, templateBuildNames } from './build-selection.js'
import { CancelledError, pathContext, type PackerContext } from './packer-context.js'

export interface BuildRun {
  /** Per build, the AMI made in the build's own region, where Packer said. */
  primaryAmis: Record<string, string>
  exitCode: number
  cancelled: boolean
  summary: RunSummary
  findings: Finding[]
}

/**
 * `packer build -machine-readable`: the stream is parsed as it arrives (constant memory), written
 * to the log as Packer's human output, and followed build by build. A log group is opened per
 * build while builds run one at a time; once their output interleaves, lines go ungrouped.
 */
export async function build(ctx: PackerContext<BuildInputs>): Promise<BuildRun> {
  if (ctx.cancellation.requested) throw new CancelledError('packer build')
  const args = buildArgs(ctx.inputs, ctx.paths, ctx.sensitiveVarFile)
  ctx.log.info(`[command]${commandLine(ctx.binary, args)}`)
  const logFile: WriteStream = createWriteStream(ctx.logFile, { mode: 0o600 })
  let logFailed = false
  logFile.on('error', (error) => {
    // A full disk loses the log file, not the build: the log itself goes on.
    if (!logFailed) ctx.log.notice(`The build log file is incomplete: ${getErrorMessage(error)}`)
    logFailed = true
  })
  const tracker = new BuildTracker()
  const aws = new AwsResourceTracker([ctx.env.AWS_REGION ?? '', ctx.env.AWS_DEFAULT_REGION ?? ''])
  const grouping = new BuildGrouping(ctx.log)
  const print = (text: string, build?: string): void => {
    // Redacted once, for the log and the file alike: this runs for every line of the build.
    const clean = grouping.line(text, build)
    if (!logFailed) logFile.write(clean + '\n')
  }
  const parser = new MachineReadableParser(
    (line, _truncated, raw) => {
      tracker.consume(line, raw)
      if (aws.consume(line)) ctx.onAwsResources?.(aws.current)
      const text = renderLine(line)
      if (text !== undefined) print(text, buildOf(text))
    },
    { onOtherLine: (text) => print(text) }
  )
  const stderr = new MachineReadableParser((line) => print(line.data.join(',')), {
    onOtherLine: (text) => print(text)
  })
  let result: RunResult
  try {
    result = await runProcess(ctx.binary, args, {
      cwd: ctx.paths.workingDirectory,
      env: ctx.env,
      cancellation: ctx.cancellation,
      onStdout: (chunk) => parser.push(chunk),
      onStderr: (chunk) => stderr.push(chunk),
      onForward: (signal) =>
        print(
          `Cancelling: sent ${signal} to Packer's process group; waiting for Packer to clean up`
        ),
      onLeftovers: (left) =>
        print(
          `Stopping ${left.length} process(es) Packer left running: ${left
            .map((p) => `${p.command} (pid ${p.pid})`)
            .join(', ')}`
        )
    })
    parser.end()
    stderr.end()
  } finally {
    grouping.close()
    ctx.log.resume()
    await new Promise<void>((resolve) => logFile.end(resolve))
  }
  if (result.cancelled) tracker.markCancelled()
  const summary = tracker.result()
  const findings: Finding[] = []
  const context = pathContext(ctx)
  for (const message of summary.runErrors) {
    const found = findingsFromDiagnostics(message, context)
    findings.push(...(found.length ? found : [{ severity: 'error', message } as Finding]))
  }
  for (const b of summary.builds) {
    for (const error of b.errors)
      findings.push({ severity: 'error', title: `Build '${b.name}' failed`, message: error })
  }
  for (const finding of findings) ctx.log.finding(finding)
  return {
    exitCode: result.exitCode,
    cancelled: result.cancelled,
    summary,
    findings,
    primaryAmis: aws.primaryAmis
  }
}

/** The build a rendered ui line speaks of: `==> name: …`, `    name: …`, `Build 'name' …`. */
function buildOf(text: string): string | undefined {
  const arrow = /^(?:==> |--> |\s{4})([^\s:]+?)(?: \([^)]*\))?: /.exec(text)
  if (arrow) return arrow[1]
  const quoted = /^Build '([^']+)' /.exec(text)
  return quoted?.[1]
}

class BuildGrouping {
  private open?: string
  private interleaved = false
  private readonly finished = new Set<string>()

  constructor(private readonly log: Logger) {}

  /** Prints one line of Packer's, in its build's group where it has one; returns it as printed. */
  line(text: string, build?: string): string {
    if (build && !this.interleaved && build !== this.open) {
      if (this.open && !this.finished.has(this.open)) {
        this.close()
        this.interleaved = true
      } else if (!this.finished.has(build)) {
        this.close()
        this.log.startGroup(`Build '${build}'`)
        this.open = build
      }
    }
    const printed = this.log.output(text)
    if (build && /^Build '[^']+' (finished|errored)/.test(text)) {
      this.finished.add(build)
      if (build === this.open) this.close()
    }
    return printed
  }

  close(): void {
    if (this.open) this.log.endGroup()
    this.open = undefined
  }
}

export function fileSize(workingDirectory: string): (name: string) => number {
  return (name) => {
    try {
      return statSync(path.resolve(workingDirectory, name)).size
    } catch {
      return 0
    }
  }
}

export async function runBuild({
  ctx,
  pluginDir,
  runDir,
  report
}: TemplateRun<BuildInputs>): Promise<void> {
  try {
    await init(ctx, pluginDir)
    // Validated first: `packer build` reports a source it cannot prepare but still runs the
    // builds it could, so a template with one broken source would create the others' images.
    const checked = await validate(ctx)
    report.validateFindings = checked.findings
    if (checked.failure) throw new Error(checked.failure)
  } catch (error) {
    setNoImageOutputs()
    throw error
  }
  await buildAndReport(ctx, runDir, report)
}

/**
 * Packer exited on its own and ran its cleanup, but Packer 1.x leaves an AMI registered that was
 * still pending when the build was cancelled or failed, and copies it was still waiting for in
 * other regions; they are billed, and deleted here. With `on-error: abort` the user asked to keep
 * what a failed build made, so those are only named.
 */
async function handleLeftovers(
  ctx: PackerContext<BuildInputs>,
  run: { cancelled: boolean; exitCode: number },
  left: AwsResources
): Promise<void> {
  const succeeded = !run.cancelled && run.exitCode === 0
  // `abort` keeps what a failed build made; a cancel is not a failure of the build.
  const kept = !run.cancelled && ctx.inputs.onError === 'abort'
  if (!hasResources(left) || succeeded || kept) {
    core.saveState(State.AwsResources, '')
    if (hasResources(left) && kept) {
      ctx.log.notice(
        `on-error is abort: the failed build's AMIs stay for debugging: ${left.amis.map((a) => a.id).join(', ')}`
      )
    }
    return
  }
  const { deleteLeftovers } = await import('../aws/leftovers.js')
  const remaining = await deleteLeftovers(
    left,
    ctx.env,
    `The ${run.cancelled ? 'cancelled' : 'failed'} build left AMIs registered`
  )
  // What could not be deleted stays in the state for the post step to try again.
  core.saveState(State.AwsResources, hasResources(remaining) ? JSON.stringify(remaining) : '')
}

async function buildAndReport(
  ctx: PackerContext<BuildInputs>,
  runDir: string,
  report: SummaryReport
): Promise<void> {
  let tracked: AwsResources | undefined
  const run = await build({
    ...ctx,
    // Saved as they appear: if the runner kills Packer and the action outright, the post step
    // deletes what this run left behind.
    onAwsResources: (resources) => {
      tracked = resources
      core.saveState(State.AwsResources, JSON.stringify(resources))
    }
  })
  if (tracked) await handleLeftovers(ctx, run, afterPackerExit(tracked))
  const { artifacts } = run.summary
  report.builds = run.summary.builds
  report.validateFindings = [...(report.validateFindings ?? []), ...run.findings]
  // Outputs are set for the builds that succeeded even when another failed.
  const manifest = manifestFromArtifacts(artifacts, {
    runUuid: randomUUID(),
    buildTime: Math.floor(Date.now() / 1000),
    fileSize: fileSize(ctx.paths.workingDirectory),
    primaryAmis: run.primaryAmis
  })
  const manifestFile = path.join(runDir, 'manifest.json')
  // Redacted as the log is: the manifest is uploaded, and read by tfvars and promote.
  await writeFile(manifestFile, JSON.stringify(ctx.log.redactDeep(manifest), null, 2) + '\n')
  setImageOutputs(artifacts, manifestFile, (v) => ctx.log.redact(v), run.primaryAmis)
  core.setOutput(Outputs.ExitCode, String(run.exitCode))

  if (ctx.inputs.uploadArtifact) {
    const outcome = await uploadFiles(ctx.inputs.uploadArtifact, [manifestFile, ctx.logFile])
    if (outcome.kind === 'unavailable')
      ctx.log.notice(`Artifact '${ctx.inputs.uploadArtifact}' not uploaded: ${outcome.reason}`)
    else if (outcome.kind === 'failed')
      ctx.log.warning(`Artifact '${ctx.inputs.uploadArtifact}' not uploaded: ${outcome.reason}`)
    else
      ctx.log.info(
        `Uploaded artifact '${ctx.inputs.uploadArtifact}' (the manifest and the build log)`
      )
  }

  if (run.cancelled) throw new CancelledError('packer build')
  // Packer says it has no build to process when only/except leave none (older releases exit 0);
  // any other failure before a build started is reported as itself.
  const nothingSelected =
    run.exitCode === 0 ||
    run.findings.some((f) => f.message.includes('without at least one build to process'))
  if (
    nothingSelected &&
    run.summary.builds.length === 0 &&
    (ctx.inputs.only.length || ctx.inputs.except.length)
  ) {
    throw new ActionError(
      noBuildSelected(ctx.inputs, await templateBuildNames(ctx), 'so nothing was built')
    )
  }
  if (run.exitCode !== 0) {
    const failed = run.summary.builds.filter((b) => b.status === 'failed')
    const first = run.findings.find((f) => f.severity === 'error')
    throw new Error(
      failed.length
        ? `${failed.length} of ${run.summary.builds.length} build(s) failed: ${failed
            .map((b) => `${b.name}${b.errors[0] ? ` (${b.errors[0]})` : ''}`)
            .join('; ')}`
        : `packer build failed (exit code ${run.exitCode})${first ? `: ${first.message}` : ''}`
    )
  }
}
