/**
 * Writing AMI ids into Terraform variable files. Pure code: choosing which AMI goes into which
 * variable, and rewriting `.tfvars` / `.tfvars.json` text so that only the values of those
 * variables change and every other byte of the file stays as the team wrote it.
 */
import { ActionError } from '../errors.js'
import { dictionary } from '../dictionary.js'

/** Build name → region → AMI id, as the build step's `ami-ids` output holds them. */
export type AmiIds = Record<string, Record<string, string>>

/** A Terraform variable value this module writes: one AMI id, or AMI ids keyed by region. */
export type TfvarsValue = string | Record<string, string>

/** Variable name → value, in the order the variables are to be appended when missing. */
export type TfvarsValues = Record<string, TfvarsValue>

export interface TfvarsMappingEntry {
  variable: string
  build: string
  /** When set, the variable receives this region's AMI id as a string. */
  region?: string
  /** 1-based line of the `tfvars-mapping` input, for messages. */
  line: number
}

export interface TfvarsUpdate {
  text: string
  changed: boolean
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/
// AWS issues AMI ids with 8 hex digits (before 2016) or 17.
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/
const AMI_ID_EXPECTED = '"ami-" followed by 8 or 17 lowercase hexadecimal digits'

export function isTerraformIdentifier(name: string): boolean {
  return IDENTIFIER.test(name)
}

export function isAmiId(value: string): boolean {
  return AMI_ID.test(value)
}

/** Reads `variable=build[:region]` lines; blank lines and `#` comment lines are skipped. */
export function parseTfvarsMapping(text: string): TfvarsMappingEntry[] {
  const entries: TfvarsMappingEntry[] = []
  const lineOf = new Map<string, number>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const eq = trimmed.indexOf('=')
    if (eq < 0) {
      throw new ActionError(
        `tfvars-mapping line ${line} ("${trimmed}"): expected "variable=build" or "variable=build:region"`
      )
    }
    const variable = trimmed.slice(0, eq).trim()
    const target = trimmed.slice(eq + 1).trim()
    if (!isTerraformIdentifier(variable)) {
      throw new ActionError(
        `tfvars-mapping line ${line}: "${variable}" is not a valid Terraform variable name ` +
          '(expected a letter or underscore, then letters, digits, underscores or hyphens)'
      )
    }
    const previous = lineOf.get(variable)
    if (previous !== undefined) {
      throw new ActionError(
        `tfvars-mapping line ${line}: variable "${variable}" is already mapped on line ${previous}`
      )
    }
    // Build names may contain colons only in theory (`source.type.name` uses dots), so the last
    // colon separates the region.
    const colon = target.lastIndexOf(':')
    const build = (colon < 0 ? target : target.slice(0, colon)).trim()
    const region = colon < 0 ? undefined : target.slice(colon + 1).trim()
    if (build === '' || region === '') {
      throw new ActionError(
        `tfvars-mapping line ${line} ("${trimmed}"): expected "variable=build" or "variable=build:region" with a non-empty build${region === '' ? ' and region' : ''}`
      )
    }
    lineOf.set(variable, line)
    entries.push(
      region === undefined ? { variable, build, line } : { variable, build, region, line }
    )
  })
  return entries
}

/** Reads the `ami-ids` JSON (`{ "<build>": { "<region>": "ami-…" } }`), checking every id. */
export function parseAmiIds(json: string): AmiIds {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    throw new ActionError(
      `ami-ids is not valid JSON (${(error as Error).message}); expected {"<build>": {"<region>": "ami-…"}}`
    )
  }
  if (!isPlainObject(value)) {
    throw new ActionError(`ami-ids must be a JSON object {"<build>": {"<region>": "ami-…"}}`)
  }
  const result: AmiIds = dictionary()
  for (const [build, regions] of Object.entries(value)) {
    if (!isPlainObject(regions)) {
      throw new ActionError(
        `ami-ids: the value of build "${build}" must be an object {"<region>": "ami-…"}`
      )
    }
    const byRegion = dictionary<string>()
    for (const [region, ami] of Object.entries(regions)) {
      if (region.trim() === '')
        throw new ActionError(`ami-ids: build "${build}" has an empty region`)
      if (typeof ami !== 'string' || !isAmiId(ami)) {
        throw new ActionError(
          `ami-ids: ${JSON.stringify(ami)} (build "${build}", region "${region}") is not an AMI id; expected ${AMI_ID_EXPECTED}`
        )
      }
      byRegion[region] = ami
    }
    result[build] = byRegion
  }
  return result
}

/**
 * The variables to write. Without a mapping: one AMI overall goes to `ami_id`; several go to
 * `ami_ids`, a map keyed by region. With a mapping, `variable=build` receives a string when the
 * build made one AMI and a region map otherwise; `variable=build:region` receives that AMI.
 * Region maps are sorted by region so that the written file does not depend on JSON key order.
 */
export function selectTfvarsValues(amiIds: AmiIds, mapping?: TfvarsMappingEntry[]): TfvarsValues {
  const builds = Object.keys(amiIds).filter((b) => Object.keys(amiIds[b]).length > 0)
  if (builds.length === 0) {
    throw new ActionError('ami-ids holds no AMI id: there is nothing to write into the tfvars file')
  }
  if (!mapping || mapping.length === 0) return defaultValues(amiIds, builds)

  const values: TfvarsValues = dictionary()
  for (const entry of mapping) {
    const regions = amiIds[entry.build]
    if (!regions || Object.keys(regions).length === 0) {
      throw new ActionError(
        `tfvars-mapping line ${entry.line}: build "${entry.build}" has no AMI in ami-ids; builds with AMIs: ${quoteList(builds)}`
      )
    }
    if (entry.region !== undefined) {
      const ami = regions[entry.region]
      if (ami === undefined) {
        throw new ActionError(
          `tfvars-mapping line ${entry.line}: build "${entry.build}" has no AMI in region "${entry.region}"; its regions: ${quoteList(Object.keys(regions))}`
        )
      }
      values[entry.variable] = ami
      continue
    }
    const sorted = sortedMap(regions)
    const only = Object.values(sorted)
    values[entry.variable] = only.length === 1 ? only[0] : sorted
  }
  return values
}

function defaultValues(amiIds: AmiIds, builds: string[]): TfvarsValues {
  const byRegion = dictionary<string>()
  const buildOfRegion = dictionary<string>()
  let count = 0
  for (const build of builds) {
    for (const [region, ami] of Object.entries(amiIds[build])) {
      count++
      if (region in buildOfRegion) {
        throw new ActionError(
          `Builds "${buildOfRegion[region]}" and "${build}" both made an AMI in ${region}, so the ` +
            'default ami_ids map keyed by region would be ambiguous; set tfvars-mapping, e.g. ' +
            `"${suggestVariable(buildOfRegion[region])}=${buildOfRegion[region]}"`
        )
      }
      buildOfRegion[region] = build
      byRegion[region] = ami
    }
  }
  if (count === 1) return { ami_id: Object.values(byRegion)[0] }
  return { ami_ids: sortedMap(byRegion) }
}

function suggestVariable(build: string): string {
  const last = build.split('.').pop() ?? build
  const name = last.replace(/[^A-Za-z0-9_]/g, '_')
  return /^[A-Za-z_]/.test(name) ? `${name}_ami` : `ami_${name}`
}

function sortedMap(map: Record<string, string>): Record<string, string> {
  const sorted = dictionary<string>()
  for (const key of Object.keys(map).sort()) sorted[key] = map[key]
  return sorted
}

function quoteList(names: string[]): string {
  return names.length === 0 ? '(none)' : names.map((n) => `"${n}"`).join(', ')
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkValues(values: TfvarsValues): void {
  for (const name of Object.keys(values)) {
    if (!isTerraformIdentifier(name)) {
      throw new ActionError(`"${name}" is not a valid Terraform variable name`)
    }
  }
}

function sameValue(a: TfvarsValue | undefined, b: TfvarsValue): boolean {
  if (a === undefined) return false
  if (typeof a === 'string' || typeof b === 'string') return a === b
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && a[k] === b[k])
}

function lineEndingOf(text: string): string {
  const lf = text.indexOf('\n')
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n'
}

/** 1-based line and column of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let start = 0
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    start = i + 1
  }
  return { line, column: offset - start + 1 }
}

// ---------------------------------------------------------------------------------------------
// HCL (.tfvars)
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// JSON (.tfvars.json)
// ---------------------------------------------------------------------------------------------

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
  if (!isPlainObject(existing)) return false
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
