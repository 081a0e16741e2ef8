import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:net'
import { freePort, portTaken } from './index.js'
import { startSshd, SSHD, type LocalSshd } from './sshd.js'
import { existsSync } from 'node:fs'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

describe('portTaken', () => {
  it("reads act's and sshd's own words for a taken port", () => {
    const act = 'level=fatal msg="listen tcp 127.0.0.1:34337: bind: address already in use"'
    const sshd =
      'error: Bind to port 21022 on 127.0.0.1 failed: Address already in use.\nfatal: Cannot bind any address.'
    expect(portTaken(act, 34337)).toBe(true)
    expect(portTaken(sshd, 21022)).toBe(true)
    expect(portTaken(act, 3433)).toBe(false)
    expect(portTaken(sshd, 2102)).toBe(false)
    expect(portTaken('level=fatal msg="open /x: permission denied"', 34337)).toBe(false)
  })
})

describe('freePort', () => {
  it('draws below the ephemeral range, where port 0 binds never land', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()))
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(10000)
      expect(port).toBeLessThan(32768)
    }
  })
})

const withSshd = existsSync(SSHD) ? describe : describe.skip

withSshd('startSshd', () => {
  it('starts again on another port when the first one is taken before sshd binds it', async () => {
    const taken = await freePort()
    const server = await occupy(taken)
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    const queued = [taken]
    const drawn: number[] = []
    const pick = async () => {
      const port = queued.shift() ?? (await freePort())
      drawn.push(port)
      return port
    }
    const sshd: LocalSshd = await startSshd(pick)
    closers.push(() => sshd.close())
    expect(drawn).toEqual([taken, sshd.port])
    expect(sshd.port).not.toBe(taken)
    expect(sshd.log()).toContain(`Server listening on 127.0.0.1 port ${sshd.port}`)
  })

  it('gives up after three taken ports and says why', async () => {
    const taken = await freePort()
    const server = await occupy(taken)
    closers.push(() => new Promise((resolve) => server.close(() => resolve())))
    await expect(startSshd(async () => taken)).rejects.toThrow(/Address already in use/)
  })
})
