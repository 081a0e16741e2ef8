/**
 * Contracts of the workflow pack over the parsed YAML: least-privilege tokens, pinned actions,
 * timeouts, no expressions spliced into shell, typed and wired reusable interfaces, callers that
 * match what they call, and an instance that is always destroyed. Each rule also runs on a seeded
 * mistake in __tests__/data/workflows/ and must find it.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { COMMANDS } from '../../src/action/constants.js'
import {
  fixturePaths,
  isReusable,
  loadFixture,
  loadWorkflows,
  publishedName,
  readActionYml,
  ROOT,
  type Step,
  type Workflow,
  type WorkflowFile
} from './files.js'
import { check, noExpressionsInRun, pinnedActions, type RuleContext, validCalls } from './rules.js'

const workflows = loadWorkflows()
const byRel = new Map(workflows.map((file) => [file.rel, file]))
const { owner, major } = publishedName()
const ctx: RuleContext = {
  owner,
  major,
  action: readActionYml(),
  commands: [...COMMANDS],
  reusable: new Map(
    workflows
      .filter((file) => file.rel.startsWith('.github/workflows/') && isReusable(file))
      .map((file) => [file.rel.split('/').pop() as string, file.doc])
  )
}

function workflow(rel: string): WorkflowFile {
  const file = byRel.get(rel)
  if (!file) throw new Error(`${rel} is missing`)
  return file
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Each fixture names the finding it must produce on its first line: `# expect: <rule>: <text>`. */
function expectedFinding(file: WorkflowFile): string | undefined {
  return /^# expect: (.+)$/m.exec(file.text)?.[1]
}

describe('every workflow in .github/workflows and templates/workflows', () => {
  it('exists as the issue lists it', () => {
    const names = workflows.map((file) => file.rel)
    for (const name of [
      'packer-validate',
      'packer-build',
      'inspec-test',
      'tfvars-pr',
      'scheduled-rebuild',
      'image-retention'
    ]) {
      expect(names).toContain(`.github/workflows/${name}.yml`)
      expect(isReusable(workflow(`.github/workflows/${name}.yml`))).toBe(true)
    }
    expect(
      names.filter((name) => name.startsWith('templates/workflows/')).length
    ).toBeGreaterThanOrEqual(4)
  })

  it.each(workflows.map((file) => [file.rel, file] as const))(
    '%s keeps every rule',
    (_rel, file) => {
      expect(check(file, ctx)).toEqual([])
    }
  )
})

describe('the seeded mistakes', () => {
  const fixtures = fixturePaths().map(loadFixture)
  const ruleFixtures = fixtures.filter((file) => expectedFinding(file)?.match(/^\w+: /))

  it('include one per rule', () => {
    const rules = new Set(ruleFixtures.map((file) => expectedFinding(file)?.split(':')[0]))
    expect([...rules].sort()).toEqual(
      [
        'alwaysDestroy',
        'jobPermissions',
        'noExpressionsInRun',
        'noInheritedSecrets',
        'ownCheckouts',
        'pinnedActions',
        'schedules',
        'timeouts',
        'topLevelPermissions',
        'typedInterface',
        'validActionSteps',
        'validCalls',
        'wiredOutputs'
      ].sort()
    )
  })

  it.each(ruleFixtures.map((file) => [file.rel, file] as const))('%s is found', (_rel, file) => {
    const [rule, ...text] = (expectedFinding(file) as string).split(': ')
    const findings = check(file, ctx)
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${rule}: .*${escape(text.join(': '))}`))
      ])
    )
  })
})

describe('packer-build.yml', () => {
  const file = workflow('.github/workflows/packer-build.yml')
  const { jobs } = file.doc
  const outputs = file.doc.on?.workflow_call?.outputs ?? {}

  it('takes its ami-ids and manifest outputs from the merge job, not from the matrix legs', () => {
    expect(outputs['ami-ids'].value).toBe('${{ jobs.merge.outputs.ami-ids }}')
    expect(outputs.manifest.value).toBe('${{ jobs.merge.outputs.manifest }}')
    expect(jobs.merge.needs).toBe('build')
    expect(jobs.merge.outputs?.['ami-ids']).toBe('${{ steps.merge.outputs.ami-ids }}')
    expect(jobs.merge.strategy).toBeUndefined()
  })

  it('merges with the action, not with inline shell', () => {
    const merge = jobs.merge.steps?.find((step) => step.id === 'merge') as Step
    expect(merge.uses).toBe(`${ctx.owner}/packer-image-action@${ctx.major}`)
    expect(merge.with?.command).toBe('merge-manifests')
    const download = jobs.merge.steps?.find((step) => step.uses?.includes('download-artifact'))
    expect(String(download?.with?.pattern)).toContain('manifest')
    expect(String(merge.with?.manifests)).toContain(String(download?.with?.path))
  })

  it('uploads every leg manifest under a name the merge job downloads', () => {
    const upload = jobs.build.steps?.find((step) => step.uses?.includes('upload-artifact')) as Step
    expect(upload.with?.path).toBe('${{ steps.build.outputs.manifest }}')
    const pattern = String(
      jobs.merge.steps?.find((s) => s.uses?.includes('download-artifact'))?.with?.pattern
    )
    const name = String(upload.with?.name)
    expect(name.replace(/\$\{\{ steps\.leg\.outputs\.key \}\}$/, '*')).toBe(pattern)
    // "Re-run failed jobs" re-runs some legs only: the merge must still find the others'.
    expect(name).not.toContain('run_attempt')
    expect(upload.with?.overwrite).toBe(true)
  })

  it('gives id-token: write to the legs that assume the AWS role and to no other job', () => {
    expect(jobs.build.permissions).toEqual({ contents: 'read', 'id-token': 'write' })
    // The merge job checks nothing out: artifacts of the same run need no permission.
    expect(jobs.merge.permissions).toEqual({})
  })
})

describe('inspec-test.yml', () => {
  const { jobs } = workflow('.github/workflows/inspec-test.yml').doc
  const steps = jobs.test.steps ?? []

  it('always destroys the instance, under its own time limit, as the last step', () => {
    const destroy = steps[steps.length - 1]
    expect(destroy.run).toMatch(/"\$TF" -chdir="\$HARNESS" destroy -auto-approve/)
    expect(destroy.if).toBe('always()')
    expect(Number(destroy['timeout-minutes'])).toBeGreaterThan(0)
  })

  it('gives the job more time than all its time-limited steps, so the destroy step gets its turn', () => {
    const { doc } = workflow('.github/workflows/inspec-test.yml')
    const inputs = doc.on?.workflow_call?.inputs ?? {}
    // The paths step refuses an ssh-wait-minutes above 20, so that is the most the wait can take.
    const largest: Record<string, number> = { 'ssh-wait-minutes': 20 }
    const check = steps.find((step) => step.id === 'paths')?.run ?? ''
    expect(check).toContain('[ "$SSH_WAIT" -gt 20 ]')
    const minutes = (value: number | string | undefined): number => {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(String(value))
      if (!input) return Number(value)
      return largest[input[1]] ?? Number(inputs[input[1]].default)
    }
    const limited = steps.filter((step) => step['timeout-minutes'] !== undefined)
    expect(limited.map((step) => step.id ?? step.name)).toEqual([
      'apply',
      'Wait for SSH',
      'Install the auditor',
      'inspec',
      'Destroy the test instance'
    ])
    const total = limited.reduce((sum, step) => sum + minutes(step['timeout-minutes']), 0)
    expect(minutes(jobs.test['timeout-minutes'])).toBeGreaterThan(total)
  })

  it('opens SSH only to the runner, with a key generated in the job and never uploaded', () => {
    const apply = steps.find((step) => step.id === 'apply') as Step
    expect(apply.env?.TF_VAR_allowed_cidr).toBe('${{ steps.runner-ip.outputs.cidr }}')
    expect(steps.find((step) => step.id === 'runner-ip')?.run).toContain('cidr=$ip/32')
    const keygen = steps.find((step) => step.run?.startsWith('ssh-keygen')) as Step
    expect(keygen.env?.KEY).toBe('${{ steps.paths.outputs.key }}')
    expect(steps.find((s) => s.id === 'paths')?.run).toContain('key=$RUNNER_TEMP/')
    const upload = steps.find((step) => step.uses?.includes('upload-artifact')) as Step
    expect(upload.with?.path).toBe('${{ steps.paths.outputs.reports }}')
  })

  it('runs Terraform without the wrapper, which would corrupt terraform output -raw', () => {
    const setup = steps.find((step) => step.uses?.startsWith('hashicorp/setup-terraform@'))
    expect(setup?.with?.terraform_wrapper).toBe(false)
  })

  it('writes CLI, JSON and JUnit reports', () => {
    const run = steps.find((step) => step.id === 'inspec')?.run ?? ''
    expect(run).toMatch(/--reporter cli "json:[^"]+" "junit2:[^"]+"/)
  })
})

describe('scheduled-rebuild.yml', () => {
  const { doc } = workflow('.github/workflows/scheduled-rebuild.yml')

  it('runs one rebuild per image at a time without cancelling the one in progress', () => {
    expect(doc.concurrency).toEqual({
      group: expect.stringContaining('${{ inputs.image-name }}'),
      'cancel-in-progress': false
    })
  })

  it('promotes only tested AMIs and opens the pull request only after promotion', () => {
    expect(doc.jobs.promote.if).toBe("needs.test.outputs.passed == 'true'")
    // The test job tests one AMI; promote and the pull request take every build of ami-ids.
    expect(doc.jobs.test.needs).toEqual(expect.arrayContaining(['one-image']))
    expect(doc.jobs['one-image'].steps?.[0].env?.AMI_IDS).toBe('${{ needs.build.outputs.ami-ids }}')
    expect(doc.jobs.tfvars.needs).toEqual(expect.arrayContaining(['promote']))
    expect(doc.jobs.report.if).toBe('always()')
  })
})

describe('tfvars-pr.yml', () => {
  const { text, doc } = workflow('.github/workflows/tfvars-pr.yml')

  it('explains the GITHUB_TOKEN caveat and takes an optional token for it', () => {
    expect(text).toMatch(/GITHUB_TOKEN does not start/)
    expect(doc.on?.workflow_call?.secrets?.token?.required).toBe(false)
    const pr = doc.jobs['pull-request'].steps?.find((step) => step.id === 'pr')
    expect(pr?.with?.token).toBe('${{ secrets.token || github.token }}')
    expect(pr?.with?.branch).toBe('packer-image-action/${{ inputs.image-name }}')
  })
})

describe('templates/workflows', () => {
  it('has a weekly rebuild off the hour that can also be started by hand', () => {
    const { doc } = workflow('templates/workflows/weekly-rebuild.yml')
    expect(doc.on?.schedule).toEqual([{ cron: '17 4 * * 1' }])
    expect(doc.on).toHaveProperty('workflow_dispatch')
  })

  it('calls only published reusable workflows of this repository', () => {
    for (const file of workflows.filter((f) => f.rel.startsWith('templates/workflows/'))) {
      for (const job of Object.values(file.doc.jobs)) {
        expect(job.uses).toMatch(
          new RegExp(
            `^${ctx.owner}/packer-image-action/\\.github/workflows/[\\w-]+\\.yml@${ctx.major}$`
          )
        )
      }
    }
  })
})

describe('release.yml', () => {
  const { doc } = workflow('.github/workflows/release.yml')

  it('runs on a published release and moves the major tag only after dist/ is verified', () => {
    expect(doc.on).toEqual({ release: { types: ['published'] } })
    const runs = (doc.jobs['major-tag'].steps ?? []).map((step) => step.run ?? '')
    const bundle = runs.findIndex((run) => run.includes('npm run bundle'))
    const verify = runs.findIndex((run) => run.includes('git status --porcelain -- dist'))
    const move = runs.findIndex((run) => run.includes('push -f origin "refs/tags/$MAJOR"'))
    expect(bundle).toBeGreaterThanOrEqual(0)
    expect(verify).toBeGreaterThan(bundle)
    expect(move).toBeGreaterThan(verify)
  })

  /**
   * The step's script as the runner runs it (`bash -e`), with stand-ins on PATH: `gh` prints the
   * refs `gh api … --jq '.[].ref'` would (it asks no server), and `git` records its arguments
   * (it tags and pushes nothing).
   */
  function moveMajorTag(tag: string, tags: string[]): { git: string[]; summary: string } {
    const step = (doc.jobs['major-tag'].steps ?? []).find((s) => s.name === 'Move the major tag')!
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-release-'))
    const record = path.join(dir, 'git.log')
    const summary = path.join(dir, 'summary.md')
    writeFileSync(summary, '')
    writeFileSync(
      path.join(dir, 'gh'),
      `#!/bin/sh\nprintf '%s\\n' ${tags.map((t) => `'refs/tags/${t}'`).join(' ')}\n`
    )
    writeFileSync(path.join(dir, 'git'), `#!/bin/sh\necho "$*" >> '${record}'\n`)
    chmodSync(path.join(dir, 'gh'), 0o755)
    chmodSync(path.join(dir, 'git'), 0o755)
    const result = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', step.run!], {
      encoding: 'utf8',
      env: {
        PATH: `${dir}:${process.env.PATH}`,
        TAG: tag,
        MAJOR: tag.split('.')[0],
        GITHUB_TOKEN: 'token',
        GITHUB_REPOSITORY: 'org/packer-image-action',
        GITHUB_STEP_SUMMARY: summary
      }
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const git = spawnSync('cat', [record], { encoding: 'utf8' }).stdout
    return { git: git.split('\n').filter(Boolean), summary: readFileSync(summary, 'utf8') }
  }

  it('moves the major tag to the newest release of that major', () => {
    const moved = moveMajorTag('v1.10.0', ['v1.2.1', 'v1.9.0', 'v1.10.0', 'v10.0.0', 'v1.11.0-rc1'])
    expect(moved.git[0]).toBe('tag -f v1 v1.10.0^{commit}')
    expect(moved.git[1]).toMatch(/ push -f origin refs\/tags\/v1$/)
  })

  it('leaves the major tag where it is for a backport published after a newer release', () => {
    const kept = moveMajorTag('v1.2.1', ['v1.2.0', 'v1.2.1', 'v1.3.0'])
    expect(kept.git).toEqual([])
    expect(kept.summary).toBe('v1 was not moved: v1.3.0 is the newest v1 release, not v1.2.1.\n')
  })
})

describe("the reusable workflows' pages (docs/workflows/<name>.md)", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const pages = new Map(
    [...ctx.reusable.keys()].map((name) => {
      const rel = `docs/workflows/${name.replace(/\.yml$/, '')}.md`
      return [name, { rel, text: readFileSync(path.join(ROOT, rel), 'utf8') }]
    })
  )

  it.each([...ctx.reusable.keys()])("is linked from the README's workflows table: %s", (name) => {
    const link = `](${pages.get(name)?.rel})`
    expect(
      readme.split('\n').filter((line) => line.startsWith('| [') && line.includes(link))
    ).toHaveLength(1)
  })

  it.each([...ctx.reusable.keys()])('documents every input, secret and output of %s', (name) => {
    const page = pages.get(name)?.text ?? ''
    expect(page.startsWith(`# ${name}\n`)).toBe(true)
    const call = ctx.reusable.get(name)?.on?.workflow_call ?? {}
    const names = [call.inputs, call.secrets, call.outputs].flatMap((m) => Object.keys(m ?? {}))
    for (const key of names)
      expect({
        key,
        documented: new RegExp(`^\\| \`${key}\` +\\|`, 'm').test(page)
      }).toEqual({
        key,
        documented: true
      })
  })

  it.each([...ctx.reusable.keys()])(
    'shows a caller of %s that passes only what the called workflows declare',
    (name) => {
      const { rel, text } = pages.get(name)!
      const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
      const callers = blocks.filter((block) => /^jobs:/m.test(block))
      expect(callers.length).toBeGreaterThanOrEqual(1)
      for (const block of callers) {
        const doc = parseYaml(block) as Workflow
        const file = { rel, text: block, doc }
        expect([
          ...validCalls(file, ctx),
          ...pinnedActions(file, ctx),
          ...noExpressionsInRun(file, ctx)
        ]).toEqual([])
      }
    }
  )
})
