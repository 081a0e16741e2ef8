/**
 * The main step, as a run goes: the inputs every command reads -> the secrets masked -> the
 * command's own inputs and the folders they name -> Packer installed if the command needs it -> the
 * command -> the job summary -> one setFailed.
 */
import * as core from '@actions/core'
import * as path from 'node:path'
import { Cancellation } from './action/cancellation.js'
import { DEFAULT_COMMAND, Inputs, Outputs, State } from './action/constants.js'
import { getErrorMessage } from './action/errors.js'
import {
  actionInputReader,
  parseBoolean,
  readInstallerInputs,
  readSharedInputs,
  type InstallerInputs
} from './action/inputs.js'
import { Logger } from './action/logger.js'
import { Redactor } from './action/redact.js'
import { installPacker } from './installer/install.js'
import { releasePlatform } from './installer/platform.js'
import { CancelledError } from './commands/packer-context.js'
import {
  COMMAND_DEFINITIONS,
  type InstalledPacker,
  type PreparedCommand
} from './commands/registry.js'
import { renderCommandSummary, type CommandReport, type Failure } from './summary/report.js'

/** The action's main step. The one place that fails the step. */
export async function run(): Promise<void> {
  const started = Date.now()
  // The post step runs the same bundle; this tells it apart.
  core.saveState(State.IsPost, 'true')
  const cancellation = new Cancellation().start()
  const redactor = new Redactor()
  try {
    const { report, failure } = await runCommand(cancellation, redactor)
    if (failure) core.setFailed(failure.message)
    if (report) {
      await writeSummary(
        redactor.redact(
          renderCommandSummary(report, failure, Date.now() - started, (value) =>
            redactor.redactDeep(value)
          )
        )
      )
    }
  } finally {
    cancellation.stop()
  }
}

/** What a run came to: the report for the job summary (when one is wanted), and its failure. */
interface Outcome {
  report?: CommandReport
  failure?: Failure
}

/**
 * Every input is read, and the working directory and template paths checked, before anything is
 * downloaded or run (the lifecycle commands check the files they read or write as they reach
 * them); then Packer is installed if the command needs it, and the command runs.
 */
async function runCommand(cancellation: Cancellation, redactor: Redactor): Promise<Outcome> {
  const failed = (error: unknown): Failure => {
    const cancelled = error instanceof CancelledError || cancellation.requested
    const message = cancelled ? `Cancelled: ${getErrorMessage(error)}` : getErrorMessage(error)
    return { message: redactor.redact(message), cancelled }
  }
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  let prepared: Prepared
  try {
    prepared = prepare(redactor, workspace)
  } catch (error) {
    return { failure: failed(error), ...refusedInputsReport() }
  }
  const { command, installer, report } = prepared
  try {
    const packer = installer ? await setUpPacker(installer, cancellation) : undefined
    await command.run({
      workspace,
      log: new Logger(redactor),
      cancellation,
      ...(packer ? { packer } : {})
    })
    return { report }
  } catch (error) {
    return { report, failure: failed(error) }
  }
}

/**
 * The summary of a step whose inputs were refused: wanted unless `summary` reads as false, for the
 * command as given (the bad input may be `summary` or `command` itself).
 */
function refusedInputsReport(): { report?: CommandReport } {
  const read = actionInputReader()
  let wanted = true
  try {
    wanted = parseBoolean(read(Inputs.Summary), Inputs.Summary, true)
  } catch {
    // A `summary` that is no boolean is the refused input itself: say so in the summary.
  }
  if (!wanted) return {}
  return { report: { kind: 'inputs', command: read(Inputs.Command) || DEFAULT_COMMAND } }
}

interface Prepared {
  command: PreparedCommand
  /** For a command that needs Packer. */
  installer?: InstallerInputs
  /** What the job summary shows; undefined when none is wanted. */
  report?: CommandReport
}

/** Reads the inputs every command reads and the command's own, masks the secrets, checks paths. */
function prepare(redactor: Redactor, workspace: string): Prepared {
  const read = actionInputReader()
  const shared = readSharedInputs(read)
  // Every secret is masked before anything could print it.
  for (const secret of [...shared.sensitiveVariables.map((v) => v.value), shared.githubToken]) {
    if (!secret) continue
    core.setSecret(secret)
    redactor.add(secret)
  }
  const definition = COMMAND_DEFINITIONS[shared.command]
  const installer = definition.needsPacker ? readInstallerInputs(read) : undefined
  const command = definition.prepare(definition.readInputs(read), workspace)
  return {
    command,
    ...(installer ? { installer } : {}),
    ...(shared.summary && command.report ? { report: command.report } : {})
  }
}

async function setUpPacker(
  installer: InstallerInputs,
  cancellation: Cancellation
): Promise<InstalledPacker> {
  const installation = await installPacker({
    versionSpec: installer.packerVersion,
    releasesUrl: installer.releasesUrl,
    signingKey: installer.releasesSigningKey,
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
  return { binary: installation.binary, version: installation.version, installer }
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
