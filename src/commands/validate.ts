/** `packer validate`, for `command: validate` and before every build. */
import { validateArgs } from '../packer/args.js'
import { findingsFromDiagnostics } from '../packer/diagnostics.js'
import type { ValidateInputs, VariableInputs } from './template-inputs.js'
import type { TemplateRun } from './template.js'
import { init } from './init.js'
import { fmtCheck } from './fmt.js'
import { noBuildSelected, selectedBuilds, templateBuildNames } from './build-selection.js'
import {
  capture,
  failure,
  pathContext,
  type CheckResult,
  type PackerContext
} from './packer-context.js'

/** `packer validate`: HCL diagnostics become annotations at their file and line. */
export async function validate(ctx: PackerContext<VariableInputs>): Promise<CheckResult> {
  return ctx.log.group('packer validate', async () => {
    const result = await capture(ctx, validateArgs(ctx.inputs, ctx.paths, ctx.sensitiveVarFile))
    // A valid template can still draw warnings (an undeclared variable in a var-file, a
    // deprecated option); they become annotations too.
    const findings = findingsFromDiagnostics(result.output, pathContext(ctx))
    for (const finding of findings) ctx.log.finding(finding)
    if (result.exitCode === 0) return { findings }
    const first = findings.find((f) => f.severity === 'error')
    return {
      findings,
      failure: first
        ? `packer validate failed: ${first.title ? `${first.title}: ` : ''}${first.message}`
        : failure('packer validate', result.exitCode, result.output, pathContext(ctx))
    }
  })
}

export async function runValidate({
  ctx,
  pluginDir,
  report
}: TemplateRun<ValidateInputs>): Promise<void> {
  await init(ctx, pluginDir)
  const failures: string[] = []
  if (ctx.inputs.fmtCheck) {
    const fmt = await fmtCheck(ctx)
    report.fmtFindings = fmt.findings
    if (fmt.failure) failures.push(fmt.failure)
  }
  const checked = await validate(ctx)
  report.validateFindings = checked.findings
  if (checked.failure) failures.push(checked.failure)
  else if (ctx.inputs.only.length || ctx.inputs.except.length) {
    // Packer validates a selection that leaves no build (with at most a warning for `only`);
    // the build it stands for would fail, so the check fails now.
    const names = await templateBuildNames(ctx)
    if (names.length && selectedBuilds(names, ctx.inputs).length === 0) {
      failures.push(noBuildSelected(ctx.inputs, names, 'so a build would build nothing'))
    }
  }
  if (failures.length) throw new Error(failures.join('; '))
  ctx.log.info('The template is valid.')
}
