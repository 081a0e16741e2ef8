/**
 * Streaming reader of `packer -machine-readable` output and the run state it describes.
 *
 * Each line is `timestamp,target,type,data...`. Packer's MachineReadableUi escapes every data field:
 * `,` → `%!(PACKER_COMMA)`, CR → `\r`, LF → `\n` (backslashes themselves are not escaped, so a
 * literal `\n` in a message cannot be told apart from an escaped newline). Pure code: no I/O.
 */
import { builderTypeOf, makeArtifact } from './artifacts.js'
import type { Artifact, BuildResult, BuildStatus, MachineReadableLine } from './types.js'

const PACKER_COMMA = '%!(PACKER_COMMA)'

/** Undoes Packer's escaping of one data field. */
export function unescapeField(s: string): string {
  return unescapeRange(s, 0, s.length)
}

/**
 * `unescapeField(text.slice(from, to))`, driven by indexOf: the search for the whole
 * `%!(PACKER_COMMA)` token and for backslashes runs in native code. `text` is one line, so the
 * searches never run far past `to`.
 */
function unescapeRange(text: string, from: number, to: number): string {
  let comma = nextComma(text, from, to)
  let slash = nextSlash(text, from, to)
  if (comma === -1 && slash === -1) return text.slice(from, to)
  let out = ''
  let copied = from
  while (comma !== -1 || slash !== -1) {
    if (slash === -1 || (comma !== -1 && comma < slash)) {
      out += text.slice(copied, comma) + ','
      copied = comma + PACKER_COMMA.length
      comma = nextComma(text, copied, to)
    } else {
      const next = text.charCodeAt(slash + 1)
      if (slash + 1 < to && (next === 110 || next === 114)) {
        // \n or \r
        out += text.slice(copied, slash) + (next === 110 ? '\n' : '\r')
        copied = slash + 2
      }
      slash = nextSlash(text, slash + (copied > slash ? 2 : 1), to)
    }
  }
  return out + text.slice(copied, to)
}

/**
 * The last search for each escape. `text` is usually a whole decoded chunk and the line ends at
 * `to`, but indexOf has no end: each line's search runs on to the next escape, however many lines
 * later, so the result is kept and the lines after it reuse it, which keeps the searches over one
 * chunk to one pass.
 */
interface Search {
  text: string
  from: number
  at: number
}
const commaSearch: Search = { text: '', from: 0, at: -1 }
const slashSearch: Search = { text: '', from: 0, at: -1 }

function search(last: Search, text: string, token: string, from: number): number {
  // Still the first match at or after `from`: the last search started no later and found one
  // no earlier (or none at all).
  if (last.text === text) {
    if (last.from <= from && (last.at === -1 || last.at >= from)) return last.at
  } else {
    last.text = text
  }
  last.from = from
  last.at = text.indexOf(token, from)
  return last.at
}

function nextComma(text: string, from: number, to: number): number {
  const at = search(commaSearch, text, PACKER_COMMA, from)
  return at === -1 || at + PACKER_COMMA.length > to ? -1 : at
}

function nextSlash(text: string, from: number, to: number): number {
  const at = search(slashSearch, text, '\\', from)
  return at === -1 || at >= to ? -1 : at
}

function isBlank(code: number): boolean {
  // space, tab, and the byte-order mark a Windows pipe may put in front of the first line
  return code === 32 || code === 9 || code === 0xfeff
}

function isTypeChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || // a-z
    (code >= 65 && code <= 90) || // A-Z
    (code >= 48 && code <= 57) || // 0-9
    code === 45 || // -
    code === 95 // _
  )
}

/**
 * Where the message of a `ui,<kind>,<message>` line starts in the text the line was read from,
 * before unescaping; `start` is -1 for any other line. The parser fills in one such object, reused
 * from line to line, so that a consumer can look at the start of a message in the decoded chunk
 * itself: V8 reads the characters of that flat string several times faster than those of the
 * message, a slice of it. Valid only during the `onLine` call it is passed to.
 */
export interface RawMessage extends MessageStart {
  text: string
}

/** Where the message of a ui line starts in the text it was parsed from, or -1. */
export interface MessageStart {
  start: number
}

/**
 * One machine-readable line, or undefined for anything else (plugin log lines such as
 * `2018/10/19 09:50:03 waiting for …`, blank lines, shell prompts). Leading blanks and a trailing
 * CR are tolerated. `from` and `to` delimit the line within `text`; `message`, when given, is told
 * where a ui message starts in `text`.
 */
export function parseMachineReadableLine(
  text: string,
  from = 0,
  to = text.length,
  message?: MessageStart
): MachineReadableLine | undefined {
  if (message !== undefined) message.start = -1
  // One pass of charCodeAt over the header (`timestamp,target,type,`): cheaper than indexOf calls
  // on lines this short. `text` may go on past `end` with the next lines: a read at `end` or
  // beyond gives NaN or the line break, which fails every test below, and none goes further.
  let end = to
  while (end > from && (text.charCodeAt(end - 1) === 13 || text.charCodeAt(end - 1) === 10)) end--
  let i = from
  let c = i < end ? text.charCodeAt(i) : NaN
  while (isBlank(c)) c = ++i < end ? text.charCodeAt(i) : NaN

  const start = i
  let timestamp = 0
  while (c >= 48 && c <= 57) {
    timestamp = timestamp * 10 + (c - 48)
    c = ++i < end ? text.charCodeAt(i) : NaN
  }
  // Unix seconds: at least one digit, and not an absurd number of them.
  if (c !== 44 || i === start || i - start > 15) return undefined

  const targetStart = ++i
  while (i < end && text.charCodeAt(i) !== 44) i++
  if (i >= end) return undefined
  const targetEnd = i

  const typeStart = ++i
  const target = targetEnd === targetStart ? '' : text.slice(targetStart, targetEnd)
  if (
    text.charCodeAt(typeStart) === 117 && // u
    text.charCodeAt(typeStart + 1) === 105 && // i
    text.charCodeAt(typeStart + 2) === 44
  ) {
    // Nearly every line is `ui,<say|message|error>,<message>`: two fields, since Packer escapes
    // the commas of the message. Taking the message whole spares a split and a pass per piece.
    return { timestamp, target, type: 'ui', data: uiData(text, typeStart + 3, end, message) }
  }
  c = text.charCodeAt(i)
  while (i < end && isTypeChar(c)) c = text.charCodeAt(++i)
  if (i === typeStart || (i < end && c !== 44)) return undefined
  const typeEnd = i

  const type = text.slice(typeStart, typeEnd)
  let data: string[]
  if (typeEnd >= end) {
    data = []
  } else if (type === 'ui') {
    data = uiData(text, typeEnd + 1, end, message)
  } else {
    data = text.slice(typeEnd + 1, end).split(',')
    for (let k = 0; k < data.length; k++) data[k] = unescapeRange(data[k], 0, data[k].length)
  }
  return { timestamp, target, type, data }
}

/** The fields of a `ui` line from `from`: the kind (a constant for the three Packer prints), the message. */
function uiData(text: string, from: number, end: number, message?: MessageStart): string[] {
  // Packer prints only these three kinds; first letter, last letter and the comma after them
  // (`s…y,`, `m…e,`, `e…r,`) tell them apart at less cost than startsWith. `text` may go on past
  // `end` with the next lines, so no test reads past it.
  let kind: string | undefined
  let start = -1
  switch (text.charCodeAt(from)) {
    case 115 /* s */:
      if (from + 3 < end && text.charCodeAt(from + 3) === 44 && text.charCodeAt(from + 2) === 121) {
        kind = 'say'
        start = from + 4
      }
      break
    case 109 /* m */:
      if (from + 7 < end && text.charCodeAt(from + 7) === 44 && text.charCodeAt(from + 6) === 101) {
        kind = 'message'
        start = from + 8
      }
      break
    case 101 /* e */:
      if (from + 5 < end && text.charCodeAt(from + 5) === 44 && text.charCodeAt(from + 4) === 114) {
        kind = 'error'
        start = from + 6
      }
      break
  }
  if (kind === undefined) {
    const comma = text.indexOf(',', from)
    if (comma === -1 || comma >= end) return [unescapeRange(text, from, end)]
    kind = text.slice(from, comma)
    start = comma + 1
  }
  if (message !== undefined) message.start = start
  return [kind, unescapeRange(text, start, end)]
}

/** Every machine-readable line of a whole transcript, in order. */
export function parseMachineReadable(text: string): MachineReadableLine[] {
  const lines: MachineReadableLine[] = []
  const parser = new MachineReadableParser((line) => lines.push(line))
  parser.push(text)
  parser.end()
  return lines
}

/** The text a `ui` line stands for (the message, unescaped), or undefined for other line types. */
export function renderLine(line: MachineReadableLine): string | undefined {
  if (line.type !== 'ui' || line.data.length < 2) return undefined
  return line.data.length === 2 ? line.data[1] : line.data.slice(1).join(',')
}

export const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024

/**
 * Buffers are decoded at most this many bytes at a time, always up to a newline so that no
 * character is cut, and the unfinished line is kept as bytes. Measured on a 1 GiB stream under
 * Node 24 (bench/parser.bench.js): RSS grew 28 MiB with a StringDecoder over whole chunks, 22 MiB
 * with 8 KiB slices, 9–13 MiB with these.
 */
const DECODE_BYTES = 64 * 1024

export interface ParserOptions {
  /**
   * What is kept of one line, in characters for string chunks and in bytes for Buffer chunks
   * (default 1 MiB); the rest of a longer line is dropped.
   */
  maxLineLength?: number
  /** Called with every non-blank line that is not machine-readable (plugin logs, prompts). */
  onOtherLine?: (text: string, truncated: boolean) => void
}

/**
 * Splits a stream into lines across chunk boundaries and hands each parsed line to `onLine`.
 * Only the unfinished last line is kept between chunks, and at most `maxLineLength` of it: a
 * longer line is cut there, reported with `truncated = true`, and counted.
 */
export class MachineReadableParser {
  /** Machine-readable lines handed to `onLine`. */
  lines = 0
  /** Non-blank lines that were not machine-readable. */
  otherLines = 0
  /** Lines cut at `maxLineLength`. */
  truncatedLines = 0

  private readonly maxLineLength: number
  private readonly onOtherLine?: (text: string, truncated: boolean) => void
  /** The unfinished last line, when fed strings. */
  private partial = ''
  /** The unfinished last line, when fed Buffers: copies, so no chunk is kept alive. */
  private partialBytes: Buffer[] = []
  private partialByteLength = 0
  private overflowed = false
  /** Handed to `onLine` with each line; see {@link RawMessage}. */
  private readonly raw: RawMessage = { text: '', start: -1 }

  constructor(
    private readonly onLine: (
      line: MachineReadableLine,
      truncated: boolean,
      raw: RawMessage
    ) => void,
    options: ParserOptions = {}
  ) {
    this.maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH
    this.onOtherLine = options.onOtherLine
  }

  /** How much of an unfinished line is held: characters, or bytes when fed Buffers. */
  get buffered(): number {
    return this.partial.length + this.partialByteLength
  }

  push(chunk: string | Buffer): void {
    if (typeof chunk === 'string') {
      if (this.partialByteLength > 0) this.bytesToText()
      this.pushText(chunk)
      return
    }
    if (this.partial.length > 0) this.textToBytes()
    const n = chunk.length
    let pos = 0
    if (this.partialByteLength > 0 || this.overflowed) {
      const newline = chunk.indexOf(10)
      if (newline === -1) {
        this.keepBytes(chunk, 0, n)
        return
      }
      this.keepBytes(chunk, 0, newline)
      this.flushPartialBytes()
      pos = newline + 1
    }
    while (pos < n) {
      // Whole lines only, so no character is cut: a newline byte is never part of one.
      let cut = chunk.lastIndexOf(10, Math.min(pos + DECODE_BYTES, n) - 1)
      if (cut < pos) {
        cut = chunk.indexOf(10, pos + DECODE_BYTES)
        if (cut === -1) {
          this.keepBytes(chunk, pos, n)
          return
        }
      }
      this.pushText(chunk.toString('utf8', pos, cut + 1))
      pos = cut + 1
    }
  }

  /** Flushes the last line when the stream ends without a newline. */
  end(): void {
    if (this.partialByteLength > 0) this.flushPartialBytes()
    else if (this.partial.length > 0 || this.overflowed) this.flushPartial()
  }

  private pushText(text: string): void {
    if (text.length === 0) return
    let newline = text.indexOf('\n')
    if (newline === -1) {
      this.keep(text, 0, text.length)
      return
    }
    if (this.partial.length > 0 || this.overflowed) {
      this.keep(text, 0, newline)
      this.flushPartial()
      this.raw.text = text
    } else {
      // Set once for all the lines of this text (a store per line would cost a write barrier).
      this.raw.text = text
      this.emitSlice(text, 0, newline)
    }
    let pos = newline + 1
    while ((newline = text.indexOf('\n', pos)) !== -1) {
      this.emitSlice(text, pos, newline)
      pos = newline + 1
    }
    if (pos < text.length) this.keep(text, pos, text.length)
  }

  private keep(text: string, from: number, to: number): void {
    if (this.overflowed) return
    const room = this.maxLineLength - this.partial.length
    if (to - from <= room) {
      this.partial += text.slice(from, to)
    } else {
      this.partial += text.slice(from, from + room)
      this.overflowed = true
    }
  }

  private keepBytes(chunk: Buffer, from: number, to: number): void {
    if (this.overflowed || to === from) return
    const room = this.maxLineLength - this.partialByteLength
    const end = to - from <= room ? to : from + room
    if (end < to) this.overflowed = true
    this.partialBytes.push(Buffer.from(chunk.subarray(from, end)))
    this.partialByteLength += end - from
  }

  private flushPartial(): void {
    const line = this.partial
    const truncated = this.overflowed
    this.partial = ''
    this.overflowed = false
    this.emit(line, truncated)
  }

  private flushPartialBytes(): void {
    const line = Buffer.concat(this.partialBytes, this.partialByteLength).toString('utf8')
    const truncated = this.overflowed
    this.partialBytes = []
    this.partialByteLength = 0
    this.overflowed = false
    this.emit(line, truncated)
  }

  /** Mixed input (rare): carry the unfinished line over as text. */
  private bytesToText(): void {
    this.partial = Buffer.concat(this.partialBytes, this.partialByteLength).toString('utf8')
    this.partialBytes = []
    this.partialByteLength = 0
  }

  /** Mixed input (rare): carry the unfinished line over as bytes. */
  private textToBytes(): void {
    const bytes = Buffer.from(this.partial, 'utf8')
    this.partial = ''
    this.partialBytes = [bytes]
    this.partialByteLength = bytes.length
  }

  /** The line `text[from, to)`: parsed where it lies, with no copy of it made first. */
  private emitSlice(text: string, from: number, to: number): void {
    if (to - from > this.maxLineLength) {
      this.emit(text.slice(from, from + this.maxLineLength), true)
      this.raw.text = text
      return
    }
    const line = parseMachineReadableLine(text, from, to, this.raw)
    if (line) {
      this.lines++
      this.onLine(line, false, this.raw)
    } else {
      this.other(text.slice(from, to), false)
    }
  }

  private emit(text: string, truncated: boolean): void {
    if (truncated) this.truncatedLines++
    this.raw.text = text
    const line = parseMachineReadableLine(text, 0, text.length, this.raw)
    if (line) {
      this.lines++
      this.onLine(line, truncated, this.raw)
    } else {
      this.other(text, truncated)
    }
  }

  private other(raw: string, truncated: boolean): void {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (text.trim() === '') return
    this.otherLines++
    this.onOtherLine?.(text, truncated)
  }
}

/** What one `packer build` run reported. */
export interface RunSummary {
  /** From the `version` line (`packer -machine-readable version`), with any prerelease suffix. */
  version?: string
  builds: BuildResult[]
  /** Every artifact of every build, in build order. */
  artifacts: Artifact[]
  /** From the `error-count` line, when Packer printed one. */
  errorCount?: number
  /** Errors about the whole run rather than one build (an HCL diagnostic, an `error` line with no target). */
  runErrors: string[]
  /** Every `ui,error` message, in order (first {@link MAX_KEPT_MESSAGES}). */
  uiErrors: string[]
  cancelled: boolean
}

/** Lists of messages keep at most this many entries, so a noisy run cannot grow memory. */
export const MAX_KEPT_MESSAGES = 100
/** Characters kept of one stored message. */
export const MAX_MESSAGE_LENGTH = 64 * 1024

interface PendingArtifact {
  builderId: string
  id: string
  description: string
  files: string[]
  nil: boolean
}

interface BuildState {
  name: string
  firstTimestamp?: number
  lastTimestamp?: number
  end?: 'finished' | 'errored'
  endTimestamp?: number
  endedAfterInterrupt: boolean
  /** From `error` lines targeted at this build (Packer's final error list). */
  errors: string[]
  /** From `Build 'x' errored…` and `--> x: …` ui errors, used when no `error` line came. */
  reportedErrors: string[]
  artifacts: Artifact[]
  pending: Map<string, PendingArtifact>
  declaredArtifacts?: number
}

/**
 * Accumulates the run state from machine-readable lines: builds and their status, duration, errors
 * and artifacts; whole-run errors; the Packer version.
 *
 * Packer prints `ui` lines with an empty target and the build name inside the message
 * (`==> amazon-ebs: …`, `    amazon-ebs: …`, `Build 'amazon-ebs' finished …`), so those messages
 * are read to follow each build.
 */
export class BuildTracker {
  private readonly builds = new Map<string, BuildState>()
  private readonly runErrors: string[] = []
  private readonly uiErrors: string[] = []
  private version?: string
  private errorCount?: number
  /** The first builds seen, in order, for {@link knownBuild}. */
  private readonly firstBuilds: BuildState[] = []
  private recentBuild?: BuildState
  private interrupted = false
  private cancelled = false
  /** Packer printed its closing summary, so every build has ended. */
  private runEnded = false

  /**
   * Takes in one line. `raw`, which the parser passes with each line, lets the common line be
   * matched to its build in the decoded chunk rather than in the unescaped message.
   */
  consume(line: MachineReadableLine, raw?: RawMessage): void {
    switch (line.type) {
      case 'ui':
        this.onUi(line, raw)
        break
      case 'artifact':
        this.onArtifact(line)
        break
      case 'artifact-count': {
        const build = this.build(line.target)
        if (!build) break
        build.declaredArtifacts = Number(line.data[0])
        this.runEnded = true
        break
      }
      case 'error':
        if (line.target === '') push(this.runErrors, joined(line.data))
        else push(this.build(line.target)!.errors, joined(line.data))
        break
      case 'error-count':
        this.errorCount = Number(line.data[0])
        this.runEnded = true
        break
      case 'version':
        this.version = line.data[0]
        break
      case 'version-prelease':
      case 'version-prerelease':
        if (this.version && line.data[0]) this.version = `${this.version}-${line.data[0]}`
        break
    }
  }

  /** Records that the run was interrupted: builds that had not succeeded by now become cancelled. */
  markCancelled(): void {
    this.interrupted = true
    this.cancelled = true
  }

  get isCancelled(): boolean {
    return this.cancelled
  }

  /** The run state so far. Artifacts whose `end` line has not come yet are included. */
  result(): RunSummary {
    const builds: BuildResult[] = []
    const artifacts: Artifact[] = []
    for (const state of this.builds.values()) {
      const own = [...state.artifacts]
      for (const pending of state.pending.values()) this.addArtifact(state, pending, own)
      const errors = state.errors.length > 0 ? [...state.errors] : [...state.reportedErrors]
      const result: BuildResult = {
        name: state.name,
        builderType: builderTypeOf(state.name, own[0]?.builderId ?? ''),
        status: this.statusOf(state, errors.length > 0),
        errors,
        artifacts: own
      }
      const end = state.endTimestamp ?? state.lastTimestamp
      if (state.firstTimestamp !== undefined && end !== undefined) {
        result.durationMs = (end - state.firstTimestamp) * 1000
      }
      builds.push(result)
      artifacts.push(...own)
    }
    const summary: RunSummary = {
      builds,
      artifacts,
      runErrors: [...this.runErrors],
      uiErrors: [...this.uiErrors],
      cancelled: this.cancelled
    }
    if (this.version !== undefined) summary.version = this.version
    if (this.errorCount !== undefined) summary.errorCount = this.errorCount
    return summary
  }

  private statusOf(state: BuildState, hasErrors: boolean): BuildStatus {
    const failed = hasErrors || state.end === 'errored'
    if (this.cancelled) {
      if (state.end !== undefined && !state.endedAfterInterrupt) {
        return failed ? 'failed' : 'succeeded'
      }
      return 'cancelled'
    }
    if (failed) return 'failed'
    if (state.end === 'finished' || state.artifacts.length > 0 || state.pending.size > 0) {
      return 'succeeded'
    }
    if (state.declaredArtifacts !== undefined) return 'succeeded'
    // Packer lists every failed build at the end; a build it did not list there has succeeded.
    return this.runEnded ? 'succeeded' : 'failed'
  }

  private build(name: string): BuildState | undefined {
    if (name === '') return undefined
    let state = this.builds.get(name)
    if (!state) {
      state = {
        name: ownCopy(name),
        endedAfterInterrupt: false,
        errors: [],
        reportedErrors: [],
        artifacts: [],
        pending: new Map()
      }
      this.builds.set(name, state)
      if (this.firstBuilds.length < 32) this.firstBuilds.push(state)
    }
    return state
  }

  /**
   * The build, among the first ones seen, whose progress line starts at `at` in `text`: `==> ` or
   * four blanks, its name, and `: `. The build of the previous match is tried first: output comes
   * in runs from one build.
   */
  private knownBuild(text: string, at: number): BuildState | undefined {
    if (!isProgressPrefix(text, at)) return undefined
    const recent = this.recentBuild
    if (recent !== undefined && nameAt(text, at, recent.name)) return recent
    // An indexed loop: for…of wraps the early return in an iterator-closing try block.
    const builds = this.firstBuilds
    for (let k = 0; k < builds.length; k++) {
      const build = builds[k]
      if (build !== recent && nameAt(text, at, build.name)) {
        this.recentBuild = build
        return build
      }
    }
    return undefined
  }

  private onUi(line: MachineReadableLine, raw: RawMessage | undefined): void {
    // The common line, progress from a build already seen, takes this short path (kept small so
    // the JIT inlines it); everything else goes to onOtherUi. Measured at hundreds of MB/s, each
    // charCodeAt counts: see bench/parser.bench.js. The start of a message as printed equals the
    // start unescaped up to the build name, which holds no comma or line break.
    const kind = line.data[0]
    const two = line.data.length === 2
    const message = two ? line.data[1] : (renderLine(line) ?? '')
    if (kind !== 'error') {
      const known =
        two && raw !== undefined && raw.start >= 0
          ? this.knownBuild(raw.text, raw.start)
          : this.knownBuild(message, 0)
      if (known !== undefined) {
        if (known.lastTimestamp !== line.timestamp) this.touch(known, line.timestamp)
        return
      }
    }
    this.onOtherUi(line, kind, message)
  }

  private onOtherUi(line: MachineReadableLine, kind: string, message: string): void {
    if (kind === 'error') push(this.uiErrors, message)

    const text = stripLeadingAnsi(message)
    const first = text.charCodeAt(0)
    if (first === 66 /* B */) {
      const lifecycle = buildLifecycle(text)
      if (lifecycle) {
        const build = this.build(lifecycle.name)!
        this.touch(build, line.timestamp)
        if (build.end === undefined || lifecycle.end === 'errored') {
          build.end = lifecycle.end
          build.endTimestamp = line.timestamp
          build.endedAfterInterrupt = this.interrupted
        }
        if (lifecycle.error) push(build.reportedErrors, lifecycle.error)
        return
      }
    }

    if (isProgressPrefix(text, 0)) {
      const known = this.knownBuild(text, 0)
      if (known !== undefined) {
        this.touch(known, line.timestamp)
        return
      }
      const name = buildNameIn(text, 4)
      if (name) {
        this.touch(this.build(name)!, line.timestamp)
        return
      }
    }
    if (text.startsWith('--> ')) {
      // The closing summary: one line per artifact or per failed build.
      const name = buildNameIn(text, 4)
      if (name) {
        this.runEnded = true
        if (kind === 'error') {
          push(this.build(name)!.reportedErrors, text.slice(4 + name.length + 2))
        }
        return
      }
    }
    const trimmed = text.trimStart()
    if (trimmed.startsWith('==> Wait completed') || trimmed.startsWith('==> Builds finished')) {
      this.runEnded = true
      return
    }
    if (trimmed.startsWith('==> Some builds didn')) return
    if (trimmed.startsWith('Cancelling build after receiving interrupt')) {
      this.interrupted = true
      this.cancelled = true
      return
    }
    if (trimmed.startsWith('Cleanly cancelled builds after being interrupted')) {
      this.cancelled = true
      this.interrupted = true
      this.runEnded = true
      return
    }
    if (kind === 'error' && line.target === '') push(this.runErrors, message)
  }

  private touch(build: BuildState, timestamp: number): void {
    if (build.firstTimestamp === undefined) build.firstTimestamp = timestamp
    if (build.end === undefined) build.lastTimestamp = timestamp
  }

  private onArtifact(line: MachineReadableLine): void {
    const build = this.build(line.target)
    if (!build) return
    const [index, key] = line.data
    if (index === undefined || key === undefined) return
    let pending = build.pending.get(index)
    if (!pending) {
      pending = { builderId: '', id: '', description: '', files: [], nil: false }
      build.pending.set(index, pending)
    }
    switch (key) {
      case 'builder-id':
        pending.builderId = joined(line.data, 2)
        break
      case 'id':
        pending.id = joined(line.data, 2)
        break
      case 'string':
        pending.description = joined(line.data, 2)
        break
      case 'file': {
        const position = Number(line.data[2])
        const name = joined(line.data, 3)
        if (Number.isInteger(position) && position >= 0 && position < 1_000_000) {
          pending.files[position] = name
        } else {
          pending.files.push(name)
        }
        break
      }
      case 'nil':
        pending.nil = true
        break
      case 'end':
        build.pending.delete(index)
        this.addArtifact(build, pending, build.artifacts)
        break
    }
  }

  private addArtifact(build: BuildState, pending: PendingArtifact, into: Artifact[]): void {
    if (pending.nil) return
    const files = pending.files.filter((f) => f !== undefined)
    // The manifest post-processor of older Packer versions passed on an artifact with no builder
    // id, no id and no files: it names nothing.
    if (pending.builderId === '' && pending.id === '' && files.length === 0) return
    // Packer 1.6+ manifest post-processor hands back the artifact it was given: drop the copy.
    const duplicate = into.some(
      (a) =>
        a.builderId === pending.builderId &&
        a.id === pending.id &&
        a.description === pending.description &&
        a.files.length === files.length &&
        a.files.every((f, i) => f === files[i])
    )
    if (duplicate) return
    into.push(makeArtifact(build.name, pending.builderId, pending.id, pending.description, files))
  }
}

/** Parses a whole transcript and returns what it reports. */
export function summarizeTranscript(text: string): RunSummary {
  const tracker = new BuildTracker()
  const parser = new MachineReadableParser((line, _truncated, raw) => tracker.consume(line, raw))
  parser.push(text)
  parser.end()
  return tracker.result()
}

/**
 * `s` in a string of its own. A name sliced from a message is a view of the whole decoded chunk:
 * it would keep the chunk alive, and its characters read slower.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8')
}

function joined(data: string[], from = 0): string {
  if (data.length === from + 1) return data[from]
  return data.slice(from).join(',')
}

function push(list: string[], message: string): void {
  if (list.length >= MAX_KEPT_MESSAGES) return
  list.push(
    message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message
  )
}

/** Drops leading blanks, newlines and ANSI colour codes (Packer 0.x coloured machine output). */
function stripLeadingAnsi(s: string): string {
  let i = 0
  for (;;) {
    const c = s.charCodeAt(i)
    if (c === 10 || c === 13) {
      i++
    } else if (c === 27 || (c === 32 && s.charCodeAt(i + 1) === 91)) {
      // ESC[…m, or " […m" where a copy lost the ESC byte
      const m = s.indexOf('m', i + 2)
      if (s.charCodeAt(i + 1) !== 91 || m === -1 || m - i > 12) break
      i = m + 1
    } else {
      break
    }
  }
  return i === 0 ? s : s.slice(i)
}

/** `==> ` or four blanks at `at`: the prefix of a build's progress lines. */
function isProgressPrefix(text: string, at: number): boolean {
  const first = text.charCodeAt(at)
  if (first === 61 /* = */) {
    return (
      text.charCodeAt(at + 1) === 61 &&
      text.charCodeAt(at + 2) === 62 &&
      text.charCodeAt(at + 3) === 32
    )
  }
  return (
    first === 32 &&
    text.charCodeAt(at + 1) === 32 &&
    text.charCodeAt(at + 2) === 32 &&
    text.charCodeAt(at + 3) === 32
  )
}

/**
 * `name` at `at + 4` in `text`, followed by `:` and a blank or the end of the line. `text` may go
 * on with further lines: a name holds no line break, so no match runs into them.
 */
function nameAt(text: string, at: number, name: string): boolean {
  const from = at + 4
  const end = from + name.length
  if (text.charCodeAt(end) !== 58 /* : */) return false
  const next = text.charCodeAt(end + 1)
  // NaN (next !== next) is the end of the text.
  if (next !== 32 && next !== 10 && next !== 13 && next === next) return false
  // A loop rather than startsWith, which costs more than the few characters of a name.
  for (let k = 0; k < name.length; k++) {
    if (text.charCodeAt(from + k) !== name.charCodeAt(k)) return false
  }
  return true
}

/**
 * The build name at `from` in `==> name: …`, `    name: …` or `==> name (post-processor): …`.
 * Names hold no blanks, which tells them apart from `==> Builds finished.` and the like.
 */
function buildNameIn(text: string, from: number): string | undefined {
  let i = from
  const n = text.length
  while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 58 /* : */) {
      const next = text.charCodeAt(i + 1)
      if (i > from && (i + 1 === n || next === 32)) return text.slice(from, i)
      if (next !== 32 && i + 1 < n) {
        i++
        continue
      }
      return undefined
    }
    if (c === 32) {
      // `name (type):` from a post-processor
      if (i > from && text.charCodeAt(i + 1) === 40 /* ( */) {
        const close = text.indexOf('):', i + 2)
        if (close !== -1 && !text.slice(i + 2, close).includes(' ')) return text.slice(from, i)
      }
      return undefined
    }
    if (c === 9 || c === 10) return undefined
    i++
  }
  return undefined
}

interface Lifecycle {
  name: string
  end: 'finished' | 'errored'
  error?: string
}

/** `Build 'x' finished …` / `Build 'x' errored after …: message` / `Build 'x' errored: message`. */
function buildLifecycle(text: string): Lifecycle | undefined {
  if (!text.startsWith("Build '")) return undefined
  const close = text.indexOf("' ", 7)
  if (close === -1) return undefined
  const name = text.slice(7, close)
  const rest = text.slice(close + 2)
  if (rest.startsWith('finished')) return { name, end: 'finished' }
  if (rest.startsWith('errored') || rest.startsWith('failed')) {
    const colon = rest.indexOf(': ')
    return { name, end: 'errored', error: colon === -1 ? rest : rest.slice(colon + 2) }
  }
  return undefined
}
