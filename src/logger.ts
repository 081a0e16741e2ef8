import * as core from '@actions/core'
import { toAnnotationProperties } from './packer/diagnostics.js'
import type { Finding } from './packer/types.js'
import type { Redactor } from './redact.js'

/** Everything the action prints goes through here, so that no secret reaches the log in any form. */
export class Logger {
  constructor(private readonly redactor: Redactor) {}

  redact(text: string): string {
    return this.redactor.redact(text)
  }

  info(text: string): void {
    core.info(this.redact(text))
  }

  notice(text: string): void {
    core.notice(this.redact(text))
  }

  finding(finding: Finding): void {
    const properties = toAnnotationProperties(finding)
    if (properties.title) properties.title = this.redact(properties.title)
    if (finding.severity === 'warning') core.warning(this.redact(finding.message), properties)
    else core.error(this.redact(finding.message), properties)
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(this.redact(name), fn)
  }
}
