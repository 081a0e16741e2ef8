/**
 * The commands that run Packer on a template (`init`, `fmt`, `validate`, `build`), by name: the
 * context they share (Packer's environment, the plugin folder, the sensitive var-file, which is
 * deleted whatever happens) and a registry in place of a switch.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Cancellation } from '../action/cancellation.js'
import type { PackerCommand } from '../action/constants.js'
import type { ActionInputs, ResolvedPaths } from '../action/inputs.js'
import type { Logger } from '../action/logger.js'
import { createRunDir } from '../action/run-dir.js'
import { pluginDirectory } from '../installer/plugin-versions.js'
import { packerEnvironment, sensitiveVarFileContent } from '../packer/args.js'
import type { SummaryReport } from '../summary/packer-run.js'
import { runBuild } from './build.js'
import { runFmt } from './fmt.js'
import { runInit } from './init.js'
import type { PackerContext } from './packer-context.js'
import { runValidate } from './validate.js'

/** The Packer commands that work on a template: every one but `install`. */
export type TemplateCommand = Exclude<PackerCommand, 'install'>

/** What a template command runs with. */
export interface TemplateRun {
  ctx: PackerContext
  /** Where `packer init` installs plugins. */
  pluginDir: string
  /** The folder of this run, for the manifest and the log. */
  runDir: string
  /** Filled in as the command runs; rendered into the job summary at the end. */
  report: SummaryReport
}

const TEMPLATE_RUNNERS: Record<TemplateCommand, (run: TemplateRun) => Promise<void>> = {
  init: runInit,
  fmt: runFmt,
  validate: runValidate,
  build: runBuild
}

export interface Runtime {
  workspace: string
  log: Logger
  cancellation: Cancellation
  /** Filled in as the command runs; rendered into the job summary at the end. */
  report: SummaryReport
}

export async function runTemplateCommand(
  command: TemplateCommand,
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
    await TEMPLATE_RUNNERS[command]({ ctx, pluginDir, runDir, report: runtime.report })
  } finally {
    await rm(secretsDir, { recursive: true, force: true })
  }
}
