/**
 * The installer against a hostile or broken release mirror, and against mistakes, through the
 * committed dist/ on Node 24: a body that never ends, a server that sends one byte a second, an
 * archive announced as huge (each download has a size limit and a deadline, and the error names
 * the URL and the limit); a version range with an empty alternative; a cancel during extraction.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  createSigningKey,
  MIRROR_VERSION,
  packerZip,
  startMirror,
  PACKER_BINARY,
  SUMS_NAME,
  ZIP_NAME,
  type MirrorOptions,
  type ReleaseMirror,
  type SigningKey
} from '../support/mirror.js'
import { createRunnerDirs, errors, startStep, type StepResult } from '../support/runner.js'

let key: SigningKey
const mirrors: ReleaseMirror[] = []

beforeAll(async () => {
  key = await createSigningKey()
  packerZip()
})

afterAll(async () => {
  await Promise.all(mirrors.map((m) => m.close()))
})

async function mirror(options: Partial<MirrorOptions>): Promise<ReleaseMirror> {
  const m = await startMirror({ signWith: key, ...options })
  mirrors.push(m)
  return m
}

/** Installs from the mirror; a step still running after `withinMs` is killed and the test fails. */
async function install(
  m: ReleaseMirror,
  withinMs: number,
  versionSpec: string = MIRROR_VERSION
): Promise<StepResult & { toolCache: string }> {
  const dirs = createRunnerDirs()
  const step = startStep({
    dirs,
    inputs: {
      command: 'install',
      'packer-version': versionSpec,
      'releases-url': m.url,
      'releases-signing-key': key.armoredPublic
    }
  })
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      step.child.kill('SIGKILL')
      reject(new Error(`the step was still running after ${withinMs / 1000} s`))
    }, withinMs)
  })
  try {
    const result = await Promise.race([step.done, limit])
    return { ...result, toolCache: dirs.toolCache }
  } finally {
    clearTimeout(timer)
  }
}

const url = (m: ReleaseMirror, file: string): string => `${m.url}${file}`

describe('limits on what the mirror sends', () => {
  it('refuses an index.json that never ends, at 32 MiB, naming the URL and the limit', async () => {
    const m = await mirror({ faults: { '/packer/index.json': [{ kind: 'endless' }] } })
    const result = await install(m, 60_000)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      `GET ${url(m, '/packer/index.json')} sent more than 32 MiB, the limit for a release index; refused`
    )
    // Not retried: a second attempt would only be sent as much again.
    expect(m.paths().filter((p) => p === '/packer/index.json')).toHaveLength(1)
  })

  it('refuses a SHA256SUMS that never ends, at 1 MiB', async () => {
    const sums = `/packer/${MIRROR_VERSION}/${SUMS_NAME}`
    const m = await mirror({ faults: { [sums]: [{ kind: 'endless' }] } })
    const result = await install(m, 60_000)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      `GET ${url(m, sums)} sent more than 1 MiB, the limit for a checksum or signature file; refused`
    )
    expect(readdirSync(result.toolCache)).toEqual([])
  })

  it('refuses an archive announced past its limit before downloading it', async () => {
    const zip = `/packer/${MIRROR_VERSION}/${ZIP_NAME}`
    const m = await mirror({
      faults: { [zip]: [{ kind: 'announce', contentLength: 5 * 1024 * 1024 * 1024 }] }
    })
    const result = await install(m, 60_000)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      `GET ${url(m, zip)} announced 5368709120 bytes, more than 1024 MiB, the limit for a release archive; refused`
    )
    expect(readdirSync(result.toolCache)).toEqual([])
  })

  it('gives up on an index.json sent one byte a second, at its 60 s deadline', async () => {
    const m = await mirror({ faults: { '/packer/index.json': [{ kind: 'trickle' }] } })
    const result = await install(m, 90_000)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      `GET ${url(m, '/packer/index.json')} did not finish within 60 s, the limit for a release index`
    )
  }, 120_000)
})

describe('version ranges', () => {
  it.each(['>=1.0 <1.1 ||', '|| 1.6.6', '1.5.x || || 1.7.x'])(
    'refuses %j, whose empty alternative would match any version',
    async (spec) => {
      const m = await mirror({})
      const result = await install(m, 60_000, spec)
      expect(result.exitCode).toBe(1)
      expect(errors(result)).toBe(
        `Input 'packer-version' is '${spec}': an alternative between '||' is empty, which would match any version; remove the extra '||'`
      )
      expect(m.paths()).toEqual([])
      expect(readdirSync(result.toolCache)).toEqual([])
    }
  )
})

describe('cancel', () => {
  it('during extraction says Cancelled and leaves nothing in the tool cache', async () => {
    // A verified archive that takes seconds to extract: the binary and 800 MiB of zeros.
    const work = mkdtempSync(path.join(tmpdir(), 'pia-bigzip-'))
    execFileSync('cp', [PACKER_BINARY, path.join(work, 'packer')])
    writeFileSync(path.join(work, 'padding'), Buffer.alloc(800 * 1024 * 1024))
    execFileSync('zip', ['-q', '-1', '-X', 'big.zip', 'packer', 'padding'], { cwd: work })
    execFileSync('rm', ['-f', path.join(work, 'padding'), path.join(work, 'packer')])
    const zip = path.join(work, 'big.zip')
    const sha = createHash('sha256').update(readFileSync(zip)).digest('hex')
    const m = await mirror({
      zipFile: zip,
      sums: (text) =>
        text
          .split('\n')
          .map((line) => (line.endsWith(`  ${ZIP_NAME}`) ? `${sha}  ${ZIP_NAME}` : line))
          .join('\n')
    })
    const dirs = createRunnerDirs()
    const step = startStep({
      dirs,
      inputs: {
        command: 'install',
        'packer-version': MIRROR_VERSION,
        'releases-url': m.url,
        'releases-signing-key': key.armoredPublic
      }
    })
    await step.waitForOutput(`::group::Extract Packer ${MIRROR_VERSION}`)
    step.child.kill('SIGINT')
    const result = await step.done
    execFileSync('rm', ['-rf', work])
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      'Cancelled: the installation of Packer was cancelled; nothing was installed'
    )
    expect(
      existsSync(dirs.toolCache) ? readdirSync(dirs.toolCache, { recursive: true }) : []
    ).toEqual([])
    expect(result.outputs['packer-path']).toBeUndefined()
    expect(result.path).toEqual([])
  })
})
