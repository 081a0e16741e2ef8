/** `command: tfvars`: writes the AMI ids of the builds into a Terraform variable file. */
import * as core from '@actions/core'
import * as path from 'node:path'
import { Inputs, Outputs } from '../action/constants.js'
import { checkInside, workspaceRoot } from '../action/inputs.js'
import { renderTfvarsSummary, type LifecycleReport } from '../summary/lifecycle.js'
import { applyTfvars } from '../tfvars/file.js'
import { selectTfvarsValues } from '../tfvars/mapping.js'
import { amiIdsOf, type LifecycleContext } from './lifecycle-context.js'
import type { TfvarsInputs } from './lifecycle-inputs.js'

/** `workingDirectory`: absolute, checked. */
export async function updateTfvarsFile(
  inputs: TfvarsInputs,
  workingDirectory: string,
  ctx: LifecycleContext
): Promise<LifecycleReport> {
  const amiIds = await amiIdsOf(inputs.amiIds, ctx)
  const values = selectTfvarsValues(amiIds, inputs.tfvarsMapping)
  const file = path.resolve(workingDirectory, inputs.tfvarsFile)
  checkInside(file, Inputs.TfvarsFile, inputs.tfvarsFile, [workspaceRoot(ctx.workspace)])
  const result = await applyTfvars({ file, values })
  core.setOutput(Outputs.Changed, String(result.changed))
  core.setOutput(Outputs.TfvarsFile, file)
  for (const [variable, value] of Object.entries(values)) {
    ctx.log.info(`${variable} = ${JSON.stringify(value)}`)
  }
  ctx.log.info(result.changed ? `Updated ${file}` : `${file} already holds these values`)
  return {
    markdown: renderTfvarsSummary(
      ...ctx.log.redactDeep([
        path.relative(workingDirectory, file) || file,
        result.changed,
        values
      ] as const)
    )
  }
}
