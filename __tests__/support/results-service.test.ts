/**
 * The results-service double driven by the real `@actions/artifact` and `@actions/cache` clients,
 * in process: what they upload arrives byte for byte, what they download is what was uploaded, and
 * the service answers refusals the way the clients understand them.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { DefaultArtifactClient } from '@actions/artifact'
import * as cache from '@actions/cache'
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { loadCache, restorePlugins } from '../../src/packer/plugins.js'
import {
  type ResultsService,
  type ResultsServiceOptions,
  startResultsService,
  unsignedJwt
} from './results-service.js'

let service: ResultsService
let work: string
const savedEnv = { ...process.env }

beforeEach(async () => {
  service = await startResultsService()
  work = mkdtempSync(path.join(tmpdir(), 'pia-results-'))
  for (const dir of ['workspace', 'temp']) mkdirSync(path.join(work, dir))
  // The clients read these at call time, as they would in a job's step.
  Object.assign(process.env, service.env, {
    GITHUB_WORKSPACE: path.join(work, 'workspace'),
    RUNNER_TEMP: path.join(work, 'temp')
  })
})

afterEach(async () => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  if (!service) return
  const unhandled = service.unhandled()
  if (unhandled.length > 0)
    throw new Error(`requests the double does not implement: ${JSON.stringify(unhandled)}`)
  await service.close()
  rmSync(work, { recursive: true, force: true })
})

/** Replaces the service of this test with one started with `options`. */
async function restart(options: ResultsServiceOptions): Promise<void> {
  await service.close()
  service = await startResultsService(options)
  Object.assign(process.env, service.env)
}

/** Every regular file under `dir`, by path relative to it, with its bytes. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (sub: string): void => {
    for (const entry of readdirSync(path.join(dir, sub)).sort()) {
      const rel = path.join(sub, entry)
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel)
      else out[rel] = readFileSync(path.join(dir, rel)).toString('base64')
    }
  }
  walk('')
  return out
}

function writeTree(dir: string, files: Record<string, Buffer | string>): string[] {
  return Object.entries(files).map(([rel, content]) => {
    const file = path.join(dir, rel)
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, content)
    return file
  })
}

function unzipInto(zip: Buffer, dir: string): Record<string, string> {
  const file = path.join(work, `${randomBytes(4).toString('hex')}.zip`)
  writeFileSync(file, zip)
  mkdirSync(dir, { recursive: true })
  execFileSync('unzip', ['-q', '-o', file, '-d', dir])
  return tree(dir)
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

describe('artifacts', () => {
  const files = {
    'manifest.json': '{"builds":[]}\n',
    'logs/packer-build.log': 'line one\nline two é ✓\n',
    'logs/random.bin': randomBytes(300_000)
  }

  it('uploads a zip whose entries are the files, in blocks the double reassembles', async () => {
    const root = path.join(work, 'src')
    const paths = writeTree(root, files)

    const result = await new DefaultArtifactClient().uploadArtifact('packer-run', paths, root)

    const [stored, ...others] = service.artifacts()
    expect(others).toEqual([])
    expect(stored).toMatchObject({ id: result.id, name: 'packer-run', mimeType: 'application/zip' })
    expect(stored.size).toBe(stored.bytes.length)
    expect(result.size).toBe(stored.bytes.length)
    expect(result.digest).toBe(sha256(stored.bytes))
    expect(stored.digest).toBe(`sha256:${sha256(stored.bytes)}`)
    expect(unzipInto(stored.bytes, path.join(work, 'unzipped'))).toEqual(tree(root))

    const twirp = service.calls.filter((c) => c.kind === 'twirp')
    expect(twirp.map((c) => [c.operation, c.status])).toEqual([
      ['CreateArtifact', 200],
      ['FinalizeArtifact', 200]
    ])
    // The wire format: proto field names, backend ids from the token, bearer auth.
    expect(twirp[0].body).toMatchObject({
      workflow_run_backend_id: service.workflowRunBackendId,
      workflow_job_run_backend_id: service.workflowJobRunBackendId,
      name: 'packer-run',
      mime_type: 'application/zip',
      version: 7
    })
    expect(twirp[1].body).toMatchObject({ size: String(stored.size), hash: stored.digest })
    expect(twirp[0].headers.authorization).toBe(`Bearer ${service.token}`)
    const blob = service.calls.filter((c) => c.kind === 'blob')
    expect(blob.map((c) => c.operation)).toEqual(['PutBlock', 'PutBlockList'])
    expect(blob.every((c) => c.status === 201)).toBe(true)
  })

  it('lists, downloads and deletes what was uploaded', async () => {
    const root = path.join(work, 'src')
    const paths = writeTree(root, files)
    const client = new DefaultArtifactClient()
    const { id } = await client.uploadArtifact('packer-run', paths, root)

    const { artifacts } = await client.listArtifacts()
    expect(artifacts).toEqual([
      expect.objectContaining({ id, name: 'packer-run', size: service.artifacts()[0].size })
    ])
    const { artifact } = await client.getArtifact('packer-run')
    // The digest carries its algorithm, as download-artifact passes it back as expectedHash.
    expect(artifact.digest).toBe(`sha256:${sha256(service.artifacts()[0].bytes)}`)

    const into = path.join(work, 'downloaded')
    const downloaded = await client.downloadArtifact(id!, {
      path: into,
      expectedHash: artifact.digest
    })
    expect(downloaded.digestMismatch).toBe(false)
    expect(tree(into)).toEqual(tree(root))

    await expect(client.deleteArtifact('packer-run')).resolves.toEqual({ id })
    expect(service.artifacts()).toEqual([])
    await expect(client.getArtifact('packer-run')).rejects.toThrow(/not found/i)
  })

  it('refuses a second artifact of the same name in the run', async () => {
    const root = path.join(work, 'src')
    const paths = writeTree(root, files)
    const client = new DefaultArtifactClient()
    await client.uploadArtifact('packer-run', paths, root)
    await expect(client.uploadArtifact('packer-run', paths, root)).rejects.toThrow(
      /\(409\) Conflict: an artifact with this name already exists/
    )
    expect(service.artifacts()).toHaveLength(1)
  })

  it('refuses a token it did not issue', async () => {
    const root = path.join(work, 'src')
    const paths = writeTree(root, files)
    const [, claims] = service.token.split('.')
    process.env.ACTIONS_RUNTIME_TOKEN = unsignedJwt({
      ...JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')),
      jti: 'another'
    })
    await expect(
      new DefaultArtifactClient().uploadArtifact('packer-run', paths, root)
    ).rejects.toThrow(/\(401\) Unauthorized: the runtime token is missing or wrong/)
    expect(service.artifacts()).toEqual([])
  })
})

describe('blob endpoints', () => {
  it('serve ranges of a blob only to a URL with a valid signature', async () => {
    const root = path.join(work, 'src')
    const paths = writeTree(root, { 'data.bin': randomBytes(10_000) })
    const client = new DefaultArtifactClient()
    await client.uploadArtifact('packer-run', paths, root)
    const zip = service.artifacts()[0].bytes
    // The URL the client would download from, without going through a client.
    const response = await fetch(
      `${service.url}/twirp/github.actions.results.api.v1.ArtifactService/GetSignedArtifactURL`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${service.token}` },
        body: JSON.stringify({
          workflow_run_backend_id: service.workflowRunBackendId,
          workflow_job_run_backend_id: service.workflowJobRunBackendId,
          name: 'packer-run'
        })
      }
    )
    const { signed_url: signedUrl } = (await response.json()) as { signed_url: string }

    const whole = await fetch(signedUrl)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('application/zip')
    expect(whole.headers.get('etag')).toMatch(/^"0x[0-9A-F]+"$/)
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(zip)

    const part = await fetch(signedUrl, { headers: { 'x-ms-range': 'bytes=100-199' } })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${zip.length}`)
    expect(Buffer.from(await part.arrayBuffer())).toEqual(zip.subarray(100, 200))
    const past = await fetch(signedUrl, { headers: { range: `bytes=${zip.length}-` } })
    expect(past.status).toBe(416)
    expect(past.headers.get('x-ms-error-code')).toBe('InvalidRange')

    const head = await fetch(signedUrl, { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe(String(zip.length))
    expect(head.headers.get('x-ms-blob-type')).toBe('BlockBlob')

    const forged = new URL(signedUrl)
    forged.searchParams.set('sig', Buffer.from('forged').toString('base64'))
    const refused = await fetch(forged)
    expect(refused.status).toBe(403)
    expect(refused.headers.get('x-ms-error-code')).toBe('AuthenticationFailed')
    // A read-only URL does not allow writing.
    const write = await fetch(signedUrl, {
      method: 'PUT',
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: 'overwritten'
    })
    expect(write.status).toBe(403)
    expect(write.headers.get('x-ms-error-code')).toBe('AuthorizationPermissionMismatch')
    expect(service.artifacts()[0].bytes).toEqual(zip)
  })
})

describe('twirp routes', () => {
  const post = (method: string, body: unknown): Promise<Response> =>
    fetch(`${service.url}/twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${service.token}` },
      body: JSON.stringify(body)
    })

  it('answers a method it does not implement with a twirp bad_route, and lists it', async () => {
    const response = await post('MigrateArtifact', {})
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ code: 'bad_route' })
    expect(service.unhandled().map((c) => c.url)).toEqual([
      '/twirp/github.actions.results.api.v1.ArtifactService/MigrateArtifact'
    ])
    // Seen; the check after each test is for requests nobody expected.
    service.calls.length = 0
  })

  it('rejects fields the message does not have, as protojson does', async () => {
    const response = await post('ListArtifacts', {
      workflow_run_backend_id: service.workflowRunBackendId,
      workflow_job_run_backend_id: service.workflowJobRunBackendId,
      name_filtre: 'packer-run'
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      code: 'malformed',
      msg: 'the json request could not be decoded: unknown field "name_filtre"'
    })
  })
})

describe('cache', () => {
  /** The version @actions/cache computes: paths, compression (zstd when installed) and its salt. */
  function expectedVersion(paths: string[]): string {
    let compression = 'gzip'
    try {
      execFileSync('zstd', ['--quiet', '--version'])
      compression = 'zstd-without-long'
    } catch {
      // no zstd: the client falls back to gzip
    }
    return createHash('sha256')
      .update([...paths, compression, '1.0'].join('|'))
      .digest('hex')
  }

  function pluginDir(): string {
    const dir = path.join(work, 'workspace', 'plugins')
    writeTree(dir, {
      'github.com/hashicorp/amazon/packer-plugin-amazon_v1.3.4_x5.0_linux_amd64':
        randomBytes(200_000),
      'github.com/hashicorp/amazon/packer-plugin-amazon_v1.3.4_x5.0_linux_amd64_SHA256SUM': 'abc\n'
    })
    return dir
  }

  it('round-trips a directory: save, then restore into the emptied directory', async () => {
    const dir = pluginDir()
    const before = tree(dir)
    const key = 'packer-plugins-linux-x64-packer-1.11.2-0123456789abcdef'

    const id = await cache.saveCache([dir], key)

    const [entry, ...others] = service.cacheEntries()
    expect(others).toEqual([])
    expect(id).toBe(entry.id)
    expect(entry).toMatchObject({ key, version: expectedVersion([dir]) })
    expect(entry.size).toBe(entry.bytes.length)
    const created = service.calls.find((c) => c.operation === 'CreateCacheEntry')
    expect(created?.body).toEqual({ key, version: entry.version })
    expect(service.calls.filter((c) => c.kind === 'blob').map((c) => c.operation)).toEqual([
      'PutBlob'
    ])

    rmSync(dir, { recursive: true })
    mkdirSync(dir)
    await expect(cache.restoreCache([dir], key)).resolves.toBe(key)
    expect(tree(dir)).toEqual(before)
    const lookup = service.calls.find((c) => c.operation === 'GetCacheEntryDownloadURL')
    expect(lookup?.body).toEqual({ key, version: entry.version })
  })

  it('misses on another key or other paths, and falls back to a restore key prefix', async () => {
    const dir = pluginDir()
    await cache.saveCache([dir], 'plugins-linux-aaaa')
    expect(service.cacheEntries()).toHaveLength(1)

    await expect(cache.restoreCache([dir], 'plugins-darwin-aaaa')).resolves.toBeUndefined()
    await expect(
      cache.restoreCache([path.join(work, 'elsewhere')], 'plugins-linux-aaaa')
    ).resolves.toBeUndefined()
    await expect(
      cache.restoreCache([dir], 'plugins-linux-bbbb', ['plugins-darwin-', 'plugins-linux-'])
    ).resolves.toBe('plugins-linux-aaaa')
  })

  it('does not overwrite an entry: a second save of the key is refused', async () => {
    const dir = pluginDir()
    const first = await cache.saveCache([dir], 'plugins-linux-aaaa')
    expect(first).toBeGreaterThan(0)
    await expect(cache.saveCache([dir], 'plugins-linux-aaaa')).resolves.toBe(-1)
    expect(service.cacheEntries().map((e) => e.id)).toEqual([first])
    expect(
      service.calls.filter((c) => c.operation === 'CreateCacheEntry').map((c) => c.status)
    ).toEqual([200, 409])
  })

  it('lets restorePlugins miss, then hit once the plugins are saved', async () => {
    const dir = pluginDir()
    const before = tree(dir)
    const key = 'packer-plugins-linux-x64-packer-1.11.2-fedcba9876543210'
    const api = await loadCache()

    await expect(restorePlugins(api, dir, key)).resolves.toEqual({ kind: 'miss', key })
    await api.saveCache([dir], key)
    rmSync(dir, { recursive: true })
    await expect(restorePlugins(api, dir, key)).resolves.toEqual({ kind: 'hit', key })
    expect(tree(dir)).toEqual(before)
  })
})

describe('on the storage host name, as the real service hands out', () => {
  beforeEach(async () => {
    await restart({ azureHost: true })
  })

  it('restores the cache with the Azure SDK: blob properties, then ranged reads', async () => {
    const dir = path.join(work, 'workspace', 'plugins')
    // Incompressible and over the SDK's 4 MiB read size, so that the archive takes several ranges.
    writeTree(dir, { 'packer-plugin-big': randomBytes(6 * 1024 * 1024), small: 'x\n' })
    const before = tree(dir)
    const key = 'plugins-linux-big'

    const id = await cache.saveCache([dir], key)
    expect(id).toBe(service.cacheEntries()[0]?.id)
    rmSync(dir, { recursive: true })
    await expect(cache.restoreCache([dir], key)).resolves.toBe(key)
    expect(tree(dir)).toEqual(before)

    const blob = service.calls.filter((c) => c.kind === 'blob')
    expect(blob[0]).toMatchObject({ operation: 'PutBlob', status: 201 })
    expect(blob[1]).toMatchObject({ operation: 'GetBlobProperties', verb: 'HEAD', status: 200 })
    const reads = blob.slice(2)
    expect(reads.length).toBeGreaterThan(1)
    const size = service.cacheEntries()[0].size
    const ranges = reads.map((c) => {
      expect(c).toMatchObject({ operation: 'GetBlob', status: 206 })
      const [, start, end] = /^bytes=(\d+)-(\d+)$/.exec(String(c.headers['x-ms-range']))!
      return [Number(start), Number(end)]
    })
    // The ranges cover the blob exactly once.
    ranges.sort((a, b) => a[0] - b[0])
    expect(ranges[0][0]).toBe(0)
    expect(ranges.at(-1)![1]).toBe(size - 1)
    for (let i = 1; i < ranges.length; i++) expect(ranges[i][0]).toBe(ranges[i - 1][1] + 1)
  })

  it('uploads an artifact through the proxy and downloads it through a tunnel', async () => {
    const root = path.join(work, 'src')
    const paths = writeTree(root, { 'manifest.json': '{}\n', 'packer-build.log': 'done\n' })
    const client = new DefaultArtifactClient()
    const { id } = await client.uploadArtifact('packer-run', paths, root)
    const into = path.join(work, 'downloaded')
    await client.downloadArtifact(id!, { path: into })
    expect(tree(into)).toEqual(tree(root))
    expect(
      service.calls.filter((c) => c.kind === 'blob').map((c) => [c.verb, c.operation])
    ).toEqual([
      ['PUT', 'PutBlock'],
      ['PUT', 'PutBlockList'],
      ['CONNECT', 'Connect'],
      ['GET', 'GetBlob']
    ])
  })
})
