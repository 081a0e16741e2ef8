/**
 * What the example callers that build, test and propose an AMI (templates/workflows/weekly-rebuild.yml
 * and build-test-publish.yml) run against under act: the EC2 double with a source AMI in the
 * callers' region, a local sshd as the test instance, OpenTofu and the cinc-auditor stand-in on
 * the runner's PATH, a runner home with the official amazon plugin installed, and the trap proxy
 * that records any request leaving 127.0.0.1.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from '../ec2/index.js'
import { MIRROR_VERSION, startTrapProxy } from '../mirror.js'
import { ROOT } from '../runner.js'
import { callerTemplate, runnerHomeWithPlugins, trapProxyEnv } from './callers.js'
import { expect } from '@jest/globals'
import {
  actionCacheWithPacker,
  ciTool,
  jobOutputs,
  type ActOptions,
  type ActResult,
  type CallerRepo
} from './index.js'
import { startSshd, type LocalSshd } from './sshd.js'
import type { RecordedPull } from './stand-ins/create-pull-request/main.js'

/** The region both callers name. */
export const PIPELINE_REGION = 'eu-west-1'

const REPLAY = path.join(ROOT, '__tests__/data/act/image-test')

export interface ImagePipeline {
  actionCache: string
  ec2: Ec2Double
  sshd: LocalSshd
  trap: Awaited<ReturnType<typeof startTrapProxy>>
  /**
   * `templates/workflows/<name>.yml` with its stated substitutions: the exact Packer version the
   * tests' mirror serves for `~1.11` (a range is resolved on releases.hashicorp.com), and after
   * `profile: test/inspec` the four image-test inputs the caller leaves at defaults that need a
   * real AWS account or the internet: `harness-directory: test/harness` (the provider-free harness
   * whose "instance" is the local sshd), `allowed-cidr: 127.0.0.1/32` (the default asks
   * checkip.amazonaws.com), and the sshd's `ssh-user` and `ssh-port`.
   */
  caller(name: 'weekly-rebuild' | 'build-test-publish'): string
  /** The caller repository's files besides the workflow and the template: the double's endpoint and source AMI. */
  files(): Record<string, string>
  /** What the caller repository copies from this checkout: the InSpec profile and the harness. */
  copies: Record<string, string>
  /** runAct's options that wire the pipeline in, the image test replaying `report`. */
  actOptions(
    report: string,
    pullsFile: string,
    secrets: Record<string, string>
  ): Pick<ActOptions, 'actionCache' | 'path' | 'secrets' | 'hostEnv' | 'timeoutMs'>
  /** The AMIs in the region, by ID. */
  imageIds(): string[]
  /** The `web-base-*` AMIs made since `before`, with their tags. */
  newAmis(before: string[]): { imageId: string; tags: Record<string, string> }[]
  /** The branches on the caller's origin. */
  branches(repo: CallerRepo): string[]
  /** A path for the create-pull-request stand-in's record, which does not exist yet. */
  pullsFile(): string
  close(): Promise<void>
}

export async function startImagePipeline(): Promise<ImagePipeline> {
  const tools = [
    path.dirname(ciTool('tofu')),
    // The cinc-auditor stand-in, as the command a self-hosted runner has installed.
    path.join(ROOT, '__tests__/support/act/bin')
  ]
  const actionCache = await actionCacheWithPacker()
  const home = runnerHomeWithPlugins(['amazon']).home
  const ec2 = await startEc2Double({ delayMs: 100 })
  const sourceAmi = ec2.seedImage({
    region: PIPELINE_REGION,
    name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20261101',
    ownerId: '099720109477',
    creationDate: '2026-11-01T00:00:00Z'
  }).imageId
  const sshd = await startSshd()
  const trap = await startTrapProxy()
  return {
    actionCache,
    ec2,
    sshd,
    trap,
    caller: (name) =>
      callerTemplate(name, [
        { from: "packer-version: '~1.11'", to: `packer-version: '${MIRROR_VERSION}'` },
        {
          from: '      profile: test/inspec\n',
          to: [
            '      profile: test/inspec',
            '      harness-directory: test/harness',
            '      allowed-cidr: 127.0.0.1/32',
            `      ssh-user: ${sshd.user}`,
            `      ssh-port: ${sshd.port}`,
            ''
          ].join('\n')
        }
      ]),
    files: () => ({
      'packer/aws/ec2-double.auto.pkrvars.hcl': `endpoint   = "${ec2.url}"\nsource_ami = "${sourceAmi}"\n`
    }),
    copies: {
      'test/inspec': 'templates/inspec',
      'test/harness': '__tests__/data/act/image-test/harness'
    },
    actOptions: (report, pullsFile, secrets) => ({
      actionCache,
      path: tools,
      secrets,
      hostEnv: {
        HOME: home,
        ...trapProxyEnv(trap.url),
        PIA_ACT_EC2_URL: ec2.url,
        PIA_ACT_PULLS: pullsFile,
        PIA_INSPEC_REPLAY: path.join(REPLAY, report),
        TF_VAR_authorized_keys: sshd.authorizedKeys
      },
      timeoutMs: 300_000
    }),
    imageIds: () => ec2.images(PIPELINE_REGION).map((i) => i.imageId),
    newAmis: (before) =>
      ec2
        .images(PIPELINE_REGION)
        .filter((i) => i.name.startsWith('web-base-') && !before.includes(i.imageId))
        .map((i) => ({ imageId: i.imageId, tags: i.tags })),
    branches: (repo) =>
      execFileSync(
        'git',
        ['--git-dir', repo.origin, 'branch', '--list', '--format=%(refname:short)'],
        { encoding: 'utf8' }
      )
        .trim()
        .split('\n'),
    pullsFile: () => path.join(mkdtempSync(path.join(tmpdir(), 'pia-act-pulls-')), 'pulls.json'),
    close: async () => {
      await trap.close()
      await sshd.close()
      await ec2.close()
    }
  }
}

/** The file both callers propose an AMI update to, and the branch and title their inputs give it. */
const PROPOSAL = {
  file: 'terraform/images.auto.tfvars',
  branch: 'packer-image-action/web-base',
  title: 'Update AMI IDs for web-base'
}

/**
 * The image test ran for real: Terraform (OpenTofu through the setup-terraform stand-in) applied
 * the harness, the auditor logged in to the local sshd over SSH (since `sshdLogFrom`), and the
 * report said passed.
 */
export function expectImageTested(
  pipeline: ImagePipeline,
  result: ActResult,
  ami: string,
  sshdLogFrom: number
): void {
  expect(result.log).toContain('✅  Success - Main hashicorp/setup-terraform@')
  expect(pipeline.sshd.log().slice(sshdLogFrom)).toMatch(
    new RegExp(`Accepted publickey for ${userInfo().username} from 127\\.0\\.0\\.1`)
  )
  expect(jobOutputs(result.log, `cinc-auditor ${ami}`)).toMatchObject({ passed: 'true' })
}

/**
 * The AMI update was proposed: the branch on the caller's origin carries `ami` in place of
 * `oldAmi`, main is untouched, and one pull request was recorded, opened with the caller's token.
 */
export function expectAmiUpdateProposed(options: {
  repo: CallerRepo
  pulls: string
  tfvars: string
  oldAmi: string
  ami: string
  token: string
}): void {
  const show = (ref: string) =>
    execFileSync('git', ['--git-dir', options.repo.origin, 'show', `${ref}:${PROPOSAL.file}`], {
      encoding: 'utf8'
    })
  expect(show(PROPOSAL.branch)).toBe(options.tfvars.replace(options.oldAmi, options.ami))
  expect(show('main')).toBe(options.tfvars)
  const recorded = JSON.parse(readFileSync(options.pulls, 'utf8')) as RecordedPull[]
  expect(recorded).toEqual([
    expect.objectContaining({
      head: PROPOSAL.branch,
      base: 'main',
      title: PROPOSAL.title,
      labels: ['ami-update'],
      // The caller's AMI_PR_TOKEN secret, passed down to create-pull-request.
      tokenSha256: createHash('sha256').update(options.token).digest('hex')
    })
  ])
  expect(recorded[0].body).toContain(
    `| \`amazon-ebs.ubuntu\` | \`${PIPELINE_REGION}\` | \`${options.ami}\` |`
  )
}

/**
 * A failing image test: one AMI was built, the report said failed, the profile step failed, and
 * nothing was proposed. Returns the AMI.
 */
export function expectImageTestFailed(
  pipeline: ImagePipeline,
  result: ActResult,
  options: { before: string[]; repo: CallerRepo; pulls: string }
): string {
  const made = pipeline.newAmis(options.before)
  expect(made).toHaveLength(1)
  expect(jobOutputs(result.log, `cinc-auditor ${made[0].imageId}`)).toMatchObject({
    passed: 'false'
  })
  expect(result.log).toContain('❌  Failure - Main Run the profile')
  expect(existsSync(options.pulls)).toBe(false)
  expect(pipeline.branches(options.repo)).toEqual(['main'])
  return made[0].imageId
}

/** The harness destroyed the test instance: the job's key is no longer authorized. */
export function expectTestInstanceDestroyed(pipeline: ImagePipeline, result: ActResult): void {
  expect(result.log).toContain('✅  Success - Main Destroy the test instance')
  expect(readFileSync(pipeline.sshd.authorizedKeys, 'utf8')).toBe('')
}
