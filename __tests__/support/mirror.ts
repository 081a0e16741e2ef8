/**
 * A HashiCorp-style release mirror on 127.0.0.1, built for the tests.
 *
 * Packer: a real zip of the Packer 1.9.4 that `.ci/tools` builds from its Go module (the zip holds
 * just `packer`, as HashiCorp's 1.9 zips do), as that version for this runner's platform, a real
 * SHA256SUMS, detached OpenPGP signatures made with a key generated here, and an `index.json` with
 * HashiCorp's field names whose `url` fields point at the real HashiCorp host, which must never be
 * contacted.
 *
 * Official plugins (`plugins: true`): packer-plugin-amazon 1.2.9 and packer-plugin-docker 1.0.8,
 * built by `.ci/tools`, in the layout releases.hashicorp.com uses for plugins released through
 * HashiCorp's release pipeline, and that Packer's own release getter reads
 * (packer/plugin-getter/release/getter.go, Packer 1.14):
 *
 *   <url>/packer-plugin-<name>/index.json                            same shape as Packer's index.json
 *   <url>/packer-plugin-<name>/<v>/packer-plugin-<name>_<v>_SHA256SUMS   one line per zip, and one for
 *                                                                    the manifest (Packer skips `.json`)
 *   <url>/packer-plugin-<name>/<v>/packer-plugin-<name>_<v>_SHA256SUMS.sig, .<KEYID8>.sig
 *   <url>/packer-plugin-<name>/<v>/packer-plugin-<name>_<v>_manifest.json
 *       {"version": "1", "metadata": {"protocol_version": "5.0"}}   (the plugin's `describe`
 *       api_version without its `x`, as the plugin's build workflow writes it from manifest.json)
 *   <url>/packer-plugin-<name>/<v>/packer-plugin-<name>_<v>_<os>_<arch>.zip
 *       holding `packer-plugin-<name>_v<v>_x<protocol>_<os>_<arch>` (the name the getter looks for in
 *       the zip and installs under) and `LICENSE.txt` (hashicorp/actions-go-build's
 *       `cp LICENSE "$TARGET_DIR/LICENSE.txt"` in the plugin's build workflow)
 *
 * Faults (HTTP errors, resets, stalls) can be scripted per path, and every request is recorded.
 * Sources and layout: __tests__/data/releases/README.md.
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
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  createMessage,
  generateKey,
  readPrivateKey,
  reformatKey,
  sign,
  type PrivateKey
} from 'openpgp'
// A .ts specifier: the benchmarks load this file with Node's type stripping, which maps nothing.
import { tool, TOOL_VERSIONS, toolPath } from './tools.ts'

export const MIRROR_VERSION = TOOL_VERSIONS.packer
/** The Packer binary the mirror zips: `.ci/tools packer`'s build, or PACKER_TEST_BINARY. */
export const PACKER_BINARY = process.env.PACKER_TEST_BINARY ?? toolPath('packer')

const NODE_OS: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' }
const NODE_ARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386' }
export const HOST_OS = NODE_OS[process.platform]
export const HOST_ARCH = NODE_ARCH[process.arch]
export const ZIP_NAME = `packer_${MIRROR_VERSION}_${HOST_OS}_${HOST_ARCH}.zip`
export const SUMS_NAME = `packer_${MIRROR_VERSION}_SHA256SUMS`

export interface SigningKey {
  /** Signs: for a renewed key, the key as it was before the renewal (as the real signatures were). */
  privateKey: PrivateKey
  /** What a user is given to trust: for a renewed key, only the renewed self-signatures. */
  armoredPublic: string
  /** Upper-case hex fingerprint of the primary key. */
  fingerprint: string
  /** The creation time of the signatures made with it (default: now). */
  signatureDate?: Date
}

/**
 * The dates of a renewed key's history, as HashiCorp's release key had it after its 2026-02-18
 * renewal: primary and signing subkey created years before, releases signed in between, and the
 * self-signatures renewed after those signatures were made.
 */
export const RENEWED_KEY_DATES = {
  created: new Date('2021-04-19T00:00:00Z'),
  /** Packer 1.9.4's release day: when the mirror's files are signed with a renewed key. */
  signed: new Date('2023-08-18T16:00:00Z'),
  renewed: new Date('2026-02-18T00:00:00Z')
} as const

export interface SigningKeyOptions {
  name?: string
  /**
   * Make a key shaped like HashiCorp's after its renewal: a primary and a signing subkey created
   * on RENEWED_KEY_DATES.created, signatures made on .signed with the key as it was then, and a
   * public key exported minimal, with only the self-signatures renewed on .renewed (after the
   * signatures). This is the default; `renewed: false` makes a fresh key that signs now.
   */
  renewed?: boolean
}

export async function createSigningKey(
  options: string | SigningKeyOptions = {}
): Promise<SigningKey> {
  const { name = 'Mirror Release Signing', renewed = true } =
    typeof options === 'string' ? { name: options } : options
  const userIDs = [{ name, email: 'releases@mirror.example' }]
  if (!renewed) {
    const { privateKey, publicKey } = await generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs,
      format: 'armored'
    })
    const key = await readPrivateKey({ armoredKey: privateKey })
    return {
      privateKey: key,
      armoredPublic: publicKey,
      fingerprint: key.getFingerprint().toUpperCase()
    }
  }
  const day = 24 * 60 * 60
  const { privateKey } = await generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs,
    date: RENEWED_KEY_DATES.created,
    // Primary certifies; a subkey signs the releases, as on HashiCorp's key.
    subkeys: [{ sign: true }],
    keyExpirationTime: 5 * 365 * day,
    format: 'object'
  })
  // The renewal: new self-signatures (user ID and subkey binding) with a later expiry. reformatKey
  // writes only the new ones, which is what a minimal export of the renewed key holds.
  const renewal = await reformatKey({
    privateKey,
    userIDs,
    date: RENEWED_KEY_DATES.renewed,
    keyExpirationTime: 10 * 365 * day,
    format: 'armored'
  })
  return {
    privateKey,
    armoredPublic: renewal.publicKey,
    fingerprint: privateKey.getFingerprint().toUpperCase(),
    signatureDate: RENEWED_KEY_DATES.signed
  }
}

/** The key ID a signature by this key names: its signing subkey's, or the primary's when it has none. */
export function signingKeyId(key: SigningKey): string {
  const subkey = key.privateKey.getSubkeys()[0]
  return (subkey ? subkey.getKeyID().toHex() : key.fingerprint.slice(-16)).toUpperCase()
}

export async function detachedSignature(data: Uint8Array, key: SigningKey): Promise<Uint8Array> {
  return (await sign({
    message: await createMessage({ binary: data }),
    signingKeys: key.privateKey,
    detached: true,
    format: 'binary',
    ...(key.signatureDate ? { date: key.signatureDate } : {})
  })) as Uint8Array
}

function fixturesDir(): string {
  const dir = path.join(
    process.env.PACKER_IMAGE_ACTION_SHARED_TMP ?? tmpdir(),
    'packer-image-action-fixtures'
  )
  mkdirSync(dir, { recursive: true })
  return dir
}

/** A zip holding the built Packer binary as `packer`, made once per machine and reused. */
export function packerZip(): string {
  if (!process.env.PACKER_TEST_BINARY) tool('packer')
  const info = statSync(PACKER_BINARY)
  const zip = path.join(
    fixturesDir(),
    `packer-${MIRROR_VERSION}-${info.size}-${Math.round(info.mtimeMs)}.zip`
  )
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
  /**
   * Also serve official plugin releases in releases.hashicorp.com's layout: `true` for every one
   * in PLUGINS, or the names of some. signSumsWith and noSignature apply to them too.
   */
  plugins?: boolean | PluginName[]
  /** Serve this file instead of a plugin's zip (its checksum stays that of the real zip). */
  pluginZips?: Partial<Record<PluginName, string>>
  /** Rewrite a plugin's SHA256SUMS text before it is signed. */
  pluginSums?: (plugin: PluginName, text: string) => string
  /** Rewrite a plugin's manifest.json document before it is checksummed and served. */
  pluginManifest?: (
    plugin: PluginName,
    document: { version: string; metadata: { protocol_version: string } }
  ) => unknown
  /** Rewrite a plugin's index.json document before it is served. */
  pluginIndex?: (
    plugin: PluginName,
    document: { versions: Record<string, Record<string, unknown>> }
  ) => unknown
}

export interface ReleaseMirror {
  url: string
  root: string
  requests: { method: string; path: string }[]
  /** Paths of requests, in order. */
  paths(): string[]
  close(): Promise<void>
}

const INDEX_VERSIONS = ['1.8.7', '1.9.0', '1.9.2', MIRROR_VERSION, '1.10.0-beta1']
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

/** The official plugins the mirror serves with `plugins: true`, at the versions `.ci/tools` builds. */
export const PLUGINS = {
  amazon: {
    name: 'amazon',
    product: 'packer-plugin-amazon',
    source: 'github.com/hashicorp/amazon',
    version: TOOL_VERSIONS['packer-plugin-amazon'],
    /** What the plugin's index.json lists (real releases; only `version` has files here). */
    indexVersions: ['1.2.6', '1.2.8', TOOL_VERSIONS['packer-plugin-amazon']]
  },
  docker: {
    name: 'docker',
    product: 'packer-plugin-docker',
    source: 'github.com/hashicorp/docker',
    version: TOOL_VERSIONS['packer-plugin-docker'],
    indexVersions: ['1.0.7', TOOL_VERSIONS['packer-plugin-docker']]
  }
} as const

export type PluginName = keyof typeof PLUGINS

/** The os/arch zips a plugin release lists (.release/packer-plugin-amazon-artifacts.hcl). */
const PLUGIN_PLATFORMS = [
  ['darwin', 'amd64'],
  ['darwin', 'arm64'],
  ['freebsd', '386'],
  ['freebsd', 'amd64'],
  ['freebsd', 'arm'],
  ['linux', '386'],
  ['linux', 'amd64'],
  ['linux', 'arm'],
  ['linux', 'arm64'],
  ['netbsd', '386'],
  ['netbsd', 'amd64'],
  ['netbsd', 'arm'],
  ['openbsd', '386'],
  ['openbsd', 'amd64'],
  ['openbsd', 'arm'],
  ['solaris', 'amd64'],
  ['windows', '386'],
  ['windows', 'amd64']
]

const protocols = new Map<PluginName, string>()

/** The plugin protocol the built plugin speaks, from its `describe` (e.g. `x5.0`). */
export function pluginProtocol(plugin: PluginName): string {
  let protocol = protocols.get(plugin)
  if (!protocol) {
    const described = JSON.parse(
      execFileSync(tool(PLUGINS[plugin].product), ['describe'], { encoding: 'utf8' })
    ) as { api_version?: string }
    protocol = String(described.api_version)
    if (!/^x\d+\.\d+$/.test(protocol))
      throw new Error(`${PLUGINS[plugin].product} describe gave api_version '${protocol}'`)
    protocols.set(plugin, protocol)
  }
  return protocol
}

/** The names of one plugin release's files, as releases.hashicorp.com and Packer spell them. */
export function pluginRelease(plugin: PluginName, os = HOST_OS, arch = HOST_ARCH) {
  const { product, version } = PLUGINS[plugin]
  const ext = os === 'windows' ? '.exe' : ''
  return {
    /** URL path of the release folder. */
    dir: `/${product}/${version}`,
    index: `/${product}/index.json`,
    sums: `${product}_${version}_SHA256SUMS`,
    manifest: `${product}_${version}_manifest.json`,
    zip: `${product}_${version}_${os}_${arch}.zip`,
    /** The binary inside the zip, and the name Packer installs it under. */
    binary: `${product}_v${version}_${pluginProtocol(plugin)}_${os}_${arch}${ext}`
  }
}

/** A real zip of the built plugin, named and laid out as HashiCorp's, made once per machine. */
export function pluginZip(plugin: PluginName): string {
  const binary = tool(PLUGINS[plugin].product)
  const info = statSync(binary)
  const release = pluginRelease(plugin)
  const zip = path.join(fixturesDir(), `${release.zip}-${info.size}-${Math.round(info.mtimeMs)}`)
  if (existsSync(zip)) return zip
  const work = mkdtempSync(path.join(fixturesDir(), 'build-'))
  execFileSync('cp', [binary, path.join(work, release.binary)])
  writeFileSync(
    path.join(work, 'LICENSE.txt'),
    `${PLUGINS[plugin].product} is licensed under the Mozilla Public License 2.0 (MPL-2.0).\n`
  )
  execFileSync('zip', ['-q', '-X', path.join(work, 'out.zip'), release.binary, 'LICENSE.txt'], {
    cwd: work
  })
  renameSync(path.join(work, 'out.zip'), zip)
  return zip
}

export function pluginIndexDocument(plugin: PluginName, keyIds: string[]): unknown {
  const { product, indexVersions } = PLUGINS[plugin]
  const versions: Record<string, unknown> = {}
  for (const version of indexVersions) {
    const sums = `${product}_${version}_SHA256SUMS`
    versions[version] = {
      name: product,
      version,
      shasums: sums,
      shasums_signature: `${sums}.sig`,
      shasums_signatures: [...keyIds.map((id) => `${sums}.${id.slice(-8)}.sig`), `${sums}.sig`],
      builds: PLUGIN_PLATFORMS.map(([os, arch]) => ({
        name: product,
        version,
        os,
        arch,
        filename: `${product}_${version}_${os}_${arch}.zip`,
        url: `https://releases.hashicorp.com/${product}/${version}/${product}_${version}_${os}_${arch}.zip`
      }))
    }
  }
  return { name: product, versions }
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
  const signer = options.signSumsWith ?? options.signWith
  /** Writes a SHA256SUMS and, unless noSignature, its `.sig` and `.<KEYID8>.sig`. */
  const publishSums = async (dir: string, name: string, text: string): Promise<void> => {
    writeFileSync(path.join(dir, name), text)
    if (options.noSignature) return
    const signature = await detachedSignature(Buffer.from(text), signer)
    writeFileSync(path.join(dir, `${name}.${signer.fingerprint.slice(-8)}.sig`), signature)
    writeFileSync(path.join(dir, `${name}.sig`), signature)
  }
  await publishSums(versionDir, SUMS_NAME, sumsText)
  /** URL paths answered from a file outside root (the zips), by path. */
  const servedFiles = new Map<string, string>([
    [`/packer/${MIRROR_VERSION}/${ZIP_NAME}`, servedZip]
  ])

  const pluginNames: PluginName[] =
    options.plugins === true
      ? (Object.keys(PLUGINS) as PluginName[])
      : Array.isArray(options.plugins)
        ? options.plugins
        : []
  for (const plugin of pluginNames) {
    const release = pluginRelease(plugin)
    const dir = path.join(root, release.dir)
    mkdirSync(dir, { recursive: true })
    const realPluginZip = pluginZip(plugin)
    servedFiles.set(`${release.dir}/${release.zip}`, options.pluginZips?.[plugin] ?? realPluginZip)
    const manifestDocument = {
      version: '1',
      metadata: { protocol_version: pluginProtocol(plugin).replace(/^x/, '') }
    }
    const manifest =
      JSON.stringify(
        options.pluginManifest
          ? options.pluginManifest(plugin, manifestDocument)
          : manifestDocument,
        null,
        2
      ) + '\n'
    writeFileSync(path.join(dir, release.manifest), manifest)
    const { product, version } = PLUGINS[plugin]
    const pluginLines = [
      ...PLUGIN_PLATFORMS.map(([os, arch]) => {
        const name = `${product}_${version}_${os}_${arch}.zip`
        const hash = name === release.zip ? sha256(realPluginZip) : randomBytes(32).toString('hex')
        return `${hash}  ${name}`
      }),
      `${createHash('sha256').update(manifest).digest('hex')}  ${release.manifest}`
    ].sort((a, b) => a.slice(66).localeCompare(b.slice(66)))
    const text = pluginLines.join('\n') + '\n'
    await publishSums(
      dir,
      release.sums,
      options.pluginSums ? options.pluginSums(plugin, text) : text
    )
    const index = pluginIndexDocument(plugin, [signer.fingerprint]) as {
      versions: Record<string, Record<string, unknown>>
    }
    writeFileSync(
      path.join(root, product, 'index.json'),
      JSON.stringify(options.pluginIndex ? options.pluginIndex(plugin, index) : index, null, 2)
    )
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
    const file = servedFiles.get(urlPath) ?? path.join(root, path.normalize(urlPath))
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
    if (!file.startsWith(root + path.sep) && ![...servedFiles.values()].includes(file)) {
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
    /** Stops the server and removes the files it served. */
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => {
          rmSync(root, { recursive: true, force: true })
          resolve()
        })
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
