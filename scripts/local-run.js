// Runs the action's main job on this machine exactly as the GitHub runner would: dist/index.js on
// Node 24 with INPUT_* variables (action.yml defaults, then overrides from the environment) and the
// runner's files and folders in a temporary directory; then prints the outputs and the job summary.
//
//   npm run local                                   # the example template in templates/packer/example
//   INPUT_PACKER_VERSION=1.11.2 npm run local       # override any input: INPUT_<NAME>, - or _
//   INPUT_RELEASES_URL=http://mirror.internal npm run local   # your own mirror
//
// Without INPUT_RELEASES_URL it asks releases.hashicorp.com first, for a few seconds at most. When
// that gets no answer (no internet), it serves the Packer the tests use (built by `.ci/tools packer`)
// from a signed release mirror on 127.0.0.1, the tests' own (__tests__/support/mirror.ts), and trusts
// the key it signed with. That needs Node 24's type stripping, so the script runs itself on Node 24.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { clearTimeout, setTimeout } from 'node:timers'
import { HttpClient } from '@actions/http-client'
import { parse } from 'yaml'
import { locateNode24 } from './node24.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
// PIA_LOCAL_PROBE_URL stands in for releases.hashicorp.com in the script's own tests.
const PROBE_URL =
  process.env.PIA_LOCAL_PROBE_URL ?? 'https://releases.hashicorp.com/packer/index.json'
const PROBE_SECONDS = 3

const node = locateNode24()
if (node.error) {
  console.error(node.error)
  process.exit(1)
}
if (!process.env.PIA_LOCAL_RUN_ON_NODE24) {
  const hook = pathToFileURL(path.join(root, 'bench/ts-resolve.js')).href
  const self = spawnSync(
    node.path,
    ['--no-warnings', '--import', hook, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, PIA_LOCAL_RUN_ON_NODE24: '1' } }
  )
  process.exit(self.status ?? 1)
}

/** Why releases.hashicorp.com cannot be reached within PROBE_SECONDS, or undefined when it answers. */
async function unreachable() {
  // The same HTTP client (and proxy settings) as the action's downloads.
  const client = new HttpClient('packer-image-action-local', [], {
    socketTimeout: PROBE_SECONDS * 1000
  })
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${PROBE_SECONDS} s`), PROBE_SECONDS * 1000)
  })
  const probe = client.head(PROBE_URL).then(
    (response) => {
      response.message.resume()
      return undefined
    },
    (error) => String(error.message ?? error)
  )
  try {
    return await Promise.race([probe, timeout])
  } finally {
    clearTimeout(timer)
    client.dispose()
  }
}

/** The tests' signed mirror of the Packer `.ci/tools packer` built, or undefined after saying what is missing. */
async function startLocalMirror(reason) {
  const { toolPath, TOOL_VERSIONS } = await import('../__tests__/support/tools.ts')
  const packer = toolPath('packer')
  const version = TOOL_VERSIONS.packer
  if (!existsSync(packer)) {
    console.error(
      `releases.hashicorp.com cannot be reached (${reason}), and the Packer ${version} the tests use ` +
        `is not built: no ${packer}.\nBuild it with \`.ci/tools packer\` (from its Go module; ` +
        'needs Go and the Go module proxy), or give a mirror of releases.hashicorp.com in ' +
        'INPUT_RELEASES_URL (and its key in INPUT_RELEASES_SIGNING_KEY if it re-signs).'
    )
    return undefined
  }
  const { createSigningKey, startMirror } = await import('../__tests__/support/mirror.ts')
  const key = await createSigningKey('packer-image-action local mirror')
  const mirror = await startMirror({ signWith: key })
  console.log(
    `releases.hashicorp.com cannot be reached (${reason}): no internet, so this run installs ` +
      `Packer ${version} (${packer}, built by \`.ci/tools packer\`) from a local release mirror ` +
      `at ${mirror.url}, its SHA256SUMS signed with a key made for this run ` +
      `(${key.fingerprint}), which the run is given as releases-signing-key.`
  )
  return { mirror, key }
}

const action = parse(readFileSync(path.join(root, 'action.yml'), 'utf8'))
let local
if (!process.env['INPUT_RELEASES-URL'] && !process.env.INPUT_RELEASES_URL) {
  const reason = await unreachable()
  if (reason) {
    local = await startLocalMirror(reason)
    if (!local) process.exit(1)
  } else
    console.log(
      `releases.hashicorp.com answers: Packer comes from ${action.inputs['releases-url'].default}`
    )
}

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
if (local) {
  inputs['INPUT_RELEASES-URL'] = local.mirror.url
  inputs['INPUT_RELEASES-SIGNING-KEY'] = local.key.armoredPublic
}

const env = { ...process.env }
for (const key of Object.keys(env)) if (key.startsWith('INPUT_')) delete env[key]
Object.assign(env, inputs, files, {
  CI: 'true',
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: dirs.workspace,
  RUNNER_TEMP: dirs.temp,
  RUNNER_TOOL_CACHE: dirs.toolCache
})

console.log(`Running dist/index.js on Node ${process.versions.node} in ${base}`)
const child = spawn(process.execPath, [path.join(root, 'dist/index.js')], {
  cwd: dirs.workspace,
  env,
  stdio: 'inherit'
})
const status = await new Promise((resolve) => {
  child.on('error', (error) => {
    console.error(error.message)
    resolve(1)
  })
  child.on('exit', (code) => resolve(code ?? 1))
})
await local?.mirror.close()

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
process.exit(status)
