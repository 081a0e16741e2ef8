// Wrapper overhead, run by bench/run.js on Node 24: `command: build` through dist/index.js (Packer
// already in the tool cache, as on a runner after setup) against a raw `packer build` of the same
// null template, alternated run by run so that both see the same machine load. Two templates: a
// null build that does nothing (Packer alone takes about 0.2 s, so the action's fixed cost shows
// at its largest), and the same build with two seconds of provisioning. `node -e 0` is timed in
// the same rotation: Node's start is the floor under any action that runs on Node. So is a raw
// `packer validate`, which `command: build` runs before the build.
import { execFile } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { tool } from '../__tests__/support/tools.ts'
import { median, time } from './support.ts'

const root = path.resolve(import.meta.dirname, '..')
const node = process.execPath
const dist = path.join(root, 'dist/index.js')
const run = promisify(execFile)
const RUNS = 15

// The Packer the end-to-end tests run: `.ci/tools packer`'s build, or PACKER_TEST_BINARY.
const packerBinary = process.env.PACKER_TEST_BINARY ?? tool('packer')
const version = /Packer v(\S+)/.exec((await run(packerBinary, ['version'])).stdout)?.[1]
if (!version) throw new Error(`cannot read the version of ${packerBinary}`)

const work = mkdtempSync(path.join(tmpdir(), 'pia-bench-build-'))
const toolDir = path.join(work, 'toolcache', 'packer', version, process.arch)
mkdirSync(toolDir, { recursive: true })
copyFileSync(packerBinary, path.join(toolDir, 'packer'))
writeFileSync(`${toolDir}.complete`, '')

function actionEnv(workspace: string, i: number): NodeJS.ProcessEnv {
  const files = path.join(work, `files-${path.basename(workspace)}-${i}`)
  mkdirSync(path.join(files, 'temp'), { recursive: true })
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CHECKPOINT_DISABLE: '1',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(files, 'temp'),
    RUNNER_TOOL_CACHE: path.join(work, 'toolcache')
  }
  for (const f of ['output', 'path', 'state', 'env', 'summary']) {
    writeFileSync(path.join(files, f), '')
    env[`GITHUB_${f === 'summary' ? 'STEP_SUMMARY' : f.toUpperCase()}`] = path.join(files, f)
  }
  const inputs: Record<string, string> = {
    command: 'build',
    'packer-version': version!,
    'releases-url': 'http://127.0.0.1:9',
    template: '.',
    'working-directory': '.',
    'on-error': 'cleanup',
    'fmt-check': 'true',
    'cache-plugins': 'true',
    summary: 'true'
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return env
}

const packerEnv = { ...process.env, CHECKPOINT_DISABLE: '1' }

for (const [template, runs] of [
  ['null', RUNS],
  ['null-work', 5]
] as const) {
  const workspace = path.join(work, template)
  cpSync(path.join(root, 'bench/templates', template), workspace, { recursive: true })
  const wrapped: number[] = []
  const raw: number[] = []
  // Node's own start, the floor under any action that runs on it: no Node wrapper can come
  // closer to raw Packer than (packer + node -e 0) / packer.
  const nodeStart: number[] = []
  // `command: build` is init + validate + build, so a validate run is part of any faithful
  // implementation's cost too.
  const validateRuns: number[] = []
  // One unmeasured round each, so that both start with warm file caches.
  await run(node, [dist], { cwd: workspace, env: actionEnv(workspace, -1) })
  await run(packerBinary, ['build', '.'], { cwd: workspace, env: packerEnv })
  for (let i = 0; i < runs; i++) {
    wrapped.push(
      await time(() => run(node, [dist], { cwd: workspace, env: actionEnv(workspace, i) }))
    )
    raw.push(
      await time(() => run(packerBinary, ['build', '.'], { cwd: workspace, env: packerEnv }))
    )
    nodeStart.push(await time(() => run(node, ['-e', '0'])))
    validateRuns.push(
      await time(() => run(packerBinary, ['validate', '.'], { cwd: workspace, env: packerEnv }))
    )
  }
  const overhead = median(wrapped) - median(raw)
  console.log(
    JSON.stringify({
      name: `build-wrapper-ratio-${template}`,
      value: Math.round((median(wrapped) / median(raw)) * 1000) / 1000,
      unit: 'x raw packer build',
      target: '<= 1.15',
      actionMs: Math.round(median(wrapped)),
      packerMs: Math.round(median(raw)),
      overheadMs: Math.round(overhead),
      nodeStartMs: Math.round(median(nodeStart)),
      validateMs: Math.round(median(validateRuns)),
      // The lowest ratio a Node action could reach on this template and machine, and the lowest
      // for one that also validates first, as command: build does.
      floor: Math.round(((median(raw) + median(nodeStart)) / median(raw)) * 1000) / 1000,
      floorWithValidate:
        Math.round(
          ((median(raw) + median(nodeStart) + median(validateRuns)) / median(raw)) * 1000
        ) / 1000,
      // How long Packer must run for the action's fixed cost to stay within 1.15x.
      breakEvenPackerMs: Math.round(overhead / 0.15),
      packerVersion: version
    })
  )
}
rmSync(work, { recursive: true, force: true })
