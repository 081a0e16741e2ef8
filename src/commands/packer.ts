import * as os from 'node:os'
/** The Packer commands the action runs, each a thin I/O wrapper around the pure modules. */
import { createWriteStream, readdirSync, statSync, type WriteStream } from 'node:fs'
import * as path from 'node:path'
import type { Cancellation } from '../action/cancellation.js'
import { Inputs } from '../action/constants.js'
import { ActionError, getErrorMessage } from '../action/errors.js'
import type { ActionInputs, ResolvedPaths } from '../action/inputs.js'
import type { Logger } from '../action/logger.js'
import {
  buildArgs,
  canFormat,
  commandLine,
  fmtArgs,
  hasInit,
  initArgs,
  pluginTokenEnv,
  templateArgument,
  validateArgs
} from '../packer/args.js'
import {
  installedPluginFiles,
  installedPluginsKey,
  loadCache,
  pluginBlocks,
  pluginCacheKey,
  requiredPlugins,
  restorePlugins
} from '../packer/plugins.js'
import { releasePlatform } from '../installer/platform.js'
import { findingsFromDiagnostics, parseFmtCheck, type PathContext } from '../packer/diagnostics.js'
import { runProcess, type RunResult } from '../packer/process.js'
import { AwsResourceTracker, type AwsResources } from '../aws/resources.js'
import { BuildTracker, type RunSummary } from '../packer/machine-readable/build-tracker.js'
import { renderLine } from '../packer/machine-readable/line.js'
import { MachineReadableParser } from '../packer/machine-readable/parser.js'
import type { Finding } from '../packer/types.js'

export interface PackerContext {
  inputs: ActionInputs
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

function pathContext(ctx: PackerContext): PathContext {
  return {
    workingDirectory: ctx.paths.workingDirectory,
    workspace: ctx.workspace,
    template: path.relative(ctx.paths.workingDirectory, ctx.paths.template) || '.'
  }
}

/** Runs a short Packer command, collecting what it prints. */
async function capture(
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

function failure(what: string, exitCode: number, output: string, context: PathContext): string {
  const detail = failureDetail(output, context)
  return `${what} failed (exit code ${exitCode})${detail ? `: ${detail}` : ''}`
}

export interface CheckResult {
  findings: Finding[]
  /** Why the check failed, for the step's error. */
  failure?: string
}

/**
 * Why `packer fmt` does not apply to the template, if it does not: it formats HCL files only, and
 * exits with an error on a JSON one (and on a folder holding no HCL file).
 */
function notFormattable(paths: ResolvedPaths): string | undefined {
  if (!canFormat(paths)) return 'legacy JSON templates are not HCL'
  if (paths.kind === 'hcl2-file' && !paths.template.endsWith('.pkr.hcl'))
    return `${path.basename(paths.template)} is HCL2 in JSON syntax, not HCL`
  if (
    paths.kind === 'hcl2-dir' &&
    !readdirSync(paths.template).some((f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkrvars.hcl'))
  )
    return 'the folder holds .pkr.json templates only, no HCL files'
  return undefined
}

/** `packer fmt -check -diff`: each unformatted file is an annotation, the diff goes to the log. */
export async function fmtCheck(ctx: PackerContext): Promise<CheckResult> {
  const skip = notFormattable(ctx.paths)
  if (skip) {
    ctx.log.info(`packer fmt skipped: ${skip}`)
    return { findings: [] }
  }
  return ctx.log.group('packer fmt -check', async () => {
    const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, true))
    if (result.exitCode === 0) return { findings: [] }
    const parsed = parseFmtCheck(result.output, pathContext(ctx))
    for (const finding of parsed.findings) ctx.log.finding(finding)
    const files = parsed.diffs.map((d) => d.file)
    return {
      findings: parsed.findings,
      failure:
        files.length > 0
          ? `${files.length} file(s) are not formatted: ${files.join(', ')}; run \`packer fmt\``
          : failure('packer fmt -check', result.exitCode, result.output, pathContext(ctx))
    }
  })
}

/** `packer fmt`: rewrites the files. */
export async function fmtWrite(ctx: PackerContext): Promise<CheckResult> {
  const skip = notFormattable(ctx.paths)
  if (skip) throw new ActionError(`packer fmt does not apply to this template: ${skip}`)
  return ctx.log.group('packer fmt', async () => {
    const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, false))
    if (result.exitCode !== 0)
      return {
        findings: [],
        failure: failure('packer fmt', result.exitCode, result.output, pathContext(ctx))
      }
    return { findings: [] }
  })
}

/** `packer validate`: HCL diagnostics become annotations at their file and line. */
export async function validate(ctx: PackerContext): Promise<CheckResult> {
  return ctx.log.group('packer validate', async () => {
    const result = await capture(ctx, validateArgs(ctx.inputs, ctx.paths, ctx.sensitiveVarFile))
    // A valid template can still draw warnings (an undeclared variable in a var-file, a
    // deprecated option); they become annotations too.
    const findings = findingsFromDiagnostics(result.output, pathContext(ctx))
    for (const finding of findings) ctx.log.finding(finding)
    if (result.exitCode === 0) return { findings }
    const first = findings.find((f) => f.severity === 'error')
    return {
      findings,
      failure: first
        ? `packer validate failed: ${first.title ? `${first.title}: ` : ''}${first.message}`
        : failure('packer validate', result.exitCode, result.output, pathContext(ctx))
    }
  })
}

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
export async function build(ctx: PackerContext): Promise<BuildRun> {
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
export function buildOf(text: string): string | undefined {
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

/**
 * `packer init`, with the plugin directory restored from and saved to the Actions cache. Skipped,
 * with the reason in the log, where Packer has no init (before 1.7) or no template declares
 * `required_plugins`.
 */
export async function init(ctx: PackerContext, pluginDir: string): Promise<void> {
  if (!hasInit(ctx.version)) {
    ctx.log.info(`Skipping packer init: Packer ${ctx.version} has no init command (it came in 1.7)`)
    return
  }
  const blocks = pluginBlocks(ctx.paths)
  if (blocks.length === 0) {
    ctx.log.info('Skipping packer init: no template declares required_plugins')
    return
  }
  await ctx.log.group('packer init', async () => {
    const prefix = pluginCacheKey(process.platform, process.arch, ctx.version, blocks)
    const cache = ctx.inputs.cachePlugins ? await loadCache() : undefined
    const restored = cache ? await restorePlugins(cache, pluginDir, prefix) : undefined
    if (restored?.kind === 'unavailable') ctx.log.notice(`Plugin cache skipped: ${restored.reason}`)
    if (restored?.kind === 'hit') ctx.log.info(`Plugins restored from the cache (${restored.key})`)
    if (ctx.inputs.installOfficialPlugins) {
      const { installOfficialPlugins } = await import('../installer/install-plugins.js')
      const installed = await installOfficialPlugins({
        requirements: requiredPlugins(ctx.paths),
        pluginDir,
        releasesUrl: ctx.inputs.releasesUrl,
        signingKey: ctx.inputs.releasesSigningKey,
        platform: releasePlatform(process.platform, process.arch),
        tempDir: process.env.RUNNER_TEMP || os.tmpdir(),
        cancelled: () => ctx.cancellation.requested,
        onCancel: (listener) => ctx.cancellation.onSignal(listener)
      })
      for (const plugin of installed) {
        ctx.log.info(
          `${plugin.source} ${plugin.version}: ${plugin.present ? 'already installed' : 'installed from releases-url, signature and checksum verified'}`
        )
      }
    }
    const token = pluginTokenEnv(ctx.inputs.githubToken, ctx.env.GITHUB_SERVER_URL)
    if (token.skipped) ctx.log.info(token.skipped)
    const result = await capture(ctx, initArgs(ctx.paths), { ...ctx.env, ...token.env })
    if (result.exitCode !== 0)
      throw new ActionError(
        failure('packer init', result.exitCode, result.output, pathContext(ctx))
      )
    if (cache && restored?.kind !== 'unavailable') {
      // Keyed on what is installed now, so the key names the resolved versions, and a run that
      // restored exactly this set saves nothing.
      const key = installedPluginsKey(prefix, await installedPluginFiles(pluginDir))
      if (restored?.kind === 'hit' && restored.key === key) return
      try {
        await cache.saveCache([pluginDir], key)
        ctx.log.info(`Plugins saved to the cache (${key})`)
      } catch (error) {
        ctx.log.notice(`Plugin cache not saved: ${getErrorMessage(error)}`)
      }
    }
  })
}

/**
 * The names `-only` and `-except` match, from `packer inspect -machine-readable`: a legacy JSON
 * template's `template-builder` records, or the sources of each HCL2 build (prefixed with the
 * build's name when it has one). Pure.
 */
export function buildNamesFromInspect(output: string): string[] {
  const names: string[] = []
  for (const line of output.split(/\r?\n/)) {
    const fields = line.split(',')
    if (fields[2] === 'template-builder' && fields[3]) names.push(fields[3])
    if (fields[2] !== 'ui' || fields[3] !== 'say') continue
    const text = fields
      .slice(4)
      .join(',')
      .replace(/%!\(PACKER_COMMA\)/g, ',')
      .replace(/\\n/g, '\n')
    if (!text.startsWith('> builds:')) continue
    let build: string | undefined
    let section = ''
    for (const row of text.split('\n')) {
      const header = /^ {2}> (.+):$/.exec(row)
      if (header) {
        build = header[1].startsWith('<unnamed build') ? undefined : header[1]
        section = ''
        continue
      }
      const heading = /^ {4}(\S[^:]*):$/.exec(row)
      if (heading) {
        section = heading[1]
        continue
      }
      const source = /^ {6}(\S+)$/.exec(row)
      if (source && section === 'sources') names.push(build ? `${build}.${source[1]}` : source[1])
    }
  }
  return [...new Set(names)]
}

/**
 * Why a build that ran nothing failed, when `only` or `except` selected no build: Packer before
 * 1.7 runs zero builds and succeeds, so a typo would build nothing; later ones fail with "No builds
 * to run" but do not say which builds there are.
 */
export async function noBuildSelected(ctx: PackerContext): Promise<string> {
  const input = ctx.inputs.only.length ? Inputs.Only : Inputs.Except
  const values = ctx.inputs.only.length ? ctx.inputs.only : ctx.inputs.except
  const chunks: Buffer[] = []
  let names: string[] = []
  try {
    await runProcess(ctx.binary, ['inspect', '-machine-readable', templateArgument(ctx.paths)], {
      cwd: ctx.paths.workingDirectory,
      env: ctx.env,
      onStdout: (c) => chunks.push(c),
      onStderr: () => undefined
    })
    names = buildNamesFromInspect(Buffer.concat(chunks).toString('utf8'))
  } catch {
    names = []
  }
  return (
    `Input '${input}' (${values.join(', ')}) ${input === Inputs.Only ? 'matches none of' : 'leaves none of'} the template's builds, so nothing was built; ` +
    (names.length ? `its builds: ${names.join(', ')}` : 'packer inspect could not list them')
  )
}
