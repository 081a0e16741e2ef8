import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { toAnnotationProperties } from '../packer/diagnostics.js'
import type { Finding } from '../packer/types.js'
import type { Redactor } from './redact.js'

/**
 * What the runner reads as a workflow command: `::name …::` at the start of a line (after white
 * space) and the older `##[name]`, which it finds anywhere in a line.
 */
const MAY_READ_AS_COMMAND = /(^|[\r\n])\s*::|##\[/

/**
 * Everything the action prints goes through here, so that no secret reaches the log in any form.
 *
 * Packer's output, and that of the scripts its provisioners run, is printed with workflow commands
 * stopped (`::stop-commands::<token>`): the runner acts on a line such as `::set-output …`,
 * `::add-mask::…`, `::error …::` or `##[error]…` wherever it comes from, and a build's output is
 * not the action's to issue commands with. The token is random, so no output can resume them.
 * Commands work again before the action issues one of its own.
 */
export class Logger {
  private stopToken?: string

  constructor(
    private readonly redactor: Redactor,
    private readonly write: (text: string) => void = (text) => process.stdout.write(text)
  ) {}

  redact(text: string): string {
    return this.redactor.redact(text)
  }

  /** Every string inside a plain data value redacted, for data written to a file or an output. */
  redactDeep<T>(value: T): T {
    return this.redactor.redactDeep(value)
  }

  /**
   * A message of the action's own. One that holds text from inputs or templates (a command line
   * with `-var` values, a path) could read as a workflow command, so such a message is printed
   * with commands stopped, like Packer's output.
   */
  info(text: string): void {
    const clean = this.redact(text)
    if (!MAY_READ_AS_COMMAND.test(clean)) {
      core.info(clean)
      return
    }
    const stopped = this.stopToken !== undefined
    this.writeStopped(clean)
    if (!stopped) this.resume()
  }

  /**
   * Text that Packer printed: as it is, except for secrets, and never read as a command. Returns
   * the text as printed, secrets redacted.
   */
  output(text: string): string {
    const clean = this.redact(text)
    this.writeStopped(clean)
    return clean
  }

  /** A line already redacted, with workflow commands stopped (they stay stopped after it). */
  private writeStopped(clean: string): void {
    if (this.stopToken === undefined) {
      this.stopToken = randomUUID()
      this.write(`::stop-commands::${this.stopToken}\n`)
    }
    this.write(`${clean}\n`)
  }

  /** Workflow commands work again (after Packer's output, before the action's own commands). */
  resume(): void {
    if (this.stopToken === undefined) return
    this.write(`::${this.stopToken}::\n`)
    this.stopToken = undefined
  }

  notice(text: string): void {
    this.resume()
    core.notice(this.redact(text))
  }

  warning(text: string): void {
    this.resume()
    core.warning(this.redact(text))
  }

  finding(finding: Finding): void {
    this.resume()
    const properties = toAnnotationProperties(finding)
    if (properties.title) properties.title = this.redact(properties.title)
    if (finding.severity === 'warning') core.warning(this.redact(finding.message), properties)
    else core.error(this.redact(finding.message), properties)
  }

  startGroup(name: string): void {
    this.resume()
    core.startGroup(this.redact(name).replace(/[\r\n]+/g, ' '))
  }

  endGroup(): void {
    this.resume()
    core.endGroup()
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.startGroup(name)
    try {
      return await fn()
    } finally {
      this.endGroup()
    }
  }
}
