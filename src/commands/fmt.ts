/** `command: fmt`: `packer fmt`, checking (`fmt-check`) or rewriting the template files. */
import { readdirSync } from 'node:fs'
import * as path from 'node:path'
import { ActionError } from '../action/errors.js'
import type { ResolvedPaths } from '../action/inputs.js'
import { canFormat, fmtArgs } from '../packer/args.js'
import { parseFmtCheck } from '../packer/diagnostics.js'
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

/** `packer fmt`: rewrites the files. */
async function fmtWrite(ctx: PackerContext): Promise<CheckResult> {
  const skip = notFormattable(ctx.paths)
  if (skip) throw new ActionError(`packer fmt does not apply to this template: ${skip}`)
  return ctx.log.group('packer fmt', async () => {
    const result = await capture(ctx, fmtArgs(ctx.paths, ctx.version, false))
    if (result.exitCode !== 0)
      return {
        findings: [],
        failure: failure('packer fmt', result.exitCode, result.output, pathContext(ctx))
      }
    return { findings: [] }
  })
}

export async function runFmt({ ctx, report }: TemplateRun<FmtInputs>): Promise<void> {
  const result = ctx.inputs.fmtCheck ? await fmtCheck(ctx) : await fmtWrite(ctx)
  report.fmtFindings = result.findings
  if (result.failure) throw new Error(result.failure)
}
