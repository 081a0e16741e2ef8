/**
 * Rewriting `.tfvars.json` text so that only the values of the given variables change and every
 * other byte of the file stays as the team wrote it. Pure code.
 */
import { ActionError } from '../action/errors.js'
import { dictionary, isObject } from '../action/dictionary.js'
import {
  checkValues,
  lineEndingOf,
  position,
  sameValue,
  type TfvarsUpdate,
  type TfvarsValue,
  type TfvarsValues
} from './values.js'

interface JsonMember {
  key: string
  keyStart: number
  valueStart: number
  valueEnd: number
  value: unknown
}

class JsonSyntaxError extends ActionError {}

/** A JSON reader that keeps the extent of each top-level member, with line/column errors. */
class JsonScanner {
  private pos = 0
  constructor(private readonly src: string) {}

  private fail(message: string, at = this.pos): never {
    const { line, column } = position(this.src, at)
    throw new JsonSyntaxError(`line ${line}, column ${column}: ${message}`)
  }

  private skipSpace(): void {
    while (this.pos < this.src.length && ' \t\r\n\uFEFF'.includes(this.src[this.pos])) this.pos++
  }

  private found(): string {
    return this.pos < this.src.length ? `"${this.src[this.pos]}"` : 'the end of the file'
  }

  topLevel(): { open: number; close: number; members: JsonMember[] } {
    this.skipSpace()
    if (this.src[this.pos] !== '{') {
      this.fail(`expected a JSON object ("{"), found ${this.found()}`)
    }
    const open = this.pos
    this.pos++
    const members: JsonMember[] = []
    const keys = new Set<string>()
    this.skipSpace()
    if (this.src[this.pos] === '}') {
      this.pos++
    } else {
      for (;;) {
        this.skipSpace()
        const keyStart = this.pos
        if (this.src[this.pos] !== '"') this.fail(`expected a property name, found ${this.found()}`)
        const key = this.string()
        if (keys.has(key)) this.fail(`"${key}" appears twice`, keyStart)
        keys.add(key)
        this.skipSpace()
        if (this.src[this.pos] !== ':')
          this.fail(`expected ":" after "${key}", found ${this.found()}`)
        this.pos++
        this.skipSpace()
        const valueStart = this.pos
        const value = this.value()
        members.push({ key, keyStart, valueStart, valueEnd: this.pos, value })
        this.skipSpace()
        if (this.src[this.pos] === ',') {
          this.pos++
          continue
        }
        if (this.src[this.pos] === '}') {
          this.pos++
          break
        }
        this.fail(`expected "," or "}", found ${this.found()}`)
      }
    }
    const close = this.pos - 1
    this.skipSpace()
    if (this.pos < this.src.length) this.fail(`unexpected ${this.found()} after the object`)
    return { open, close, members }
  }

  private value(): unknown {
    const c = this.src[this.pos]
    if (c === '"') return this.string()
    if (c === '{' || c === '[') return this.container()
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      this.src.slice(this.pos, this.pos + 400)
    )
    if (!m) this.fail(`expected a JSON value, found ${this.found()}`)
    this.pos += m[0].length
    return JSON.parse(m[0])
  }

  private container(): unknown {
    const object = this.src[this.pos] === '{'
    const close = object ? '}' : ']'
    const result = dictionary<unknown>()
    const items: unknown[] = []
    this.pos++
    this.skipSpace()
    if (this.src[this.pos] !== close) {
      for (;;) {
        this.skipSpace()
        if (object) {
          if (this.src[this.pos] !== '"') {
            this.fail(`expected a property name, found ${this.found()}`)
          }
          const key = this.string()
          this.skipSpace()
          if (this.src[this.pos] !== ':') this.fail(`expected ":", found ${this.found()}`)
          this.pos++
          this.skipSpace()
          result[key] = this.value()
        } else {
          items.push(this.value())
        }
        this.skipSpace()
        if (this.src[this.pos] !== ',') break
        this.pos++
      }
      if (this.src[this.pos] !== close)
        this.fail(`expected "," or "${close}", found ${this.found()}`)
    }
    this.pos++
    return object ? result : items
  }

  private string(): string {
    const start = this.pos
    this.pos++
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]
      if (c === '"') {
        this.pos++
        try {
          return JSON.parse(this.src.slice(start, this.pos)) as string
        } catch {
          this.fail('invalid string: a bad escape or a raw control character', start)
        }
      }
      if (c === '\\') this.pos++
      else if (c === '\n') break
      this.pos++
    }
    this.fail('unterminated string', start)
  }
}

function jsonMapMatches(existing: unknown, value: TfvarsValue): boolean {
  if (typeof existing === 'string') return sameValue(existing, value)
  if (!isObject(existing)) return false
  if (!Object.values(existing).every((v) => typeof v === 'string')) return false
  return sameValue(existing as Record<string, string>, value)
}

/**
 * Sets Terraform variables in the text of a `.tfvars.json` file: replaces the values of existing
 * top-level keys in place and appends missing keys, keeping key order, indentation, the key/value
 * separator and line endings as found. Equal values are left untouched.
 */
export function updateTfvarsJson(text: string, values: TfvarsValues): TfvarsUpdate {
  checkValues(values)
  if (text.trim() === '' || text.trim() === '\uFEFF') {
    const body = jsonObject(values, '', '  ', ': ', '\n')
    return { text: body + '\n', changed: true }
  }
  let top: ReturnType<JsonScanner['topLevel']>
  try {
    top = new JsonScanner(text).topLevel()
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new ActionError(`The tfvars JSON file does not parse: ${error.message}`)
    }
    throw error
  }
  const eol = lineEndingOf(text)
  const { members } = top
  const first = members[0]
  // Whitespace before a member's key: a newline plus its indentation, or nothing when compact.
  const lead =
    members.length > 1
      ? text.slice(
          text.lastIndexOf(',', members[members.length - 1].keyStart) + 1,
          members[members.length - 1].keyStart
        )
      : first
        ? text.slice(top.open + 1, first.keyStart)
        : ''
  const multiline = lead.includes('\n')
  const indent = multiline ? lead.slice(lead.lastIndexOf('\n') + 1) : ''
  const unit = indent.startsWith('\t') ? '\t' : indent || '  '
  const separator = first
    ? text.slice(first.keyStart, first.valueStart).replace(/^"(?:[^"\\]|\\.)*"/, '')
    : ': '

  const edits: { start: number; end: number; text: string }[] = []
  const missing: [string, TfvarsValue][] = []
  const byKey = new Map(members.map((m) => [m.key, m]))
  for (const [name, value] of Object.entries(values)) {
    const member = byKey.get(name)
    if (!member) {
      missing.push([name, value])
      continue
    }
    if (jsonMapMatches(member.value, value)) continue
    edits.push({
      start: member.valueStart,
      end: member.valueEnd,
      text: jsonValue(value, multiline ? indent : null, unit, separator, eol)
    })
  }

  if (missing.length > 0) {
    if (members.length === 0) {
      // `{}` or `{ }`: lay the members out in the file's line endings, two-space indentation.
      const body = jsonObject(Object.fromEntries(missing), '', '  ', ': ', eol)
      edits.push({ start: top.open, end: top.close + 1, text: body })
    } else {
      const last = members[members.length - 1]
      const added = missing
        .map(
          ([k, v]) =>
            `,${multiline ? eol + indent : lead}${JSON.stringify(k)}${separator}${jsonValue(v, multiline ? indent : null, unit, separator, eol)}`
        )
        .join('')
      edits.push({ start: last.valueEnd, end: last.valueEnd, text: added })
    }
  }

  let out = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  }
  return { text: out, changed: out !== text }
}

/** A value; `indent` is the indentation of the member holding it, null for a compact file. */
function jsonValue(
  value: TfvarsValue,
  indent: string | null,
  unit: string,
  separator: string,
  eol: string
): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (indent === null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}${separator}${JSON.stringify(v)}`)
      .join(',')}}`
  }
  return jsonObject(value, indent, unit, separator, eol)
}

function jsonObject(
  value: Record<string, TfvarsValue>,
  indent: string,
  unit: string,
  separator: string,
  eol: string
): string {
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  const lines = entries.map(
    ([k, v]) =>
      `${indent}${unit}${JSON.stringify(k)}${separator}${jsonValue(v, indent + unit, unit, separator, eol)}`
  )
  return `{${eol}${lines.join(`,${eol}`)}${eol}${indent}}`
}
