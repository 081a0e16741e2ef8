/**
 * scheduled-rebuild.yml under act, the whole chain of reusable workflows: packer-build (Packer
 * against the EC2 double), inspec-test (goss over SSH to a local sshd, harness by OpenTofu),
 * promote (the action tags the AMI in the double) and tfvars-pr (branch pushed to the caller's
 * local origin). An AMI that fails its test is neither promoted nor proposed, and the test
 * instance is destroyed either way.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from '../support/ec2/index.js'
import { MIRROR_VERSION } from '../support/mirror.js'
import {
  amazonEbsTemplate,
  chainSummaryRows,
  actionCacheWithPacker,
  ciTool,
  createCallerRepo,
  reportJob,
  expectExit,
  runAct,
  type ActResult
} from '../support/act/index.js'
import { startSshd, type LocalSshd } from '../support/act/sshd.js'
import type { RecordedPull } from '../support/act/stand-ins/create-pull-request/main.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(360_000)

const OLD_AMI = 'ami-0aaaaaaaaaaaaaaaa'
const TFVARS = `ami_id = "${OLD_AMI}"\n`

let actionCache: string
let ec2: Ec2Double
let sshd: LocalSshd
let tools: string[]
let sourceAmi: string

beforeAll(async () => {
  tools = [path.dirname(ciTool('tofu')), path.dirname(ciTool('goss'))]
  actionCache = await actionCacheWithPacker()
  ec2 = await startEc2Double({ delayMs: 100 })
  sourceAmi = ec2.seedImage({
    name: 'debian-12-amd64-20261101',
    ownerId: '136693071363',
    creationDate: '2026-11-01T00:00:00Z'
  }).imageId
  sshd = await startSshd()
}, 1_200_000)

afterAll(async () => {
  await sshd?.close()
  await ec2?.close()
})

function caller(profile: string): string {
  return `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  rebuild:
    uses: org/packer-image-action/.github/workflows/scheduled-rebuild.yml@v1
    permissions:
      contents: write
      pull-requests: write
      id-token: write
    with:
      image-name: web-base
      working-directory: packer
      templates: '["web"]'
      packer-version: '${MIRROR_VERSION}'
      variables: |
        endpoint=${ec2.url}
        source_ami=${sourceAmi}
      aws-region: us-east-1
      aws-role-to-assume: arn:aws:iam::123456789012:role/packer-build
      ssh-user: ${sshd.user}
      ssh-port: ${sshd.port}
      allowed-cidr: 127.0.0.1/32
      auditor: goss
      profile: ${profile}
      harness-directory: test/harness
      terraform-command: tofu
      stage: testing
      tfvars-file: terraform/images.auto.tfvars
${reportJob('report', ['rebuild'])}`
}

function rebuild(profile: string, pullsFile: string) {
  const repo = createCallerRepo(
    {
      '.github/workflows/caller.yml': caller(profile),
      'packer/web/main.pkr.hcl': amazonEbsTemplate('web', 'web-base'),
      'terraform/images.auto.tfvars': TFVARS
    },
    { test: '__tests__/data/act/image-test' }
  )
  const run = runAct({
    repo,
    workflow: '.github/workflows/caller.yml',
    actionCache,
    path: tools,
    hostEnv: {
      PIA_ACT_EC2_URL: ec2.url,
      PIA_ACT_PULLS: pullsFile,
      TF_VAR_authorized_keys: sshd.authorizedKeys
    },
    timeoutMs: 300_000
  })
  return { repo, run }
}

function newAmis(before: string[]): { imageId: string; tags: Record<string, string> }[] {
  return ec2
    .images('us-east-1')
    .filter((i) => i.name.startsWith('web-base-') && !before.includes(i.imageId))
    .map((i) => ({ imageId: i.imageId, tags: i.tags }))
}

const pullsFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'pia-act-pulls-')), 'pulls.json')

describe('scheduled-rebuild.yml under act', () => {
  it('builds, tests, promotes and proposes the new AMI, and destroys the test instance', async () => {
    const before = ec2.images('us-east-1').map((i) => i.imageId)
    const pulls = pullsFile()
    const { repo, run } = rebuild('test/goss.yaml', pulls)
    const result: ActResult = await run
    expectExit(result, 0)
    const made = newAmis(before)
    expect(made).toHaveLength(1)
    const ami = made[0].imageId
    const outputs = (result.results.report as { rebuild: { outputs: Record<string, string> } })
      .rebuild.outputs
    expect(JSON.parse(outputs['ami-ids'])).toEqual({ 'amazon-ebs.web': { 'us-east-1': ami } })
    expect(outputs.passed).toBe('true')
    expect(outputs.promoted).toContain(ami)
    expect(outputs['pull-request-url']).toBe('https://github.com/acme/infra/pull/1')
    // Promoted in EC2: the stage tag on the new AMI.
    expect(made[0].tags).toMatchObject({ status: 'testing' })
    // Proposed: the branch on the caller's origin carries the new AMI.
    const proposed = execFileSync(
      'git',
      [
        '--git-dir',
        repo.origin,
        'show',
        'packer-image-action/web-base:terraform/images.auto.tfvars'
      ],
      { encoding: 'utf8' }
    )
    expect(proposed).toBe(TFVARS.replace(OLD_AMI, ami))
    const recorded = JSON.parse(readFileSync(pulls, 'utf8')) as RecordedPull[]
    expect(recorded.map((p) => p.head)).toEqual(['packer-image-action/web-base'])
    // The chain's own summary, from the results of the jobs it needs.
    expect(chainSummaryRows(result.log)).toEqual([
      '| Build | success |',
      '| Image test (goss) | success (passed: true) |',
      '| Promote to `testing` | success |',
      '| Terraform pull request | success (https://github.com/acme/infra/pull/1) |'
    ])
    // Tested for real over SSH, and the harness destroyed.
    expect(result.log).toContain('✅  Success - Main Destroy the test instance')
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
    expect(ec2.liveInstances()).toEqual([])
  })

  it('promotes nothing and proposes nothing when the image test fails, and destroys the instance', async () => {
    const before = ec2.images('us-east-1').map((i) => i.imageId)
    const pulls = pullsFile()
    const { repo, run } = rebuild('test/goss-failing.yaml', pulls)
    const result = await run
    expectExit(result, 1)
    const made = newAmis(before)
    expect(made).toHaveLength(1)
    expect(made[0].tags.status).toBeUndefined()
    expect(
      ec2.callsOf('CreateTags').filter((c) => JSON.stringify(c).includes(made[0].imageId))
    ).toEqual([])
    expect(existsSync(pulls)).toBe(false)
    expect(
      execFileSync(
        'git',
        ['--git-dir', repo.origin, 'branch', '--list', '--format=%(refname:short)'],
        {
          encoding: 'utf8'
        }
      ).trim()
    ).toBe('main')
    expect(result.log).toContain('❌  Failure - Main Run the profile')
    expect(result.log).toContain('✅  Success - Main Destroy the test instance')
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
  })
})
