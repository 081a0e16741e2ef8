/**
 * `npm run local` (scripts/local-run.js) on a machine where releases.hashicorp.com does not answer:
 * it says so, serves the Packer `.ci/tools packer` built from the tests' signed mirror on
 * 127.0.0.1, and runs the main job on the example template; without that Packer it names the
 * command that builds it. PIA_LOCAL_PROBE_URL stands in for releases.hashicorp.com.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { MIRROR_VERSION } from '../support/mirror.js'
import { ROOT } from '../support/runner.js'
import { tool } from '../support/tools.js'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function localRun(env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env }
  for (const key of Object.keys(childEnv))
    if (key.startsWith('INPUT_') || key.startsWith('PIA_LOCAL_')) delete childEnv[key]
  for (const [key, value] of Object.entries(env))
    if (value === undefined) delete childEnv[key]
    else childEnv[key] = value
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/local-run.js')], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

/** A port on 127.0.0.1 that accepts connections and never answers; and one that refuses them. */
let silent: Server
const sockets: Socket[] = []
let silentUrl: string
let refusedUrl: string

beforeAll(async () => {
  tool('packer')
  silent = createServer((socket) => sockets.push(socket))
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/packer/index.json`
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  refusedUrl = `http://127.0.0.1:${(closed.address() as { port: number }).port}/packer/index.json`
  await new Promise((resolve) => closed.close(resolve))
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise((resolve) => silent.close(resolve))
})

describe('npm run local without internet', () => {
  it('says so, and builds the example with the Packer the tests use from a local signed mirror', async () => {
    const run = await localRun({ PIA_LOCAL_PROBE_URL: refusedUrl })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      new RegExp(
        `releases\\.hashicorp\\.com cannot be reached \\(.*ECONNREFUSED.*\\): no internet, so this run ` +
          `installs Packer ${MIRROR_VERSION} \\(.*, built by \`\\.ci/tools packer\`\\) from a local ` +
          'release mirror at http://127\\.0\\.0\\.1:\\d+'
      )
    )
    expect(run.stdout).toMatch(/Reading http:\/\/127\.0\.0\.1:\d+\/packer\/index\.json/)
    expect(run.stdout).toContain(`packer-version=${MIRROR_VERSION}\n`)
    expect(run.stdout).toContain('exit-code=0\n')
    expect(run.stdout).toContain('| file.greeting | file | ✓ succeeded |')
  })

  it('gives up on a server that does not answer after a few seconds, and says why', async () => {
    const run = await localRun({ PIA_LOCAL_PROBE_URL: silentUrl })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('releases.hashicorp.com cannot be reached (no answer within 3 s)')
    expect(run.stdout).toContain(`packer-version=${MIRROR_VERSION}\n`)
  })

  it('names the command that builds Packer when it is not built, and runs nothing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'pia-no-tools-'))
    const run = await localRun({ PIA_LOCAL_PROBE_URL: refusedUrl, PIA_TOOLS_DIR: empty })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `the Packer ${MIRROR_VERSION} the tests use is not built: no ${path.join(empty, `packer-${MIRROR_VERSION}`, 'packer')}.`
    )
    expect(run.stderr).toContain('Build it with `.ci/tools packer`')
    expect(run.stdout).not.toContain('Running dist/index.js')
  })

  it('goes straight to the releases-url it is given, without asking releases.hashicorp.com', async () => {
    const run = await localRun({
      PIA_LOCAL_PROBE_URL: silentUrl,
      INPUT_RELEASES_URL: refusedUrl.replace('/packer/index.json', '')
    })
    expect(run.stdout).not.toContain('releases.hashicorp.com')
    expect(run.stdout).toContain(`Reading ${refusedUrl}`)
    expect(run.code).toBe(1)
  })
})
