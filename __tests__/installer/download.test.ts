import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { Downloader, HttpStatusError, backoffDelay, isRetryable } =
  await import('../../src/installer/download.js')

const BODY = Buffer.alloc(256 * 1024, 'packer')
const FAST = { attempts: 4, baseDelayMs: 10, maxDelayMs: 50, idleTimeoutMs: 400, userAgent: 'test' }

type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => void
let server: Server
let base: string
let handler: Handler
let hits = 0
const sockets = new Set<Socket>()

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++hits))
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const s of sockets) s.destroy()
  await new Promise((resolve) => server.close(resolve))
})

afterEach(() => {
  hits = 0
})

const ok: Handler = (_req, res) => {
  res.writeHead(200, { 'content-length': String(BODY.length) })
  res.end(BODY)
}

function dest(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'pia-dl-')), 'file.zip')
}

describe('Downloader', () => {
  it('downloads a file and returns its SHA-256', async () => {
    handler = ok
    const file = dest()
    const downloader = new Downloader(FAST)
    const hash = await downloader.downloadFile(`${base}/f`, file)
    downloader.dispose()
    expect(hash).toBe(createHash('sha256').update(BODY).digest('hex'))
    expect(readFileSync(file).equals(BODY)).toBe(true)
  })

  it('retries 503 twice, then succeeds', async () => {
    handler = (req, res, hit) => (hit <= 2 ? res.writeHead(503).end() : ok(req, res, hit))
    const downloader = new Downloader(FAST)
    const bytes = await downloader.fetchBytes(`${base}/f`)
    downloader.dispose()
    expect(bytes.equals(BODY)).toBe(true)
    expect(hits).toBe(3)
    expect(core.infoText()).toMatch(/answered HTTP 503; retrying in [\d.]+ s \(attempt 2 of 4\)/)
  })

  it.each([408, 429, 500, 502, 504])('retries HTTP %i', async (status) => {
    handler = (req, res, hit) => (hit === 1 ? res.writeHead(status).end() : ok(req, res, hit))
    const downloader = new Downloader(FAST)
    await downloader.fetchBytes(`${base}/f`)
    downloader.dispose()
    expect(hits).toBe(2)
  })

  it.each([400, 401, 403, 404, 410])('does not retry HTTP %i', async (status) => {
    handler = (_req, res) => res.writeHead(status).end()
    const downloader = new Downloader(FAST)
    await expect(downloader.fetchBytes(`${base}/f`)).rejects.toThrow(
      `GET ${base}/f answered HTTP ${status}`
    )
    downloader.dispose()
    expect(hits).toBe(1)
  })

  it('honours Retry-After on 429', async () => {
    handler = (req, res, hit) =>
      hit === 1 ? res.writeHead(429, { 'retry-after': '0' }).end() : ok(req, res, hit)
    const downloader = new Downloader({ ...FAST, baseDelayMs: 5000, maxDelayMs: 5000 })
    const started = Date.now()
    await downloader.fetchBytes(`${base}/f`)
    downloader.dispose()
    expect(Date.now() - started).toBeLessThan(4000)
    expect(core.infoText()).toContain('retrying in 0.0 s')
  })

  it('retries a connection reset in the middle of the body, and leaves no partial file', async () => {
    handler = (req, res, hit) => {
      if (hit > 1) return ok(req, res, hit)
      res.writeHead(200, { 'content-length': String(BODY.length) })
      res.write(BODY.subarray(0, 1000), () => req.socket.destroy())
    }
    const file = dest()
    const downloader = new Downloader(FAST)
    const hash = await downloader.downloadFile(`${base}/f`, file)
    downloader.dispose()
    expect(hits).toBe(2)
    expect(hash).toBe(createHash('sha256').update(BODY).digest('hex'))
  })

  it('gives up on a server that stalls past the idle timeout, after every attempt', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(BODY.length) })
      res.write(BODY.subarray(0, 10))
    }
    const file = dest()
    const downloader = new Downloader({ ...FAST, attempts: 2 })
    await expect(downloader.downloadFile(`${base}/slow`, file)).rejects.toThrow(
      /GET http:\/\/127\.0\.0\.1:\d+\/slow failed after 2 attempts: .*(no data from|timeout|aborted)/i
    )
    downloader.dispose()
    expect(hits).toBe(2)
    expect(existsSync(file)).toBe(false)
  })

  it('gives up on a server that never answers', async () => {
    handler = () => undefined
    const downloader = new Downloader({ ...FAST, attempts: 2 })
    await expect(downloader.fetchBytes(`${base}/silent`)).rejects.toThrow(/failed after 2 attempts/)
    downloader.dispose()
    expect(hits).toBe(2)
  })

  it('retries a refused connection and then says so', async () => {
    const downloader = new Downloader({ ...FAST, attempts: 3 })
    await expect(downloader.fetchBytes('http://127.0.0.1:9/none')).rejects.toThrow(
      /GET http:\/\/127\.0\.0\.1:9\/none failed after 3 attempts: .*ECONNREFUSED/
    )
    downloader.dispose()
  })

  it('stops retrying once disposed', async () => {
    handler = (_req, res) => res.writeHead(503).end()
    const downloader = new Downloader({ ...FAST, attempts: 10, baseDelayMs: 200, maxDelayMs: 200 })
    const pending = downloader.fetchBytes(`${base}/f`)
    setTimeout(() => downloader.dispose(), 100)
    await expect(pending).rejects.toThrow(/was cancelled/)
    expect(hits).toBe(1)
  })
})

describe('limits', () => {
  const limits = { maxBytes: 1024, deadlineMs: 600, what: 'a test file' }

  it('stops a body that keeps coming past the size limit, without retrying', async () => {
    handler = (_req, res) => {
      res.writeHead(200)
      res.write(Buffer.alloc(4096))
    }
    const file = dest()
    const downloader = new Downloader(FAST)
    await expect(downloader.downloadFile(`${base}/big`, file, limits)).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:\d+\/big sent more than 1024 bytes, the limit for a test file; refused$/
    )
    downloader.dispose()
    expect(hits).toBe(1)
    expect(existsSync(file)).toBe(false)
  })

  it('gives up on a trickle at the deadline, which covers every attempt and back-off', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' })
      const timer = setInterval(() => res.write('x'), 50)
      res.on('close', () => clearInterval(timer))
    }
    const downloader = new Downloader(FAST)
    await expect(downloader.fetchBytes(`${base}/trickle`, limits)).rejects.toThrow(
      /^GET http:\/\/127\.0\.0\.1:\d+\/trickle did not finish within 0\.6 s, the limit for a test file$/
    )
    downloader.dispose()
    expect(hits).toBe(1)
  })

  it('counts the time between retries against the deadline', async () => {
    handler = (_req, res) => res.writeHead(503).end()
    // A hundred attempts 100 ms apart would take 10 s: the 1.5 s deadline ends them first.
    const downloader = new Downloader({ ...FAST, attempts: 100, baseDelayMs: 100, maxDelayMs: 100 })
    await expect(
      downloader.fetchBytes(`${base}/down`, { ...limits, deadlineMs: 1500 })
    ).rejects.toThrow(
      /did not finish within 1\.5 s, the limit for a test file( \(last error: GET .* answered HTTP 503\))?$/
    )
    downloader.dispose()
    expect(hits).toBeGreaterThanOrEqual(1)
    // At most one attempt at 0 ms, one after the first delay (80 to 100 ms with jitter), and one
    // every 100 ms after it up to 1.5 s: 16 when the requests take no time at all.
    expect(hits).toBeLessThanOrEqual(16)
  })
})

describe('retry policy', () => {
  it('classifies statuses', () => {
    expect(isRetryable(new HttpStatusError('u', 503, undefined))).toBe(true)
    expect(isRetryable(new HttpStatusError('u', 404, undefined))).toBe(false)
    expect(isRetryable(new Error('ECONNRESET'))).toBe(true)
  })

  it('backs off exponentially with jitter, capped', () => {
    const options = { ...FAST, baseDelayMs: 1000, maxDelayMs: 10000 }
    for (let i = 0; i < 50; i++) {
      expect(backoffDelay(1, options)).toBeGreaterThanOrEqual(800)
      expect(backoffDelay(1, options)).toBeLessThanOrEqual(1200)
      expect(backoffDelay(3, options)).toBeGreaterThanOrEqual(3200)
      expect(backoffDelay(3, options)).toBeLessThanOrEqual(4800)
      expect(backoffDelay(10, options)).toBe(10000)
    }
    expect(backoffDelay(1, options, 2500)).toBe(2500)
    expect(backoffDelay(1, options, 60000)).toBe(10000)
  })
})
