/**
 * tfvars-pr.yml under act: the committed action rewrites the caller's tfvars file, and the
 * create-pull-request stand-in pushes the branch to the caller's local bare `origin` and records
 * the pull request. The file on the pushed branch must be byte for byte the expected one, and a
 * second run with the same AMIs must change nothing.
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  actionCacheWithPacker,
  createCallerRepo,
  reportJob,
  expectExit,
  jobOutputs,
  runAct,
  type CallerRepo
} from '../support/act/index.js'
import type { RecordedPull } from '../support/act/stand-ins/create-pull-request/main.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(180_000)

const OLD_AMI = 'ami-0aaaaaaaaaaaaaaaa'
const NEW_AMI = 'ami-0123456789abcdef0'
const BRANCH = 'packer-image-action/web-base'

const TFVARS = `# Images for the web tier
region        = "us-east-1"
ami_id        = "${OLD_AMI}" # web-base
instance_type = "t3.micro"
`

const CALLER = `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  publish:
    uses: org/packer-image-action/.github/workflows/tfvars-pr.yml@v1
    permissions:
      contents: write
      pull-requests: write
    with:
      ami-ids: '{"amazon-ebs.web": {"us-east-1": "${NEW_AMI}"}}'
      tfvars-file: terraform/images.auto.tfvars
      image-name: web-base
      labels: ami-update
${reportJob('report', ['publish'])}`

let actionCache: string

beforeAll(async () => {
  actionCache = await actionCacheWithPacker()
}, 300_000)

function originFile(repo: CallerRepo, ref: string): string {
  return execFileSync(
    'git',
    ['--git-dir', repo.origin, 'show', `${ref}:terraform/images.auto.tfvars`],
    {
      encoding: 'utf8'
    }
  )
}

function originRef(repo: CallerRepo, ref: string): string {
  return execFileSync('git', ['--git-dir', repo.origin, 'rev-parse', ref], {
    encoding: 'utf8'
  }).trim()
}

interface PublishOutputs {
  changed: string
  'pull-request-number': string
  'pull-request-url': string
}

describe('tfvars-pr.yml under act', () => {
  const repo = createCallerRepo({
    '.github/workflows/caller.yml': CALLER,
    'terraform/images.auto.tfvars': TFVARS
  })
  const pullsFile = path.join(mkdtempSync(path.join(tmpdir(), 'pia-act-pulls-')), 'pulls.json')
  const publish = () =>
    runAct({
      repo,
      workflow: '.github/workflows/caller.yml',
      actionCache,
      hostEnv: { PIA_ACT_PULLS: pullsFile },
      timeoutMs: 120_000
    })
  const pulls = (): RecordedPull[] =>
    existsSync(pullsFile) ? (JSON.parse(readFileSync(pullsFile, 'utf8')) as RecordedPull[]) : []
  let branchHead: string

  it('pushes a branch whose tfvars file has the new AMI, byte for byte, and opens one pull request', async () => {
    const run = await publish()
    expectExit(run, 0)
    const outputs = (run.results.report as { publish: { outputs: PublishOutputs } }).publish.outputs
    expect(outputs).toEqual({
      changed: 'true',
      'pull-request-number': '1',
      'pull-request-url': 'https://github.com/acme/infra/pull/1'
    })
    expect(originFile(repo, BRANCH)).toBe(TFVARS.replace(OLD_AMI, NEW_AMI))
    // The base branch is untouched: the change goes through the pull request.
    expect(originFile(repo, 'main')).toBe(TFVARS)
    branchHead = originRef(repo, BRANCH)
    expect(
      execFileSync('git', ['--git-dir', repo.origin, 'log', '--format=%s', '-1', BRANCH], {
        encoding: 'utf8'
      }).trim()
    ).toBe('Update AMI IDs for web-base')
    expect(pulls()).toEqual([
      expect.objectContaining({
        number: 1,
        head: BRANCH,
        base: 'main',
        title: 'Update AMI IDs for web-base',
        labels: ['ami-update'],
        commit: branchHead
      })
    ])
    expect(pulls()[0].body).toContain(`| \`amazon-ebs.web\` | \`us-east-1\` | \`${NEW_AMI}\` |`)
  })

  it('changes nothing on a second run with the same AMIs', async () => {
    const before = readFileSync(pullsFile, 'utf8')
    const run = await publish()
    expectExit(run, 0)
    expect(originRef(repo, BRANCH)).toBe(branchHead)
    expect(readFileSync(pullsFile, 'utf8')).toBe(before)
    expect(jobOutputs(run.log, 'AMI update pull request for web-base')).toMatchObject({
      'pull-request-operation': 'none',
      'pull-request-number': '1'
    })
  })

  it('proposes nothing once the change is merged', async () => {
    execFileSync('git', ['--git-dir', repo.origin, 'update-ref', 'refs/heads/main', branchHead])
    const before = readFileSync(pullsFile, 'utf8')
    const run = await publish()
    expectExit(run, 0)
    const outputs = (run.results.report as { publish: { outputs: PublishOutputs } }).publish.outputs
    expect(outputs).toEqual({ changed: 'false', 'pull-request-number': '', 'pull-request-url': '' })
    expect(readFileSync(pullsFile, 'utf8')).toBe(before)
    expect(originRef(repo, 'main')).toBe(branchHead)
  })
})
