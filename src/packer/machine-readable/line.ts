/**
 * One line of `packer -machine-readable` output: `timestamp,target,type,data...`, parsed where it
 * lies in the decoded text. Pure code: no I/O.
 */
import type { MachineReadableLine } from '../types.js'
import { unescapeRange } from './escape.js'

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

/** The text a `ui` line stands for (the message, unescaped), or undefined for other line types. */
export function renderLine(line: MachineReadableLine): string | undefined {
  if (line.type !== 'ui' || line.data.length < 2) return undefined
  return line.data.length === 2 ? line.data[1] : line.data.slice(1).join(',')
}
