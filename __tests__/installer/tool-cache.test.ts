import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import * as tc from '@actions/tool-cache'
import {
  completeMarker,
  exactVersion,
  findInToolCache,
  toolCachePath
} from '../../src/installer/tool-cache.js'

describe('exactVersion', () => {
  it.each([
    ['1.9.4', '1.9.4'],
    ['v1.9.4', '1.9.4'],
    ['1.10.0-rc1', '1.10.0-rc1'],
    ['1.10.0-alpha.2', '1.10.0-alpha.2']
  ])('reads %s as %s', (spec, version) => {
    expect(exactVersion(spec)).toBe(version)
  })

  it.each(['latest', '~1.9', '1.x', '>=1.9 <1.11', '1.9', '1.9.4 ', 'x1.9.4'])(
    'is undefined for %j',
    (spec) => {
      expect(exactVersion(spec)).toBeUndefined()
    }
  )
})

describe('the tool-cache layout', () => {
  it('is the one @actions/tool-cache finds', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pia-tc-'))
    const dir = toolCachePath(root, 'packer', '1.9.4', 'x64')
    expect(dir).toBe(path.join(root, 'packer', '1.9.4', 'x64'))
    expect(findInToolCache(root, 'packer', '1.9.4', 'x64')).toBeUndefined()
    mkdirSync(dir, { recursive: true })
    // A folder without its marker is an unfinished install.
    expect(findInToolCache(root, 'packer', '1.9.4', 'x64')).toBeUndefined()
    writeFileSync(completeMarker(dir), '')
    expect(findInToolCache(root, 'packer', '1.9.4', 'x64')).toBe(dir)
    expect(findInToolCache(root, 'packer', '1.9.4', 'arm64')).toBeUndefined()

    const saved = process.env.RUNNER_TOOL_CACHE
    process.env.RUNNER_TOOL_CACHE = root
    try {
      expect(tc.find('packer', '1.9.4', 'x64')).toBe(dir)
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TOOL_CACHE
      else process.env.RUNNER_TOOL_CACHE = saved
    }
  })
})
