// Installer benchmarks, run by bench/run.js on Node 24 (which strips the types of this file).
// Warm: `command: install` of a version already in the tool cache, against `node -e 0`.
// Cold: a full install from the loopback mirror, against the floor: curl of the three files,
// sha256sum, gpgv and unzip of the same files, measured in the same run.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  createSigningKey,
  MIRROR_VERSION,
  startMirror,
  SUMS_NAME,
  ZIP_NAME
} from '../__tests__/support/mirror.ts'
import { median, report, runnerEnv, time } from './support.ts'

const root = path.resolve(import.meta.dirname, '..')
const node = process.execPath
const dist = path.join(root, 'dist/index.js')

// Everything runs asynchronously: the mirror serves from this same process.
const run = promisify(execFile)

const key = await createSigningKey()
const mirror = await startMirror({ signWith: key })
const work = mkdtempSync(path.join(tmpdir(), 'pia-bench-'))
const inputs = {
  command: 'install',
  'packer-version': MIRROR_VERSION,
  'releases-url': mirror.url,
  'releases-signing-key': key.armoredPublic
}

// Cold install, several times, each into an empty tool cache.
const cold: number[] = []
const floor: number[] = []
const keyring = path.join(work, 'keyring.gpg')
writeFileSync(keyring, key.privateKey.toPublic().write())
const sigName = `${SUMS_NAME}.${key.fingerprint.slice(-8)}.sig`
for (let i = 0; i < 5; i++) {
  const base = path.join(work, `cold-${i}`)
  const toolCache = path.join(base, 'toolcache')
  cold.push(await time(() => run(node, [dist], { env: runnerEnv(base, toolCache, inputs) })))
  const f = path.join(work, `floor-${i}`)
  mkdirSync(f, { recursive: true })
  floor.push(
    await time(async () => {
      const url = `${mirror.url}/packer/${MIRROR_VERSION}`
      await run('curl', [
        '-sfS',
        '-o',
        `${f}/${SUMS_NAME}`,
        `${url}/${SUMS_NAME}`,
        '-o',
        `${f}/${sigName}`,
        `${url}/${sigName}`,
        '-o',
        `${f}/${ZIP_NAME}`,
        `${url}/${ZIP_NAME}`
      ])
      await run('gpgv', ['--keyring', keyring, `${f}/${sigName}`, `${f}/${SUMS_NAME}`])
      await run('sh', [
        '-c',
        `cd "${f}" && grep " ${ZIP_NAME}$" ${SUMS_NAME} | sha256sum -c --status`
      ])
      await run('unzip', ['-o', '-q', `${f}/${ZIP_NAME}`, '-d', `${f}/out`])
    })
  )
  rmSync(f, { recursive: true, force: true })
}

// Warm: the last cold run's tool cache holds the version.
const warmBase = path.join(work, 'cold-4')
const warm: number[] = []
const bare: number[] = []
const before = mirror.requests.length
for (let i = 0; i < 30; i++) {
  warm.push(
    await time(() =>
      run(node, [dist], { env: runnerEnv(warmBase, path.join(warmBase, 'toolcache'), inputs) })
    )
  )
  bare.push(await time(() => run(node, ['-e', '0'])))
}
const warmRequests = mirror.requests.length - before
await mirror.close()
rmSync(work, { recursive: true, force: true })

report('install-warm-ratio', median(warm) / median(bare), 'x node -e 0', '<= 1.2', {
  warmMs: median(warm),
  nodeMs: median(bare),
  networkRequests: warmRequests
})
report(
  'install-cold-ratio',
  median(cold) / median(floor),
  'x curl+gpgv+sha256sum+unzip',
  '<= 1.3',
  {
    coldMs: median(cold),
    floorMs: median(floor)
  }
)
