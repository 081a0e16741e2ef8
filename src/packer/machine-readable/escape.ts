/**
 * Packer's escaping of machine-readable data fields. Its MachineReadableUi escapes every field:
 * `,` → `%!(PACKER_COMMA)`, CR → `\r`, LF → `\n` (backslashes themselves are not escaped, so a
 * literal `\n` in a message cannot be told apart from an escaped newline). Pure code: no I/O.
 */
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
export function unescapeRange(text: string, from: number, to: number): string {
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
