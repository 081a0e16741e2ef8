/**
 * The commands that run Packer on a template (`init`, `fmt`, `validate`, `build`): the context they
 * share (Packer's environment, the plugin folder, the sensitive var-file, which is deleted whatever
 * happens), and how the registry (registry.ts) defines each.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { Inputs, type PackerCommand } from '../action/constants.js'
import { resolvePaths, type InputReader, type ResolvedPaths } from '../action/inputs.js'
import { createRunDir, runnerTemp } from '../action/run-dir.js'
import { pluginDirectory } from '../installer/plugin-versions.js'
import { packerEnvironment, sensitiveVarFileContent } from '../packer/args.js'
import type { SummaryReport } from '../summary/packer-run.js'
import type { PackerContext } from './packer-context.js'
import type { CommandDefinition, CommandRuntime } from './registry.js'
import type { TemplateInputs, VariableInputs } from './template-inputs.js'

/** The Packer commands that work on a template: every one but `install`. */
export type TemplateCommand = Exclude<PackerCommand, 'install'>

/** What a template command runs with. */
export interface TemplateRun<I> {
  ctx: PackerContext<I>
  /** Where `packer init` installs plugins. */
  pluginDir: string
  /** The folder of this run, for the manifest and the log. */
  runDir: string
  /** Filled in as the command runs; rendered into the job summary at the end. */
  report: SummaryReport
}

/** A template command's inputs: the template, and for validate and build the variables. */
type TemplateCommandInputs = TemplateInputs & Partial<VariableInputs>

/**
 * A template command: its paths are checked before Packer is downloaded; `recursive` says whether
 * it runs `packer fmt -recursive`, which reads the folders below a template folder too.
 */
export function templateCommand<I extends TemplateCommandInputs>(
  command: TemplateCommand,
  readInputs: (read: InputReader) => I,
  recursive: (inputs: I) => boolean,
  runner: (run: TemplateRun<I>) => Promise<void>
): CommandDefinition<I> {
  return {
    readInputs,
    needsPacker: true,
    prepare(inputs, workspace) {
      const paths = resolvePaths(
        { ...inputs, varFiles: inputs.varFiles ?? [] },
        workspace,
        recursive(inputs)
      )
      const report: SummaryReport = {
        command,
        templates: [path.relative(workspace, paths.template) || '.'],
        status: 'succeeded',
        builds: [],
        validateFindings: [],
        fmtFindings: []
      }
      return {
        report: { kind: 'packer', report },
        run: (runtime) => runTemplateCommand(inputs, paths, runtime, report, runner)
      }
    }
  }
}

async function runTemplateCommand<I extends TemplateCommandInputs>(
  inputs: I,
  paths: ResolvedPaths,
  runtime: CommandRuntime,
  report: SummaryReport,
  runner: (run: TemplateRun<I>) => Promise<void>
): Promise<void> {
  const { packer } = runtime
  // The registry installs Packer first for every command that says it needs it.
  if (!packer) throw new Error('Packer is not installed')
  report.packerVersion = packer.version
  // Refuses a PACKER_PLUGIN_PATH this Packer cannot use before any folder is made.
  const pluginDir = pluginDirectory(
    process.env.PACKER_PLUGIN_PATH,
    packer.version,
    os.homedir(),
    path.delimiter
  )
  const runDir = await createRunDir()
  const secretsDir = await mkdtemp(path.join(runnerTemp(), 'packer-vars-'))
  const ctx: PackerContext<I> = {
    inputs,
    installer: packer.installer,
    paths,
    binary: packer.binary,
    version: packer.version,
    workspace: runtime.workspace,
    log: runtime.log,
    cancellation: runtime.cancellation,
    logFile: path.join(runDir, 'packer-build.log'),
    // The token is for plugin downloads: packer init gets it (see init), builds and their
    // scripts do not, nor any other input, state or runner credential.
    // PACKER_PLUGIN_PATH as the user set it: through Packer 1.10 it may list several folders.
    env: packerEnvironment(process.env, process.env.PACKER_PLUGIN_PATH || pluginDir)
  }
  // `name = value` in `variables` passes " value": the value is everything after the first `=`.
  for (const v of inputs.variables ?? []) {
    if (/^\s/.test(v.value)) {
      ctx.log.warning(
        `Variable '${v.name}' in '${Inputs.Variables}' starts with white space, which Packer gets as part of the value ('${v.value}'); write ${v.name}=${v.value.trimStart()} if that is not meant`
      )
    }
  }
  try {
    if (inputs.sensitiveVariables?.length) {
      // A JSON var-file, which Packer reads literally, readable by this user only, deleted below.
      ctx.sensitiveVarFile = path.join(secretsDir, 'sensitive.pkrvars.json')
      await writeFile(ctx.sensitiveVarFile, sensitiveVarFileContent(inputs.sensitiveVariables), {
        mode: 0o600
      })
      await chmod(ctx.sensitiveVarFile, 0o600)
    }
    await runner({ ctx, pluginDir, runDir, report })
  } finally {
    await rm(secretsDir, { recursive: true, force: true })
  }
}
