/**
 * The warm path: `command: install` of an exact version that the tool cache already holds.
 *
 * It uses Node's built-ins only. Loading `@actions/core` costs about 60 ms on its own (it pulls in
 * an HTTP client for OIDC), two to three times Node's whole start-up, and a cached install needs
 * none of it: the runner protocol for this case is two file appends. Anything else, and any doubt,
 * returns false and the full action runs.
 */
import { appendFileSync, existsSync, writeSync } from 'node:fs'
import * as path from 'node:path'
import {
  BOOLEAN_WORDS,
  DEFAULT_COMMAND,
  Inputs,
  Outputs,
  State,
  TOOL_NAME
} from './action/constants.js'
import { checkReleasesUrl } from './action/releases-url.js'
import { completeMarker, exactVersion, toolCachePath } from './installer/tool-cache.js'

function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/**
 * The runner's file-command format for a multi-line-safe `name<<delimiter` record. The delimiter
 * only has to differ from every line of the value, which is checked; `node:crypto` is not loaded
 * for it, since that alone costs a sixth of Node's start-up.
 */
export function fileCommandRecord(name: string, value: string): string {
  let delimiter: string
  do {
    delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  } while (value.split(/\r?\n/).includes(delimiter))
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`
}

/**
 * Whether the inputs `install` reads besides the version are ones the warm path takes as the full
 * action would: a valid `summary` and `releases-url` (checked as there), and no secrets to check and
 * mask. Anything else goes to the full action, which reports it whatever the tool cache holds. The
 * `releases-signing-key` is read only when something is downloaded, on either path.
 */
function warmInputs(env: NodeJS.ProcessEnv): boolean {
  const summary = input(env, Inputs.Summary).toLowerCase()
  return (
    (summary === '' ||
      [...BOOLEAN_WORDS.true, ...BOOLEAN_WORDS.false].some((w) => w === summary)) &&
    !('problem' in checkReleasesUrl(input(env, Inputs.ReleasesUrl))) &&
    input(env, Inputs.SensitiveVariables) === ''
  )
}

/** `::add-mask::` for a value, escaped as @actions/core escapes a command's data. */
function maskCommand(value: string): string {
  const data = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  return `::add-mask::${data}\n`
}

export function runWarm(
  env: NodeJS.ProcessEnv = process.env,
  print: (text: string) => void = (text) => writeSync(1, text)
): boolean {
  try {
    if ((input(env, Inputs.Command) || DEFAULT_COMMAND) !== 'install') return false
    if (!warmInputs(env)) return false
    const version = exactVersion(input(env, Inputs.PackerVersion))
    const root = env.RUNNER_TOOL_CACHE
    const outputFile = env.GITHUB_OUTPUT
    const pathFile = env.GITHUB_PATH
    if (!version || !root || !outputFile || !pathFile) return false
    const dir = toolCachePath(root, TOOL_NAME, version, process.arch)
    const binary = path.join(dir, process.platform === 'win32' ? 'packer.exe' : 'packer')
    if (!existsSync(completeMarker(dir)) || !existsSync(binary)) return false

    // The post step runs the same bundle and tells itself apart by this state.
    if (env.GITHUB_STATE) appendFileSync(env.GITHUB_STATE, fileCommandRecord(State.IsPost, 'true'))
    appendFileSync(pathFile, `${dir}\n`)
    env.PATH = `${dir}${path.delimiter}${env.PATH ?? ''}`
    appendFileSync(
      outputFile,
      fileCommandRecord(Outputs.PackerVersion, version) +
        fileCommandRecord(Outputs.PackerPath, binary)
    )
    // Straight to the descriptor: setting up process.stdout costs more than the rest of this path.
    // The token is masked whatever the command, as on the full path.
    const token = input(env, Inputs.GithubToken)
    print(`${token ? maskCommand(token) : ''}Packer ${version} from the tool cache: ${binary}\n`)
    return true
  } catch {
    return false
  }
}
