/**
 * Rewriting `.tfvars` (HCL) text so that only the values of the given variables change and every
 * other byte of the file stays as the team wrote it. Pure code.
 */
import { ActionError } from '../action/errors.js'
import { dictionary } from '../action/dictionary.js'
import {
  checkValues,
  lineEndingOf,
  position,
  sameValue,
  type TfvarsUpdate,
  type TfvarsValue,
  type TfvarsValues
} from './values.js'

type TokenKind =
  | 'ident'
  | 'string' // a quoted template; `literal` is set when it has no `${}`/`%{}` sequence
  | 'heredoc'
  | 'open'
  | 'close'
  | 'equals'
  | 'colon'
  | 'comma'
  | 'newline'
  | 'comment'
  | 'other'

interface Token {
  kind: TokenKind
  start: number
  end: number
  text: string
  literal?: string
}

class HclSyntaxError extends ActionError {}

const IDENT_START = /[A-Za-z_]/
const IDENT_PART = /[A-Za-z0-9_-]/
/** An open bracket; `label` is `${` or `%{` for a template sequence. */
interface Opener {
  char: string
  at: number
  label?: string
}

const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' }

/**
 * A lexer for the HCL native syntax that is just deep enough to find where each top-level
 * attribute's value starts and ends: it knows strings with escapes and nested `${}` / `%{}`
 * templates, heredocs, the three comment forms and bracket nesting, and nothing of expressions.
 */
class HclLexer {
  private pos = 0
  readonly tokens: Token[] = []

  constructor(private readonly src: string) {}

  run(): Token[] {
    if (this.src.charCodeAt(0) === 0xfeff) this.pos = 1
    this.scanExpressionTokens(undefined)
    return this.tokens
  }

  private fail(message: string, at: number): never {
    const { line, column } = position(this.src, at)
    throw new HclSyntaxError(`line ${line}, column ${column}: ${message}`)
  }

  private push(kind: TokenKind, start: number, end: number, literal?: string): void {
    const token: Token = { kind, start, end, text: this.src.slice(start, end) }
    if (literal !== undefined) token.literal = literal
    this.tokens.push(token)
  }

  /**
   * Scans tokens until the bracket opened at `opener` closes (or the end of text at top level).
   * Inside templates, tokens are scanned but not recorded: only their extent matters.
   */
  private scanExpressionTokens(opener: Opener | undefined, record = true): void {
    const src = this.src
    const stack: Opener[] = opener ? [opener] : []
    while (this.pos < src.length) {
      const start = this.pos
      const c = src[this.pos]
      if (c === ' ' || c === '\t' || (c === '\r' && src[this.pos + 1] !== '\n')) {
        this.pos++
      } else if (c === '\n' || (c === '\r' && src[this.pos + 1] === '\n')) {
        this.pos += c === '\r' ? 2 : 1
        if (record) this.push('newline', start, this.pos)
      } else if (c === '#' || (c === '/' && src[this.pos + 1] === '/')) {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++
        if (record) this.push('comment', start, this.pos)
      } else if (c === '/' && src[this.pos + 1] === '*') {
        const end = src.indexOf('*/', this.pos + 2)
        if (end < 0) this.fail('unterminated /* comment', start)
        this.pos = end + 2
        if (record) this.push('comment', start, this.pos)
      } else if (c === '"') {
        const literal = this.scanQuoted()
        if (record) this.push('string', start, this.pos, literal)
      } else if (c === '<' && src[this.pos + 1] === '<' && this.heredocAhead()) {
        this.scanHeredoc()
        if (record) this.push('heredoc', start, this.pos)
      } else if (c in CLOSER) {
        this.pos++
        stack.push({ char: c, at: start })
        if (record) this.push('open', start, this.pos)
      } else if (c === ')' || c === ']' || c === '}') {
        const top = stack.pop()
        if (!top) this.fail(`unexpected "${c}"`, start)
        if (CLOSER[top.char] !== c) {
          const open = position(src, top.at)
          this.fail(
            `"${c}" does not close the "${top.label ?? top.char}" opened at line ${open.line}, column ${open.column}`,
            start
          )
        }
        this.pos++
        if (record) this.push('close', start, this.pos)
        if (opener && stack.length === 0) return
      } else if (IDENT_START.test(c)) {
        while (this.pos < src.length && IDENT_PART.test(src[this.pos])) this.pos++
        if (record) this.push('ident', start, this.pos)
      } else if (c === '=' && src[this.pos + 1] !== '=' && src[this.pos + 1] !== '>') {
        this.pos++
        if (record) this.push('equals', start, this.pos)
      } else if (c === ':' || c === ',') {
        this.pos++
        if (record) this.push(c === ':' ? 'colon' : 'comma', start, this.pos)
      } else {
        // Numbers and operators: irrelevant here, but `==`, `=>`, `<=`, `>=`, `!=` must not
        // leave an `=` behind that would read as an assignment.
        const next = src[this.pos + 1]
        this.pos += '=!<>'.includes(c) && (next === '=' || (c === '=' && next === '>')) ? 2 : 1
        if (record) this.push('other', start, this.pos)
      }
    }
    const open = stack.pop()
    if (open) this.fail(`"${open.label ?? open.char}" is never closed`, open.at)
  }

  /** A quoted template starting at `"`; returns its value when it is a plain literal. */
  private scanQuoted(): string | undefined {
    const src = this.src
    const start = this.pos
    this.pos++
    let value = ''
    let literal = true
    while (this.pos < src.length) {
      const c = src[this.pos]
      if (c === '"') {
        this.pos++
        return literal ? value : undefined
      }
      if (c === '\n' || c === '\r') break
      if (c === '\\') {
        const next = src[this.pos + 1]
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' }
        if (next in simple) {
          value += simple[next]
          this.pos += 2
        } else if (next === 'u' || next === 'U') {
          const width = next === 'u' ? 4 : 8
          const hex = src.slice(this.pos + 2, this.pos + 2 + width)
          if (!new RegExp(`^[0-9A-Fa-f]{${width}}$`).test(hex)) {
            this.fail(`invalid \\${next} escape in string`, this.pos)
          }
          value += String.fromCodePoint(parseInt(hex, 16))
          this.pos += 2 + width
        } else {
          this.fail(`invalid escape "\\${next ?? ''}" in string`, this.pos)
        }
      } else if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
        value += `${c}{`
        this.pos += 3
      } else if ((c === '$' || c === '%') && src[this.pos + 1] === '{') {
        literal = false
        this.pos += 2
        this.scanExpressionTokens({ char: '{', at: this.pos - 2, label: `${c}{` }, false)
      } else {
        value += c
        this.pos++
      }
    }
    this.fail('unterminated string', start)
  }

  private heredocAhead(): boolean {
    return /^<<-?[A-Za-z_][A-Za-z0-9_-]*\r?\n/.test(this.src.slice(this.pos, this.pos + 200))
  }

  private scanHeredoc(): void {
    const src = this.src
    const start = this.pos
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(src.slice(this.pos))
    if (!m) this.fail('invalid heredoc', start)
    const marker = m[1]
    this.pos += m[0].length
    const closing = new RegExp(`^[ \\t]*${marker}[ \\t]*(?=\\r?\\n|$)`)
    let lineStart = true
    while (this.pos < src.length) {
      if (lineStart) {
        const close = closing.exec(src.slice(this.pos, this.pos + marker.length + 200))
        if (close) {
          this.pos += close[0].length
          return
        }
      }
      const c = src[this.pos]
      lineStart = c === '\n'
      if ((c === '$' || c === '%') && src[this.pos + 1] === c && src[this.pos + 2] === '{') {
        this.pos += 3
      } else if ((c === '$' || c === '%') && src[this.pos + 1] === '{') {
        this.pos += 2
        this.scanExpressionTokens({ char: '{', at: this.pos - 2, label: `${c}{` }, false)
      } else {
        this.pos++
      }
    }
    this.fail(`heredoc <<${marker} is never closed by a "${marker}" line`, start)
  }
}

interface HclAttribute {
  name: string
  line: number
  /** Indentation of the line the attribute starts on. */
  indent: string
  valueStart: number
  valueEnd: number
  value: Token[]
}

/** A token for a message, without quoting string contents (a tfvars file may hold secrets). */
function describeToken(token: Token): string {
  if (token.kind === 'string') return 'a quoted string'
  if (token.kind === 'heredoc') return 'a heredoc'
  return `"${token.text.slice(0, 40)}"`
}

function hclAttributes(text: string, tokens: Token[]): HclAttribute[] {
  const attributes: HclAttribute[] = []
  const seen = new Map<string, number>()
  let i = 0
  const fail = (message: string, at: number): never => {
    const { line, column } = position(text, at)
    throw new HclSyntaxError(`line ${line}, column ${column}: ${message}`)
  }
  while (i < tokens.length) {
    const token = tokens[i]
    if (token.kind === 'newline' || token.kind === 'comment') {
      i++
      continue
    }
    if (token.kind !== 'ident') {
      fail(`expected a variable name, found ${describeToken(token)}`, token.start)
    }
    let j = i + 1
    while (j < tokens.length && tokens[j].kind === 'comment') j++
    if (tokens[j]?.kind !== 'equals') {
      fail(`expected "=" after "${token.text}"`, tokens[j]?.start ?? text.length)
    }
    j++
    const value: Token[] = []
    let depth = 0
    for (; j < tokens.length; j++) {
      const t = tokens[j]
      if (t.kind === 'newline' && depth === 0) break
      if (t.kind === 'open') depth++
      if (t.kind === 'close') depth--
      value.push(t)
    }
    const meaningful = value.filter((t) => t.kind !== 'comment' && t.kind !== 'newline')
    if (meaningful.length === 0) fail(`"${token.text}" has no value after "="`, token.start)
    const { line } = position(text, token.start)
    const previous = seen.get(token.text)
    if (previous !== undefined) {
      fail(`"${token.text}" is already set on line ${previous}`, token.start)
    }
    seen.set(token.text, line)
    const lineStart = text.lastIndexOf('\n', token.start - 1) + 1
    attributes.push({
      name: token.text,
      line,
      indent: /^[ \t]*/.exec(text.slice(lineStart, token.start))?.[0] ?? '',
      valueStart: meaningful[0].start,
      valueEnd: meaningful[meaningful.length - 1].end,
      value: meaningful
    })
    i = j
  }
  return attributes
}

/** The value of an attribute when it is a plain string or a flat object of plain strings. */
function hclLiteral(tokens: Token[]): TfvarsValue | undefined {
  if (tokens.length === 1) return tokens[0].kind === 'string' ? tokens[0].literal : undefined
  if (tokens[0]?.kind !== 'open' || tokens[0].text !== '{') return undefined
  if (tokens[tokens.length - 1].kind !== 'close') return undefined
  const map = dictionary<string>()
  let i = 1
  const end = tokens.length - 1
  while (i < end) {
    const key = tokens[i]
    const keyText =
      key.kind === 'ident' ? key.text : key.kind === 'string' ? key.literal : undefined
    const sep = tokens[i + 1]
    const value = tokens[i + 2]
    if (keyText === undefined || !sep || (sep.kind !== 'equals' && sep.kind !== 'colon')) {
      return undefined
    }
    if (!value || value.kind !== 'string' || value.literal === undefined) return undefined
    if (Object.prototype.hasOwnProperty.call(map, keyText)) return undefined
    map[keyText] = value.literal
    i += 3
    if (tokens[i]?.kind === 'comma') i++
  }
  return map
}

function hclString(value: string): string {
  let out = '"'
  for (const ch of value) {
    const escapes: Record<string, string> = {
      '"': '\\"',
      '\\': '\\\\',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t'
    }
    out += escapes[ch] ?? ch
  }
  // `${` and `%{` would start a template sequence.
  return out.replace(/([$%])\{/g, '$1$1{') + '"'
}

function hclValue(value: TfvarsValue, indent: string, unit: string, eol: string): string {
  if (typeof value === 'string') return hclString(value)
  const keys = Object.keys(value).map((k) => [hclString(k), value[k]] as const)
  if (keys.length === 0) return '{}'
  // `terraform fmt` aligns the `=` of consecutive single-line attributes.
  const width = Math.max(...keys.map(([k]) => k.length))
  const lines = keys.map(([k, v]) => `${indent}${unit}${k.padEnd(width)} = ${hclString(v)}`)
  return ['{', ...lines, `${indent}}`].join(eol)
}

/**
 * The file's indentation step: how much deeper the first line inside a bracket that ends its line
 * is indented than the line of the bracket; two spaces when no bracket spans lines. Read from the
 * tokens, so a brace inside a heredoc or string does not count.
 */
function indentUnitOf(text: string, tokens: Token[]): string {
  const indentAt = (offset: number): string => {
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1
    return /^[ \t]*/.exec(text.slice(lineStart))![0]
  }
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'open') continue
    let j = i + 1
    while (tokens[j]?.kind === 'comment') j++
    if (tokens[j]?.kind !== 'newline') continue
    while (tokens[j]?.kind === 'newline' || tokens[j]?.kind === 'comment') j++
    if (!tokens[j]) break
    const outer = indentAt(tokens[i].start)
    const inner = indentAt(tokens[j].start)
    if (inner.length > outer.length && inner.startsWith(outer)) {
      const step = inner.slice(outer.length)
      return step.startsWith('\t') ? '\t' : step
    }
  }
  return '  '
}

/**
 * Sets Terraform variables in the text of a `.tfvars` file. Only the value of each named top-level
 * attribute is replaced (its `=` alignment, trailing comment and line ending stay); a value that
 * is already equal (same string, same map in any key order or layout) is left as it is; missing
 * variables are appended. Throws, naming line and column, when the file does not lex.
 */
export function updateTfvars(text: string, values: TfvarsValues): TfvarsUpdate {
  checkValues(values)
  let attributes: HclAttribute[]
  let tokens: Token[]
  try {
    tokens = new HclLexer(text).run()
    attributes = hclAttributes(text, tokens)
  } catch (error) {
    if (error instanceof HclSyntaxError) {
      throw new ActionError(`The tfvars file does not parse: ${error.message}`)
    }
    throw error
  }
  const eol = lineEndingOf(text)
  const unit = indentUnitOf(text, tokens)
  const byName = new Map(attributes.map((a) => [a.name, a]))

  const edits: { start: number; end: number; text: string }[] = []
  const missing: string[] = []
  for (const [name, value] of Object.entries(values)) {
    const attribute = byName.get(name)
    if (!attribute) {
      missing.push(`${name} = ${hclValue(value, '', unit, eol)}`)
      continue
    }
    if (sameValue(hclLiteral(attribute.value), value)) continue
    edits.push({
      start: attribute.valueStart,
      end: attribute.valueEnd,
      text: hclValue(value, attribute.indent, unit, eol)
    })
  }

  let out = text
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end)
  }
  if (missing.length > 0) out = appendLines(out, missing, eol)
  return { text: out, changed: out !== text }
}

/** Appends lines; a file without a final newline keeps none, a file with one keeps it. */
function appendLines(text: string, lines: string[], eol: string): string {
  const body = lines.join(eol)
  if (text === '' || text === '\uFEFF') return text + body + eol
  if (text.endsWith('\n')) return text + body + eol
  return text + eol + body
}
