/**
 * The house rules for workflows, as pure functions from a parsed workflow to findings (one string
 * each, naming the job or step). The contract tests expect none on the real files and the expected
 * one on each seeded-mistake fixture, so a rule that stopped finding anything would fail there.
 */
import type { ActionYml, Job, Permissions, Step, Workflow, WorkflowFile } from './files.js'

export interface RuleContext {
  owner: string
  major: string
  action: ActionYml
  /** Commands the action supports, as its `command` input describes them. */
  commands: string[]
  /** Our reusable workflows by file name (`packer-build.yml`). */
  reusable: Map<string, Workflow>
}

export type Rule = (file: WorkflowFile, ctx: RuleContext) => string[]

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 }
const SHA_PIN = /^[\w.-]+\/[\w.-]+(\/[^@\s]+)?@[0-9a-f]{40}$/
const VERSION_COMMENT = /^\s*#\s*v\d+\.\d+\.\d+\s*$/
const AWS_CREDENTIALS = 'aws-actions/configure-aws-credentials@'
const CREATE_PULL_REQUEST = 'peter-evans/create-pull-request@'

function jobsOf(doc: Workflow): [string, Job][] {
  return Object.entries(doc.jobs ?? {})
}

function stepsOf(job: Job): Step[] {
  return job.steps ?? []
}

function stepName(step: Step, index: number): string {
  return step.id ?? step.name ?? step.uses ?? `#${index + 1}`
}

function needsOf(job: Job): string[] {
  if (job.needs === undefined) return []
  return Array.isArray(job.needs) ? job.needs : [job.needs]
}

/** Every string anywhere below a value, for scanning expressions. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

function permissionMap(permissions: Permissions | undefined): Record<string, string> | undefined {
  if (permissions === undefined) return undefined
  if (permissions === 'read-all') return { '*': 'read' }
  if (permissions === 'write-all') return { '*': 'write' }
  if (typeof permissions === 'string') return { '*': permissions }
  return permissions ?? {}
}

/** `org/packer-image-action/.github/workflows/x.yml@v1` or `./.github/workflows/x.yml` to `x.yml`. */
export function ownWorkflowName(uses: string, ctx: RuleContext): string | undefined {
  const local = /^\.\/\.github\/workflows\/([\w.-]+\.ya?ml)$/.exec(uses)
  if (local) return local[1]
  const published = /^([\w.-]+)\/packer-image-action\/\.github\/workflows\/([\w.-]+\.ya?ml)@(\S+)$/
  const match = published.exec(uses)
  if (match && match[1] === ctx.owner) return match[2]
  return undefined
}

function isOwnAction(uses: string | undefined, ctx: RuleContext): boolean {
  return uses === `${ctx.owner}/packer-image-action@${ctx.major}`
}

/** The highest level of each scope any job of a called workflow declares. */
function permissionsNeededBy(doc: Workflow): Record<string, string> {
  const needed: Record<string, string> = {}
  for (const [, job] of jobsOf(doc)) {
    for (const [scope, level] of Object.entries(permissionMap(job.permissions) ?? {})) {
      if ((LEVEL[level] ?? 0) > (LEVEL[needed[scope]] ?? 0)) needed[scope] = level
    }
  }
  return needed
}

/** Why a job may hold write access to each scope: what it does that needs it. */
function writeEvidence(job: Job, ctx: RuleContext): Set<string> {
  const evidence = new Set<string>()
  for (const step of stepsOf(job)) {
    if (step.uses?.startsWith(AWS_CREDENTIALS)) evidence.add('id-token')
    if (step.uses?.startsWith(CREATE_PULL_REQUEST)) {
      evidence.add('contents')
      evidence.add('pull-requests')
    }
    if (step.run && /\bgit\b.*\bpush\b/.test(step.run.replace(/\\\n\s*/g, ' ')))
      evidence.add('contents')
  }
  const called = job.uses && ownWorkflowName(job.uses, ctx)
  const doc = called ? ctx.reusable.get(called) : undefined
  if (doc) {
    for (const [scope, level] of Object.entries(permissionsNeededBy(doc))) {
      if (level === 'write') evidence.add(scope)
    }
  }
  return evidence
}

export const topLevelPermissions: Rule = ({ doc }) => {
  const map = permissionMap(doc.permissions)
  if (map === undefined) return ['top-level permissions are missing (the default token can write)']
  return Object.entries(map)
    .filter(([, level]) => level === 'write')
    .map(([scope]) => `top-level permissions grant ${scope}: write; grant writes per job`)
}

export const jobPermissions: Rule = ({ doc }, ctx) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    // A job without its own permissions gets the top-level ones, which topLevelPermissions keeps
    // read-only; a called workflow's jobs get at most what the calling job grants.
    const map = permissionMap(job.permissions) ?? permissionMap(doc.permissions) ?? {}
    const evidence = writeEvidence(job, ctx)
    for (const [scope, level] of Object.entries(map)) {
      if (level === 'write' && !evidence.has(scope))
        findings.push(`job ${id} has ${scope}: write but nothing in it needs that`)
    }
    if (
      stepsOf(job).some((step) => step.uses?.startsWith(AWS_CREDENTIALS)) &&
      map['id-token'] !== 'write'
    )
      findings.push(`job ${id} assumes an AWS role without id-token: write`)
    const called = job.uses && ownWorkflowName(job.uses, ctx)
    const calledDoc = called ? ctx.reusable.get(called) : undefined
    if (calledDoc) {
      for (const [scope, level] of Object.entries(permissionsNeededBy(calledDoc))) {
        if ((LEVEL[map[scope] ?? map['*']] ?? 0) < (LEVEL[level] ?? 0))
          findings.push(`job ${id} grants ${called} less than ${scope}: ${level}, which it needs`)
      }
    }
  }
  return findings
}

export const timeouts: Rule = ({ doc }) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    // A job that calls a reusable workflow may not set a timeout; the called jobs carry their own.
    if (job.uses) continue
    if (job['timeout-minutes'] === undefined) findings.push(`job ${id} has no timeout-minutes`)
  }
  return findings
}

/** Checked on the text, since the `# vX.Y.Z` comment does not survive parsing. */
export const pinnedActions: Rule = ({ text }, ctx) => {
  const findings: string[] = []
  for (const line of text.split('\n')) {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)['"]?(.*)$/.exec(line)
    if (!match) continue
    const [, uses, rest] = match
    if (uses.startsWith('./') || uses.startsWith('docker://')) continue
    if (uses.split('/')[1]?.split('@')[0] === 'packer-image-action') {
      const own = isOwnAction(uses, ctx) || ownWorkflowName(uses, ctx) !== undefined
      const sameMajor = uses.endsWith(`@${ctx.major}`)
      if (!own || !sameMajor)
        findings.push(
          `${uses} is not ${ctx.owner}/packer-image-action[...]@${ctx.major} as in README.md`
        )
      continue
    }
    if (!SHA_PIN.test(uses)) findings.push(`${uses} is not pinned to a full commit SHA`)
    else if (!VERSION_COMMENT.test(rest)) findings.push(`${uses} has no '# vX.Y.Z' comment`)
  }
  return findings
}

/** The harness checkout must name the same published repository and tag as the action. */
export const ownCheckouts: Rule = ({ doc }, ctx) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    for (const step of stepsOf(job)) {
      const repository = step.with?.repository
      if (typeof repository !== 'string' || !repository.endsWith('/packer-image-action')) continue
      if (repository !== `${ctx.owner}/packer-image-action` || step.with?.ref !== ctx.major)
        findings.push(
          `job ${id} checks out ${repository}@${String(step.with?.ref)}, not ${ctx.owner}/packer-image-action@${ctx.major}`
        )
    }
  }
  return findings
}

export const noExpressionsInRun: Rule = ({ doc }) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    stepsOf(job).forEach((step, index) => {
      if (step.run?.includes('${{'))
        findings.push(
          `job ${id} step ${stepName(step, index)} expands an expression inside run:; pass it through env:`
        )
    })
  }
  return findings
}

export const noInheritedSecrets: Rule = ({ doc }) =>
  jobsOf(doc)
    .filter(([, job]) => job.secrets === 'inherit')
    .map(([id]) => `job ${id} uses secrets: inherit; name each secret`)

export const typedInterface: Rule = ({ doc }) => {
  const call = doc.on?.workflow_call
  if (call === undefined) return []
  if (call === null) return ['workflow_call declares no inputs, outputs or secrets']
  const findings: string[] = []
  for (const [name, input] of Object.entries(call.inputs ?? {})) {
    if (!['string', 'number', 'boolean'].includes(input.type ?? ''))
      findings.push(`input ${name} has no type`)
    if (!input.description) findings.push(`input ${name} has no description`)
    if (input.required && input.default !== undefined)
      findings.push(`input ${name} is required and has a default`)
  }
  for (const [name, output] of Object.entries(call.outputs ?? {})) {
    if (!output.description) findings.push(`output ${name} has no description`)
  }
  for (const [name, secret] of Object.entries(call.secrets ?? {})) {
    if (!secret.description) findings.push(`secret ${name} has no description`)
  }
  return findings
}

/** Outputs a step writes: the action's declared outputs, or what a run script echoes. */
function stepOutputs(step: Step, ctx: RuleContext): Set<string> | undefined {
  if (isOwnAction(step.uses, ctx)) return new Set(Object.keys(ctx.action.outputs ?? {}))
  if (step.run) {
    const names = [...step.run.matchAll(/echo\s+["']?([A-Za-z_][\w-]*)(?:=|<<)/g)].map((m) => m[1])
    return new Set(names)
  }
  // A third-party action's outputs are its own contract; actionlint knows the popular ones.
  return undefined
}

/** Outputs a job exposes: its `outputs:`, or the called workflow's declared outputs. */
function jobOutputs(job: Job, ctx: RuleContext): Set<string> | undefined {
  const called = job.uses && ownWorkflowName(job.uses, ctx)
  if (called) {
    const doc = ctx.reusable.get(called)
    return doc ? new Set(Object.keys(doc.on?.workflow_call?.outputs ?? {})) : undefined
  }
  if (job.uses) return undefined
  return new Set(Object.keys(job.outputs ?? {}))
}

export const wiredOutputs: Rule = ({ doc }, ctx) => {
  const findings: string[] = []
  const jobs = doc.jobs ?? {}
  for (const [name, output] of Object.entries(doc.on?.workflow_call?.outputs ?? {})) {
    const match = /^\$\{\{\s*jobs\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}$/.exec(output.value ?? '')
    if (!match) {
      findings.push(`output ${name} is not \${{ jobs.<job>.outputs.<name> }}`)
      continue
    }
    const [, jobId, key] = match
    const outputs = jobs[jobId] ? jobOutputs(jobs[jobId], ctx) : new Set<string>()
    if (outputs && !outputs.has(key))
      findings.push(`output ${name} reads jobs.${jobId}.outputs.${key}, which does not exist`)
  }
  for (const [jobId, job] of Object.entries(jobs)) {
    const steps = stepsOf(job)
    const byId = new Map(steps.filter((s) => s.id).map((s) => [s.id as string, s]))
    const check = (where: string, value: string) => {
      for (const m of value.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = byId.get(m[1])
        if (!step) {
          findings.push(`job ${jobId} ${where} reads steps.${m[1]}, which has no such step`)
          continue
        }
        const outputs = stepOutputs(step, ctx)
        if (outputs && !outputs.has(m[2]))
          findings.push(
            `job ${jobId} ${where} reads steps.${m[1]}.outputs.${m[2]}, which that step does not write`
          )
      }
      for (const m of value.matchAll(/needs\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (!needsOf(job).includes(m[1])) {
          findings.push(`job ${jobId} ${where} reads needs.${m[1]} without needing it`)
          continue
        }
        const outputs = jobs[m[1]] ? jobOutputs(jobs[m[1]], ctx) : new Set<string>()
        if (outputs && !outputs.has(m[2]))
          findings.push(
            `job ${jobId} ${where} reads needs.${m[1]}.outputs.${m[2]}, which does not exist`
          )
      }
    }
    for (const [key, value] of Object.entries(job.outputs ?? {})) check(`output ${key}`, value)
    for (const [key, value] of Object.entries(job)) {
      if (key !== 'outputs' && key !== 'steps') for (const text of strings(value)) check(key, text)
    }
    steps.forEach((step, index) => {
      for (const value of strings(step)) check(`step ${stepName(step, index)}`, value)
    })
  }
  return findings
}

/** Calls of our reusable workflows pass only declared inputs and secrets, and every required one. */
export const validCalls: Rule = ({ doc }, ctx) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    if (!job.uses) continue
    const called = ownWorkflowName(job.uses, ctx)
    if (!called) continue
    const target = ctx.reusable.get(called)
    const call = target?.on?.workflow_call
    if (!call) {
      findings.push(
        `job ${id} calls ${called}, which is not a reusable workflow of this repository`
      )
      continue
    }
    const given = job.with ?? {}
    for (const key of Object.keys(given)) {
      if (!call.inputs?.[key])
        findings.push(`job ${id} passes ${called} an undeclared input ${key}`)
    }
    for (const [key, input] of Object.entries(call.inputs ?? {})) {
      if (input.required && !(key in given))
        findings.push(`job ${id} does not pass ${called} its required input ${key}`)
    }
    if (typeof job.secrets === 'object') {
      for (const key of Object.keys(job.secrets)) {
        if (!call.secrets?.[key])
          findings.push(`job ${id} passes ${called} an undeclared secret ${key}`)
      }
    }
  }
  return findings
}

/** Steps that run the action pass only inputs action.yml declares, and a command the action runs. */
export const validActionSteps: Rule = ({ doc }, ctx) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    stepsOf(job).forEach((step, index) => {
      if (!isOwnAction(step.uses, ctx)) return
      for (const key of Object.keys(step.with ?? {})) {
        if (!ctx.action.inputs?.[key])
          findings.push(
            `job ${id} step ${stepName(step, index)} passes the action an undeclared input ${key}`
          )
      }
      const command = step.with?.command
      if (
        typeof command === 'string' &&
        !command.includes('${{') &&
        !ctx.commands.includes(command)
      )
        findings.push(
          `job ${id} step ${stepName(step, index)} runs command ${command}, which is not in COMMANDS of src/action/constants.ts`
        )
    })
  }
  return findings
}

/** A job that creates cloud resources with Terraform destroys them even after a failure. */
export const alwaysDestroy: Rule = ({ doc }) => {
  const findings: string[] = []
  for (const [id, job] of jobsOf(doc)) {
    const steps = stepsOf(job)
    const apply = steps.findIndex((s) => /\bterraform\b[^\n]*\bapply\b/.test(s.run ?? ''))
    if (apply < 0) continue
    const destroy = steps
      .slice(apply + 1)
      .find((s) => /\bterraform\b[^\n]*\bdestroy\b/.test(s.run ?? ''))
    if (!destroy) findings.push(`job ${id} applies Terraform and never destroys`)
    else {
      if (!/^\$?\{?\{?\s*always\(\)\s*\}?\}?$/.test(String(destroy.if ?? '').trim()))
        findings.push(`job ${id} destroys without if: always()`)
      if (destroy['timeout-minutes'] === undefined)
        findings.push(`job ${id} destroy step has no timeout-minutes`)
    }
  }
  return findings
}

/** Scheduled callers: off the hour (runs at :00 are the ones GitHub delays) and runnable by hand. */
export const schedules: Rule = ({ doc }) => {
  const schedule = doc.on?.schedule as { cron: string }[] | undefined
  if (!schedule) return []
  const findings: string[] = []
  for (const { cron } of schedule) {
    if (/^0\s/.test(cron)) findings.push(`cron '${cron}' runs on the hour`)
  }
  if (!('workflow_dispatch' in (doc.on ?? {})))
    findings.push('scheduled workflow has no workflow_dispatch')
  return findings
}

export const RULES: Record<string, Rule> = {
  topLevelPermissions,
  jobPermissions,
  timeouts,
  pinnedActions,
  ownCheckouts,
  noExpressionsInRun,
  noInheritedSecrets,
  typedInterface,
  wiredOutputs,
  validCalls,
  validActionSteps,
  alwaysDestroy,
  schedules
}

export function check(file: WorkflowFile, ctx: RuleContext): string[] {
  return Object.entries(RULES).flatMap(([rule, fn]) => fn(file, ctx).map((f) => `${rule}: ${f}`))
}
