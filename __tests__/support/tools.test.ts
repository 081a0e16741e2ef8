import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { tool, TOOL_VERSIONS, toolPath, toolsDir } from './tools.js'

describe('built tools', () => {
  it('are looked for where .ci/tools puts them, and PIA_TOOLS_DIR moves them', () => {
    expect(toolsDir({ HOME: '/home/me' })).toBe('/home/me/.cache/packer-image-action/tools')
    expect(toolsDir({ HOME: '/home/me', XDG_CACHE_HOME: '/cache' })).toBe(
      '/cache/packer-image-action/tools'
    )
    expect(toolPath('packer', { PIA_TOOLS_DIR: '/t' })).toBe('/t/packer-1.9.4/packer')
    expect(toolPath('packer-plugin-amazon', { PIA_TOOLS_DIR: '/t' })).toBe(
      '/t/packer-plugin-amazon-1.2.9/packer-plugin-amazon'
    )
  })

  it('names the command that builds a missing tool', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-tools-'))
    expect(() => tool('packer-plugin-docker', { PIA_TOOLS_DIR: dir })).toThrow(
      `packer-plugin-docker 1.0.8 is not built: no executable at ${dir}/packer-plugin-docker-1.0.8/packer-plugin-docker. Run \`.ci/tools packer-plugin-docker\``
    )
  })

  it('finds a built tool, and refuses one that is not executable', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-tools-'))
    mkdirSync(path.join(dir, 'packer-1.9.4'))
    const file = path.join(dir, 'packer-1.9.4', 'packer')
    writeFileSync(file, '#!/bin/sh\n')
    expect(() => tool('packer', { PIA_TOOLS_DIR: dir })).toThrow('Run `.ci/tools packer`')
    chmodSync(file, 0o755)
    expect(tool('packer', { PIA_TOOLS_DIR: dir })).toBe(file)
  })

  it('are the versions .ci/tools builds', () => {
    const script = readFileSync(path.join(import.meta.dirname, '../../.ci/tools'), 'utf8')
    const built = Object.fromEntries(
      [...script.matchAll(/^ {2}"([\w-]+)\|[^|]+\|v([^|]+)\|/gm)].map((m) => [m[1], m[2]])
    )
    expect(built).toEqual(TOOL_VERSIONS)
  })
})
