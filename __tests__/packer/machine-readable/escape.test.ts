import { describe, expect, it } from '@jest/globals'
import { unescapeField } from '../../../src/packer/machine-readable/escape.js'

describe('unescapeField', () => {
  it('turns %!(PACKER_COMMA) into a comma', () => {
    expect(unescapeField('401%!(PACKER_COMMA) request id')).toBe('401, request id')
  })

  it('turns the two characters \\n into a newline', () => {
    expect(unescapeField('AMIs were created:\\nus-east-1: ami-1\\n')).toBe(
      'AMIs were created:\nus-east-1: ami-1\n'
    )
  })

  it('turns the two characters \\r into a carriage return', () => {
    expect(unescapeField('50%\\r100%')).toBe('50%\r100%')
  })

  it('handles all escapes together, repeated', () => {
    expect(unescapeField('a%!(PACKER_COMMA)b%!(PACKER_COMMA)\\r\\nc\\n')).toBe('a,b,\r\nc\n')
  })

  it('reads a backslash before an escaped newline as itself', () => {
    expect(unescapeField('a\\\\nb')).toBe('a\\\nb')
    expect(unescapeField('end\\')).toBe('end\\')
  })

  it('leaves other backslashes, percent signs and a literal tab alone', () => {
    expect(unescapeField('C:\\temp 100% done\tok %!(PACKER')).toBe(
      'C:\\temp 100% done\tok %!(PACKER'
    )
    expect(unescapeField('')).toBe('')
  })
})
