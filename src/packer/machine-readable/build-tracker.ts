/**
 * The run state that `packer build`'s machine-readable lines describe: builds, their status,
 * errors and artifacts. Pure code: no I/O.
 */
import { builderTypeOf, makeArtifact } from '../artifacts.js'
import type { Artifact, BuildResult, BuildStatus, MachineReadableLine } from '../types.js'
import { renderLine, type RawMessage } from './line.js'

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
