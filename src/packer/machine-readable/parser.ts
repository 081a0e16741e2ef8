/**
 * Streaming reader of `packer -machine-readable` output: splits chunks into lines across chunk
 * boundaries and parses each where it lies. Pure code: no I/O.
 */
import type { MachineReadableLine } from '../types.js'
import { parseMachineReadableLine, type RawMessage } from './line.js'

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
