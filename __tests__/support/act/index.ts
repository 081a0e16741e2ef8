/**
 * Runs our reusable workflows under nektos/act, the real workflow engine, in host mode (no Docker):
 * jobs run as processes on this machine, JavaScript actions on the Node 24 of the tests (`node24()`,
 * first on act's PATH), with act's artifact server (v4 protocol) and cache server bound to
 * 127.0.0.1. `--local-repository` maps `org/packer-image-action@v1` (our action and our reusable
 * workflows, unchanged files of this checkout) and every pinned third-party action to a local
 * folder; third-party actions map to the stand-ins in `stand-ins/`, bundled here with esbuild.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from '@jest/globals'
import { build } from 'esbuild'
import { node24, ROOT } from '../runner.js'
import { startArtifactShim } from './artifact-shim.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const STAND_INS = path.join(HERE, 'stand-ins')

/** How our workflows name this action and each other. */
export const OWN_REPOSITORY = 'org/packer-image-action'
export const OWN_REF = 'v1'

/** A real tool built by `.ci/tools` (act, tofu, goss): its path, building it first if missing. */
export function ciTool(name: string): string {
  for (let attempt = 0; attempt < 3; attempt++) {
    const result = spawnSync(path.join(ROOT, '.ci/tools'), [name], {
      encoding: 'utf8',
      timeout: 20 * 60_000
    })
    const line = result.stdout.split('\n').find((l) => l.startsWith(`${name} `))
    if (result.status === 0 && line) return line.slice(name.length + 1).trim()
    // Another build of the same tool may hold the module cache; wait and ask again.
    spawnSync('sleep', ['15'])
  }
  throw new Error(`.ci/tools ${name} did not build ${name}`)
}

/** Every `uses: owner/name@sha` in our workflows, so that each one has a stand-in. */
export function pinnedActions(): { repository: string; ref: string }[] {
  const pins = new Map<string, { repository: string; ref: string }>()
  for (const dir of ['.github/workflows', 'templates/workflows']) {
    for (const file of readdirSync(path.join(ROOT, dir))) {
      const text = readFileSync(path.join(ROOT, dir, file), 'utf8')
      for (const m of text.matchAll(/uses:\s*([\w.-]+\/[\w.-]+)@([0-9a-f]{40})\b/g)) {
        pins.set(`${m[1]}@${m[2]}`, { repository: m[1], ref: m[2] })
      }
    }
  }
  return [...pins.values()]
}

export interface Staging {
  /** Our action and workflows: action.yml, dist/, .github/, templates/ of this checkout. */
  own: string
  /** `owner/name@ref=folder` for every action and workflow the runs may use. */
  localRepositories: string[]
}

let staged: Promise<Staging> | undefined

/**
 * Copies the files of our action and workflows (without node_modules, which act would otherwise
 * copy into every step that uses the action) and bundles the stand-ins, once per test file.
 */
export function stage(): Promise<Staging> {
  staged ??= (async () => {
    const base = mkdtempSync(path.join(tmpdir(), 'pia-act-stage-'))
    const own = path.join(base, 'packer-image-action')
    for (const entry of ['action.yml', 'dist', '.github', 'templates']) {
      cpSync(path.join(ROOT, entry), path.join(own, entry), { recursive: true })
    }
    const localRepositories = [`${OWN_REPOSITORY}@${OWN_REF}=${own}`]
    for (const pin of pinnedActions()) {
      const name = pin.repository.split('/')[1]
      const source = path.join(STAND_INS, name)
      // Only this repository's own CI (ci.yml, check-dist.yml, release.yml) uses it; not run here.
      if (pin.repository === 'actions/setup-node') continue
      if (!existsSync(source)) throw new Error(`no stand-in for ${pin.repository}`)
      const out = path.join(base, 'stand-ins', `${name}@${pin.ref}`)
      mkdirSync(out, { recursive: true })
      cpSync(path.join(source, 'action.yml'), path.join(out, 'action.yml'))
      await build({
        entryPoints: [path.join(source, 'main.ts')],
        outfile: path.join(out, 'index.mjs'),
        bundle: true,
        platform: 'node',
        target: 'node24',
        format: 'esm',
        logLevel: 'error',
        banner: {
          js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
        }
      })
      localRepositories.push(`${pin.repository}@${pin.ref}=${out}`)
    }
    return { own, localRepositories }
  })()
  return staged
}

/** The first port the kernel hands out for bind(0) and outgoing connections. */
function ephemeralLow(): number {
  try {
    const text = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
    const low = Number(text.trim().split(/\s+/)[0])
    return Number.isInteger(low) && low > 11000 ? low : 32768
  } catch {
    return 32768
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })
}

/**
 * A port for a server another process opens (act's artifact server, sshd). It is taken below the
 * kernel's ephemeral range, so what other tests open meanwhile on port 0 (servers, outgoing
 * connections) cannot take it before that process binds it. Two callers drawing the same port
 * is left to the callers, which start again on another one when theirs was taken.
 */
export async function freePort(): Promise<number> {
  const low = 10000
  const high = ephemeralLow()
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low))
    if (await bindable(port)) return port
  }
  throw new Error(`no free port on 127.0.0.1 between ${low} and ${high}`)
}

/** Whether a server's log says it could not listen on `port` because something else had it. */
export function portTaken(log: string, port: number): boolean {
  return new RegExp(
    `(:${port}\\b.*address already in use|port ${port}\\b.*Address already in use)`,
    'i'
  ).test(log)
}

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout.trim()
}

export interface CallerRepo {
  dir: string
  /** The bare repository that is the caller's `origin`. */
  origin: string
  git(...args: string[]): string
}

const AUTHOR = [
  '-c',
  'user.name=Test',
  '-c',
  'user.email=test@example.com',
  '-c',
  'init.defaultBranch=main'
]

/**
 * The caller's repository: a git repository on `main` with the given files (relative path to
 * content) and a local bare repository as `origin`.
 */
export function createCallerRepo(files: Record<string, string>, copy: Record<string, string> = {}) {
  const base = mkdtempSync(path.join(tmpdir(), 'pia-act-repo-'))
  const dir = path.join(base, 'repo')
  const origin = path.join(base, 'origin.git')
  mkdirSync(dir)
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), text)
  }
  for (const [rel, from] of Object.entries(copy)) {
    cpSync(path.join(ROOT, from), path.join(dir, rel), { recursive: true })
  }
  git(base, ...AUTHOR, 'init', '--quiet', '--bare', origin)
  git(dir, ...AUTHOR, 'init', '--quiet')
  git(dir, 'remote', 'add', 'origin', origin)
  git(dir, 'add', '-A')
  git(dir, ...AUTHOR, 'commit', '--quiet', '-m', 'initial')
  git(dir, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main')
  return {
    dir,
    origin,
    git: (...args: string[]) => git(dir, ...AUTHOR, ...args)
  } satisfies CallerRepo
}

export interface ActOptions {
  repo: CallerRepo
  /** Workflow file inside the repository, e.g. `.github/workflows/caller.yml`. */
  workflow: string
  event?: string
  payload?: Record<string, unknown>
  env?: Record<string, string>
  secrets?: Record<string, string>
  /** `name:value` matrix selections (act's --matrix). */
  matrix?: string[]
  /** Same run ID and artifact folder for the re-run of a leg. */
  runId?: number
  runAttempt?: number
  artifacts?: string
  /** act's action cache, holding the runner tool cache (`tool_cache`) shared by the runs. */
  actionCache: string
  /** Variables set in the environment of act itself (and so of every host-mode step). */
  hostEnv?: Record<string, string>
  /** Folders put on the runner's PATH (after Node 24), as tools a self-hosted runner has. */
  path?: string[]
  timeoutMs?: number
}

export interface ActResult {
  exitCode: number | null
  log: string
  /** Per job, what it wrote to RESULT_DIR/<name>.json (the callers' report jobs). */
  results: Record<string, unknown>
  artifacts: string
}

const GITHUB_REPOSITORY = 'acme/infra'

/** Runs one workflow of the caller's repository under act and waits for it (bounded). */
export async function runAct(options: ActOptions): Promise<ActResult> {
  const staging = await stage()
  const act = ciTool('act')
  const work = mkdtempSync(path.join(tmpdir(), 'pia-act-run-'))
  const artifacts = options.artifacts ?? path.join(work, 'artifacts')
  const resultDir = path.join(work, 'results')
  mkdirSync(resultDir)
  const eventFile = path.join(work, 'event.json')
  writeFileSync(
    eventFile,
    JSON.stringify({
      repository: { full_name: GITHUB_REPOSITORY, default_branch: 'main', name: 'infra' },
      ...options.payload
    })
  )
  const runId = options.runId ?? 1000 + Math.floor(Math.random() * 100000)
  // act's server fails a listing of a run without artifacts instead of answering an empty list.
  mkdirSync(path.join(artifacts, String(runId)), { recursive: true })
  // act's artifact server listens on a port picked here; if another process took it meanwhile,
  // act stops before any job ran, and the run starts again on another port.
  let attempt = 0
  let run: { exitCode: number | null; log: string }
  do {
    const actPort = await freePort()
    const shim = await startArtifactShim(actPort)
    try {
      run = await spawnAct(actPort, shim.url)
    } finally {
      await shim.close()
    }
    attempt++
    if (!(run.exitCode !== 0 && portTaken(run.log, actPort))) break
  } while (attempt < 3)
  const { exitCode, log } = run

  async function spawnAct(actPort: number, runtimeUrl: string) {
    const env = {
      GITHUB_REPOSITORY,
      GITHUB_REPOSITORY_OWNER: 'acme',
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: String(options.runAttempt ?? 1),
      RESULT_DIR: resultDir,
      ...options.env
    }
    const args = [
      options.event ?? 'workflow_dispatch',
      '-W',
      options.workflow,
      '-e',
      eventFile,
      '-P',
      'ubuntu-latest=-self-hosted',
      '--defaultbranch',
      'main',
      '--no-skip-checkout',
      '--artifact-server-path',
      artifacts,
      '--artifact-server-addr',
      '127.0.0.1',
      '--artifact-server-port',
      String(actPort),
      '--cache-server-addr',
      '127.0.0.1',
      '--cache-server-path',
      path.join(work, 'cache'),
      '--action-cache-path',
      options.actionCache,
      '--concurrent-jobs',
      '2',
      ...staging.localRepositories.flatMap((l) => ['--local-repository', l]),
      ...Object.entries(env).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
      ...Object.entries(options.secrets ?? {}).flatMap(([k, v]) => ['--secret', `${k}=${v}`]),
      ...(options.matrix ?? []).flatMap((m) => ['--matrix', m])
    ]
    // When the tests themselves run in GitHub Actions, the outer runner's service variables must not
    // reach act, which would hand them to the jobs instead of its own servers'.
    const outer = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(ACTIONS_(RUNTIME|RESULTS|CACHE|ID_TOKEN)_|GITHUB_TOKEN$)/.test(name)
      )
    )
    const child = spawn(act, args, {
      cwd: options.repo.dir,
      env: {
        ...outer,
        PATH: [path.dirname(node24()), ...(options.path ?? []), process.env.PATH].join(':'),
        ACT_DISABLE_VERSION_CHECK: '1',
        // act hands this to the jobs as ACTIONS_RUNTIME_URL and ACTIONS_RESULTS_URL.
        ACTIONS_RUNTIME_URL: runtimeUrl,
        PIA_ACT_REPOSITORIES: JSON.stringify({
          [GITHUB_REPOSITORY]: options.repo.origin,
          [`${OWN_REPOSITORY}@${OWN_REF}`]: staging.own
        }),
        ...options.hostEnv
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    let log = ''
    child.stdout.on('data', (d: Buffer) => (log += d.toString()))
    child.stderr.on('data', (d: Buffer) => (log += d.toString()))
    const timeoutMs = options.timeoutMs ?? 120_000
    const exitCode = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        log += `\n[harness] act ran longer than ${timeoutMs} ms; stopped\n`
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      }, timeoutMs)
      child.on('close', (code) => {
        clearTimeout(timer)
        resolve(code)
      })
    })
    return { exitCode, log }
  }
  writeFileSync(path.join(work, 'act.log'), log)
  if (process.env.PIA_ACT_LOG) writeFileSync(process.env.PIA_ACT_LOG, log, { flag: 'a' })
  const results: Record<string, unknown> = {}
  for (const file of readdirSync(resultDir)) {
    results[path.basename(file, '.json')] = JSON.parse(
      readFileSync(path.join(resultDir, file), 'utf8')
    )
  }
  return { exitCode, log, results, artifacts }
}

/** The rows of scheduled-rebuild.yml's own summary table (one per stage), as act logs them. */
export function chainSummaryRows(log: string): string[] {
  return log
    .split('\n')
    .filter((line) =>
      /^\| (Build|Image test|Promote|Terraform) [^|]*\| [a-z]+( \([^|]*\))? \|$/.test(line)
    )
}

/**
 * A job for the caller's workflow that records the outputs and results of the jobs it needs in
 * RESULT_DIR/<id>.json, so the test reads what a reusable workflow produced.
 */
export function reportJob(id: string, needs: string[]): string {
  const lines = needs.map(
    (n) => `          ${n.toUpperCase().replace(/-/g, '_')}: \${{ toJSON(needs.${n}) }}`
  )
  return `  ${id}:
    needs: [${needs.join(', ')}]
    if: always()
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - env:
${lines.join('\n')}
        run: |
          jq -n ${needs
            .map(
              (n) => `--argjson ${n.replace(/-/g, '_')} "$${n.toUpperCase().replace(/-/g, '_')}"`
            )
            .join(
              ' '
            )} '{${needs.map((n) => `"${n}": $${n.replace(/-/g, '_')}`).join(', ')}}' > "$RESULT_DIR/${id}.json"
`
}

/**
 * act's action cache for one test file, with Packer (as `__tests__/support/packer.ts` installs it,
 * through the committed dist/ from the loopback mirror) in the runner tool cache act gives its
 * jobs (`<action cache>/tool_cache`), so the action finds it there without a download.
 */
export async function actionCacheWithPacker(): Promise<string> {
  const { installPackerOnce } = await import('../packer.js')
  const packer = await installPackerOnce()
  const actionCache = mkdtempSync(path.join(tmpdir(), 'pia-act-cache-'))
  cpSync(packer.toolCache, path.join(actionCache, 'tool_cache'), { recursive: true })
  return actionCache
}

/**
 * The step outputs a job set, as act logs them (`[workflow/job] ⚙ ::set-output:: name=value`).
 * act stops a caller's later jobs once a called workflow fails, so a failed call's outputs are
 * read here rather than through the caller's report job.
 */
export function jobOutputs(log: string, job: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const line of log.split('\n')) {
    const m = /^\[([^\]]+)\]\s+⚙\s+::set-output:: ([\w-]+)=(.*)$/.exec(line)
    if (m && m[1].trim().endsWith(`/${job}`)) outputs[m[2]] = m[3]
  }
  return outputs
}

/** The run ended with `code`; otherwise the failure shows the end of act's log, where the failing step is. */
export function expectExit(run: ActResult, code: number): void {
  const tail = run.exitCode === code ? '' : run.log.split('\n').slice(-120).join('\n')
  expect({ exitCode: run.exitCode, log: tail }).toEqual({ exitCode: code, log: '' })
}

/**
 * A template of one amazon-ebs build named `name`, from `var.source_ami`, against the EC2 double at
 * `var.endpoint`, whose AMIs are named `<amiName>-<timestamp>` and listed in packer-manifest.json.
 * With `region`, it builds there (default us-east-1); with `requiredPlugins`, it requires the
 * official amazon plugin as the product's templates do; with `versionTags`, it declares `version`
 * and `commit` (as templates/packer/aws does) and tags the AMI with them.
 */
export function amazonEbsTemplate(
  name: string,
  amiName: string,
  options: { region?: string; requiredPlugins?: boolean; versionTags?: boolean } = {}
): string {
  const packer = options.requiredPlugins
    ? `packer {
  required_plugins {
    amazon = {
      source  = "github.com/hashicorp/amazon"
      version = ">= 1.2.2, < 2.0.0"
    }
  }
}

`
    : ''
  const versionVariables = options.versionTags
    ? `
variable "version" {
  type    = string
  default = "0.0.0-dev"
}

variable "commit" {
  type    = string
  default = "unknown"
}
`
    : ''
  const tags = options.versionTags
    ? `
  tags = {
    version      = var.version
    commit       = var.commit
    "managed-by" = "packer"
  }
`
    : ''
  return `${packer}variable "region" {
  type    = string
  default = "${options.region ?? 'us-east-1'}"
}

variable "endpoint" {
  type = string
}

variable "source_ami" {
  type = string
}
${versionVariables}
source "amazon-ebs" "${name}" {
  region        = var.region
  source_ami    = var.source_ami
  instance_type = "t3.micro"
  ami_name      = "${amiName}-{{timestamp}}"
  communicator  = "none"
${tags}
  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true

  aws_polling {
    delay_seconds = 1
    max_attempts  = 120
  }
}

build {
  sources = ["source.amazon-ebs.${name}"]

  post-processor "manifest" {
    output = "packer-manifest.json"
  }
}
`
}
