import { describe, expect, it } from '@jest/globals'
import { Redactor } from '../../src/action/redact.js'

describe('Redactor', () => {
  it('replaces a secret in every form Packer may print it', () => {
    const r = new Redactor()
    r.add('pa,ss"word')
    expect(r.redact('plain pa,ss"word')).toBe('plain ***')
    expect(r.redact('1,,ui,say,pa%!(PACKER_COMMA)ss"word')).toBe('1,,ui,say,***')
    expect(r.redact('{"v":"pa,ss\\"word"}')).toBe('{"v":"***"}')
  })

  it('replaces the longer of two overlapping secrets whole', () => {
    const r = new Redactor()
    r.add('abc')
    r.add('abcdef')
    expect(r.redact('x abcdef y abc')).toBe('x *** y ***')
  })

  it('replaces a value with spaces that a line break or indentation splits', () => {
    const r = new Redactor()
    r.add('a long secret, with spaces')
    expect(r.redact('no file exists at a long\nsecret, with  spaces.')).toBe(
      'no file exists at ***.'
    )
    expect(r.redact('x a long\r\n   secret,\nwith spaces')).toBe('x ***')
    expect(r.redact('x a long secret%!(PACKER_COMMA) with\nspaces')).toBe('x ***')
  })

  it('ignores secrets too short to mask without blanking ordinary text', () => {
    const r = new Redactor()
    r.add('a')
    expect(r.redact('a cat')).toBe('a cat')
    expect(r.size).toBe(0)
  })

  it('redacts every string inside data that is escaped later, keys and numbers untouched', () => {
    const r = new Redactor()
    r.add('s3cr_t*value')
    const report = {
      error: 'bad s3cr_t*value here',
      builds: [{ name: 'b', errors: ['x s3cr_t*value'], durationMs: 5 }],
      none: undefined
    }
    expect(r.redactDeep(report)).toEqual({
      error: 'bad *** here',
      builds: [{ name: 'b', errors: ['x ***'], durationMs: 5 }]
    })
    expect(report.error).toBe('bad s3cr_t*value here')
  })
})
