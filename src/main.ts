import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { Cancellation } from './action/cancellation.js'
import { isLifecycleCommand, Outputs, State, type LifecycleCommand } from './action/constants.js'
import { ActionError, getErrorMessage } from './action/errors.js'
import {
  getInputs,
  resolvePaths,
  workingDirectoryOf,
  type ActionInputs,
  type ResolvedPaths
} from './action/inputs.js'
import { installPacker } from './installer/install.js'
import { releasePlatform } from './installer/platform.js'
import { pluginDirectory } from './installer/plugin-versions.js'
import { Logger } from './action/logger.js'
import { packerEnvironment, sensitiveVarFileContent } from './packer/args.js'
import { afterPackerExit, hasResources, type AwsResources } from './aws/resources.js'
import {
  build,
  CancelledError,
  fileSize,
  fmtCheck,
  fmtWrite,
  init,
  noBuildSelected,
  validate,
  type PackerContext
} from './commands/packer.js'
import { manifestFromArtifacts } from './packer/manifest.js'
import { setImageOutputs } from './action/outputs.js'
import { Redactor } from './action/redact.js'
import { renderLifecycleSummary, type LifecycleReport } from './summary/lifecycle.js'
import { renderSummary, type SummaryReport } from './summary/packer-run.js'
import { uploadFiles } from './action/upload.js'

/** The action's main step. The one place that fails the step. */
export async function run(): Promise<void> {
  const started = Date.now()
  // The post step runs the same bundle; this tells it apart.
  core.saveState(State.IsPost, 'true')
  const cancellation = new Cancellation().start()
  const redactor = new Redactor()
  let report: SummaryReport | undefined
  let lifecycle: { command: LifecycleCommand; report: LifecycleReport } | undefined
  let failure: string | undefined
  let writeReport = false
  try {
    const inputs = getInputs()
    // Every secret is masked before anything could print it.
    for (const variable of inputs.sensitiveVariables) {
      core.setSecret(variable.value)
      redactor.add(variable.value)
    }
    if (inputs.githubToken) {
      core.setSecret(inputs.githubToken)
      redactor.add(inputs.githubToken)
    }
    const log = new Logger(redactor)
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    if (isLifecycleCommand(inputs.command)) {
      lifecycle = { command: inputs.command, report: {} }
      writeReport = inputs.summary
      // Loaded only here: it brings the AWS SDK, which a build does not need.
      const { runLifecycleCommand } = await import('./commands/lifecycle.js')
      await runLifecycleCommand(
        inputs.command,
        {
          inputs,
          workingDirectory: workingDirectoryOf(inputs, workspace),
          workspace,
          runDir: await createRunDir(),
          log,
          env: process.env,
          cancelled: () => cancellation.requested
        },
        lifecycle.report
      )
      return
    }
    // Paths are checked before anything is downloaded.
    const paths = inputs.command === 'install' ? undefined : resolvePaths(inputs, workspace)
    if (paths) {
      report = {
        command: inputs.command,
        templates: [path.relative(workspace, paths.template) || '.'],
        status: 'succeeded',
        builds: [],
        validateFindings: [],
        fmtFindings: []
      }
      writeReport = inputs.summary
    }

    const installation = await installPacker({
      versionSpec: inputs.packerVersion,
      releasesUrl: inputs.releasesUrl,
      signingKey: inputs.releasesSigningKey,
      platform: releasePlatform(process.platform, process.arch),
      cacheArch: process.arch,
      cancellation
    })
    if (installation.fromCache) {
      core.info(`Packer ${installation.version} from the tool cache: ${installation.binary}`)
    }
    core.addPath(path.dirname(installation.binary))
    core.setOutput(Outputs.PackerVersion, installation.version)
    core.setOutput(Outputs.PackerPath, installation.binary)
    if (!paths || !report) return
    report.packerVersion = installation.version

    await runTemplateCommand(inputs, paths, installation, { workspace, log, cancellation, report })
  } catch (error) {
    const cancelled = error instanceof CancelledError || cancellation.requested
    const message = redactor.redact(
      cancelled ? `Cancelled: ${getErrorMessage(error)}` : getErrorMessage(error)
    )
    if (report) {
      report.status = cancelled ? 'cancelled' : 'failed'
      report.error = message
    }
    failure = message
    core.setFailed(message)
  } finally {
    if (report && writeReport) {
      report.durationMs = Date.now() - started
      await writeSummary(redactor.redact(renderSummary(redactor.redactDeep(report))))
    }
    if (lifecycle && writeReport) {
      await writeSummary(
        redactor.redact(
          renderLifecycleSummary(lifecycle.command, lifecycle.report, failure, Date.now() - started)
        )
      )
    }
    cancellation.stop()
  }
}

/** The job summary is a report, not the job: a runner without one only gets a debug line. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) {
    core.debug('No GITHUB_STEP_SUMMARY file: the job summary is not written')
    return
  }
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (error) {
    core.warning(`The job summary could not be written: ${getErrorMessage(error)}`)
  }
}

/** A directory of this run under RUNNER_TEMP for the files the action leaves (manifest, log). */
async function createRunDir(): Promise<string> {
  const runDir = path.join(
    process.env.RUNNER_TEMP || os.tmpdir(),
    `packer-image-action-${randomUUID()}`
  )
  await mkdir(runDir, { recursive: true })
  return runDir
}

interface Runtime {
  workspace: string
  log: Logger
  cancellation: Cancellation
  /** Filled in as the command runs; rendered into the job summary at the end. */
  report: SummaryReport
}

async function runTemplateCommand(
  inputs: ActionInputs,
  paths: ResolvedPaths,
  installation: { binary: string; version: string },
  runtime: Runtime
): Promise<void> {
  const runnerTemp = process.env.RUNNER_TEMP || os.tmpdir()
  const runDir = await createRunDir()
  const secretsDir = await mkdtemp(path.join(runnerTemp, 'packer-vars-'))
  const pluginDir = pluginDirectory(
    process.env.PACKER_PLUGIN_PATH,
    installation.version,
    os.homedir(),
    path.delimiter
  )
  const ctx: PackerContext = {
    inputs,
    paths,
    binary: installation.binary,
    version: installation.version,
    workspace: runtime.workspace,
    log: runtime.log,
    cancellation: runtime.cancellation,
    logFile: path.join(runDir, 'packer-build.log'),
    // The token is for plugin downloads: packer init gets it (see init), builds and their
    // scripts do not, nor any other input, state or runner credential.
    // PACKER_PLUGIN_PATH as the user set it: through Packer 1.10 it may list several folders.
    env: packerEnvironment(process.env, process.env.PACKER_PLUGIN_PATH || pluginDir)
  }
  try {
    if (inputs.sensitiveVariables.length) {
      // A JSON var-file, which Packer reads literally, readable by this user only, deleted below.
      ctx.sensitiveVarFile = path.join(secretsDir, 'sensitive.pkrvars.json')
      await writeFile(ctx.sensitiveVarFile, sensitiveVarFileContent(inputs.sensitiveVariables), {
        mode: 0o600
      })
      await chmod(ctx.sensitiveVarFile, 0o600)
    }
    switch (inputs.command) {
      case 'init':
        await init(ctx, pluginDir)
        return
      case 'fmt': {
        const result = inputs.fmtCheck ? await fmtCheck(ctx) : await fmtWrite(ctx)
        runtime.report.fmtFindings = result.findings
        if (result.failure) throw new Error(result.failure)
        return
      }
      case 'validate': {
        await init(ctx, pluginDir)
        const failures: string[] = []
        if (inputs.fmtCheck) {
          const fmt = await fmtCheck(ctx)
          runtime.report.fmtFindings = fmt.findings
          if (fmt.failure) failures.push(fmt.failure)
        }
        const checked = await validate(ctx)
        runtime.report.validateFindings = checked.findings
        if (checked.failure) failures.push(checked.failure)
        if (failures.length) throw new Error(failures.join('; '))
        runtime.log.info('The template is valid.')
        return
      }
      case 'build': {
        await init(ctx, pluginDir)
        // Validated first: `packer build` reports a source it cannot prepare but still runs the
        // builds it could, so a template with one broken source would create the others' images.
        const checked = await validate(ctx)
        runtime.report.validateFindings = checked.findings
        if (checked.failure) throw new Error(checked.failure)
        await buildAndReport(ctx, runDir, runtime.report)
        return
      }
    }
  } finally {
    await rm(secretsDir, { recursive: true, force: true })
  }
}

/**
 * Packer exited on its own and ran its cleanup, but Packer 1.x leaves an AMI registered that was
 * still pending when the build was cancelled or failed, and copies it was still waiting for in
 * other regions; they are billed, and deleted here. With `on-error: abort` the user asked to keep
 * what a failed build made, so those are only named.
 */
async function handleLeftovers(
  ctx: PackerContext,
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
  const { deleteLeftovers } = await import('./aws/leftovers.js')
  const remaining = await deleteLeftovers(
    left,
    ctx.env,
    `The ${run.cancelled ? 'cancelled' : 'failed'} build left AMIs registered`
  )
  // What could not be deleted stays in the state for the post step to try again.
  core.saveState(State.AwsResources, hasResources(remaining) ? JSON.stringify(remaining) : '')
}

async function buildAndReport(
  ctx: PackerContext,
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
  if (run.summary.builds.length === 0 && (ctx.inputs.only.length || ctx.inputs.except.length)) {
    throw new ActionError(await noBuildSelected(ctx))
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
