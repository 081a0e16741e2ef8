/** The warm path: an exact version already in the tool cache, served with Node built-ins only. */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { toolCachePath } from '../src/installer/tool-cache.js'
import { fileCommandRecord, runWarm } from '../src/warm.js'
import { parseFileCommands } from './support/runner.js'

describe('fileCommandRecord', () => {
  it('writes a record the runner reads back to the same value', () => {
    const value = 'line one\nline two = three'
    expect(parseFileCommands(fileCommandRecord('out', value))).toEqual({ out: value })
  })

  it('uses a fresh delimiter each time, never one of the value lines', () => {
    const delimiters = new Set(
      Array.from({ length: 50 }, () => fileCommandRecord('x', 'v').split('\n')[0])
    )
    expect(delimiters.size).toBe(50)
    for (const d of delimiters) expect(d).toMatch(/^x<<ghadelimiter_[0-9a-z]+$/)
  })
})

describe('runWarm', () => {
  function runner(version: string, complete: boolean): NodeJS.ProcessEnv {
    const root = mkdtempSync(path.join(tmpdir(), 'pia-warm-'))
    const dir = toolCachePath(path.join(root, 'tc'), 'packer', version, process.arch)
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'packer'), '')
    if (complete) writeFileSync(`${dir}.complete`, '')
    for (const f of ['output', 'path', 'state']) writeFileSync(path.join(root, f), '')
    return {
      INPUT_COMMAND: 'install',
      'INPUT_PACKER-VERSION': version,
      RUNNER_TOOL_CACHE: path.join(root, 'tc'),
      GITHUB_OUTPUT: path.join(root, 'output'),
      GITHUB_PATH: path.join(root, 'path'),
      GITHUB_STATE: path.join(root, 'state'),
      PATH: '/usr/bin'
    }
  }

  it('serves a complete cached version: PATH and both outputs', () => {
    const env = runner('1.6.6', true)
    expect(runWarm(env, () => undefined)).toBe(true)
    const dir = toolCachePath(env.RUNNER_TOOL_CACHE!, 'packer', '1.6.6', process.arch)
    expect(readFileSync(env.GITHUB_PATH!, 'utf8')).toBe(`${dir}\n`)
    expect(parseFileCommands(readFileSync(env.GITHUB_OUTPUT!, 'utf8'))).toEqual({
      'packer-version': '1.6.6',
      'packer-path': path.join(dir, 'packer')
    })
    expect(env.PATH?.startsWith(`${dir}${path.delimiter}`)).toBe(true)
    // The post step tells itself apart by this.
    expect(parseFileCommands(readFileSync(env.GITHUB_STATE!, 'utf8'))).toEqual({ isPost: 'true' })
  })

  it('masks the token, as the full action does for every command', () => {
    const printed: string[] = []
    const env = { ...runner('1.6.6', true), 'INPUT_GITHUB-TOKEN': 'ghs_warmPathToken%1\n' }
    expect(runWarm(env, (text) => printed.push(text))).toBe(true)
    expect(printed.join('')).toMatch(/^::add-mask::ghs_warmPathToken%251\nPacker 1\.6\.6 from/)
  })

  it.each([
    ['summary', 'False'],
    ['summary', 'yes'],
    ['releases-url', 'https://releases.hashicorp.com/'],
    ['releases-url', ''],
    ['releases-url', 'http://127.0.0.1:8080/hashicorp'],
    // Read only when something is downloaded, on the full path too.
    ['releases-signing-key', 'not read for a cached version']
  ])('serves it with %s %j, which it takes as the full action does', (name, value) => {
    const env = { ...runner('1.6.6', true), [`INPUT_${name.toUpperCase()}`]: value }
    expect(runWarm(env, () => undefined)).toBe(true)
  })

  it.each<[string, string, boolean, Record<string, string>]>([
    // Inputs the full action checks or masks whatever the tool cache holds.
    ['a secret to mask', '1.6.6', true, { 'INPUT_SENSITIVE-VARIABLES': 'pw=hunter2secret' }],
    ['a summary that is not a boolean', '1.6.6', true, { INPUT_SUMMARY: 'maybe' }],
    ['a releases-url that is not http(s)', '1.6.6', true, { 'INPUT_RELEASES-URL': 'ftp://x' }],
    ['a releases-url with a query', '1.6.6', true, { 'INPUT_RELEASES-URL': 'https://m/?t=1' }],
    ['an unfinished extraction (no .complete marker)', '1.6.6', false, {}],
    ['another command', '1.6.6', true, { INPUT_COMMAND: 'build' }],
    ['a range', '1.6.6', true, { 'INPUT_PACKER-VERSION': '1.x' }],
    ['latest', '1.6.6', true, { 'INPUT_PACKER-VERSION': 'latest' }],
    ['a version not in the cache', '1.6.6', true, { 'INPUT_PACKER-VERSION': '1.6.7' }]
  ])('leaves %s to the full action, writing nothing', (_what, version, complete, extra) => {
    const env: NodeJS.ProcessEnv = { ...runner(version, complete), ...extra }
    const printed: string[] = []
    expect(runWarm(env, (text) => printed.push(text))).toBe(false)
    expect(printed).toEqual([])
    expect(readFileSync(env.GITHUB_PATH!, 'utf8')).toBe('')
    expect(readFileSync(env.GITHUB_OUTPUT!, 'utf8')).toBe('')
  })
})
