/**
 * The installer end to end, through the committed dist/index.js on Node 24, against a release
 * mirror on 127.0.0.1 serving a real zip of the Packer 1.9.4 that `.ci/tools` builds.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  utimesSync,
  readdirSync,
  readFileSync,
  truncateSync,
  statSync,
  writeFileSync,
  mkdtempSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  createSigningKey,
  signingKeyId,
  MIRROR_VERSION,
  packerZip,
  startMirror,
  startTrapProxy,
  SUMS_NAME,
  ZIP_NAME,
  zipWithoutPacker,
  type MirrorOptions,
  type ReleaseMirror,
  type SigningKey
} from '../support/mirror.js'
import { createRunnerDirs, runStep, startStep, type StepResult } from '../support/runner.js'
import { expiredKey, freshKey, renewedKey, revokedKey } from '../support/keys.js'

let mirrorKey: SigningKey
let otherKey: SigningKey
let trap: Awaited<ReturnType<typeof startTrapProxy>>
const mirrors: ReleaseMirror[] = []

beforeAll(async () => {
  ;[mirrorKey, otherKey] = await Promise.all([createSigningKey(), createSigningKey('Someone Else')])
  trap = await startTrapProxy()
  packerZip()
})

afterAll(async () => {
  await Promise.all(mirrors.map((m) => m.close()))
  await trap.close()
})

async function mirror(options: Partial<MirrorOptions> = {}): Promise<ReleaseMirror> {
  const m = await startMirror({ signWith: mirrorKey, ...options })
  mirrors.push(m)
  return m
}

function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort()
}

async function install(
  m: ReleaseMirror,
  inputs: Record<string, string> = {},
  dirs = createRunnerDirs()
): Promise<StepResult & { toolCache: string }> {
  const result = await runStep({
    dirs,
    inputs: {
      command: 'install',
      'packer-version': MIRROR_VERSION,
      'releases-url': m.url,
      'releases-signing-key': mirrorKey.armoredPublic,
      ...inputs
    },
    env: { https_proxy: trap.url, HTTPS_PROXY: trap.url }
  })
  return { ...result, toolCache: dirs.toolCache }
}

function errorMessages(result: StepResult): string {
  return result.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n')
}

describe('install from a mirror', () => {
  it('downloads, verifies and caches Packer, and the installed binary runs', async () => {
    const m = await mirror()
    const result = await install(m)
    expect(errorMessages(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs['packer-version']).toBe(MIRROR_VERSION)
    const binary = result.outputs['packer-path']
    expect(binary).toBe(
      path.join(result.toolCache, 'packer', MIRROR_VERSION, process.arch, 'packer')
    )
    expect(result.path).toEqual([path.dirname(binary)])
    expect(execFileSync(binary, ['version'], { encoding: 'utf8' })).toContain(
      `Packer v${MIRROR_VERSION}`
    )
    expect(statSync(binary).mode & 0o111).not.toBe(0)
    // Every URL was built from releases-url and plain file names; the index's absolute URLs were not followed.
    expect(m.paths().sort()).toEqual(
      [
        '/packer/index.json',
        `/packer/${MIRROR_VERSION}/${SUMS_NAME}`,
        `/packer/${MIRROR_VERSION}/${SUMS_NAME}.${mirrorKey.fingerprint.slice(-8)}.sig`,
        `/packer/${MIRROR_VERSION}/${ZIP_NAME}`
      ].sort()
    )
    expect(trap.attempts).toEqual([])
    expect(result.stdout).toContain(`${m.url}/packer/${MIRROR_VERSION}/${ZIP_NAME}`)
    expect(result.stdout).toMatch(/good signature/)
    // Nothing left in the tool cache but the tool and its marker.
    expect(listTree(result.toolCache)).toEqual([
      'packer',
      `packer/${MIRROR_VERSION}`,
      `packer/${MIRROR_VERSION}/${process.arch}`,
      `packer/${MIRROR_VERSION}/${process.arch}.complete`,
      `packer/${MIRROR_VERSION}/${process.arch}/packer`
    ])
    expect(readdirSync(path.join(result.toolCache, '..', 'temp'))).toEqual([])
  })

  it('uses the install another job placed meanwhile in a shared tool cache, deleting nothing', async () => {
    let release = (): void => undefined
    const held = new Promise<void>((resolve) => (release = resolve))
    const zipPath = `/packer/${MIRROR_VERSION}/${ZIP_NAME}`
    const m = await mirror({ faults: { [zipPath]: [{ kind: 'hold', until: held }] } })
    const dirs = createRunnerDirs()
    const step = install(m, {}, dirs)
    while (!m.paths().includes(zipPath)) await new Promise((r) => setTimeout(r, 20))
    // The other job finishes first.
    const theirs = path.join(dirs.toolCache, 'packer', MIRROR_VERSION, process.arch)
    mkdirSync(theirs, { recursive: true })
    copyFileSync(
      execFileSync('sh', ['-c', 'command -v packer'], { encoding: 'utf8' }).trim(),
      path.join(theirs, 'packer')
    )
    writeFileSync(path.join(theirs, 'placed-by-the-other-job'), '')
    writeFileSync(`${theirs}.complete`, '')
    release()
    const result = await step
    expect(errorMessages(result)).toBe('')
    expect(result.outputs['packer-path']).toBe(path.join(theirs, 'packer'))
    expect(result.stdout).toContain('was placed in the tool cache meanwhile')
    expect(existsSync(path.join(theirs, 'placed-by-the-other-job'))).toBe(true)
    expect(listTree(path.join(dirs.toolCache, 'packer')).filter((e) => e.startsWith('.'))).toEqual(
      []
    )
  })

  it('stops downloading on a cancel, installs nothing and says it was cancelled', async () => {
    const zipPath = `/packer/${MIRROR_VERSION}/${ZIP_NAME}`
    // The zip is never answered: only the cancel can end the step.
    const m = await mirror({
      faults: { [zipPath]: [{ kind: 'hold', until: new Promise(() => {}) }] }
    })
    const dirs = createRunnerDirs()
    const step = startStep({
      dirs,
      inputs: {
        command: 'install',
        'packer-version': MIRROR_VERSION,
        'releases-url': m.url,
        'releases-signing-key': mirrorKey.armoredPublic
      },
      env: { https_proxy: trap.url, HTTPS_PROXY: trap.url }
    })
    while (!m.paths().includes(zipPath)) await new Promise((r) => setTimeout(r, 20))
    step.child.kill('SIGINT')
    const result = await step.done
    expect(result.exitCode).toBe(1)
    expect(errorMessages(result)).toBe(
      'Cancelled: the installation of Packer was cancelled; nothing was installed'
    )
    expect(existsSync(dirs.toolCache) ? listTree(dirs.toolCache) : []).toEqual([])
    expect(result.path).toEqual([])
  })

  it('replaces what a killed install left: a folder without its marker, and old staging', async () => {
    const m = await mirror()
    const dirs = createRunnerDirs()
    const root = path.join(dirs.toolCache, 'packer')
    const half = path.join(root, MIRROR_VERSION, process.arch)
    mkdirSync(half, { recursive: true })
    writeFileSync(path.join(half, 'packer'), 'half written')
    const oldStaging = path.join(root, `.staging-${MIRROR_VERSION}-0123456789ab`)
    mkdirSync(oldStaging)
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000)
    utimesSync(oldStaging, twoHoursAgo, twoHoursAgo)
    const result = await install(m, {}, dirs)
    expect(errorMessages(result)).toBe('')
    expect(execFileSync(path.join(half, 'packer'), ['version'], { encoding: 'utf8' })).toContain(
      `Packer v${MIRROR_VERSION}`
    )
    expect(listTree(root)).toEqual([
      MIRROR_VERSION,
      `${MIRROR_VERSION}/${process.arch}`,
      `${MIRROR_VERSION}/${process.arch}.complete`,
      `${MIRROR_VERSION}/${process.arch}/packer`
    ])
  })

  it('uses an exact version from the tool cache without any network request', async () => {
    const m = await mirror()
    const dirs = createRunnerDirs()
    const first = await install(m, {}, dirs)
    expect(first.exitCode).toBe(0)
    const before = m.requests.length
    writeFileSync(dirs.files.output, '')
    writeFileSync(dirs.files.path, '')
    const second = await install(m, { 'releases-url': 'http://127.0.0.1:9' }, dirs)
    expect(second.exitCode).toBe(0)
    expect(m.requests.length).toBe(before)
    expect(second.outputs).toEqual(first.outputs)
    expect(second.path).toEqual(first.path)
  })

  it.each([
    ['latest', MIRROR_VERSION],
    ['1.x', MIRROR_VERSION],
    ['~1.9.0', MIRROR_VERSION],
    ['v1.9.4', MIRROR_VERSION]
  ])('resolves %s to %s (never the 1.10.0-beta1 prerelease)', async (spec, expected) => {
    const result = await install(await mirror(), { 'packer-version': spec })
    expect(errorMessages(result)).toBe('')
    expect(result.outputs['packer-version']).toBe(expected)
    expect(result.stdout).toContain(`resolves to ${expected}`)
  })

  it.each([
    [
      '1.99.0',
      /Packer version '1\.99\.0' does not exist in http:\/\/127\.0\.0\.1:\d+\/packer\/index\.json; the newest releases are 1\.9\.4, 1\.9\.2, 1\.9\.0, 1\.8\.7/
    ],
    ['~1.99', /No Packer release satisfies '~1\.99'.*newest releases are 1\.9\.4/],
    ['banana', /Input 'packer-version' is 'banana'; expected 'latest', an exact version/]
  ])('refuses packer-version %s clearly', async (spec, message) => {
    const result = await install(await mirror(), { 'packer-version': spec })
    expect(result.exitCode).toBe(1)
    expect(errorMessages(result)).toMatch(message)
    expect(listTree(result.toolCache)).toEqual([])
    expect(result.path).toEqual([])
  })
})

describe('release keys as gpg judges them', () => {
  it('installs a release signed in 2024 by a key whose self-signatures were renewed in 2026, as HashiCorp publishes its key', async () => {
    const key = await renewedKey()
    const m = await mirror({ signWith: key })
    const result = await install(m, { 'releases-signing-key': key.armoredPublic })
    expect(errorMessages(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs['packer-version']).toBe(MIRROR_VERSION)
    expect(result.stdout).toMatch(/good signature by/)
  })

  it('trusts every key in releases-signing-key, so a rotation can list the old and the new key', async () => {
    const [retired, current] = await Promise.all([renewedKey(), freshKey()])
    const m = await mirror({ signWith: current })
    const result = await install(m, {
      'releases-signing-key': `${retired.armoredPublic}\n${current.armoredPublic}`
    })
    expect(errorMessages(result)).toBe('')
    expect(result.exitCode).toBe(0)
  })

  it('refuses a key that has expired by now, naming the date and the way out, and installs nothing', async () => {
    const key = await expiredKey()
    const m = await mirror({ signWith: key })
    const result = await install(m, { 'releases-signing-key': key.armoredPublic })
    expect(result.exitCode).toBe(1)
    expect(errorMessages(result)).toContain(`expired on ${key.expired.toISOString().slice(0, 10)}`)
    expect(errorMessages(result)).toContain('releases-signing-key')
    expect(existsSync(path.join(result.toolCache, 'packer', MIRROR_VERSION))).toBe(false)
  })

  it('refuses a key revoked after it signed', async () => {
    const key = await revokedKey()
    const m = await mirror({ signWith: key })
    const result = await install(m, { 'releases-signing-key': key.armoredPublic })
    expect(result.exitCode).toBe(1)
    expect(errorMessages(result)).toMatch(/key [0-9A-F ]+ is revoked/)
  })
})

describe('supply chain: nothing unverified is installed', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'pia-tamper-'))

  async function expectRefused(
    options: Partial<MirrorOptions>,
    message: RegExp,
    inputs = {}
  ): Promise<void> {
    const result = await install(await mirror(options), inputs)
    expect(errorMessages(result)).toMatch(message)
    expect(result.exitCode).toBe(1)
    expect(listTree(result.toolCache)).toEqual([])
    expect(result.path).toEqual([])
    expect(result.outputs['packer-path']).toBeUndefined()
    expect(result.stderr).not.toMatch(/\n\s+at /) // a message, not a stack trace
  }

  it('refuses a zip with one flipped byte', async () => {
    const zip = path.join(work, 'flipped.zip')
    copyFileSync(packerZip(), zip)
    const bytes = readFileSync(zip)
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    writeFileSync(zip, bytes)
    await expectRefused(
      { zipFile: zip },
      new RegExp(
        `${ZIP_NAME} does not match ${SUMS_NAME}: its SHA-256 is [0-9a-f]{64}, the signed checksum is [0-9a-f]{64}`
      )
    )
  })

  it("refuses another release's files listed under the version asked for", async () => {
    // A mirror serves 1.9.4's real, signed files, but index.json lists them for 1.7.0.
    await expectRefused(
      {
        index: (document) => {
          document.versions['1.7.0'] = { ...document.versions[MIRROR_VERSION], version: '1.7.0' }
          return document
        }
      },
      /index\.json lists files for packer 1\.7\.0 that are not named for that version/,
      { 'packer-version': '1.7.0' }
    )
  })

  it('refuses a truncated zip', async () => {
    const zip = path.join(work, 'truncated.zip')
    copyFileSync(packerZip(), zip)
    truncateSync(zip, Math.floor(statSync(zip).size / 3))
    await expectRefused({ zipFile: zip }, new RegExp(`${ZIP_NAME} does not match ${SUMS_NAME}`))
  })

  it('refuses an edited SHA256SUMS that carries a valid signature from a different key', async () => {
    const evil = path.join(work, 'evil.zip')
    writeFileSync(evil, 'not packer')
    await expectRefused(
      {
        zipFile: evil,
        sums: (text) =>
          text.replace(/^[0-9a-f]{64}(?= {2}packer_1\.9\.4_linux_amd64\.zip)/m, '0'.repeat(64)),
        signSumsWith: otherKey
      },
      new RegExp(
        `The signature of ${SUMS_NAME} is not valid for the releases-signing-key: signed by key ID ${signingKeyId(otherKey)}`
      )
    )
  })

  it('refuses a signature from a key that is not trusted', async () => {
    await expectRefused(
      { signSumsWith: otherKey },
      new RegExp(
        `not valid for the releases-signing-key: signed by key ID ${signingKeyId(otherKey)}`
      )
    )
  })

  it('refuses when the signature is missing', async () => {
    await expectRefused(
      { noSignature: true },
      new RegExp(
        `${SUMS_NAME}(\\.[0-9A-F]{8})?\\.sig is missing \\(HTTP 404 at http://127\\.0\\.0\\.1:\\d+/packer/1\\.9\\.4/${SUMS_NAME}(\\.[0-9A-F]{8})?\\.sig\\)`
      )
    )
  })

  it('refuses a SHA256SUMS without a line for the zip', async () => {
    await expectRefused(
      {
        sums: (text) =>
          text
            .split('\n')
            .filter((l) => !l.endsWith(ZIP_NAME))
            .join('\n')
      },
      new RegExp(`${SUMS_NAME} has no checksum line for ${ZIP_NAME}`)
    )
  })

  it('refuses a verified zip that has no packer inside, and leaves nothing behind', async () => {
    const zip = zipWithoutPacker(work)
    const hash = execFileSync('sha256sum', [zip], { encoding: 'utf8' }).slice(0, 64)
    await expectRefused(
      {
        zipFile: zip,
        sums: (text) => text.replace(/^[0-9a-f]{64}(?= {2}packer_1\.9\.4_linux_amd64\.zip)/m, hash)
      },
      new RegExp(`${ZIP_NAME} has no 'packer' at its top level \\(it holds: README.txt\\)`)
    )
  })

  it("trusts only HashiCorp's embedded key when no releases-signing-key is given", async () => {
    await expectRefused(
      {},
      /The signature of packer_1\.9\.4_SHA256SUMS is not valid for HashiCorp's release key C874 011F 0AB4 0511 0D02 1055 3436 5D94 72D7 468F/,
      { 'releases-signing-key': '' }
    )
  })

  it('refuses a releases-signing-key that is not a public key, before any request', async () => {
    const m = await mirror()
    const result = await install(m, { 'releases-signing-key': 'not a key' })
    expect(errorMessages(result)).toMatch(
      /Could not read the releases-signing-key as an OpenPGP public key/
    )
    expect(result.exitCode).toBe(1)
    expect(m.requests).toEqual([])
    expect(listTree(result.toolCache)).toEqual([])
  })
})

describe('network faults', () => {
  const zipPath = `/packer/${MIRROR_VERSION}/${ZIP_NAME}`

  it('retries 503 twice, then succeeds', async () => {
    const m = await mirror({
      faults: {
        [zipPath]: [
          { kind: 'status', status: 503 },
          { kind: 'status', status: 503 }
        ]
      }
    })
    const result = await install(m)
    expect(errorMessages(result)).toBe('')
    expect(result.outputs['packer-version']).toBe(MIRROR_VERSION)
    expect(m.paths().filter((p) => p === zipPath)).toHaveLength(3)
    expect(result.stdout).toMatch(/answered HTTP 503; retrying in [\d.]+ s \(attempt 2 of 4\)/)
    expect(result.stdout).toMatch(/\(attempt 3 of 4\)/)
  })

  it('retries a connection reset in the middle of the zip', async () => {
    const m = await mirror({ faults: { [zipPath]: [{ kind: 'reset' }] } })
    const result = await install(m)
    expect(errorMessages(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(m.paths().filter((p) => p === zipPath)).toHaveLength(2)
  })

  it('does not retry a 404, and says what was missing', async () => {
    const m = await mirror({ faults: { [zipPath]: [{ kind: 'status', status: 404 }] } })
    const result = await install(m)
    expect(result.exitCode).toBe(1)
    expect(errorMessages(result)).toMatch(
      new RegExp(
        `Packer 1\\.9\\.4 for linux/amd64: ${ZIP_NAME} is missing \\(HTTP 404 at http://127\\.0\\.0\\.1:\\d+${zipPath}\\)`
      )
    )
    expect(m.paths().filter((p) => p === zipPath)).toHaveLength(1)
    expect(listTree(result.toolCache)).toEqual([])
  })
})
