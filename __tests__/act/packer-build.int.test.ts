/**
 * packer-build.yml under act: a two-leg matrix (two templates) builds AMIs with the real Packer
 * against the EC2 double, each leg uploads its manifest to act's artifact server, and the merge job
 * downloads them by pattern and merges them with the committed action. The merged outputs must be
 * exactly the AMIs the double made; a re-run of one leg replaces that leg's AMI only.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from '../support/ec2/index.js'
import { MIRROR_VERSION } from '../support/mirror.js'
import {
  amazonEbsTemplate,
  actionCacheWithPacker,
  createCallerRepo,
  reportJob,
  expectExit,
  jobOutputs,
  runAct,
  stage,
  type CallerRepo
} from '../support/act/index.js'
import { withMistypedDownloadPattern } from '../workflows/files.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(300_000)

let actionCache: string
let ec2: Ec2Double
let sourceAmi: string

beforeAll(async () => {
  actionCache = await actionCacheWithPacker()
  ec2 = await startEc2Double({ delayMs: 100 })
  sourceAmi = ec2.seedImage({
    name: 'al2023-ami-2023.6.20261101.0-x86_64',
    ownerId: '137112412989',
    creationDate: '2026-11-01T00:00:00Z',
    volumeSizes: [8]
  }).imageId
}, 300_000)

afterAll(async () => {
  await ec2?.close()
})

function caller(templates = ['web', 'db']): string {
  return `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  build:
    uses: org/packer-image-action/.github/workflows/packer-build.yml@v1
    permissions:
      contents: read
      id-token: write
    with:
      working-directory: packer
      templates: '${JSON.stringify(templates)}'
      packer-version: '${MIRROR_VERSION}'
      variables: |
        endpoint=${ec2.url}
        source_ami=${sourceAmi}
      aws-role-to-assume: arn:aws:iam::123456789012:role/packer-build
      timeout-minutes: 10
${reportJob('report', ['build'])}`
}

/** AMIs the double holds whose name starts with `name-` (the seeded source excluded). */
function amisOf(name: string): string[] {
  return ec2
    .images('us-east-1')
    .filter((i) => i.name.startsWith(`${name}-e2e-`))
    .map((i) => i.imageId)
}

interface BuildOutputs {
  'ami-ids': string
  'ami-id': string
  manifest: string
  'manifest-artifact': string
  artifacts: string
}

describe('packer-build.yml under act', () => {
  let repo: CallerRepo
  const artifacts = path.join(mkdtempSync(path.join(tmpdir(), 'pia-act-artifacts-')), 'store')
  const runId = 4242
  let first: Record<string, Record<string, string>>

  it('builds two legs and merges their manifests into outputs that match what EC2 made', async () => {
    repo = createCallerRepo({
      '.github/workflows/caller.yml': caller(),
      'packer/web/main.pkr.hcl': amazonEbsTemplate('web', 'web-e2e'),
      'packer/db/main.pkr.hcl': amazonEbsTemplate('db', 'db-e2e')
    })
    const run = await runAct({
      repo,
      workflow: '.github/workflows/caller.yml',
      actionCache,
      artifacts,
      runId,
      hostEnv: { PIA_ACT_EC2_URL: ec2.url },
      timeoutMs: 240_000
    })
    expectExit(run, 0)
    const report = run.results.report as { build: { result: string; outputs: BuildOutputs } }
    expect(report.build.result).toBe('success')
    const outputs = report.build.outputs
    expect(amisOf('web')).toHaveLength(1)
    expect(amisOf('db')).toHaveLength(1)
    first = JSON.parse(outputs['ami-ids']) as Record<string, Record<string, string>>
    expect(first).toEqual({
      'amazon-ebs.web': { 'us-east-1': amisOf('web')[0] },
      'amazon-ebs.db': { 'us-east-1': amisOf('db')[0] }
    })
    expect([amisOf('web')[0], amisOf('db')[0]]).toContain(outputs['ami-id'])
    const manifest = JSON.parse(outputs.manifest) as { builds: { name: string }[] }
    expect(manifest.builds.map((b) => b.name).sort()).toEqual(['amazon-ebs.db', 'amazon-ebs.web'])
    expect(outputs['manifest-artifact']).toBe('packer-build-merged-manifest-1')
    // Nothing left running or billed by either leg.
    expect(ec2.liveInstances()).toEqual([])
  })

  it('re-runs one leg: the merge keeps the other leg and takes the re-built AMI', async () => {
    const run = await runAct({
      repo,
      workflow: '.github/workflows/caller.yml',
      actionCache,
      artifacts,
      runId,
      runAttempt: 2,
      matrix: ['template:db'],
      hostEnv: { PIA_ACT_EC2_URL: ec2.url },
      timeoutMs: 240_000
    })
    expectExit(run, 0)
    expect(run.log).not.toMatch(/validate web|build web/)
    const report = run.results.report as { build: { outputs: BuildOutputs } }
    const dbAmis = amisOf('db')
    expect(dbAmis).toHaveLength(2)
    const rebuilt = dbAmis.find((id) => id !== first['amazon-ebs.db']['us-east-1'])
    expect(JSON.parse(report.build.outputs['ami-ids'])).toEqual({
      'amazon-ebs.web': first['amazon-ebs.web'],
      'amazon-ebs.db': { 'us-east-1': rebuilt }
    })
    expect(report.build.outputs['manifest-artifact']).toBe('packer-build-merged-manifest-2')
  })

  it('merges a one-leg build too (a pattern that matches one artifact is not put in a folder)', async () => {
    const before = amisOf('web')
    const run = await runAct({
      repo: createCallerRepo({
        '.github/workflows/caller.yml': caller(['web']),
        'packer/web/main.pkr.hcl': amazonEbsTemplate('web', 'web-e2e')
      }),
      workflow: '.github/workflows/caller.yml',
      actionCache,
      hostEnv: { PIA_ACT_EC2_URL: ec2.url },
      timeoutMs: 240_000
    })
    expectExit(run, 0)
    const report = run.results.report as { build: { outputs: BuildOutputs } }
    const made = amisOf('web').filter((id) => !before.includes(id))
    expect(made).toHaveLength(1)
    expect(JSON.parse(report.build.outputs['ami-ids'])).toEqual({
      'amazon-ebs.web': { 'us-east-1': made[0] }
    })
    expect(report.build.outputs['ami-id']).toBe(made[0])
  })

  it('fails with a failed leg, and its outputs still hold the AMI of the leg that succeeded', async () => {
    const before = amisOf('web')
    // The db leg's build fails after launching: a local provisioner that exits 1.
    const failing = amazonEbsTemplate('db', 'db-e2e').replace(
      /(build \{\n {2}sources = \["source\.amazon-ebs\.db"\]\n)/,
      '$1\n  provisioner "shell-local" {\n    inline = ["exit 1"]\n  }\n'
    )
    expect(failing).toContain('provisioner "shell-local"')
    const run = await runAct({
      repo: createCallerRepo({
        '.github/workflows/caller.yml': caller(),
        'packer/web/main.pkr.hcl': amazonEbsTemplate('web', 'web-e2e'),
        'packer/db/main.pkr.hcl': failing
      }),
      workflow: '.github/workflows/caller.yml',
      actionCache,
      hostEnv: { PIA_ACT_EC2_URL: ec2.url },
      timeoutMs: 240_000
    })
    expectExit(run, 1)
    expect(run.log).toMatch(/build db[^\n]*❌ {2}Failure - Main org\/packer-image-action@v1/)
    // act runs no caller job after a failed reusable workflow, so the merge job's outputs (the
    // workflow's outputs) are read from its log.
    const merged = jobOutputs(run.log, 'merge the manifests')
    const made = amisOf('web').filter((id) => !before.includes(id))
    expect(made).toHaveLength(1)
    expect(JSON.parse(merged['ami-ids'])).toEqual({ 'amazon-ebs.web': { 'us-east-1': made[0] } })
    expect(merged['ami-id']).toBe(made[0])
    // The failed leg left nothing running.
    expect(ec2.liveInstances()).toEqual([])
  })

  it('fails on a defect no linter sees: a merge job downloading a pattern that no leg uploads', async () => {
    // The staged copy of packer-build.yml that act runs, with the download pattern mistyped.
    const workflow = path.join((await stage()).own, '.github/workflows/packer-build.yml')
    const original = readFileSync(workflow, 'utf8')
    const broken = withMistypedDownloadPattern(original)
    writeFileSync(workflow, broken)
    try {
      const run = await runAct({
        repo: createCallerRepo({
          '.github/workflows/caller.yml': caller(['web']),
          'packer/web/main.pkr.hcl': amazonEbsTemplate('web', 'web-e2e')
        }),
        workflow: '.github/workflows/caller.yml',
        actionCache,
        hostEnv: { PIA_ACT_EC2_URL: ec2.url },
        timeoutMs: 240_000
      })
      expectExit(run, 1)
      // The leg built and uploaded; the merge found nothing to merge and said so.
      expect(run.log).toMatch(
        /Input 'manifests': nothing matches '.*\/packer-manifests\/\*\*\/\*\.json'/
      )
    } finally {
      writeFileSync(workflow, original)
    }
  })
})
