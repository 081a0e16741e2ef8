/**
 * templates/workflows/build-test-publish.yml under act, on a push to main: packer-build.yml builds
 * `packer/aws` in the EC2 double (region eu-west-1, the commit as `version` and `commit`),
 * inspec-test.yml tests the AMI with the default auditor (cinc-auditor, the stand-in on the
 * runner's PATH replaying an InSpec report, on the profile `test/inspec`: the product's
 * templates/inspec), and tfvars-pr.yml proposes the new ID in terraform/images.auto.tfvars (branch
 * on the caller's bare origin, pull request recorded by the stand-in) only when the test passed.
 *
 * Substituted in the caller, and why (everything else is the template's text as it is):
 * - `packer-version: '~1.11'` becomes `packer-version: '1.9.4'` (MIRROR_VERSION): a range is resolved
 *   against releases.hashicorp.com, which is not reachable here, and Packer 1.10 and later are
 *   BUSL and never built here. 1.9.4 is in the runner tool cache act gives its jobs.
 * - After the test job's `profile: test/inspec`, four inputs the caller leaves at their defaults,
 *   each of which needs a real AWS account or the internet: `harness-directory: test/harness` (the
 *   default harness, templates/terraform/image-test, needs the hashicorp/aws provider from
 *   registry.terraform.io and a real EC2 instance; test/harness is the provider-free stand-in of
 *   __tests__/data/act whose "instance" is a local sshd), `allowed-cidr: 127.0.0.1/32` (the
 *   default asks checkip.amazonaws.com for the runner's address), and `ssh-user`/`ssh-port` of that
 *   sshd (the defaults, `ubuntu` on port 22, are a real instance's).
 *
 * Left as they are: the auditor (cinc-auditor, found on the PATH, so not installed), Terraform
 * (hashicorp/setup-terraform's stand-in puts the runner's OpenTofu on the PATH as `terraform`),
 * the role ARNs (the configure-aws-credentials stand-in checks them and points the AWS jobs at the
 * EC2 double), the region, the `images` environment (act does not enforce environments), the
 * `AMI_PR_TOKEN` secret (given with act's `--secret`; `PACKER_SENSITIVE_VARIABLES` is not set, as
 * in a repository without it). act 0.2.87 does not apply the push trigger's `paths` filter; the
 * pushed commit changes `packer/`, which the filter would let through.
 *
 * Test data of the caller's repository: `packer/aws` is one amazon-ebs build against the EC2 double
 * (no communicator: the double runs no machine) that declares `version` and `commit` and tags the
 * AMI with them, requiring the official amazon plugin, which the runner's home has installed (see
 * runnerHomeWithPlugins); the double's endpoint and the source AMI come from
 * `packer/aws/ec2-double.auto.pkrvars.hcl`, which Packer loads with the folder.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import * as path from 'node:path'
import {
  amazonEbsTemplate,
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
  PIPELINE_REGION as REGION,
  startImagePipeline,
  type ImagePipeline
} from '../support/act/image-pipeline.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(360_000)

const WORKFLOW = '.github/workflows/build-test-publish.yml'
const OLD_AMI = 'ami-0aaaaaaaaaaaaaaaa'
const TFVARS = `# One AMI goes to ami_id.\nami_id = "${OLD_AMI}"\n`
const PR_TOKEN = 'ghs_buildTestPublishTestToken'

let pipeline: ImagePipeline

beforeAll(async () => {
  pipeline = await startImagePipeline()
}, 1_200_000)

afterAll(async () => {
  await pipeline?.close()
})

/** A push to main of a commit that changes `packer/`, with the image test replaying `report`. */
function push(
  report: string,
  pullsFile: string
): { repo: CallerRepo; sha: string; run: Promise<ActResult> } {
  const repo = createCallerRepo(
    {
      [WORKFLOW]: pipeline.caller('build-test-publish'),
      ...pipeline.files(),
      'terraform/images.auto.tfvars': TFVARS
    },
    pipeline.copies
  )
  const before = repo.git('rev-parse', 'HEAD')
  const template = amazonEbsTemplate('ubuntu', 'web-base', {
    requiredPlugins: true,
    versionTags: true
  })
  writeFileSync(path.join(repo.dir, 'packer/aws/aws.pkr.hcl'), template)
  repo.git('add', 'packer/aws/aws.pkr.hcl')
  repo.git('commit', '--quiet', '-m', 'Build web-base with the amazon plugin')
  repo.git('push', '--quiet', 'origin', 'HEAD:refs/heads/main')
  const sha = repo.git('rev-parse', 'HEAD')
  const run = runAct({
    repo,
    workflow: WORKFLOW,
    event: 'push',
    payload: {
      ref: 'refs/heads/main',
      before,
      after: sha,
      head_commit: { id: sha, message: 'Build web-base with the amazon plugin' }
    },
    ...pipeline.actOptions(report, pullsFile, { AMI_PR_TOKEN: PR_TOKEN })
  })
  return { repo, sha, run }
}

describe('templates/workflows/build-test-publish.yml under act', () => {
  it('builds the pushed commit, tests the AMI, and proposes it when the test passes', async () => {
    const before = pipeline.imageIds()
    const logBefore = pipeline.sshd.log().length
    const pulls = pipeline.pullsFile()
    const { repo, sha, run } = push('inspec-report.json', pulls)
    const result = await run
    expectExit(result, 0)
    const made = pipeline.newAmis(before)
    expect(made).toHaveLength(1)
    const ami = made[0].imageId
    // Built from the pushed commit: the caller's variables reached the template.
    expect(made[0].tags).toMatchObject({ version: sha, commit: sha, 'managed-by': 'packer' })
    const merged = jobOutputs(result.log, 'merge the manifests')
    expect(merged['ami-id']).toBe(ami)
    expect(JSON.parse(merged['ami-ids'])).toEqual({ 'amazon-ebs.ubuntu': { [REGION]: ami } })
    // Tested: the harness applied, the auditor in over SSH, the profile at test/inspec passed.
    expectImageTested(pipeline, result, ami, logBefore)
    // Published: the branch on the caller's origin carries the new AMI, main is untouched.
    expectAmiUpdateProposed({ repo, pulls, tfvars: TFVARS, oldAmi: OLD_AMI, ami, token: PR_TOKEN })
    expect(jobOutputs(result.log, 'AMI update pull request for web-base')).toMatchObject({
      'pull-request-url': 'https://github.com/acme/infra/pull/1'
    })
    // The test instance is gone, and so is Packer's build instance.
    expectTestInstanceDestroyed(pipeline, result)
    expect(pipeline.ec2.liveInstances()).toEqual([])
    // Nothing outside this machine was asked for anything.
    expect(pipeline.trap.attempts).toEqual([])
  })

  it('publishes nothing when the image test fails, and destroys the test instance', async () => {
    const before = pipeline.imageIds()
    const pulls = pipeline.pullsFile()
    const { repo, run } = push('inspec-report-failing.json', pulls)
    const result = await run
    expectExit(result, 1)
    expectImageTestFailed(pipeline, result, { before, repo, pulls })
    expect(result.log).not.toContain('AMI update pull request for web-base')
    expectTestInstanceDestroyed(pipeline, result)
  })
})
