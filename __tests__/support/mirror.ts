/**
 * A HashiCorp-style release mirror on 127.0.0.1, built for the tests: a real zip of the Debian
 * `packer` binary as version 1.6.6 for this runner's platform, a real SHA256SUMS, detached OpenPGP
 * signatures made with a key generated here, and an `index.json` with HashiCorp's field names whose
 * `url` fields point at the real HashiCorp host, which must never be contacted. Faults (HTTP errors,
 * resets, stalls) can be scripted per path, and every request is recorded.
 */
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createMessage, generateKey, readPrivateKey, sign, type PrivateKey } from 'openpgp'

export const MIRROR_VERSION = '1.6.6'
export const PACKER_BINARY = process.env.PACKER_TEST_BINARY ?? '/usr/bin/packer'

const NODE_OS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' }
const NODE_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386' }
export const HOST_OS = NODE_OS[process.platform]
export const HOST_ARCH = NODE_ARCH[process.arch]
export const ZIP_NAME = `packer_${MIRROR_VERSION}_${HOST_OS}_${HOST_ARCH}.zip`
export const SUMS_NAME = `packer_${MIRROR_VERSION}_SHA256SUMS`

export interface SigningKey {
  privateKey: PrivateKey
  armoredPublic: string
  /** Upper-case hex fingerprint of the primary key. */
  fingerprint: string
}

export async function createSigningKey(name = 'Mirror Release Signing'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email: 'releases@mirror.example' }],
    format: 'armored'
  })
  const key = await readPrivateKey({ armoredKey: privateKey })
  return {
    privateKey: key,
    armoredPublic: publicKey,
    fingerprint: key.getFingerprint().toUpperCase()
  }
}

export async function detachedSignature(data: Uint8Array, key: SigningKey): Promise<Uint8Array> {
  return (await sign({
    message: await createMessage({ binary: data }),
    signingKeys: key.privateKey,
    detached: true,
    format: 'binary'
  })) as Uint8Array
}

function fixturesDir(): string {
  const dir = path.join(tmpdir(), 'packer-image-action-fixtures')
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A zip holding the Debian packer binary as `packer`, made once per machine and reused. */
export function packerZip(): string {
  const info = statSync(PACKER_BINARY)
  const zip = path.join(fixturesDir(), `packer-${info.size}-${Math.round(info.mtimeMs)}.zip`)
  if (existsSync(zip)) return zip
  const work = mkdtempSync(path.join(fixturesDir(), 'build-'))
  execFileSync('cp', [PACKER_BINARY, path.join(work, 'packer')])
  execFileSync('zip', ['-q', '-X', path.join(work, 'out.zip'), 'packer'], { cwd: work })
  renameSync(path.join(work, 'out.zip'), zip)
  return zip
}

/** A zip with a file but no `packer` in it. */
export function zipWithoutPacker(dir: string): string {
  const work = mkdtempSync(path.join(dir, 'nopacker-'))
  writeFileSync(path.join(work, 'README.txt'), 'not the binary\n')
  execFileSync('zip', ['-q', '-X', 'out.zip', 'README.txt'], { cwd: work })
  return path.join(work, 'out.zip')
}

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Send the headers and part of the body, then destroy the connection. */
  | { kind: 'reset'; afterBytes?: number }
  /** Send the headers and part of the body, then send nothing more. */
  | { kind: 'stall'; afterBytes?: number }
  /** Answer normally, but only once `until` settles (a test acts in between). */
  | { kind: 'hold'; until: Promise<unknown> }
  /** 200 without Content-Length, then `bytes` (64 MiB by default) of filler: a body that never ends. */
  | { kind: 'endless'; bytes?: number }
  /** The real body with its Content-Length, one byte every `intervalMs` (1 s by default). */
  | { kind: 'trickle'; intervalMs?: number }
  /** Announce `contentLength` bytes, send a few, then nothing more. */
  | { kind: 'announce'; contentLength: number }

export interface MirrorOptions {
  /** Key that signs SHA256SUMS. */
  signWith: SigningKey
  /** Replace the zip that is served (the checksum stays that of the real zip unless `sums` says otherwise). */
  zipFile?: string
  /** Rewrite the SHA256SUMS text before it is signed. */
  sums?: (text: string) => string
  /** Sign the (possibly rewritten) SHA256SUMS with this key instead of signWith. */
  signSumsWith?: SigningKey
  /** Publish no signature files at all. */
  noSignature?: boolean
  /** Rewrite the index.json document before it is served. */
  index?: (document: { versions: Record<string, Record<string, unknown>> }) => unknown
  /** Scripted faults by URL path; each request to the path takes the next one, then it is served normally. */
  faults?: Record<string, Fault[]>
}

export interface ReleaseMirror {
  url: string
  root: string
  requests: { method: string; path: string }[]
  /** Paths of requests, in order. */
  paths(): string[]
  close(): Promise<void>
}

const INDEX_VERSIONS = ['1.5.6', '1.6.0', '1.6.5', MIRROR_VERSION, '1.7.0-rc1']
const PLATFORMS = [
  ['darwin', 'amd64'],
  ['darwin', 'arm64'],
  ['freebsd', 'amd64'],
  ['linux', '386'],
  ['linux', 'amd64'],
  ['linux', 'arm'],
  ['linux', 'arm64'],
  ['openbsd', 'amd64'],
  ['windows', '386'],
  ['windows', 'amd64']
]

export function indexDocument(keyIds: string[]): unknown {
  const versions: Record<string, unknown> = {}
  for (const version of INDEX_VERSIONS) {
    const sums = `packer_${version}_SHA256SUMS`
    versions[version] = {
      name: 'packer',
      version,
      shasums: sums,
      shasums_signature: `${sums}.sig`,
      shasums_signatures: [...keyIds.map((id) => `${sums}.${id.slice(-8)}.sig`), `${sums}.sig`],
      builds: PLATFORMS.map(([os, arch]) => ({
        name: 'packer',
        version,
        os,
        arch,
        filename: `packer_${version}_${os}_${arch}.zip`,
        url: `https://releases.hashicorp.com/packer/${version}/packer_${version}_${os}_${arch}.zip`
      }))
    }
  }
  return { name: 'packer', versions }
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

export async function startMirror(options: MirrorOptions): Promise<ReleaseMirror> {
  const root = mkdtempSync(path.join(tmpdir(), 'pia-mirror-'))
  const versionDir = path.join(root, 'packer', MIRROR_VERSION)
  mkdirSync(versionDir, { recursive: true })
  const realZip = packerZip()
  const servedZip = options.zipFile ?? realZip

  const lines = PLATFORMS.map(([os, arch]) => {
    const name = `packer_${MIRROR_VERSION}_${os}_${arch}.zip`
    const hash = name === ZIP_NAME ? sha256(realZip) : randomBytes(32).toString('hex')
    return `${hash}  ${name}`
  })
  const sumsText = (options.sums ?? ((t: string) => t))(lines.join('\n') + '\n')
  writeFileSync(path.join(versionDir, SUMS_NAME), sumsText)
  const signer = options.signSumsWith ?? options.signWith
  if (!options.noSignature) {
    const signature = await detachedSignature(Buffer.from(sumsText), signer)
    writeFileSync(
      path.join(versionDir, `${SUMS_NAME}.${signer.fingerprint.slice(-8)}.sig`),
      signature
    )
    writeFileSync(path.join(versionDir, `${SUMS_NAME}.sig`), signature)
  }
  writeFileSync(
    path.join(root, 'packer', 'index.json'),
    JSON.stringify(
      options.index
        ? options.index(
            indexDocument([signer.fingerprint]) as {
              versions: Record<string, Record<string, unknown>>
            }
          )
        : indexDocument([signer.fingerprint]),
      null,
      2
    )
  )

  const requests: ReleaseMirror['requests'] = []
  const faults = new Map(Object.entries(options.faults ?? {}).map(([p, f]) => [p, [...f]]))
  const sockets = new Set<Socket>()

  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://mirror').pathname)
    requests.push({ method: req.method ?? 'GET', path: urlPath })
    const file =
      urlPath === `/packer/${MIRROR_VERSION}/${ZIP_NAME}`
        ? servedZip
        : path.join(root, path.normalize(urlPath))
    const fault = faults.get(urlPath)?.shift()
    if (fault?.kind === 'hold') {
      void fault.until.finally(() => answer(req, res, file, undefined))
      return
    }
    answer(req, res, file, fault)
  }

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    fault: Fault | undefined
  ): void => {
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers })
      res.end(`scripted ${fault.status}\n`)
      return
    }
    if (fault?.kind === 'endless') {
      res.writeHead(200, { 'content-type': 'application/json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      let left = fault.bytes ?? 64 * 1024 * 1024
      const pump = (): void => {
        while (left > 0 && !res.destroyed) {
          left -= chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (!res.destroyed) res.end()
      }
      pump()
      return
    }
    if (fault?.kind === 'announce') {
      res.writeHead(200, {
        'content-length': String(fault.contentLength),
        'content-type': 'application/octet-stream'
      })
      res.write(Buffer.alloc(16))
      return
    }
    if (!file.startsWith(root) && file !== servedZip) {
      res.writeHead(403).end()
      return
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n')
      return
    }
    const size = statSync(file).size
    res.writeHead(200, {
      'content-length': String(size),
      'content-type': 'application/octet-stream'
    })
    if (fault?.kind === 'reset' || fault?.kind === 'stall') {
      const limit = fault.afterBytes ?? Math.floor(size / 2)
      const stream = createReadStream(file, { start: 0, end: Math.max(0, limit - 1) })
      stream.pipe(res, { end: false })
      stream.on('end', () => {
        if (fault.kind === 'reset') req.socket.destroy()
      })
      return
    }
    if (fault?.kind === 'trickle') {
      const body = readFileSync(file)
      let sent = 0
      const timer = setInterval(() => {
        if (res.destroyed || sent >= body.length) {
          clearInterval(timer)
          if (!res.destroyed) res.end()
          return
        }
        res.write(body.subarray(sent, ++sent))
      }, fault.intervalMs ?? 1000)
      res.on('close', () => clearInterval(timer))
      return
    }
    createReadStream(file).pipe(res)
  }

  const server: Server = createServer(serve)
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    root,
    requests,
    paths: () => requests.map((r) => r.path),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

/**
 * An HTTP(S) proxy that refuses everything and records what was asked of it. Pointing
 * `https_proxy` at it proves that nothing tried to reach the real HashiCorp host.
 */
export async function startTrapProxy(): Promise<{
  url: string
  attempts: string[]
  close(): Promise<void>
}> {
  const attempts: string[] = []
  const server = createServer((req, res) => {
    attempts.push(`${req.method} ${req.url}`)
    res.writeHead(403).end()
  })
  server.on('connect', (req, socket) => {
    attempts.push(`CONNECT ${req.url}`)
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}
