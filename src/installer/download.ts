import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'
import { ActionError, getErrorMessage } from '../action/errors.js'

export interface DownloadOptions {
  /** Attempts in all, the first included. */
  attempts: number
  /** First back-off delay; each retry doubles it, with jitter, up to maxDelayMs. */
  baseDelayMs: number
  maxDelayMs: number
  /** Give up on a connection that sends nothing for this long. */
  idleTimeoutMs: number
  userAgent: string
}

export const DEFAULT_DOWNLOAD_OPTIONS: DownloadOptions = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 10000,
  idleTimeoutMs: 30000,
  userAgent: 'packer-image-action'
}

const MiB = 1024 * 1024

/**
 * What one file may cost: a server that sends without end, or one byte at a time (which keeps the
 * idle timer from ever firing), is cut off here rather than by the runner's own limits.
 */
export interface DownloadLimits {
  /** A body larger than this is refused, whatever Content-Length says. */
  maxBytes: number
  /** The whole download, retries and back-off included, must finish within this. */
  deadlineMs: number
  /** What the file is, for the error: `release index`, `checksum file`, `release archive`. */
  what: string
}

/** index.json: HashiCorp's, with every release since 0.1, is well under 2 MiB. */
export const INDEX_LIMITS: DownloadLimits = {
  maxBytes: 32 * MiB,
  deadlineMs: 60_000,
  what: 'a release index'
}

/** SHA256SUMS and its signatures: a few kilobytes. */
export const SIGNED_FILE_LIMITS: DownloadLimits = {
  maxBytes: 1 * MiB,
  deadlineMs: 60_000,
  what: 'a checksum or signature file'
}

/**
 * Zips: bounded in the end by the signed checksum, but only once they are whole. Packer's are
 * under 100 MiB; the limit is ten times that, and the deadline allows about 1 MiB/s for it.
 */
export const ARCHIVE_LIMITS: DownloadLimits = {
  maxBytes: 1024 * MiB,
  deadlineMs: 20 * 60_000,
  what: 'a release archive'
}

function formatBytes(bytes: number): string {
  return bytes >= MiB && bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`
}

/** A download that broke one of its limits; retrying would not help. */
export class DownloadLimitError extends ActionError {}

function deadlineError(url: string, limits: DownloadLimits, cause?: unknown): DownloadLimitError {
  return new DownloadLimitError(
    `GET ${url} did not finish within ${limits.deadlineMs / 1000} s, the limit for ${limits.what}` +
      (cause === undefined ? '' : ` (last error: ${getErrorMessage(cause)})`)
  )
}

function sizeError(url: string, limits: DownloadLimits, announced?: number): DownloadLimitError {
  return new DownloadLimitError(
    announced === undefined
      ? `GET ${url} sent more than ${formatBytes(limits.maxBytes)}, the limit for ${limits.what}; refused`
      : `GET ${url} announced ${announced} bytes, more than ${formatBytes(limits.maxBytes)}, the limit for ${limits.what}; refused`
  )
}

/** An HTTP status that ends a download; retryable for 408, 429 and 5xx. */
export class HttpStatusError extends ActionError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly retryAfterMs: number | undefined
  ) {
    super(`GET ${url} answered HTTP ${status}`)
  }
}

/** A download stopped because another one failed, or the run was cancelled. */
export class DownloadCancelled extends ActionError {
  constructor(readonly url: string) {
    super(`GET ${url} was cancelled`)
  }
}

export function isRetryable(error: unknown): boolean {
  if (error instanceof DownloadCancelled || error instanceof DownloadLimitError) return false
  if (error instanceof HttpStatusError) {
    return error.status === 408 || error.status === 429 || error.status >= 500
  }
  // Anything else here is the connection: refused, reset, timed out, or cut short.
  return true
}

/** Milliseconds to wait before attempt `attempt + 1` (attempt counts from 1). */
export function backoffDelay(
  attempt: number,
  options: DownloadOptions,
  retryAfterMs?: number
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, options.maxDelayMs)
  const exponential = options.baseDelayMs * 2 ** (attempt - 1)
  const jitter = 0.8 + Math.random() * 0.4
  return Math.min(Math.round(exponential * jitter), options.maxDelayMs)
}

function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  if (typeof value !== 'string') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now())
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

async function withRetries<T>(
  url: string,
  options: DownloadOptions,
  cancelled: () => boolean,
  attempt: () => Promise<T>,
  deadline?: { at: number; limits: DownloadLimits }
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (cancelled()) throw new DownloadCancelled(url)
      if (deadline && !(error instanceof DownloadLimitError) && Date.now() >= deadline.at)
        throw deadlineError(url, deadline.limits, error)
      if (!isRetryable(error) || n >= options.attempts) {
        if (error instanceof HttpStatusError || n === 1) throw error
        throw new ActionError(`GET ${url} failed after ${n} attempts: ${getErrorMessage(error)}`)
      }
      const delay = backoffDelay(
        n,
        options,
        error instanceof HttpStatusError ? error.retryAfterMs : undefined
      )
      core.info(
        `${getErrorMessage(error)}; retrying in ${(delay / 1000).toFixed(1)} s ` +
          `(attempt ${n + 1} of ${options.attempts})`
      )
      await sleep(deadline ? Math.max(0, Math.min(delay, deadline.at - Date.now())) : delay)
      if (cancelled()) throw new DownloadCancelled(url)
      if (deadline && Date.now() >= deadline.at) throw deadlineError(url, deadline.limits, error)
    }
  }
}

/**
 * Fails the body stream when no byte arrives for `ms`, when it ends short of Content-Length, when
 * it grows past its size limit (or announces that it will), and at its deadline.
 */
function guardBody(
  message: IncomingMessage,
  url: string,
  ms: number,
  limits: DownloadLimits,
  deadlineAt: number
): Transform {
  const expected = Number(message.headers['content-length'] ?? NaN)
  let received = 0
  let timer: NodeJS.Timeout | undefined
  const fail = (error: Error): void => {
    message.destroy(error)
  }
  const arm = (): void => {
    clearTimeout(timer)
    timer = setTimeout(() => fail(new Error(`no data from ${url} for ${ms / 1000} s`)), ms)
  }
  const deadline = setTimeout(
    () => fail(deadlineError(url, limits)),
    Math.max(0, deadlineAt - Date.now())
  )
  const stop = (): void => {
    clearTimeout(timer)
    clearTimeout(deadline)
  }
  if (Number.isFinite(expected) && expected > limits.maxBytes) {
    queueMicrotask(() => fail(sizeError(url, limits, expected)))
  } else arm()
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length
      if (received > limits.maxBytes) {
        stop()
        const error = sizeError(url, limits)
        fail(error)
        callback(error)
        return
      }
      arm()
      callback(null, chunk)
    },
    flush(callback) {
      stop()
      if (Number.isFinite(expected) && received !== expected) {
        callback(new Error(`${url} ended after ${received} of ${expected} bytes`))
      } else callback()
    },
    destroy(error, callback) {
      stop()
      callback(error)
    }
  })
}

async function open(client: HttpClient, url: string): Promise<IncomingMessage> {
  const response = await client.get(url)
  const status = response.message.statusCode ?? 0
  if (status < 200 || status >= 300) {
    response.message.resume()
    throw new HttpStatusError(url, status, parseRetryAfter(response.message.headers['retry-after']))
  }
  return response.message
}

function createClient(options: DownloadOptions): HttpClient {
  return new HttpClient(options.userAgent, [], {
    allowRetries: false,
    allowRedirects: true,
    maxRedirects: 5,
    // Later than the body's own idle timer (guardBody), which then always fires first and says
    // what happened; this one covers a server that never sends its headers.
    socketTimeout: options.idleTimeoutMs + 1000,
    keepAlive: true
  })
}

export class Downloader {
  private readonly client: HttpClient
  private readonly active = new Set<IncomingMessage>()
  private disposed = false

  constructor(private readonly options: DownloadOptions = DEFAULT_DOWNLOAD_OPTIONS) {
    this.client = createClient(options)
  }

  /**
   * One GET with retries: `consume` reads the guarded body, and runs again on a retry. The
   * deadline covers every attempt and the waits between them.
   */
  private get<T>(
    url: string,
    limits: DownloadLimits,
    consume: (body: Transform) => Promise<T>
  ): Promise<T> {
    const at = Date.now() + limits.deadlineMs
    return withRetries(
      url,
      this.options,
      () => this.disposed,
      () =>
        new Promise<T>((resolve, reject) => {
          // Until the body starts, only this timer bounds a server that is slow to answer.
          const timer = setTimeout(
            () => reject(deadlineError(url, limits)),
            Math.max(0, at - Date.now())
          )
          const attempt = async (): Promise<T> => {
            const message = this.track(await open(this.client, url))
            if (Date.now() >= at) {
              message.destroy()
              throw deadlineError(url, limits)
            }
            const body = guardBody(message, url, this.options.idleTimeoutMs, limits, at)
            message.on('error', (error) => body.destroy(error))
            return consume(message.pipe(body))
          }
          attempt()
            .then(resolve, reject)
            .finally(() => clearTimeout(timer))
        }),
      { at, limits }
    )
  }

  /** GETs a small file into memory, within `limits` (those of a release index by default). */
  async fetchBytes(url: string, limits: DownloadLimits = INDEX_LIMITS): Promise<Buffer> {
    return this.get(url, limits, async (body) => {
      const chunks: Buffer[] = []
      for await (const chunk of body) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    })
  }

  /**
   * GETs a file to `dest`, hashing it on the way, within `limits` (those of a release archive by
   * default); returns its SHA-256 in hex.
   */
  async downloadFile(
    url: string,
    dest: string,
    limits: DownloadLimits = ARCHIVE_LIMITS
  ): Promise<string> {
    return this.get(url, limits, async (body) => {
      const hash = createHash('sha256')
      const hasher = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk)
          callback(null, chunk)
        }
      })
      try {
        await pipeline(body, hasher, createWriteStream(dest))
      } catch (error) {
        await rm(dest, { force: true })
        throw error
      }
      return hash.digest('hex')
    })
  }

  private track(message: IncomingMessage): IncomingMessage {
    if (this.disposed) {
      message.destroy()
      throw new DownloadCancelled(message.url ?? '')
    }
    this.active.add(message)
    message.once('close', () => this.active.delete(message))
    return message
  }

  /** Stops every download under way and closes the connections. */
  dispose(): void {
    this.disposed = true
    for (const message of this.active) message.destroy(new Error('download cancelled'))
    this.client.dispose()
  }
}
