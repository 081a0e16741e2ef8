import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { updateTfvarsJson } from '../../src/tfvars/json.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../data/tfvars/${name}`, import.meta.url), 'utf8')

const AMI_A = 'ami-0123456789abcdef0'
const AMI_B = 'ami-0fedcba9876543210'
const AMI_C = 'ami-00aa11bb22cc33dd4'

/** Lines of `before` that `after` kept unchanged at both ends, and the lines in between. */
function lineDiff(
  before: string,
  after: string
): { head: number; tail: number; removed: string[] } {
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++
  }
  return { head, tail, removed: a.slice(head, a.length - tail) }
}

describe('updateTfvarsJson', () => {
  it('replaces a value in place in a 2-space file, every other byte unchanged', () => {
    const original = fixture('staging.tfvars.json')
    const { text, changed } = updateTfvarsJson(original, { ami_id: AMI_A })
    expect(changed).toBe(true)
    expect(text).toBe(original.replace('"ami-0a1b2c3d4e5f60718"', `"${AMI_A}"`))
  })

  it('appends a map after the last key in the file indentation, keeping key order', () => {
    const original = fixture('staging.tfvars.json')
    const { text } = updateTfvarsJson(original, {
      ami_ids: { 'us-east-1': AMI_A, 'us-west-2': AMI_B }
    })
    expect(Object.keys(JSON.parse(text))).toEqual([...Object.keys(JSON.parse(original)), 'ami_ids'])
    expect(text).toBe(
      original.replace(
        /\n {2}}\n}\n$/,
        `\n  },\n  "ami_ids": {\n    "us-east-1": "${AMI_A}",\n    "us-west-2": "${AMI_B}"\n  }\n}\n`
      )
    )
  })

  it('writes a nested map with the indentation of a 4-space file', () => {
    const original = fixture('production.tfvars.json')
    const amiIds = { 'eu-west-1': AMI_C, 'us-east-1': AMI_A }
    const { text } = updateTfvarsJson(original, { ami_ids: amiIds })
    expect(JSON.parse(text)).toEqual({ ...JSON.parse(original), ami_ids: amiIds })
    expect(text).toContain(
      `    "ami_ids": {\n        "eu-west-1": "${AMI_C}",\n        "us-east-1": "${AMI_A}"\n    },\n    "instance_count": 3,`
    )
    const { head, tail, removed } = lineDiff(original, text)
    expect(head).toBe(3)
    expect(removed).toHaveLength(2)
    expect(tail).toBe(original.split('\n').length - 5)
  })

  it('is idempotent, and treats a map in another key order as equal', () => {
    const original = fixture('production.tfvars.json')
    const equal = {
      ami_ids: { 'us-west-2': 'ami-04d23aca8bdd36e30', 'us-east-1': 'ami-0f1e2d3c4b5a69788' }
    }
    expect(updateTfvarsJson(original, equal)).toEqual({ text: original, changed: false })
    const values = { ami_id: AMI_A, ami_ids: { 'us-east-1': AMI_B } }
    const first = updateTfvarsJson(original, values)
    expect(updateTfvarsJson(first.text, values)).toEqual({ text: first.text, changed: false })
  })

  it('follows a compact file, CRLF, and empty files', () => {
    expect(updateTfvarsJson('{"a":"b"}', { ami_id: AMI_A }).text).toBe(
      `{"a":"b","ami_id":"${AMI_A}"}`
    )
    expect(updateTfvarsJson('{"a":"b"}', { ami_ids: { x: AMI_A } }).text).toBe(
      `{"a":"b","ami_ids":{"x":"${AMI_A}"}}`
    )
    expect(updateTfvarsJson('{\r\n  "a": 1\r\n}\r\n', { ami_id: AMI_A }).text).toBe(
      `{\r\n  "a": 1,\r\n  "ami_id": "${AMI_A}"\r\n}\r\n`
    )
    expect(updateTfvarsJson('{}\n', { ami_id: AMI_A }).text).toBe(`{\n  "ami_id": "${AMI_A}"\n}\n`)
    expect(updateTfvarsJson('', { ami_ids: { x: AMI_A } }).text).toBe(
      `{\n  "ami_ids": {\n    "x": "${AMI_A}"\n  }\n}\n`
    )
  })

  it.each([
    ['{\n  "a": 1,\n}\n', 'line 3, column 1: expected a property name, found "}"'],
    ['[1]', 'line 1, column 1: expected a JSON object ("{"), found "["'],
    ['{\n  "a": "b\n}', 'line 2, column 8: unterminated string'],
    ['{"a": 1, "a": 2}', 'line 1, column 10: "a" appears twice'],
    ['{"a": {"b": 1}', 'line 1, column 15: expected "," or "}", found the end of the file'],
    ['{"a": [1, 2}', 'line 1, column 12: expected "," or "]", found "}"'],
    ['{"a": {"b": 1 "c": 2}}', 'line 1, column 15: expected "," or "}", found """'],
    ['{"a": [1', 'line 1, column 9: expected "," or "]", found the end of the file'],
    ['{"a": tru}', 'line 1, column 7: expected a JSON value, found "t"'],
    ['{"a": 1} x', 'line 1, column 10: unexpected "x" after the object'],
    ['{"a": "tab\there"}', 'line 1, column 7: invalid string'],
    ['{"a": "\\x41"}', 'line 1, column 7: invalid string'],
    ['{\n  "a": {"b": [1,, 2]}\n}', 'line 2, column 17: expected a JSON value, found ","']
  ])('refuses invalid JSON, saying where: %j', (text, message) => {
    expect(() => updateTfvarsJson(text, { ami_id: AMI_A })).toThrow(
      `The tfvars JSON file does not parse: ${message}`
    )
  })
})
