import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import * as core from '@actions/core'
import { HttpClient } from '@actions/http-client'
import { ActionError, getErrorMessage } from '../errors.js'

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
  if (error instanceof DownloadCancelled) return false
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
  attempt: () => Promise<T>
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt()
    } catch (error) {
      if (cancelled()) throw new DownloadCancelled(url)
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
      await sleep(delay)
      if (cancelled()) throw new DownloadCancelled(url)
    }
  }
}

/** Fails the body stream when no byte arrives for `ms`, and when it ends short of Content-Length. */
function guardBody(message: IncomingMessage, url: string, ms: number): Transform {
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
  arm()
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length
      arm()
      callback(null, chunk)
    },
    flush(callback) {
      clearTimeout(timer)
      if (Number.isFinite(expected) && received !== expected) {
        callback(new Error(`${url} ended after ${received} of ${expected} bytes`))
      } else callback()
    },
    destroy(error, callback) {
      clearTimeout(timer)
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
    socketTimeout: options.idleTimeoutMs,
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

  /** One GET with retries: `consume` reads the guarded body, and runs again on a retry. */
  private get<T>(url: string, consume: (body: Transform) => Promise<T>): Promise<T> {
    return withRetries(
      url,
      this.options,
      () => this.disposed,
      async () => {
        const message = this.track(await open(this.client, url))
        const body = guardBody(message, url, this.options.idleTimeoutMs)
        message.on('error', (error) => body.destroy(error))
        return consume(message.pipe(body))
      }
    )
  }

  /** GETs a small file into memory. */
  async fetchBytes(url: string): Promise<Buffer> {
    return this.get(url, async (body) => {
      const chunks: Buffer[] = []
      for await (const chunk of body) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks)
    })
  }

  /** GETs a file to `dest`, hashing it on the way; returns its SHA-256 in hex. */
  async downloadFile(url: string, dest: string): Promise<string> {
    return this.get(url, async (body) => {
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
