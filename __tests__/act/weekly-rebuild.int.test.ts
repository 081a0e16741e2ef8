/**
 * templates/workflows/weekly-rebuild.yml under act, as the scheduled run it is: scheduled-rebuild.yml
 * builds `packer/aws` in the EC2 double (region eu-west-1, as the caller says), tests the AMI with
 * the default auditor (cinc-auditor, the stand-in on the runner's PATH replaying an InSpec report,
 * on the profile `test/inspec`: the product's templates/inspec), promotes it to `testing` (the
 * action tags it in the double), and proposes the new ID in terraform/images.auto.tfvars (branch
 * on the caller's bare origin, pull request recorded by the stand-in). The test instance is
 * destroyed. A failing image test promotes and proposes nothing.
 *
 * Substituted in the caller, and why (everything else is the template's text as it is):
 * - `packer-version: '~1.11'` becomes `packer-version: '1.9.4'` (MIRROR_VERSION): a range is resolved
 *   against releases.hashicorp.com, which is not reachable here, and Packer 1.10 and later are
 *   BUSL and never built here. 1.9.4 is in the runner tool cache act gives its jobs.
 * - After `profile: test/inspec`, four inputs the caller leaves at their defaults, each of which
 *   needs a real AWS account or the internet: `harness-directory: test/harness` (the default harness,
 *   templates/terraform/image-test, needs the hashicorp/aws provider from registry.terraform.io
 *   and a real EC2 instance; test/harness is the provider-free stand-in of __tests__/data/act
 *   whose "instance" is a local sshd), `allowed-cidr: 127.0.0.1/32` (the default asks
 *   checkip.amazonaws.com for the runner's address), and `ssh-user`/`ssh-port` of that sshd (the
 *   defaults, `ubuntu` on port 22, are a real instance's).
 *
 * Left as they are: the auditor (cinc-auditor, found on the PATH, so not installed), Terraform
 * (hashicorp/setup-terraform's stand-in puts the runner's OpenTofu on the PATH as `terraform`),
 * the role ARN (the configure-aws-credentials stand-in checks it and points the AWS jobs at the
 * EC2 double), the region, the `AMI_PR_TOKEN` secret (given with act's `--secret`).
 *
 * Test data of the caller's repository: `packer/aws` is one amazon-ebs build against the EC2 double
 * (no communicator: the double runs no machine), requiring the official amazon plugin, which the
 * runner's home has installed (see runnerHomeWithPlugins); the double's endpoint and the source
 * AMI come from `packer/aws/ec2-double.auto.pkrvars.hcl`, which Packer loads with the folder.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import {
  amazonEbsTemplate,
  chainSummaryRows,
  createCallerRepo,
  expectExit,
  jobOutputs,
  runAct,
  type ActResult,
  type CallerRepo
} from '../support/act/index.js'
import {
  expectAmiUpdateProposed,
  expectImageTested,
  expectImageTestFailed,
  expectTestInstanceDestroyed,
  startImagePipeline,
  type ImagePipeline
} from '../support/act/image-pipeline.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(360_000)

const WORKFLOW = '.github/workflows/weekly-rebuild.yml'
const OLD_AMI = 'ami-0aaaaaaaaaaaaaaaa'
const TFVARS = `# Managed by the weekly image rebuild (one AMI goes to ami_id).\nami_id = "${OLD_AMI}"\n`
const PR_TOKEN = 'ghs_weeklyRebuildTestToken'

let pipeline: ImagePipeline

beforeAll(async () => {
  pipeline = await startImagePipeline()
}, 1_200_000)

afterAll(async () => {
  await pipeline?.close()
})

function rebuild(report: string, pullsFile: string): { repo: CallerRepo; run: Promise<ActResult> } {
  const repo = createCallerRepo(
    {
      [WORKFLOW]: pipeline.caller('weekly-rebuild'),
      'packer/aws/aws.pkr.hcl': amazonEbsTemplate('ubuntu', 'web-base', {
        requiredPlugins: true
      }),
      ...pipeline.files(),
      'terraform/images.auto.tfvars': TFVARS
    },
    pipeline.copies
  )
  const run = runAct({
    repo,
    workflow: WORKFLOW,
    event: 'schedule',
    payload: { schedule: '17 4 * * 1' },
    ...pipeline.actOptions(report, pullsFile, { AMI_PR_TOKEN: PR_TOKEN })
  })
  return { repo, run }
}

describe('templates/workflows/weekly-rebuild.yml under act', () => {
  it('builds, tests, promotes and proposes the new AMI, and destroys the test instance', async () => {
    const before = pipeline.imageIds()
    const logBefore = pipeline.sshd.log().length
    const pulls = pipeline.pullsFile()
    const { repo, run } = rebuild('inspec-report.json', pulls)
    const result = await run
    expectExit(result, 0)
    const made = pipeline.newAmis(before)
    expect(made).toHaveLength(1)
    const ami = made[0].imageId
    // The build: one AMI in the caller's region, from the seeded source.
    expect(jobOutputs(result.log, 'merge the manifests')).toMatchObject({ 'ami-id': ami })
    // The test: the harness applied, the auditor in over SSH as the caller's inputs say, passed.
    expect(result.log).toContain('✅  Success - Main Launch the test instance')
    expectImageTested(pipeline, result, ami, logBefore)
    // Promoted in EC2: the stage tag on the new AMI, through the role the caller names.
    expect(made[0].tags).toMatchObject({ status: 'testing' })
    expect(jobOutputs(result.log, 'promote to testing').promoted).toContain(ami)
    // Proposed: the branch on the caller's origin carries the new AMI, main is untouched.
    expectAmiUpdateProposed({ repo, pulls, tfvars: TFVARS, oldAmi: OLD_AMI, ami, token: PR_TOKEN })
    // The chain's own summary, from the results of the jobs it needs.
    expect(chainSummaryRows(result.log)).toEqual([
      '| Build | success |',
      '| Image test (cinc-auditor) | success (passed: true) |',
      '| Promote to `testing` | success |',
      '| Terraform pull request | success (https://github.com/acme/infra/pull/1) |'
    ])
    // Destroyed: the harness took the job's key away again; Packer's build instance is gone.
    expectTestInstanceDestroyed(pipeline, result)
    expect(pipeline.ec2.liveInstances()).toEqual([])
    // Nothing outside this machine was asked for anything.
    expect(pipeline.trap.attempts).toEqual([])
  })

  it('promotes and proposes nothing when the image test fails, and destroys the instance', async () => {
    const before = pipeline.imageIds()
    const pulls = pipeline.pullsFile()
    const { repo, run } = rebuild('inspec-report-failing.json', pulls)
    const result = await run
    expectExit(result, 1)
    const ami = expectImageTestFailed(pipeline, result, { before, repo, pulls })
    expect(pipeline.newAmis(before)[0].tags.status).toBeUndefined()
    expect(
      pipeline.ec2.callsOf('CreateTags').filter((c) => JSON.stringify(c).includes(ami))
    ).toEqual([])
    expectTestInstanceDestroyed(pipeline, result)
  })
})
