/**
 * Packer's error output turned into findings for GitHub annotations. Pure: the caller runs Packer,
 * hands over what it printed, and raises the annotations.
 *
 * Packer prints a problem in one of these shapes (all seen in real output, see
 * __tests__/data/diagnostics/README.md):
 *
 *   HCL diagnostics (HCL2 templates, and Packer >= 1.6 for most JSON-template errors):
 *     Error: <summary>                      or  Warning: <summary>
 *     <blank>
 *       on <file> line <n>[, in <block>]:       (only when there is a location; file may be empty)
 *       <n>: <source line>                      or  (source code not available)
 *     <blank>
 *     <detail, word-wrapped, maybe several paragraphs>
 *
 *   Plain Packer errors (JSON templates, older Packer):
 *     Failed to parse template: <message>       then `At line 6, column 6 (offset 81):` and a snippet
 *     Failed to parse template: 1 error occurred:  then `\t* <message>` bullets
 *     Errors validating build 'x'. 2 error(s) occurred:  then `* <message>` bullets
 *     Warnings for build 'x':                   then `* <warning>` bullets
 *
 * In machine-readable mode the same text travels inside `<ts>,,ui,error,<escaped text>` lines;
 * those are read through the machine-readable line parser, so either form, or the already
 * unescaped message, can be passed.
 */
import type { AnnotationProperties } from '@actions/core'
import * as path from 'node:path'
import { parseMachineReadableLine } from './machine-readable/line.js'
import type { Finding } from './types.js'

/** Where Packer ran, so that the paths it prints can be made relative to the repository. */
export interface PathContext {
  /** The directory Packer ran in; absolute, or relative to `workspace`. */
  workingDirectory: string
  /** The repository root (GITHUB_WORKSPACE), absolute. */
  workspace: string
  /**
   * The template path as passed to Packer, relative to `workingDirectory` or absolute. When it is
   * a JSON template, errors that name no file (`Failed to prepare build: "x"`, JSON syntax errors)
   * are pinned to it.
   */
  template?: string
}

/** A diff that `packer fmt -check -diff` printed for one file. */
export interface FmtDiff {
  /** Path relative to the repository root, like `Finding.file`. */
  file: string
  /** The unified diff as Packer printed it; empty when `-diff` was not given. */
  diff: string
}

export interface FmtCheckResult {
  /** One error per unformatted file, plus any error Packer printed (e.g. a file it cannot parse). */
  findings: Finding[]
  diffs: FmtDiff[]
}

// ---------------------------------------------------------------------------------------------
// Reading the text

/** Marks a line that ends any diagnostic block (a machine-readable line of another type). */
const BREAK = null
type Line = string | typeof BREAK

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
/**
 * A real run's timestamps are Unix seconds (nine digits or more); a shorter number in front of a
 * comma is program output, not a machine-readable line.
 */
const MIN_TIMESTAMP = 100_000_000
/** `log.Printf` lines that PACKER_LOG=1 interleaves with the UI output. */
const GO_LOG = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} /

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '')
}

function prepareLines(text: string): Line[] {
  const lines: Line[] = []
  for (const raw of clean(text).split('\n')) {
    const mr = parseMachineReadableLine(raw)
    if (mr && mr.timestamp >= MIN_TIMESTAMP) {
      if (mr.type === 'ui' && mr.data.length === 2 && mr.data[0] === 'error') {
        lines.push(BREAK, ...clean(mr.data[1]).split('\n'))
      }
      lines.push(BREAK)
      continue
    }
    if (GO_LOG.test(raw)) continue
    lines.push(raw)
  }
  return lines
}

// ---------------------------------------------------------------------------------------------
// Recognising blocks

const OCCURRED = /(?:^|[.:]\s*)(\d+ errors? occurred|\d+ error\(s\) occurred):$/

interface Header {
  severity: Finding['severity']
  /** HCL diagnostics carry a location line and a detail; the others a message and bullets. */
  kind: 'hcl' | 'plain' | 'list'
  title: string
  /** Text after the title on the header line. */
  rest: string
}

function headerOf(raw: Line): Header | undefined {
  if (raw === BREAK) return undefined
  const line = raw.trimEnd()
  let m = /^(Error|Warning):(?: (.*))?$/.exec(line)
  if (m) {
    return {
      severity: m[1] === 'Warning' ? 'warning' : 'error',
      kind: 'hcl',
      title: (m[2] ?? '').trim(),
      rest: ''
    }
  }
  m = /^Warnings for build '([^']*)':$/.exec(line)
  if (m)
    return { severity: 'warning', kind: 'list', title: `Warnings for build '${m[1]}'`, rest: '' }
  m = /^(Errors validating build '[^']*')\. (.*)$/.exec(line)
  if (m) return { severity: 'error', kind: 'plain', title: m[1], rest: m[2] }
  // Packer 1.7+ for a file it read as a legacy JSON template: advice on file extensions, then the
  // parser's error on the next line as `Original error: …` (see blockFindings).
  if (/^Failed to parse file as legacy JSON template: /.test(line))
    return { severity: 'error', kind: 'plain', title: 'Failed to parse template', rest: '' }
  m =
    /^(Failed to parse template|Failed to initialize build '[^']*'|Error initializing core|Build '[^']*'): ?(.*)$/.exec(
      line
    )
  if (m) return { severity: 'error', kind: 'plain', title: m[1], rest: m[2] }
  return undefined
}

/** Lines that are surely not part of a diagnostic: shell prompts, make, Packer's build UI. */
function isNoise(line: string): boolean {
  return (
    line.startsWith('Template validation failed.') ||
    /^(?:==>|-->) /.test(line) ||
    /^[$#>](?: |$)/.test(line) ||
    /^[\w.-]+@[\w.-]+:\S*[$#](?: |$)/.test(line) ||
    /^make(?:\[\d+\])?: /.test(line) ||
    /^Build '[^']*' (?:errored|finished)/.test(line)
  )
}

function isBlank(line: Line | undefined): boolean {
  return typeof line === 'string' && line.trim() === ''
}

/** Index just past the block that starts with a header at `start`. */
function blockEnd(lines: Line[], start: number): number {
  let i = start + 1
  for (; i < lines.length; i++) {
    const line = lines[i]
    if (line === BREAK || isNoise(line) || headerOf(line)) break
    // Packer ends each diagnostic with one blank line and the last one with two; a detail never
    // holds two blank lines in a row.
    if (isBlank(line) && isBlank(lines[i + 1]) && i > start + 1) break
  }
  return i
}

// ---------------------------------------------------------------------------------------------
// Turning a block into findings

const ON = /^\s*on (.*?) line (\d+)(?:, in (.*))?:$/
/** `file:line,col-endcol` or `file:line,col-endline,endcol`, as HCL prints a range. */
const RANGE = /((?:[A-Za-z]:)?[^\s:"'()]+?\.(?:hcl|json)):(\d+),(\d+)-(?:(\d+),)?(\d+)/g

interface Location {
  file?: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
}

function firstRange(text: string): Location | undefined {
  const m = new RegExp(RANGE.source).exec(text)
  if (!m) return undefined
  const line = Number(m[2])
  return {
    file: m[1],
    line,
    column: Number(m[3]),
    endLine: m[4] ? Number(m[4]) : line,
    endColumn: Number(m[5])
  }
}

/**
 * Word-wrapped paragraphs back to one line each; bullets, indented lines and the closing brace of a
 * block Packer suggests (`variable "x" {` … `}`) stay apart.
 */
function unwrap(lines: string[]): string {
  const paragraphs: string[] = []
  let current: string[] = []
  const flush = (): void => {
    if (current.length) paragraphs.push(current.join('\n'))
    current = []
  }
  for (const line of lines) {
    if (line.trim() === '') {
      flush()
    } else if (current.length && !/^\s*(?:[*-] |\t|\s{2,}|[}\]])/.test(line)) {
      current[current.length - 1] += ' ' + line.trim()
    } else {
      current.push(line.trim())
    }
  }
  flush()
  return paragraphs.join('\n\n')
}

/** `* a` / `\t* b` bullets, each with its continuation lines. */
function bullets(lines: string[]): string[] {
  const items: string[][] = []
  for (const line of lines) {
    const m = /^\s*\* (.*)$/.exec(line)
    if (m) items.push([m[1]])
    else if (line.trim() !== '' && items.length) items[items.length - 1].push(line)
  }
  return items.map((item) => unwrap(item))
}

function finding(
  severity: Finding['severity'],
  title: string | undefined,
  message: string,
  location: Location | undefined
): Finding {
  const f: Finding = { severity, message }
  if (title) f.title = title
  if (location?.file) f.file = location.file
  if (location?.line !== undefined) f.line = location.line
  if (location?.column !== undefined) f.column = location.column
  if (location?.endLine !== undefined) f.endLine = location.endLine
  if (location?.endColumn !== undefined) f.endColumn = location.endColumn
  return f
}

const ORIGINAL_ERROR = 'Original error: '

/** Findings of one block: one per bullet when Packer listed several errors, else one. */
function blockFindings(header: Header, body: string[]): Finding[] {
  let location: Location | undefined
  let lines = body
  if (header.kind === 'hcl') {
    let i = 0
    while (i < lines.length && lines[i] === '') i++
    const on = ON.exec(lines[i] ?? '')
    if (on) {
      // `on  line 0:` is a diagnostic without a real location.
      if (on[1].trim() && Number(on[2]) > 0) location = { file: on[1].trim(), line: Number(on[2]) }
      i++
      while (i < lines.length && lines[i] !== '') i++ // the source snippet
    }
    lines = lines.slice(i)
  }
  if (header.kind === 'plain') {
    const original = lines.findIndex((l) => l.startsWith(ORIGINAL_ERROR))
    if (original >= 0) {
      header = { ...header, rest: lines[original].slice(ORIGINAL_ERROR.length) }
      lines = lines.slice(original + 1)
    }
    const at = lines.findIndex((l) => /^At line \d+, column \d+/.test(l))
    if (at >= 0) {
      const m = /^At line (\d+), column (\d+)/.exec(lines[at])!
      // Go's JSON decoder counts the offending byte as read, so Packer's column is one past it.
      location = { line: Number(m[1]), column: Math.max(1, Number(m[2]) - 1) }
      lines = lines.slice(0, at) // what follows is a snippet of the template
    }
  }

  const occurredInHeader = OCCURRED.test(header.rest)
  const occurredLine = lines.findIndex((l) => OCCURRED.test(l.trim()))
  const title = header.title.replace(/[.:]$/, '') || undefined
  if (header.kind === 'list' || occurredInHeader || occurredLine >= 0) {
    const items = bullets(
      occurredLine >= 0 && !occurredInHeader ? lines.slice(occurredLine + 1) : lines
    )
    if (items.length) {
      return items.map((item) =>
        finding(header.severity, title, item, location ?? firstRange(item))
      )
    }
  }

  const detail = unwrap([header.rest, ...lines])
  if (!detail && !title) return []
  const message = detail || title!
  return [
    finding(
      header.severity,
      detail ? title : undefined,
      message,
      location ?? firstRange(`${title ?? ''} ${detail}`)
    )
  ]
}

/**
 * Visits each diagnostic block of prepared lines, and hands every other line to `outside`, which
 * may return the index of the last line it consumed.
 */
function eachBlock(
  lines: Line[],
  visit: (header: Header, body: string[]) => void,
  outside?: (index: number) => number | void
): void {
  for (let i = 0; i < lines.length;) {
    const header = headerOf(lines[i])
    if (header) {
      const end = blockEnd(lines, i)
      visit(
        header,
        (lines.slice(i + 1, end) as string[]).map((l) => l.trimEnd())
      )
      i = end
    } else {
      i = (outside?.(i) ?? i) + 1
    }
  }
}

/**
 * Every error and warning in Packer's output, with file paths exactly as Packer printed them
 * (relative to its working directory). Anything that is not a diagnostic (build progress, shell
 * prompts, make output, machine-readable lines of other types) is skipped.
 */
export function parseDiagnostics(text: string): Finding[] {
  const findings: Finding[] = []
  eachBlock(prepareLines(text), (header, body) => findings.push(...blockFindings(header, body)))
  return findings
}

// ---------------------------------------------------------------------------------------------
// Paths

function pathApi(...paths: string[]): path.PlatformPath {
  return paths.some((p) => /^[A-Za-z]:[\\/]|^\\\\/.test(p)) ? path.win32 : path.posix
}

/**
 * A path Packer printed, relative to the repository root with forward slashes. A path outside
 * the repository stays absolute (as given, when Packer printed it absolute).
 */
export function workspacePath(file: string, context: PathContext): string {
  const p = pathApi(context.workspace, context.workingDirectory, file)
  const root = p.resolve(context.workspace)
  const absolute = p.resolve(root, context.workingDirectory, file)
  const relative = p.relative(root, absolute)
  const outside = relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative)
  if (outside) return p.isAbsolute(file) ? file : absolute.split(p.sep).join('/')
  return relative.split(p.sep).join('/')
}

function relocate(finding: Finding, context: PathContext, jsonTemplate?: string): Finding {
  const out: Finding = {
    ...finding,
    message: finding.message.replace(
      RANGE,
      (whole, file: string) => workspacePath(file, context) + whole.slice(file.length)
    )
  }
  if (finding.file) out.file = workspacePath(finding.file, context)
  else if (jsonTemplate) out.file = jsonTemplate
  else {
    // A line without a file refers to a template we cannot name.
    delete out.line
    delete out.column
    delete out.endLine
    delete out.endColumn
  }
  return out
}

function uniqueFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    const key = JSON.stringify([f.severity, f.title, f.message, f.file, f.line, f.column])
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * The findings of `parseDiagnostics` with every file relative to the repository root, ready for
 * `core.error` / `core.warning` with `toAnnotationProperties`. Ranges quoted in a message
 * (`build.pkr.hcl:9,5-17`) get the same path. A finding Packer printed twice is kept once.
 */
export function findingsFromDiagnostics(text: string, context: PathContext): Finding[] {
  const jsonTemplate =
    context.template && /\.json$/i.test(context.template)
      ? workspacePath(context.template, context)
      : undefined
  return uniqueFindings(parseDiagnostics(text).map((f) => relocate(f, context, jsonTemplate)))
}

// ---------------------------------------------------------------------------------------------
// packer fmt -check [-diff]

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/** Index just past a unified diff starting at `start` (`--- old/…`), and its first changed line. */
function readDiff(lines: Line[], start: number): { end: number; firstChange?: number } {
  let i = start
  if (typeof lines[i + 1] === 'string' && (lines[i + 1] as string).startsWith('+++ ')) i += 2
  else return { end: start + 1 }
  let firstChange: number | undefined
  for (;;) {
    const hunk = HUNK.exec(lines[i] ?? '')
    if (!hunk) break
    let oldLine = Number(hunk[1])
    let oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2])
    let newLeft = hunk[4] === undefined ? 1 : Number(hunk[4])
    i++
    for (; i < lines.length; i++) {
      const line = lines[i]
      if (line === BREAK) break
      if (oldLeft <= 0 && newLeft <= 0 && !line.startsWith('\\')) break
      const mark = line[0] ?? ' ' // a blank context line may lose its space in a log
      if (mark === '-') {
        firstChange ??= oldLine
        oldLine++
        oldLeft--
      } else if (mark === '+') {
        firstChange ??= Math.max(1, oldLine - 1)
        newLeft--
      } else if (mark !== '\\') {
        oldLine++
        oldLeft--
        newLeft--
      }
    }
  }
  return { end: i, firstChange }
}

/**
 * The output of `packer fmt -check [-diff] [-recursive] <path>` (stdout and stderr together):
 * one error finding per file Packer lists as unformatted, at the first line its diff changes, and
 * any diagnostic Packer printed (a file it could not parse). Packer exits 3 when files need
 * formatting and 1 on other errors. Note that Packer 1.6.x has no `-recursive` flag.
 */
export function parseFmtCheck(output: string, context: PathContext): FmtCheckResult {
  const lines = prepareLines(output)
  const findings: Finding[] = []
  const diffs: FmtDiff[] = []

  eachBlock(
    lines,
    (header, body) => {
      for (const f of blockFindings(header, body)) {
        // Packer names the file it could not parse only in the text: point the annotation at it.
        const m = /^encountered an error while formatting (.+)$/.exec(f.title ?? '')
        if (m && !f.file) {
          const file = workspacePath(m[1], context)
          f.title = `Cannot format ${file}`
          f.message = f.message.split(m[1]).join(file)
          f.file = m[1]
        }
        findings.push(relocate(f, context))
      }
    },
    (i) => {
      const line = lines[i]
      if (line === BREAK || line.trim() === '' || /^\s/.test(line)) return
      const name = line.trimEnd()
      const next = lines[i + 1]
      const hasDiff = typeof next === 'string' && next.startsWith('--- ')
      if (!hasDiff && !/\.hcl$/i.test(name)) return
      const { end, firstChange } = hasDiff ? readDiff(lines, i + 1) : { end: i + 1 }
      const file = workspacePath(name, context)
      const f: Finding = {
        severity: 'error',
        title: 'Not formatted',
        message: `${file} is not formatted; run \`packer fmt\``,
        file
      }
      if (firstChange !== undefined) f.line = firstChange
      findings.push(f)
      // The diff for the log as Packer printed it, but for colour codes and control characters.
      diffs.push({ file, diff: hasDiff ? (lines.slice(i + 1, end) as string[]).join('\n') : '' })
      return end - 1
    }
  )
  return { findings, diffs }
}

// ---------------------------------------------------------------------------------------------
// Annotations

/**
 * The properties `core.error(message, properties)` / `core.warning` expect. Columns are left out
 * when the finding spans several lines, which GitHub does not accept.
 */
export function toAnnotationProperties(finding: Finding): AnnotationProperties {
  const props: AnnotationProperties = {}
  if (finding.title) props.title = finding.title
  if (!finding.file) return props
  props.file = finding.file
  if (finding.line === undefined) return props
  props.startLine = finding.line
  const endLine = finding.endLine ?? finding.line
  if (endLine !== finding.line) {
    props.endLine = endLine
    return props
  }
  if (finding.column !== undefined) {
    props.startColumn = finding.column
    if (finding.endColumn !== undefined) props.endColumn = finding.endColumn
  }
  return props
}
