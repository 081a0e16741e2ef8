/**
 * Every command of the action, by name: the inputs it reads, whether it needs Packer, and how it
 * runs. main.ts runs whichever the `command` input names through this one registry.
 */
import type { Cancellation } from '../action/cancellation.js'
import type { Command, LifecycleCommand } from '../action/constants.js'
import { workingDirectoryOf, type InputReader, type InstallerInputs } from '../action/inputs.js'
import type { Logger } from '../action/logger.js'
import type { LifecycleReport } from '../summary/lifecycle.js'
import type { CommandReport } from '../summary/report.js'
import { runBuild } from './build.js'
import { runFmt } from './fmt.js'
import { runInit } from './init.js'
import type { LifecycleContext } from './lifecycle-context.js'
import {
  readCleanupInputs,
  readMergeManifestsInputs,
  readPromoteInputs,
  readTfvarsInputs
} from './lifecycle-inputs.js'
import {
  readBuildInputs,
  readFmtInputs,
  readInitInputs,
  readValidateInputs
} from './template-inputs.js'
import { templateCommand } from './template.js'
import { runValidate } from './validate.js'

/** Packer as installed for this run. */
export interface InstalledPacker {
  binary: string
  version: string
  /** The inputs it was installed with; the official plugins come from the same releases. */
  installer: InstallerInputs
}

/** What every command runs with. */
export interface CommandRuntime {
  /** Absolute; path inputs must lead inside it. */
  workspace: string
  log: Logger
  cancellation: Cancellation
  /** Set for a command that needs Packer. */
  packer?: InstalledPacker
}

/** A command whose inputs are read and whose paths are checked: nothing is downloaded or run yet. */
export interface PreparedCommand {
  /** Filled in as the command runs, even when it fails part-way; undefined: no job summary. */
  report?: CommandReport
  run(runtime: CommandRuntime): Promise<void>
}

export interface CommandDefinition<I = unknown> {
  /** Reads and validates the command's own inputs, and no other; throws an ActionError. Pure. */
  readInputs(read: InputReader): I
  /** Whether Packer is installed before the command runs. */
  needsPacker: boolean
  /** Checks the working directory and template paths the inputs name, before anything is downloaded. */
  prepare(inputs: I, workspace: string): PreparedCommand
}

/** Ties a definition's parts to the type of its inputs, which the registry no longer sees. */
function define<I>(definition: CommandDefinition<I>): CommandDefinition {
  return definition
}

/** A lifecycle command: its runner is loaded with the AWS SDK only when it runs. */
function lifecycleCommand(
  command: LifecycleCommand,
  run: (ctx: LifecycleContext, report: LifecycleReport) => Promise<void>
): PreparedCommand {
  const report: LifecycleReport = {}
  return {
    report: { kind: 'lifecycle', command, report },
    run: async ({ workspace, log, cancellation }) =>
      run(
        {
          workspace,
          log,
          env: process.env,
          cancelled: () => cancellation.requested
        },
        report
      )
  }
}

/** The runners of the lifecycle commands, with the AWS SDK. */
const lifecycle = (): Promise<typeof import('./lifecycle.js')> => import('./lifecycle.js')

export const COMMAND_DEFINITIONS: Record<Command, CommandDefinition> = {
  install: define({
    readInputs: () => ({}),
    needsPacker: true,
    // Installing is the whole command, and it writes no job summary.
    prepare: () => ({ run: async () => undefined })
  }),
  init: define(templateCommand('init', readInitInputs, () => false, runInit)),
  // `packer fmt -recursive` reads the folders below a template folder too.
  fmt: define(templateCommand('fmt', readFmtInputs, () => true, runFmt)),
  validate: define(
    templateCommand('validate', readValidateInputs, (inputs) => inputs.fmtCheck, runValidate)
  ),
  build: define(templateCommand('build', readBuildInputs, () => false, runBuild)),
  'merge-manifests': define({
    readInputs: readMergeManifestsInputs,
    needsPacker: false,
    prepare: (inputs, workspace) => {
      const workingDirectory = workingDirectoryOf(inputs.workingDirectory, workspace)
      return lifecycleCommand('merge-manifests', async (ctx, report) => {
        const { mergeManifestFiles } = await lifecycle()
        Object.assign(report, await mergeManifestFiles(inputs, workingDirectory, ctx))
      })
    }
  }),
  tfvars: define({
    readInputs: readTfvarsInputs,
    needsPacker: false,
    prepare: (inputs, workspace) => {
      const workingDirectory = workingDirectoryOf(inputs.workingDirectory, workspace)
      return lifecycleCommand('tfvars', async (ctx, report) => {
        const { updateTfvarsFile } = await lifecycle()
        Object.assign(report, await updateTfvarsFile(inputs, workingDirectory, ctx))
      })
    }
  }),
  cleanup: define({
    readInputs: readCleanupInputs,
    needsPacker: false,
    prepare: (inputs) =>
      lifecycleCommand('cleanup', async (ctx, report) => {
        const { cleanupImages } = await lifecycle()
        await cleanupImages(inputs, ctx, report)
      })
  }),
  promote: define({
    readInputs: readPromoteInputs,
    needsPacker: false,
    prepare: (inputs) =>
      lifecycleCommand('promote', async (ctx, report) => {
        const { promoteImages } = await lifecycle()
        await promoteImages(inputs, ctx, report)
      })
  })
}
