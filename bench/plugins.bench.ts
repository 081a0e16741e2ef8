// Official plugin benchmarks, run by bench/run.js on Node 24 (which strips the types of this file).
// Cold: `command: init` of a template that requires the amazon plugin, into an empty plugin folder
// (the action resolves it, downloads, verifies and installs it, then runs `packer init`), against
// the floor: curl of the same five files, gpgv, sha256sum and unzip, measured in the same run.
// Installed: the same step again with the plugin in place, counting the mirror's requests.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  createSigningKey,
  MIRROR_VERSION,
  pluginRelease,
  startMirror
} from '../__tests__/support/mirror.ts'
import { median, report, runnerEnv, time } from './support.ts'

const root = path.resolve(import.meta.dirname, '..')
const node = process.execPath
const dist = path.join(root, 'dist/index.js')
const run = promisify(execFile)

const key = await createSigningKey()
const mirror = await startMirror({ signWith: key, plugins: ['amazon'] })
const work = mkdtempSync(path.join(tmpdir(), 'pia-bench-plugins-'))
const toolCache = path.join(work, 'toolcache')
const common = {
  'packer-version': MIRROR_VERSION,
  'releases-url': mirror.url,
  'releases-signing-key': key.armoredPublic
}
// Packer itself, once, into the tool cache every step below uses.
await run(node, [dist], {
  env: runnerEnv(
    path.join(work, 'install'),
    toolCache,
    { ...common, command: 'install' },
    { PACKER_PLUGIN_PATH: path.join(work, 'unused') }
  )
})

const release = pluginRelease('amazon')
const sigName = `${release.sums}.${key.fingerprint.slice(-8)}.sig`
const keyring = path.join(work, 'keyring.gpg')
writeFileSync(keyring, key.privateKey.toPublic().write())
const inputs = { ...common, command: 'init', 'cache-plugins': 'false' }

const cold: number[] = []
const floor: number[] = []
const installed: number[] = []
let installedRequests = 0
for (let i = 0; i < 5; i++) {
  const base = path.join(work, `cold-${i}`)
  const pluginDir = path.join(base, 'plugins')
  const env = runnerEnv(base, toolCache, inputs, { PACKER_PLUGIN_PATH: pluginDir })
  cpSync(path.join(root, 'bench/templates/amazon-plugin'), env.GITHUB_WORKSPACE!, {
    recursive: true
  })
  cold.push(await time(() => run(node, [dist], { env })))
  const before = mirror.requests.length
  installed.push(await time(() => run(node, [dist], { env })))
  installedRequests += mirror.requests.length - before

  const f = path.join(work, `floor-${i}`)
  mkdirSync(f, { recursive: true })
  floor.push(
    await time(async () => {
      const url = `${mirror.url}${release.dir}`
      await run('curl', ['-sfS', '-o', `${f}/index.json`, `${mirror.url}${release.index}`])
      await run('curl', [
        '-sfS',
        ...[release.sums, sigName, release.manifest, release.zip].flatMap((name) => [
          '-o',
          `${f}/${name}`,
          `${url}/${name}`
        ])
      ])
      await run('gpgv', ['--keyring', keyring, `${f}/${sigName}`, `${f}/${release.sums}`])
      await run('sh', [
        '-c',
        `cd "${f}" && grep " ${release.zip}$" ${release.sums} | sha256sum -c --status`
      ])
      await run('unzip', ['-o', '-q', `${f}/${release.zip}`, '-d', `${f}/out`])
    })
  )
  rmSync(f, { recursive: true, force: true })
  rmSync(base, { recursive: true, force: true })
}
await mirror.close()
rmSync(work, { recursive: true, force: true })

report(
  'plugin-install-cold-ratio',
  median(cold) / median(floor),
  'x curl+gpgv+sha256sum+unzip',
  '<= 1.3',
  { coldMs: median(cold), floorMs: median(floor) }
)
// The step's fixed cost (Node, the bundle, packer init) is in both runs; their difference is what
// installing the plugin itself costs, the part the floor does the same work as.
report(
  'plugin-install-marginal-ratio',
  (median(cold) - median(installed)) / median(floor),
  'x curl+gpgv+sha256sum+unzip',
  '<= 1.3',
  { installMs: median(cold) - median(installed), floorMs: median(floor) }
)
report('plugin-installed-requests', installedRequests, 'requests in 5 runs', '0', {
  installedMs: median(installed)
})
