/**
 * A loopback double of the GitHub Actions results service, for the real `@actions/artifact` and
 * `@actions/cache` clients: the twirp JSON services they call under `/twirp/...` (artifact v7 and
 * cache v2), and the Azure Blob Storage endpoints that the signed URLs it hands out point at, for
 * the requests `@azure/storage-blob` and `@actions/http-client` send there. Uploaded bytes are kept
 * in memory so that tests can look at exactly what a client sent.
 *
 * Like the real service it checks what it is sent instead of accepting anything: the bearer token,
 * the backend ids against the token's `scp` claim, unknown request fields (protojson rejects them),
 * the SAS signature and permissions of blob URLs, sizes and digests at finalize time. Requests it
 * does not implement are logged to stderr and answered 404, and are listed in `unhandled()`, so a
 * client that starts calling something new fails a test instead of passing by accident.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'

export interface Call {
  kind: 'twirp' | 'blob' | 'unknown'
  /** HTTP method of the request. */
  verb: string
  /** Path and query as received (SAS signatures included). */
  url: string
  /** The twirp method (`CreateArtifact`) or the Blob REST operation (`PutBlock`, `GetBlob`). */
  operation: string
  status: number
  /** The decoded JSON body of a twirp request. */
  body?: unknown
  headers: IncomingMessage['headers']
}

export interface StoredArtifact {
  id: number
  name: string
  size: number
  /** `sha256:<hex>` as the client sent it at finalize. */
  digest?: string
  mimeType?: string
  /** The zip the client uploaded. */
  bytes: Buffer
}

export interface StoredCacheEntry {
  id: number
  key: string
  version: string
  size: number
  /** The archive (tar, compressed) the client uploaded. */
  bytes: Buffer
}

export interface ResultsService {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  /** The runtime token: an unsigned JWT whose `scp` claim carries the backend ids. */
  token: string
  workflowRunBackendId: string
  workflowJobRunBackendId: string
  /** The variables a runner sets for a job that may use artifacts and the cache. */
  env: Record<string, string>
  /** Finalized artifacts, in creation order. */
  artifacts(): StoredArtifact[]
  /** Finalized cache entries, in creation order. */
  cacheEntries(): StoredCacheEntry[]
  /** Every request received, in order. */
  calls: Call[]
  /** Requests the double does not implement. */
  unhandled(): Call[]
  close(): Promise<void>
}

export interface ResultsServiceOptions {
  /** The `scp` claim; defaults to one carrying fresh backend ids, as a job's token does. */
  scope?: string
  /**
   * Hand out signed URLs on the storage account's own host name, as the real service does, and
   * act as the HTTP proxy (`HTTP_PROXY` in `env`) through which that host is reached. The clients
   * choose their download path by host name: @actions/cache uses the Azure SDK (Get Blob
   * Properties, then ranged Get Blob) only for `*.blob.core.windows.net`, and plain GET otherwise.
   * Without this the URLs are path-style on the double's loopback address.
   */
  azureHost?: boolean
}

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService'
const ACCOUNT = 'productionresultssa0'
const AZURE_HOST = `${ACCOUNT}.blob.core.windows.net`
const STORAGE_VERSION = '2025-11-05'

const TWIRP_STATUS: Record<string, number> = {
  bad_route: 404,
  not_found: 404,
  malformed: 400,
  invalid_argument: 400,
  unauthenticated: 401,
  permission_denied: 403,
  already_exists: 409,
  failed_precondition: 412,
  internal: 500
}

class TwirpError extends Error {
  constructor(
    readonly code: keyof typeof TWIRP_STATUS,
    message: string
  ) {
    super(message)
  }
}

class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

/** An unsecured JWT (`alg: none`, empty signature): the clients decode the claims, nobody verifies. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64url({ typ: 'JWT', alg: 'none' })}.${base64url(claims)}.`
}

interface Blob {
  /** Committed content; undefined until Put Blob or Put Block List. */
  content?: Buffer
  contentType: string
  etag: string
  lastModified: Date
  uncommitted: Map<string, Buffer>
  committedBlocks: { id: string; data: Buffer }[]
}

interface ArtifactRecord {
  id: number
  runId: string
  jobId: string
  name: string
  blobPath: string
  mimeType?: string
  version: number
  expiresAt?: string
  createdAt: Date
  finalized: boolean
  size: number
  digest?: string
}

interface CacheRecord {
  id: number
  key: string
  version: string
  blobPath: string
  createdAt: Date
  finalized: boolean
  size: number
}

/** Request fields, by proto name, that each method accepts; protojson also accepts the camelCase names. */
const REQUEST_FIELDS: Record<string, string[]> = {
  CreateArtifact: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name',
    'expires_at',
    'version',
    'mime_type'
  ],
  FinalizeArtifact: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name',
    'size',
    'hash'
  ],
  ListArtifacts: [
    'workflow_run_backend_id',
    'workflow_job_run_backend_id',
    'name_filter',
    'id_filter'
  ],
  GetSignedArtifactURL: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'],
  DeleteArtifact: ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name'],
  GetCacheEntryDownloadURL: ['metadata', 'key', 'restore_keys', 'version'],
  CreateCacheEntry: ['metadata', 'key', 'version'],
  FinalizeCacheEntryUpload: ['metadata', 'key', 'size_bytes', 'version']
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
}

type Json = Record<string, unknown>

/** Reads a request message, rejecting fields the method does not have as protojson does. */
function message(method: string, body: unknown): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new TwirpError('malformed', 'the json request could not be decoded')
  const known = REQUEST_FIELDS[method]
  const out: Json = {}
  for (const [field, value] of Object.entries(body as Json)) {
    const proto = known.find((k) => k === field || camel(k) === field)
    if (!proto)
      throw new TwirpError(
        'malformed',
        `the json request could not be decoded: unknown field "${field}"`
      )
    out[proto] = value
  }
  return out
}

function stringField(msg: Json, field: string, required = true): string {
  const value = msg[field]
  if (value === undefined || value === '') {
    if (required) throw new TwirpError('invalid_argument', `${field} is required`)
    return ''
  }
  if (typeof value !== 'string') throw new TwirpError('malformed', `${field} must be a string`)
  return value
}

/** An int64 in proto JSON: a decimal string, or a number. */
function int64Field(msg: Json, field: string): number | undefined {
  const value = msg[field]
  if (value === undefined) return undefined
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  throw new TwirpError('malformed', `${field} must be an int64`)
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const md5 = (data: Buffer): string => createHash('md5').update(data).digest('base64')
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

export async function startResultsService(
  options: ResultsServiceOptions = {}
): Promise<ResultsService> {
  const workflowRunBackendId = randomUUID()
  const workflowJobRunBackendId = randomUUID()
  const scope =
    options.scope ??
    `Actions.ExampleScope Actions.Results:${workflowRunBackendId}:${workflowJobRunBackendId}`
  const now = Math.floor(Date.now() / 1000)
  const token = unsignedJwt({
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:results-service',
    nbf: now - 60,
    iat: now - 60,
    exp: now + 6 * 3600,
    scp: scope
  })
  const sasKey = randomBytes(32)
  const calls: Call[] = []
  const blobs = new Map<string, Blob>()
  const artifacts: ArtifactRecord[] = []
  const caches: CacheRecord[] = []
  let nextId = 1000
  let baseUrl = ''

  /** A SAS URL for a blob; the signature covers the permissions, path and expiry, as Azure's does. */
  function signedUrl(blobPath: string, permissions: string): string {
    const expiry = new Date(Date.now() + 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z')
    const sig = createHmac('sha256', sasKey)
      .update(`${permissions}\n${blobPath}\n${expiry}`)
      .digest('base64')
    const query = new URLSearchParams({
      sv: STORAGE_VERSION,
      se: expiry,
      sr: 'b',
      sp: permissions,
      sig
    })
    const location = options.azureHost
      ? `http://${AZURE_HOST}${blobPath.slice(ACCOUNT.length + 1)}`
      : `${baseUrl}${blobPath}`
    return `${location}?${query.toString()}`
  }

  function checkSas(blobPath: string, query: URLSearchParams, needed: string): void {
    const permissions = query.get('sp') ?? ''
    const expiry = query.get('se') ?? ''
    const expected = createHmac('sha256', sasKey)
      .update(`${permissions}\n${blobPath}\n${expiry}`)
      .digest('base64')
    if (query.get('sig') !== expected)
      throw new StorageError(403, 'AuthenticationFailed', 'Signature did not match.')
    if (Date.parse(expiry) < Date.now())
      throw new StorageError(403, 'AuthenticationFailed', 'Signed expiry time has passed.')
    if (![...needed].some((p) => permissions.includes(p)))
      throw new StorageError(
        403,
        'AuthorizationPermissionMismatch',
        'This request is not authorized to perform this operation using this permission.'
      )
  }

  function backendIds(msg: Json): { runId: string; jobId: string } {
    const runId = stringField(msg, 'workflow_run_backend_id')
    const jobId = stringField(msg, 'workflow_job_run_backend_id')
    if (runId !== workflowRunBackendId || jobId !== workflowJobRunBackendId)
      throw new TwirpError('permission_denied', 'backend ids do not match the token')
    return { runId, jobId }
  }

  function artifactMessage(a: ArtifactRecord): Json {
    return {
      workflow_run_backend_id: a.runId,
      workflow_job_run_backend_id: a.jobId,
      database_id: String(a.id),
      name: a.name,
      size: String(a.size),
      created_at: a.createdAt.toISOString(),
      ...(a.digest ? { digest: a.digest } : {})
    }
  }

  const artifactMethods: Record<string, (msg: Json) => Json> = {
    CreateArtifact(msg) {
      const { runId, jobId } = backendIds(msg)
      const name = stringField(msg, 'name')
      const version = int64Field(msg, 'version') ?? 0
      if (version < 4)
        throw new TwirpError('invalid_argument', `unsupported artifact version ${version}`)
      if (artifacts.some((a) => a.runId === runId && a.name === name && a.finalized))
        throw new TwirpError(
          'already_exists',
          `an artifact with this name already exists on the workflow run`
        )
      const id = nextId++
      const blobPath = `/${ACCOUNT}/actions-results/${runId}/workflow-job-run-${jobId}/artifacts/${sha256(Buffer.from(`${name}/${id}`))}.zip`
      artifacts.push({
        id,
        runId,
        jobId,
        name,
        blobPath,
        mimeType: msg.mime_type === undefined ? undefined : String(msg.mime_type),
        version,
        expiresAt: msg.expires_at === undefined ? undefined : String(msg.expires_at),
        createdAt: new Date(),
        finalized: false,
        size: 0
      })
      return { ok: true, signed_upload_url: signedUrl(blobPath, 'racwt') }
    },
    FinalizeArtifact(msg) {
      const { runId } = backendIds(msg)
      const name = stringField(msg, 'name')
      const artifact = artifacts.findLast(
        (a) => a.runId === runId && a.name === name && !a.finalized
      )
      if (!artifact) throw new TwirpError('not_found', `artifact ${name} was not created`)
      const content = blobs.get(artifact.blobPath)?.content
      if (!content) throw new TwirpError('failed_precondition', `nothing was uploaded for ${name}`)
      const size = int64Field(msg, 'size')
      if (size !== content.length)
        throw new TwirpError(
          'invalid_argument',
          `size ${String(size)} does not match the ${content.length} bytes uploaded`
        )
      if (msg.hash !== undefined && msg.hash !== `sha256:${sha256(content)}`)
        throw new TwirpError(
          'invalid_argument',
          `hash ${String(msg.hash)} does not match the upload`
        )
      artifact.finalized = true
      artifact.size = content.length
      artifact.digest = msg.hash === undefined ? undefined : String(msg.hash)
      return { ok: true, artifact_id: String(artifact.id) }
    },
    ListArtifacts(msg) {
      const runId = stringField(msg, 'workflow_run_backend_id')
      if (runId !== workflowRunBackendId)
        throw new TwirpError('permission_denied', 'backend ids do not match the token')
      const nameFilter = msg.name_filter === undefined ? undefined : String(msg.name_filter)
      const idFilter = int64Field(msg, 'id_filter')
      const found = artifacts.filter(
        (a) =>
          a.finalized &&
          a.runId === runId &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || a.id === idFilter)
      )
      return { artifacts: found.map(artifactMessage) }
    },
    GetSignedArtifactURL(msg) {
      const { runId } = backendIds(msg)
      const name = stringField(msg, 'name')
      const artifact = artifacts.findLast(
        (a) => a.finalized && a.runId === runId && a.name === name
      )
      if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`)
      return { signed_url: signedUrl(artifact.blobPath, 'r') }
    },
    DeleteArtifact(msg) {
      const { runId } = backendIds(msg)
      const name = stringField(msg, 'name')
      const artifact = artifacts.findLast(
        (a) => a.finalized && a.runId === runId && a.name === name
      )
      if (!artifact) throw new TwirpError('not_found', `artifact ${name} not found`)
      artifacts.splice(artifacts.indexOf(artifact), 1)
      blobs.delete(artifact.blobPath)
      return { ok: true, artifact_id: String(artifact.id) }
    }
  }

  /** Cache lookup as documented: exact key, then key as a prefix, then each restore key likewise; newest first. */
  function findCache(keys: string[], version: string): CacheRecord | undefined {
    const usable = caches.filter((c) => c.finalized && c.version === version).reverse()
    for (const key of keys) {
      const hit = usable.find((c) => c.key === key) ?? usable.find((c) => c.key.startsWith(key))
      if (hit) return hit
    }
    return undefined
  }

  const cacheMethods: Record<string, (msg: Json) => Json> = {
    GetCacheEntryDownloadURL(msg) {
      const key = stringField(msg, 'key')
      const version = stringField(msg, 'version')
      const restoreKeys = msg.restore_keys ?? []
      if (!Array.isArray(restoreKeys) || restoreKeys.some((k) => typeof k !== 'string'))
        throw new TwirpError('malformed', 'restore_keys must be a list of strings')
      const hit = findCache([key, ...(restoreKeys as string[])], version)
      if (!hit) return { ok: false }
      return {
        ok: true,
        signed_download_url: signedUrl(hit.blobPath, 'r'),
        matched_key: hit.key
      }
    },
    CreateCacheEntry(msg) {
      const key = stringField(msg, 'key')
      const version = stringField(msg, 'version')
      if (caches.some((c) => c.key === key && c.version === version))
        throw new TwirpError(
          'already_exists',
          'cache entry with the same key, version, and scope already exists'
        )
      const id = nextId++
      const blobPath = `/${ACCOUNT}/actions-cache/${sha256(Buffer.from(`${key}\n${version}`))}`
      caches.push({ id, key, version, blobPath, createdAt: new Date(), finalized: false, size: 0 })
      return { ok: true, signed_upload_url: signedUrl(blobPath, 'cw') }
    },
    FinalizeCacheEntryUpload(msg) {
      const key = stringField(msg, 'key')
      const version = stringField(msg, 'version')
      const entry = caches.find((c) => c.key === key && c.version === version && !c.finalized)
      if (!entry) throw new TwirpError('not_found', `no cache entry ${key} is being uploaded`)
      const content = blobs.get(entry.blobPath)?.content
      if (!content) throw new TwirpError('failed_precondition', `nothing was uploaded for ${key}`)
      const size = int64Field(msg, 'size_bytes')
      if (size !== content.length)
        throw new TwirpError(
          'invalid_argument',
          `size_bytes ${String(size)} does not match the ${content.length} bytes uploaded`
        )
      entry.finalized = true
      entry.size = content.length
      return { ok: true, entry_id: String(entry.id) }
    }
  }

  const services: Record<string, Record<string, (msg: Json) => Json>> = {
    [ARTIFACT_SERVICE]: artifactMethods,
    [CACHE_SERVICE]: cacheMethods
  }

  async function twirp(
    req: IncomingMessage,
    res: ServerResponse,
    call: Call,
    service: string,
    method: string
  ): Promise<void> {
    const body = await readBody(req)
    const reply = (status: number, payload: unknown): void => {
      call.status = status
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload))
    }
    try {
      const handler = services[service]?.[method]
      if (req.method !== 'POST' || !handler)
        throw new TwirpError('bad_route', `no handler for path "${req.url ?? ''}"`)
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
        throw new TwirpError('bad_route', 'unexpected Content-Type')
      if (req.headers.authorization !== `Bearer ${token}`)
        throw new TwirpError('unauthenticated', 'the runtime token is missing or wrong')
      let decoded: unknown
      try {
        decoded = JSON.parse(body.toString('utf8'))
      } catch {
        throw new TwirpError('malformed', 'the json request could not be decoded')
      }
      call.body = decoded
      reply(200, handler(message(method, decoded)))
    } catch (error) {
      if (!(error instanceof TwirpError)) throw error
      if (error.code === 'bad_route') {
        call.kind = 'unknown'
        process.stderr.write(
          `results-service double: unhandled ${req.method ?? ''} ${req.url ?? ''}\n`
        )
      }
      reply(TWIRP_STATUS[error.code], { code: error.code, msg: error.message })
    }
  }

  function storageHeaders(req: IncomingMessage): Record<string, string> {
    const headers: Record<string, string> = {
      'x-ms-request-id': randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? STORAGE_VERSION)
    }
    const clientRequestId = req.headers['x-ms-client-request-id']
    if (typeof clientRequestId === 'string') headers['x-ms-client-request-id'] = clientRequestId
    return headers
  }

  function touch(blob: Blob): void {
    blob.etag = `"0x${randomBytes(8).toString('hex').toUpperCase()}"`
    blob.lastModified = new Date()
  }

  function newBlob(): Blob {
    return {
      contentType: 'application/octet-stream',
      etag: '',
      lastModified: new Date(),
      uncommitted: new Map(),
      committedBlocks: []
    }
  }

  /** The Blob REST operations `@azure/storage-blob` and `@actions/http-client` use with these URLs. */
  async function blob(
    req: IncomingMessage,
    res: ServerResponse,
    call: Call,
    blobPath: string,
    query: URLSearchParams
  ): Promise<void> {
    const comp = query.get('comp')
    const verb = req.method ?? ''
    const operation =
      verb === 'PUT' && comp === null
        ? 'PutBlob'
        : verb === 'PUT' && comp === 'block'
          ? 'PutBlock'
          : verb === 'PUT' && comp === 'blocklist'
            ? 'PutBlockList'
            : verb === 'GET' && comp === null
              ? 'GetBlob'
              : verb === 'HEAD' && comp === null
                ? 'GetBlobProperties'
                : undefined
    const body = await readBody(req)
    const headers = storageHeaders(req)
    try {
      if (!operation) {
        call.kind = 'unknown'
        throw new StorageError(
          404,
          'UnsupportedOperation',
          `the double does not implement ${verb} comp=${comp ?? ''}`
        )
      }
      call.operation = operation
      if (req.headers['x-ms-structured-body'])
        throw new StorageError(
          400,
          'UnsupportedHeader',
          'structured message bodies are not implemented'
        )
      checkSas(blobPath, query, operation.startsWith('Get') ? 'r' : 'cw')
      if (operation.startsWith('Put')) {
        if (req.headers['content-length'] === undefined)
          throw new StorageError(411, 'MissingContentLengthHeader', 'Content-Length is required')
        if (Number(req.headers['content-length']) !== body.length)
          throw new StorageError(400, 'InvalidInput', 'Content-Length does not match the body')
        const sentMd5 = req.headers['content-md5']
        if (typeof sentMd5 === 'string' && sentMd5 !== md5(body))
          throw new StorageError(
            400,
            'Md5Mismatch',
            'The MD5 value specified in the request did not match'
          )
      }
      const existing = blobs.get(blobPath)
      switch (operation) {
        case 'PutBlob': {
          if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
            throw new StorageError(400, 'InvalidHeaderValue', 'x-ms-blob-type must be BlockBlob')
          const target = existing ?? newBlob()
          target.content = body
          target.contentType = String(req.headers['x-ms-blob-content-type'] ?? target.contentType)
          target.uncommitted.clear()
          target.committedBlocks = []
          touch(target)
          blobs.set(blobPath, target)
          call.status = 201
          res
            .writeHead(201, {
              ...headers,
              ETag: target.etag,
              'Last-Modified': target.lastModified.toUTCString(),
              'Content-MD5': md5(body),
              'x-ms-request-server-encrypted': 'true'
            })
            .end()
          return
        }
        case 'PutBlock': {
          const id = query.get('blockid')
          if (
            !id ||
            Buffer.from(id, 'base64').length === 0 ||
            Buffer.from(id, 'base64').length > 64
          )
            throw new StorageError(400, 'InvalidQueryParameterValue', 'blockid is not valid')
          const target = existing ?? newBlob()
          target.uncommitted.set(id, body)
          blobs.set(blobPath, target)
          call.status = 201
          res
            .writeHead(201, {
              ...headers,
              'Content-MD5': md5(body),
              'x-ms-request-server-encrypted': 'true'
            })
            .end()
          return
        }
        case 'PutBlockList': {
          const target = existing ?? newBlob()
          const list = body.toString('utf8')
          if (!/<BlockList>/.test(list))
            throw new StorageError(400, 'InvalidXmlDocument', 'the block list is not valid XML')
          const blocks: { id: string; data: Buffer }[] = []
          for (const [, kind, id] of list.matchAll(
            /<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g
          )) {
            const committed = target.committedBlocks.find((b) => b.id === id)
            const uncommitted = target.uncommitted.get(id)
            const data =
              kind === 'Committed'
                ? committed?.data
                : kind === 'Uncommitted'
                  ? uncommitted
                  : (uncommitted ?? committed?.data)
            if (!data) throw new StorageError(400, 'InvalidBlockList', `block ${id} was not staged`)
            blocks.push({ id, data })
          }
          target.committedBlocks = blocks
          target.content = Buffer.concat(blocks.map((b) => b.data))
          target.uncommitted.clear()
          const contentType = req.headers['x-ms-blob-content-type']
          if (typeof contentType === 'string') target.contentType = contentType
          touch(target)
          blobs.set(blobPath, target)
          call.status = 201
          res
            .writeHead(201, {
              ...headers,
              ETag: target.etag,
              'Last-Modified': target.lastModified.toUTCString(),
              'x-ms-request-server-encrypted': 'true'
            })
            .end()
          return
        }
        default: {
          const content = existing?.content
          if (!existing || !content)
            throw new StorageError(404, 'BlobNotFound', 'The specified blob does not exist.')
          const ifMatch = req.headers['if-match']
          if (ifMatch && ifMatch !== '*' && ifMatch !== existing.etag)
            throw new StorageError(
              412,
              'ConditionNotMet',
              'The condition specified using HTTP conditional header(s) is not met.'
            )
          const common = {
            ...headers,
            ETag: existing.etag,
            'Last-Modified': existing.lastModified.toUTCString(),
            'Content-Type': existing.contentType,
            'Accept-Ranges': 'bytes',
            'x-ms-blob-type': 'BlockBlob',
            'x-ms-server-encrypted': 'true',
            'x-ms-creation-time': existing.lastModified.toUTCString()
          }
          if (operation === 'GetBlobProperties') {
            call.status = 200
            res
              .writeHead(200, {
                ...common,
                'Content-Length': String(content.length),
                'Content-MD5': md5(content)
              })
              .end()
            return
          }
          const range = String(req.headers['x-ms-range'] ?? req.headers.range ?? '')
          if (!range) {
            call.status = 200
            res
              .writeHead(200, {
                ...common,
                'Content-Length': String(content.length),
                'Content-MD5': md5(content)
              })
              .end(content)
            return
          }
          const match = /^bytes=(\d+)-(\d*)$/.exec(range)
          if (!match) throw new StorageError(400, 'InvalidRange', `cannot parse range ${range}`)
          const start = Number(match[1])
          const end = Math.min(match[2] ? Number(match[2]) : content.length - 1, content.length - 1)
          if (start >= content.length || end < start)
            throw new StorageError(
              416,
              'InvalidRange',
              'The range specified is invalid for the current size of the resource.'
            )
          const slice = content.subarray(start, end + 1)
          const rangeMd5 = req.headers['x-ms-range-get-content-md5'] === 'true'
          call.status = 206
          res
            .writeHead(206, {
              ...common,
              'Content-Length': String(slice.length),
              'Content-Range': `bytes ${start}-${end}/${content.length}`,
              ...(rangeMd5 ? { 'Content-MD5': md5(slice) } : {})
            })
            .end(slice)
          return
        }
      }
    } catch (error) {
      if (!(error instanceof StorageError)) throw error
      if (call.kind === 'unknown')
        process.stderr.write(`results-service double: unhandled ${verb} ${req.url ?? ''}\n`)
      call.status = error.status
      const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${error.code}</Code><Message>${error.message}\nRequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`
      res.writeHead(error.status, {
        ...headers,
        'x-ms-error-code': error.code,
        'Content-Type': 'application/xml'
      })
      res.end(verb === 'HEAD' ? undefined : xml)
    }
  }

  const server = createServer((req, res) => {
    // A request for the storage host arrives in absolute form (through the proxy) or, through a
    // CONNECT tunnel, with that Host header.
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    const onAzureHost = options.azureHost === true && url.hostname === AZURE_HOST
    const call: Call = {
      kind: 'unknown',
      verb: req.method ?? '',
      url: req.url ?? '',
      operation: '',
      status: 0,
      headers: req.headers
    }
    calls.push(call)
    const twirpRoute = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(url.pathname)
    let handled: Promise<void>
    if (onAzureHost) {
      call.kind = 'blob'
      handled = blob(req, res, call, `/${ACCOUNT}${url.pathname}`, url.searchParams)
    } else if (/^https?:/.test(req.url ?? '')) {
      handled = refuse(req, res, call)
    } else if (twirpRoute) {
      call.kind = 'twirp'
      call.operation = twirpRoute[2]
      handled = twirp(req, res, call, twirpRoute[1], twirpRoute[2])
    } else if (url.pathname.startsWith(`/${ACCOUNT}/`)) {
      call.kind = 'blob'
      handled = blob(req, res, call, url.pathname, url.searchParams)
    } else {
      handled = refuse(req, res, call)
    }
    handled.catch((error: unknown) => {
      process.stderr.write(`results-service double: ${String(error)}\n`)
      call.status = 500
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ code: 'internal', msg: String(error) }))
    })
  })
  /** Anything else, including proxying to other hosts: logged, and a twirp-style 404. */
  async function refuse(req: IncomingMessage, res: ServerResponse, call: Call): Promise<void> {
    process.stderr.write(`results-service double: unhandled ${call.verb} ${call.url}\n`)
    await readBody(req)
    call.kind = 'unknown'
    call.status = 404
    res
      .writeHead(404, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ code: 'bad_route', msg: `no handler for ${call.verb} ${call.url}` }))
  }

  // @actions/http-client reaches a plain-http host through a proxy with a CONNECT tunnel; the
  // tunnel's requests are served by this same server.
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const call: Call = {
      kind: 'unknown',
      verb: 'CONNECT',
      url: req.url ?? '',
      operation: 'Connect',
      status: 0,
      headers: req.headers
    }
    calls.push(call)
    if (!options.azureHost || (req.url !== `${AZURE_HOST}:80` && req.url !== AZURE_HOST)) {
      process.stderr.write(`results-service double: unhandled CONNECT ${call.url}\n`)
      call.status = 403
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    call.kind = 'blob'
    call.status = 200
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
    if (head.length > 0) socket.unshift(head)
    server.emit('connection', socket)
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url: baseUrl,
    token,
    workflowRunBackendId,
    workflowJobRunBackendId,
    env: {
      ACTIONS_RUNTIME_TOKEN: token,
      ACTIONS_RESULTS_URL: `${baseUrl}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      GITHUB_REPOSITORY: 'octo-org/images',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
      ...(options.azureHost ? { HTTP_PROXY: baseUrl, http_proxy: baseUrl } : {})
    },
    artifacts: () =>
      artifacts
        .filter((a) => a.finalized)
        .map((a) => ({
          id: a.id,
          name: a.name,
          size: a.size,
          digest: a.digest,
          mimeType: a.mimeType,
          bytes: blobs.get(a.blobPath)?.content ?? Buffer.alloc(0)
        })),
    cacheEntries: () =>
      caches
        .filter((c) => c.finalized)
        .map((c) => ({
          id: c.id,
          key: c.key,
          version: c.version,
          size: c.size,
          bytes: blobs.get(c.blobPath)?.content ?? Buffer.alloc(0)
        })),
    calls,
    unhandled: () => calls.filter((c) => c.kind === 'unknown'),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })
  }
}
