/** `command: fmt`: `packer fmt`, checking (`fmt-check`) or rewriting the template files. */
import { readdirSync } from 'node:fs'
import * as path from 'node:path'
import { ActionError } from '../action/errors.js'
import type { ResolvedPaths } from '../action/inputs.js'
import { canFormat, fmtArgs } from '../packer/args.js'
import { parseFmtCheck, workspacePath, type PathContext } from '../packer/diagnostics.js'
import type { FmtInputs } from './template-inputs.js'
import type { TemplateRun } from './template.js'
import {
  capture,
  failure,
  pathContext,
  type CheckResult,
  type PackerContext
} from './packer-context.js'

/**
 * Why `packer fmt` does not apply to the template, if it does not: it formats HCL files only, and
 * exits with an error on a JSON one (and on a folder holding no HCL file).
 */
function notFormattable(paths: ResolvedPaths): string | undefined {
  if (!canFormat(paths)) return 'legacy JSON templates are not HCL'
  if (paths.kind === 'hcl2-file' && !paths.template.endsWith('.pkr.hcl'))
    return `${path.basename(paths.template)} is HCL2 in JSON syntax, not HCL`
  if (
    paths.kind === 'hcl2-dir' &&
    !readdirSync(paths.template).some((f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkrvars.hcl'))
  )
    return 'the folder holds .pkr.json templates only, no HCL files'
  return undefined
}

/** `packer fmt -check -diff`: each unformatted file is an annotation, the diff goes to the log. */
export async function fmtCheck(ctx: PackerContext): Promise<CheckResult> {
  const skip = notFormattable(ctx.paths)
  if (skip) {
    ctx.log.info(`packer fmt skipped: ${skip}`)
    return { findings: [] }
  }
  return ctx.log.group('packer fmt -check', async () => {
    const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, true))
    if (result.exitCode === 0) return { findings: [] }
    const parsed = parseFmtCheck(result.output, pathContext(ctx))
    for (const finding of parsed.findings) ctx.log.finding(finding)
    const files = parsed.diffs.map((d) => d.file)
    return {
      findings: parsed.findings,
      failure:
        files.length > 0
          ? `${files.length} file(s) are not formatted: ${files.join(', ')}; run \`packer fmt\``
          : failure('packer fmt -check', result.exitCode, result.output, pathContext(ctx))
    }
  })
}

/**
 * The files `packer fmt` says it rewrote (it prints each one's name on a line of its own),
 * relative to the repository root. Pure.
 */
export function rewrittenFiles(output: string, context: PathContext): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.endsWith('.hcl') && !line.includes(' '))
    .map((file) => workspacePath(file, context))
}

/** `packer fmt`: rewrites the files. */
async function fmtWrite(ctx: PackerContext): Promise<CheckResult & { formatted: string[] }> {
  const skip = notFormattable(ctx.paths)
  if (skip) throw new ActionError(`packer fmt does not apply to this template: ${skip}`)
  return ctx.log.group('packer fmt', async () => {
    const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, false))
    if (result.exitCode !== 0)
      return {
        findings: [],
        formatted: [],
        failure: failure('packer fmt', result.exitCode, result.output, pathContext(ctx))
      }
    const formatted = rewrittenFiles(result.output, pathContext(ctx))
    ctx.log.info(
      formatted.length
        ? `packer fmt rewrote ${formatted.length} file(s): ${formatted.join(', ')}`
        : 'packer fmt found every file formatted already'
    )
    return { findings: [], formatted }
  })
}

export async function runFmt({ ctx, report }: TemplateRun<FmtInputs>): Promise<void> {
  if (ctx.inputs.fmtCheck) {
    const result = await fmtCheck(ctx)
    report.fmtFindings = result.findings
    if (result.failure) throw new Error(result.failure)
    return
  }
  const result = await fmtWrite(ctx)
  report.formatted = result.formatted
  if (result.failure) throw new Error(result.failure)
}
