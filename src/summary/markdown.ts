/**
 * Markdown helpers of the job summary: GitHub-flavoured markdown with inline HTML.
 *
 * Every value that came from Packer or the user goes through `escapeHtml`, which also neutralises
 * the characters markdown would act on (`|` would split a table cell, a backtick open a code span,
 * `[` start a link, `*` emphasis). Long texts go in `<pre>` blocks, never in fenced code blocks,
 * whose content cannot be escaped.
 */

/** Rows shown per table; the rest are counted, the log has them all. */
export const MAX_ROWS = 50
/** Characters shown of one error text. */
export const MAX_TEXT = 4000

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;'
}

/** Text made inert in both HTML and markdown: it renders as the characters it holds. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'|`\\[\]*_~]/g, (c) => ENTITIES[c])
}

/** Escaped, on one line: for table cells, where a newline would end the table. */
export function inline(value: string): string {
  return escapeHtml(value.replace(/\r\n?/g, '\n').trim()).replace(/\n/g, '<br>')
}

export function code(value: string): string {
  return `<code>${inline(value)}</code>`
}

/** `1m 05s`, `42s`, `2h 03m 07s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—'
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number): string => String(n).padStart(2, '0')
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`
  if (m > 0) return `${m}m ${pad(s)}s`
  return `${s}s`
}

/** A markdown table of cells already escaped; at most MAX_ROWS rows, the rest counted. */
export function table(headers: string[], rows: string[][]): string {
  const shown = rows.slice(0, MAX_ROWS)
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...shown.map((cells) => `| ${cells.map((c) => c || '—').join(' | ')} |`)
  ]
  if (rows.length > shown.length) {
    lines.push('', `…and ${rows.length - shown.length} more; the step log has them all.`)
  }
  return lines.join('\n')
}

export function pre(text: string): string {
  const clipped =
    text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (cut; the step log has it all)` : text
  return `<pre>${escapeHtml(clipped.replace(/\r\n?/g, '\n').trimEnd())}</pre>`
}
