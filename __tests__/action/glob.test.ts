import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { expandPatterns, globToRegExp, patternBase } from '../../src/action/glob.js'

describe('globToRegExp', () => {
  it.each([
    ['legs/*/manifest.json', 'legs/amd64/manifest.json', true],
    ['legs/*/manifest.json', 'legs/a/b/manifest.json', false],
    ['legs/**/manifest.json', 'legs/manifest.json', true],
    ['legs/**/manifest.json', 'legs/a/b/manifest.json', true],
    ['legs/**', 'legs/a/b/c.json', true],
    ['m-?.json', 'm-1.json', true],
    ['m-?.json', 'm-10.json', false],
    ['a+b (1).json', 'a+b (1).json', true],
    ['a+b (1).json', 'aab (1).json', false]
  ])('%s against %s: %s', (pattern, file, matches) => {
    expect(globToRegExp(pattern).test(file)).toBe(matches)
  })
})

describe('patternBase', () => {
  it('stops at the first wildcard segment', () => {
    expect(patternBase('legs/*/manifest.json')).toBe('legs')
    expect(patternBase('**/m.json')).toBe('.')
    expect(patternBase('a/b/c.json')).toBe('a/b')
  })
})

describe('expandPatterns', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pia-glob-'))
  for (const f of ['legs/b/manifest.json', 'legs/a/manifest.json', 'legs/a/other.json', 'one.json'])
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true })
  for (const f of ['legs/b/manifest.json', 'legs/a/manifest.json', 'legs/a/other.json', 'one.json'])
    writeFileSync(path.join(dir, f), '{}')

  it('expands wildcards in name order, keeps plain paths, and names what matched nothing', () => {
    const { files, missing } = expandPatterns(
      ['one.json', 'legs/*/manifest.json', 'none/*.json', 'nope.json', 'one.json'],
      dir
    )
    expect(files.map((f) => path.relative(dir, f))).toEqual([
      'one.json',
      'legs/a/manifest.json',
      'legs/b/manifest.json'
    ])
    expect(missing).toEqual(['none/*.json', 'nope.json'])
  })

  it('names the missing patterns that are folders', () => {
    const { files, missing, folders } = expandPatterns(['legs', 'legs/a', 'nope'], dir)
    expect(files).toEqual([])
    expect(missing).toEqual(['legs', 'legs/a', 'nope'])
    expect(folders).toEqual(['legs', 'legs/a'])
  })

  it('takes absolute patterns as they are', () => {
    const { files } = expandPatterns([path.join(dir, 'legs/**/*.json')], '/')
    expect(files).toHaveLength(3)
  })
})
