/**
 * Replaces secret values in anything the action prints, writes to the summary or sets as an output.
 * The runner masks what `core.setSecret` registered, but only in the log and only in the exact form;
 * Packer before 1.15.1 prints secrets in machine-readable mode, escaped (`,` as `%!(PACKER_COMMA)`),
 * so the action redacts every form itself as well.
 */
export class Redactor {
  private readonly secrets = new Set<string>()

  add(secret: string): void {
    if (secret.length < 3) return // a one- or two-character "secret" would blank out ordinary text
    this.secrets.add(secret)
    this.secrets.add(secret.replace(/,/g, '%!(PACKER_COMMA)'))
    this.secrets.add(JSON.stringify(secret).slice(1, -1))
    this.secrets.add(secret.replace(/\r/g, '\\r').replace(/\n/g, '\\n'))
  }

  get size(): number {
    return this.secrets.size
  }

  redact(text: string): string {
    if (this.secrets.size === 0 || text.length === 0) return text
    let out = text
    // Longest first, so that a secret containing another is replaced whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join('***')
    }
    return out
  }

  /**
   * Every string inside a plain data value redacted, for data that is escaped before it is shown
   * (the job summary): once escaped, a secret would no longer match.
   */
  redactDeep<T>(value: T): T {
    if (this.secrets.size === 0) return value
    return JSON.parse(
      JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? this.redact(v) : v))
    ) as T
  }
}
