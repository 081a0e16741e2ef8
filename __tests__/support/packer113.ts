/**
 * A machine-readable transcript as Packer 1.13 and later would print it. Packer 1.13 (BUSL, not
 * built here) made `TargetedUI.Message` call `Say` (hashicorp/packer v1.13.0, packer/ui.go, "//
 * Deprecated: Use `Say` instead."), so what a builder, post-processor or provisioner prints with
 * `ui.Message` for a build no longer arrives as
 *   `<ts>,,ui,message,    <build>: <line>`   (prefixLines(false, …): four blanks per line)
 * but as
 *   `<ts>,,ui,say,==> <build>: <line>`     (prefixLines(true, …): `==> ` per line).
 * Untargeted `ui,message` lines (the machine-readable UI's own Message, unchanged) stay as they are.
 * The conversion is applied to real 1.9.4 transcripts, so the tests see 1.13's shape on real runs.
 */
import { unescapeField } from '../../src/packer/machine-readable/escape.js'

const escape = (text: string): string =>
  text.replace(/,/g, '%!(PACKER_COMMA)').replace(/\r/g, '\\r').replace(/\n/g, '\\n')

export function asPacker113(transcript: string): string {
  return transcript
    .split('\n')
    .map((line) => {
      const m = /^(\d+),([^,]*),ui,message,(.*)$/.exec(line)
      if (!m) return line
      const text = unescapeField(m[3])
      const lines = text.split('\n')
      const build = /^ {4}([^\s:]+): /.exec(lines[0])?.[1]
      if (!build) return line
      const prefix = `    ${build}: `
      if (!lines.every((l) => l.startsWith(prefix) || l === prefix.trimEnd())) return line
      const said = lines.map((l) => `==> ${build}: ${l.slice(prefix.length)}`).join('\n')
      return `${m[1]},${m[2]},ui,say,${escape(said)}`
    })
    .join('\n')
}
