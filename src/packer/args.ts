/** Pure argument building for every Packer command the action runs. */
import * as path from 'node:path'
import semver from 'semver'
import type { OnError } from '../action/constants.js'
import type { ResolvedPaths, Variable } from '../action/inputs.js'

/** What `packer validate` is given besides the template. */
export interface TemplateOptions {
  variables: Variable[]
  only: string[]
  except: string[]
}

/** What `packer build` is given besides the template. */
export interface BuildOptions extends TemplateOptions {
  onError: OnError
  parallelBuilds?: number
  force: boolean
}

/** What `packer build` / `validate` share: variables, var-files, build selection. */
function templateOptions(
  inputs: TemplateOptions,
  paths: ResolvedPaths,
  sensitiveVarFile: string | undefined
): string[] {
  const args: string[] = []
  for (const variable of inputs.variables) args.push('-var', `${variable.name}=${variable.value}`)
  for (const file of paths.varFiles) args.push(`-var-file=${file}`)
  // Sensitive values never go on the command line, where any process could read them.
  if (sensitiveVarFile) args.push(`-var-file=${sensitiveVarFile}`)
  if (inputs.only.length) args.push(`-only=${inputs.only.join(',')}`)
  if (inputs.except.length) args.push(`-except=${inputs.except.join(',')}`)
  return args
}

/**
 * The template as Packer is given it: relative to the working directory it runs in, and never
 * read as a flag (`-x.pkr.hcl` is given as `./-x.pkr.hcl`).
 */
export function templateArgument(paths: ResolvedPaths): string {
  const relative = path.relative(paths.workingDirectory, paths.template)
  if (relative === '') return '.'
  return relative.startsWith('-') ? `.${path.sep}${relative}` : relative
}

export function buildArgs(
  inputs: BuildOptions,
  paths: ResolvedPaths,
  sensitiveVarFile?: string
): string[] {
  const args = ['build', '-machine-readable', `-on-error=${inputs.onError}`]
  if (inputs.parallelBuilds !== undefined) args.push(`-parallel-builds=${inputs.parallelBuilds}`)
  if (inputs.force) args.push('-force')
  args.push(...templateOptions(inputs, paths, sensitiveVarFile), templateArgument(paths))
  return args
}

export function validateArgs(
  inputs: TemplateOptions,
  paths: ResolvedPaths,
  sensitiveVarFile?: string
): string[] {
  return ['validate', ...templateOptions(inputs, paths, sensitiveVarFile), templateArgument(paths)]
}

/** `packer fmt` has `-recursive` from 1.7 on. */
export function fmtArgs(paths: ResolvedPaths, packerVersion: string, check: boolean): string[] {
  const args = ['fmt']
  if (check) args.push('-check', '-diff')
  if (semver.gte(semver.coerce(packerVersion) ?? '0.0.0', '1.7.0') && paths.kind === 'hcl2-dir')
    args.push('-recursive')
  args.push(templateArgument(paths))
  return args
}

export function initArgs(paths: ResolvedPaths): string[] {
  return ['init', templateArgument(paths)]
}

/** `packer init` exists from 1.7 on. */
export function hasInit(packerVersion: string): boolean {
  return semver.gte(semver.coerce(packerVersion) ?? '0.0.0', '1.7.0')
}

/** Legacy JSON templates are not HCL, so `packer fmt` does not apply to them. */
export function canFormat(paths: ResolvedPaths): boolean {
  return paths.kind !== 'legacy-json'
}

/** The content of the temporary var-file for sensitive variables: JSON, which Packer reads literally. */
export function sensitiveVarFileContent(variables: { name: string; value: string }[]): string {
  return JSON.stringify(Object.fromEntries(variables.map((v) => [v.name, v.value])))
}

/**
 * The environment that hands `packer init` the token for its plugin downloads from GitHub.com, or
 * why none is handed. On GitHub Enterprise Server the job's token belongs to that server:
 * api.github.com would refuse it, where an unauthenticated download still works.
 */
export function pluginTokenEnv(
  token: string,
  serverUrl: string | undefined
): { env: Record<string, string>; skipped?: string } {
  if (!token) return { env: {} }
  const server = (serverUrl ?? '').replace(/\/+$/, '')
  if (server !== '' && server.toLowerCase() !== 'https://github.com') {
    return {
      env: {},
      skipped: `github-token is not passed to packer init: it belongs to ${server}, not github.com, where Packer downloads plugins`
    }
  }
  return { env: { PACKER_GITHUB_API_TOKEN: token } }
}

/**
 * Names a build process must not inherit from the action: the step's inputs (`INPUT_*`: the token
 * and every sensitive variable), other steps' state (`STATE_*`), the runner's own credentials and
 * service addresses (the cache and artifact runtime token, the OIDC token request), and the files
 * through which a step sets outputs, environment, PATH, state and the job summary, which are the
 * action's to write, as workflow commands on stdout are.
 */
const WITHHELD_FROM_PACKER = [
  /^INPUT_/i,
  /^STATE_/i,
  /^ACTIONS_RUNTIME_(TOKEN|URL)$/i,
  /^ACTIONS_RESULTS_URL$/i,
  /^ACTIONS_CACHE_URL$/i,
  /^ACTIONS_ID_TOKEN_REQUEST_(TOKEN|URL)$/i,
  /^GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/i
]

/** Whether Packer and the processes it starts are given the variable `name`. */
export function passedToPacker(name: string): boolean {
  return !WITHHELD_FROM_PACKER.some((pattern) => pattern.test(name))
}

/**
 * The environment Packer runs with: the runner's, minus what `passedToPacker` withholds, with
 * Packer's update check off and the plugin directory set. Everything Packer starts (plugins,
 * provisioner scripts, Ansible) inherits it.
 */
export function packerEnvironment(env: NodeJS.ProcessEnv, pluginDir: string): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && passedToPacker(name)) kept[name] = value
  }
  return { ...kept, CHECKPOINT_DISABLE: '1', PACKER_PLUGIN_PATH: pluginDir }
}

/** Renders a command line for the log, as @actions/exec would. */
export function commandLine(binary: string, args: string[]): string {
  return [binary, ...args]
    .map((a) => (/[\s"'`$\\]/.test(a) || a === '' ? JSON.stringify(a) : a))
    .join(' ')
}
