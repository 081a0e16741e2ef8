import * as core from '@actions/core'
import * as path from 'node:path'
import { Cancellation } from './action/cancellation.js'
import { isLifecycleCommand, Outputs, State, type LifecycleCommand } from './action/constants.js'
import { getErrorMessage } from './action/errors.js'
import { getInputs, resolvePaths, workingDirectoryOf } from './action/inputs.js'
import { installPacker } from './installer/install.js'
import { releasePlatform } from './installer/platform.js'
import { Logger } from './action/logger.js'
import { CancelledError } from './commands/packer-context.js'
import { runTemplateCommand } from './commands/template.js'
import { createRunDir } from './action/run-dir.js'
import { Redactor } from './action/redact.js'
import { renderLifecycleSummary, type LifecycleReport } from './summary/lifecycle.js'
import { renderSummary, type SummaryReport } from './summary/packer-run.js'

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

    if (inputs.command === 'install') return
    await runTemplateCommand(inputs.command, inputs, paths, installation, {
      workspace,
      log,
      cancellation,
      report
    })
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
