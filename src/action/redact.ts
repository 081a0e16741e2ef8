/**
 * Replaces secret values in anything the action prints, writes to the summary or sets as an output.
 * The runner masks what `core.setSecret` registered, but only in the log, only in the exact form
 * and one line at a time; Packer before 1.15.1 prints secrets in machine-readable mode, escaped
 * (`,` as `%!(PACKER_COMMA)`), and wraps diagnostic text at 78 columns, which splits a value with
 * spaces across lines. So the action redacts every form itself, on whole blocks of text.
 */

/** Shorter values cannot be redacted without blanking ordinary text; inputs.ts refuses them. */
export const MIN_SECRET_LENGTH = 3

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export class Redactor {
  private readonly secrets = new Set<string>()
  /** For a form with white space: the same words with any white space between them, line breaks included. */
  private readonly wrapped = new Map<string, RegExp>()
  private sorted?: { exact: string[]; wrapped: RegExp[] }

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH) return
    for (const form of [
      secret,
      secret.replace(/,/g, '%!(PACKER_COMMA)'),
      JSON.stringify(secret).slice(1, -1),
      secret.replace(/\r/g, '\\r').replace(/\n/g, '\\n')
    ]) {
      this.secrets.add(form)
      const words = form.split(/\s+/).filter(Boolean)
      if (words.length > 1 && !this.wrapped.has(form)) {
        this.wrapped.set(form, new RegExp(words.map(escapeRegExp).join('\\s+'), 'g'))
      }
    }
    this.sorted = undefined
  }

  get size(): number {
    return this.secrets.size
  }

  redact(text: string): string {
    if (this.secrets.size === 0 || text.length === 0) return text
    // Longest first, so that a secret containing another is replaced whole.
    this.sorted ??= {
      exact: [...this.secrets].sort((a, b) => b.length - a.length),
      wrapped: [...this.wrapped.entries()]
        .sort(([a], [b]) => b.length - a.length)
        .map(([, pattern]) => pattern)
    }
    let out = text
    for (const secret of this.sorted.exact) {
      if (out.includes(secret)) out = out.split(secret).join('***')
    }
    // A value with spaces that the text broke across lines, or re-indented.
    for (const pattern of this.sorted.wrapped) out = out.replace(pattern, '***')
    return out
  }

  /**
   * Every string inside a plain data value redacted, for data that is escaped before it is shown
   * (the job summary) or written as JSON (manifests): once escaped, a secret would no longer match.
   */
  redactDeep<T>(value: T): T {
    if (this.secrets.size === 0) return value
    return JSON.parse(
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? this.redact(v) : v))
    ) as T
  }
}
