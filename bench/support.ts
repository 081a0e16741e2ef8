// What the benchmarks share: timing, the median, the JSON line each figure is printed as, and the
// files and variables the runner gives a step.
import { mkdirSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Milliseconds `fn` takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Prints one figure as a JSON line, as bench/run.js collects them. */
export function report(
  name: string,
  value: number,
  unit: string,
  target: string,
  extra: Record<string, unknown> = {}
): void {
  console.log(
    JSON.stringify({ name, value: Math.round(value * 1000) / 1000, unit, target, ...extra })
  )
}

/**
 * The environment of a step under `base`: RUNNER_TEMP, a workspace, the file commands' files,
 * the tool cache, and `INPUT_*` for each input; `extra` is added as it is.
 */
export function runnerEnv(
  base: string,
  toolCache: string,
  inputs: Record<string, string>,
  extra: NodeJS.ProcessEnv = {}
): NodeJS.ProcessEnv {
  for (const d of ['temp', 'files', 'workspace']) mkdirSync(path.join(base, d), { recursive: true })
  for (const f of ['output', 'path', 'state', 'env', 'summary'])
    writeFileSync(path.join(base, 'files', f), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: path.join(base, 'temp'),
    RUNNER_TOOL_CACHE: toolCache,
    GITHUB_WORKSPACE: path.join(base, 'workspace'),
    GITHUB_OUTPUT: path.join(base, 'files', 'output'),
    GITHUB_PATH: path.join(base, 'files', 'path'),
    GITHUB_STATE: path.join(base, 'files', 'state'),
    GITHUB_ENV: path.join(base, 'files', 'env'),
    GITHUB_STEP_SUMMARY: path.join(base, 'files', 'summary'),
    ...extra
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return env
}
