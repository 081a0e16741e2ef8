/**
 * The lifecycle commands end to end through the committed dist/ on Node 24: merge-manifests and
 * tfvars on files, cleanup and promote against the EC2 double through the AWS SDK in the bundle,
 * configured only by the environment a workflow gives it (credentials, AWS_REGION and
 * AWS_ENDPOINT_URL_EC2).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from './support/ec2/index.js'
import {
  createRunnerDirs,
  errors,
  type RunnerDirs,
  runStep,
  type StepResult
} from './support/runner.js'

const DAY = 86_400_000

/** A manifest as Packer's post-processor leaves it: an older run, then the last one. */
function legManifest(build: string, region: string, ami: string): string {
  return JSON.stringify(
    {
      builds: [
        {
          name: build,
          builder_type: 'amazon-ebs',
          build_time: 1700000000,
          files: null,
          artifact_id: `${region}:ami-0000000000000000a`,
          packer_run_uuid: 'older-run',
          custom_data: null
        },
        {
          name: build,
          builder_type: 'amazon-ebs',
          build_time: 1700086400,
          files: null,
          artifact_id: `${region}:${ami}`,
          packer_run_uuid: `run-${build}`,
          custom_data: null
        }
      ],
      last_run_uuid: `run-${build}`
    },
    null,
    2
  )
}

describe('merge-manifests and tfvars', () => {
  let dirs: RunnerDirs
  beforeEach(() => {
    dirs = createRunnerDirs()
    for (const [leg, region, ami] of [
      ['us', 'us-east-1', 'ami-0123456789abcdef0'],
      ['eu', 'eu-central-1', 'ami-0fedcba9876543210']
    ]) {
      mkdirSync(path.join(dirs.workspace, 'legs', leg), { recursive: true })
      writeFileSync(
        path.join(dirs.workspace, 'legs', leg, 'manifest.json'),
        legManifest(`amazon-ebs.${leg}`, region, ami)
      )
    }
  })

  it('merges the last run of each leg into one manifest and sets the image outputs', async () => {
    const result = await runStep({
      dirs,
      inputs: { command: 'merge-manifests', manifests: 'legs/*/manifest.json' }
    })
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['ami-ids'])).toEqual({
      'amazon-ebs.eu': { 'eu-central-1': 'ami-0fedcba9876543210' },
      'amazon-ebs.us': { 'us-east-1': 'ami-0123456789abcdef0' }
    })
    // Legs in name order: eu first.
    expect(result.outputs['ami-id']).toBe('ami-0fedcba9876543210')
    const merged = JSON.parse(readFileSync(result.outputs.manifest, 'utf8'))
    expect(merged.builds).toHaveLength(2)
    for (const b of merged.builds) expect(b.packer_run_uuid).toBe(merged.last_run_uuid)
    expect(
      merged.builds.map((b: { custom_data: { merged_from: string } }) => b.custom_data.merged_from)
    ).toEqual(['legs/eu/manifest.json', 'legs/us/manifest.json'])
    // Later steps of the job find the manifest.
    expect(result.env.PACKER_IMAGE_ACTION_MANIFEST).toBe(result.outputs.manifest)
    expect(result.summary).toContain('### Packer merge-manifests: ✓ succeeded')
    expect(result.summary).toContain('<code>ami-0123456789abcdef0</code>')
    // Packer is not needed for it.
    expect(result.stdout).not.toContain('Packer 1.6.6')
  })

  it('names a pattern that matches nothing', async () => {
    const result = await runStep({
      dirs,
      inputs: { command: 'merge-manifests', manifests: 'legs/*/manifest.json\nmissing/*.json' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/^Input 'manifests': nothing matches 'missing\/\*\.json'/)
  })

  it('says which pattern to give when a folder is given for the manifests', async () => {
    const result = await runStep({
      dirs,
      inputs: { command: 'merge-manifests', manifests: 'legs' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /^Input 'manifests': nothing matches 'legs' \(in .*\); 'legs' is a folder: name the files, such as 'legs\/\*\*\/\*\.json'$/
    )
  })

  it('writes the AMIs of the job manifest into a tfvars file, keeping the rest, and only once', async () => {
    const merge = await runStep({
      dirs,
      inputs: { command: 'merge-manifests', manifests: 'legs/*/manifest.json' }
    })
    const tfvars = path.join(dirs.workspace, 'env/prod.tfvars')
    mkdirSync(path.dirname(tfvars), { recursive: true })
    const original = [
      '# Production images, updated by CI',
      'instance_type = "t3.micro" # not touched',
      '',
      'ami_ids = {',
      '  "us-east-1" = "ami-00000000000000001"',
      '}',
      'tags = { team = "platform" }',
      ''
    ].join('\n')
    writeFileSync(tfvars, original)
    const step = (): Promise<StepResult> =>
      runStep({
        dirs,
        inputs: { command: 'tfvars', 'tfvars-file': 'env/prod.tfvars' },
        env: { PACKER_IMAGE_ACTION_MANIFEST: merge.env.PACKER_IMAGE_ACTION_MANIFEST }
      })
    // The merge leaves its manifest in a folder of its own; tfvars writes nothing to RUNNER_TEMP.
    const leftInTemp = readdirSync(dirs.temp)
    expect(leftInTemp).toEqual([path.basename(path.dirname(merge.outputs.manifest))])
    const first = await step()
    expect(readdirSync(dirs.temp)).toEqual(leftInTemp)
    expect(errors(first)).toBe('')
    expect(first.outputs).toMatchObject({ changed: 'true', 'tfvars-file': tfvars })
    const text = readFileSync(tfvars, 'utf8')
    expect(text).toBe(
      [
        '# Production images, updated by CI',
        'instance_type = "t3.micro" # not touched',
        '',
        'ami_ids = {',
        '  "eu-central-1" = "ami-0fedcba9876543210"',
        '  "us-east-1"    = "ami-0123456789abcdef0"',
        '}',
        'tags = { team = "platform" }',
        ''
      ].join('\n')
    )
    const mtime = statSync(tfvars).mtimeMs
    const second = await step()
    expect(second.outputs.changed).toBe('false')
    expect(readFileSync(tfvars, 'utf8')).toBe(text)
    expect(statSync(tfvars).mtimeMs).toBe(mtime)
    expect(first.summary).toContain('### Terraform variables: updated')
    expect(second.summary).toContain('### Terraform variables: unchanged')
  })

  it('refuses an ami-ids value that is not AMI ids, leaving the file alone', async () => {
    const tfvars = path.join(dirs.workspace, 'a.tfvars')
    writeFileSync(tfvars, 'ami_id = "ami-0123456789abcdef0"\n')
    const result = await runStep({
      dirs,
      inputs: {
        command: 'tfvars',
        'tfvars-file': 'a.tfvars',
        'ami-ids': '{"b": {"us-east-1": "ami-; rm -rf /"}}'
      }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/^Input 'ami-ids': .*is not an AMI id/)
    expect(readFileSync(tfvars, 'utf8')).toBe('ami_id = "ami-0123456789abcdef0"\n')
  })

  it('says where to look when neither ami-ids nor an earlier build gives AMIs', async () => {
    const result = await runStep({ dirs, inputs: { command: 'tfvars', 'tfvars-file': 'x.tfvars' } })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/Input 'ami-ids' is empty and no build of this action ran/)
  })

  it('names the manifest when the build it records made no AMI', async () => {
    const manifest = path.join(dirs.workspace, 'null-manifest.json')
    writeFileSync(
      manifest,
      JSON.stringify({
        builds: [
          {
            name: 'null.smoke',
            builder_type: 'null',
            build_time: 1700000000,
            files: null,
            artifact_id: 'Null',
            packer_run_uuid: 'run-1',
            custom_data: null
          }
        ],
        last_run_uuid: 'run-1'
      })
    )
    for (const command of ['tfvars', 'promote']) {
      const result = await runStep({
        dirs,
        inputs: { command, 'tfvars-file': 'x.tfvars', stage: 'testing' },
        env: { PACKER_IMAGE_ACTION_MANIFEST: manifest }
      })
      expect(result.exitCode).toBe(1)
      expect(errors(result)).toBe(
        `Input 'ami-ids' is empty, and the manifest of this job's build (${manifest}) holds no AMI: its last run built no Amazon image`
      )
    }
  })
})

describe('cleanup and promote against the EC2 double', () => {
  let double: Ec2Double
  const now = Date.now()
  const ago = (days: number): Date => new Date(now - days * DAY)

  beforeAll(async () => {
    double = await startEc2Double({ delayMs: 0 })
  })
  afterAll(async () => {
    await double.close()
  })
  beforeEach(() => {
    double.world.regions.clear()
    double.calls.length = 0
    double.clearFaults()
  })

  const awsEnv = (): Record<string, string> => ({
    AWS_ACCESS_KEY_ID: 'AKIDLIFECYCLEE2E',
    AWS_SECRET_ACCESS_KEY: 'lifecycle-e2e-secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_EC2: double.url,
    AWS_MAX_ATTEMPTS: '2'
  })

  /**
   * Seven images per region. In us-east-1, web-5 runs an instance, web-4 is the latest version of
   * a launch template, and web-6 shares its only snapshot with db-1, which the filter leaves out.
   */
  function seed() {
    const made: Record<string, ReturnType<Ec2Double['seedImage']>> = {}
    const shared = double.seedSnapshot({ region: 'us-east-1' }).snapshotId
    for (const region of ['us-east-1', 'eu-west-1']) {
      for (const [name, days] of [
        ['web-1', 1],
        ['web-2', 2],
        ['web-3', 3],
        ['web-4', 20],
        ['web-5', 30],
        ['web-6', 40]
      ] as const) {
        made[`${region}/${name}`] = double.seedImage({
          region,
          name,
          creationDate: ago(days),
          tags: { app: 'web' },
          ...(region === 'us-east-1' && name === 'web-6' ? { snapshotIds: [shared] } : {})
        })
      }
      made[`${region}/db-1`] = double.seedImage({
        region,
        name: 'db-1',
        creationDate: ago(90),
        ...(region === 'us-east-1' ? { snapshotIds: [shared] } : {})
      })
    }
    double.seedInstance({ region: 'us-east-1', imageId: made['us-east-1/web-5'].imageId })
    double.seedLaunchTemplate({
      region: 'us-east-1',
      name: 'web',
      versions: [
        { imageId: made['us-east-1/web-6'].imageId },
        { imageId: made['us-east-1/web-4'].imageId }
      ],
      defaultVersion: 1
    })
    return { made, shared }
  }

  it('a dry run lists what would go and deletes nothing; the real run deletes exactly that', async () => {
    const { made, shared } = seed()
    const inputs = {
      command: 'cleanup',
      'aws-regions': 'us-east-1, eu-west-1',
      'image-name-filter': 'web-*',
      keep: '2',
      'min-age': '7d'
    }
    const dry = await runStep({ inputs: { ...inputs, 'dry-run': 'true' }, env: awsEnv() })
    expect(errors(dry)).toBe('')
    const wouldDelete = JSON.parse(dry.outputs.deleted) as {
      region: string
      imageId: string
      snapshotIds: string[]
    }[]
    // us-east-1: web-4 (launch template's latest) and web-5 (instance) stay, and web-6 is the
    // default version of the template, so it stays too: nothing there goes.
    const expected = ['eu-west-1/web-4', 'eu-west-1/web-5', 'eu-west-1/web-6']
      .map((k) => `${k.split('/')[0]} ${made[k].imageId}`)
      .sort()
    expect(wouldDelete.map((d) => `${d.region} ${d.imageId}`).sort()).toEqual(expected)
    expect(double.callsOf('DeregisterImage')).toEqual([])
    expect(double.callsOf('DeleteSnapshot')).toEqual([])
    expect(dry.summary).toContain('dry run: nothing was deleted')
    const reasons = Object.fromEntries(
      (JSON.parse(dry.outputs.kept) as { imageId: string; reason: string }[]).map((k) => [
        k.imageId,
        k.reason
      ])
    )
    expect(reasons[made['us-east-1/web-5'].imageId]).toMatch(/^in use by instance i-/)
    expect(reasons[made['us-east-1/web-4'].imageId]).toMatch(
      /^used by launch template lt-\w+ version 2$/
    )
    expect(reasons[made['us-east-1/web-6'].imageId]).toMatch(
      /^used by launch template lt-\w+ version 1$/
    )
    expect(reasons[made['us-east-1/web-3'].imageId]).toMatch(/newest|younger/)

    const real = await runStep({ inputs, env: awsEnv() })
    expect(errors(real)).toBe('')
    expect(
      JSON.parse(real.outputs.deleted)
        .map((d: { region: string; imageId: string }) => `${d.region} ${d.imageId}`)
        .sort()
    ).toEqual(expected)
    const left = ['us-east-1', 'eu-west-1'].flatMap((r) =>
      double
        .images(r)
        .map((i) => i.name)
        .sort()
        .map((n) => `${r}/${n}`)
    )
    expect(left).toEqual([
      'us-east-1/db-1',
      'us-east-1/web-1',
      'us-east-1/web-2',
      'us-east-1/web-3',
      'us-east-1/web-4',
      'us-east-1/web-5',
      'us-east-1/web-6',
      'eu-west-1/db-1',
      'eu-west-1/web-1',
      'eu-west-1/web-2',
      'eu-west-1/web-3'
    ])
    // Every snapshot of a remaining image is there; those only deleted images used are gone.
    const snapshots = new Set(double.snapshots().map((s) => s.snapshotId))
    const remaining = new Set(
      double.images().flatMap((i) => i.blockDevices.map((b) => b.snapshotId))
    )
    expect(remaining.has(shared)).toBe(true)
    for (const id of remaining) expect(snapshots.has(id ?? '')).toBe(true)
    for (const key of expected) {
      const image = Object.values(made).find((i) => `${i.region} ${i.imageId}` === key)!
      for (const b of image.blockDevices) expect(snapshots.has(b.snapshotId ?? '')).toBe(false)
    }
  })

  it('never deletes a snapshot another image still uses', async () => {
    const { made, shared } = seed()
    // Without the launch template's protection web-6 goes, but its snapshot is db-1's too.
    double.world.region('us-east-1').launchTemplates.clear()
    const result = await runStep({
      inputs: {
        command: 'cleanup',
        'aws-regions': 'us-east-1',
        'image-name-filter': 'web-*',
        keep: '2',
        'min-age': '7d'
      },
      env: awsEnv()
    })
    expect(errors(result)).toBe('')
    const deleted = JSON.parse(result.outputs.deleted) as {
      imageId: string
      snapshotIds: string[]
    }[]
    const web6 = deleted.find((d) => d.imageId === made['us-east-1/web-6'].imageId)
    expect(web6?.snapshotIds).toEqual([])
    expect(double.snapshots('us-east-1').map((s) => s.snapshotId)).toContain(shared)
  })

  it('refuses to consider every image the account owns', async () => {
    const result = await runStep({ inputs: { command: 'cleanup' }, env: awsEnv() })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/give 'image-name-filter' or 'image-tags'/)
    expect(double.calls).toEqual([])
  })

  it('reports a region that fails and still cleans the others, then fails the step', async () => {
    seed()
    double.world.region('us-east-1').launchTemplates.clear()
    double.fail('DescribeImages', {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403,
      times: Infinity,
      match: (call) => call.region === 'eu-west-1'
    })
    const result = await runStep({
      inputs: {
        command: 'cleanup',
        'aws-regions': 'eu-west-1\nus-east-1',
        'image-tags': 'app=web',
        keep: '2',
        'min-age': '7d'
      },
      env: awsEnv()
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/Cleanup had 1 failure\(s\): eu-west-1: .*not authorized/)
    expect(JSON.parse(result.outputs.deleted).map((d: { region: string }) => d.region)).toEqual([
      'us-east-1',
      'us-east-1'
    ])
  })

  it('promotes AMIs and their snapshots once, and refuses an AMI that does not exist', async () => {
    const east = double.seedImage({ region: 'us-east-1', name: 'web-new', creationDate: ago(0) })
    const west = double.seedImage({ region: 'eu-west-1', name: 'web-new', creationDate: ago(0) })
    const amiIds = JSON.stringify({
      'amazon-ebs.web': { 'us-east-1': east.imageId, 'eu-west-1': west.imageId }
    })
    const promote = (ids: string): Promise<StepResult> =>
      runStep({
        inputs: { command: 'promote', 'ami-ids': ids, stage: 'testing' },
        env: awsEnv()
      })
    const first = await promote(amiIds)
    expect(errors(first)).toBe('')
    for (const image of [east, west]) {
      const now = double.images(image.region).find((i) => i.imageId === image.imageId)!
      expect(now.tags).toMatchObject({
        status: 'testing',
        'promoted-by-run': 'https://github.com/octo-org/images/actions/runs/4242'
      })
      for (const b of image.blockDevices) {
        const snapshot = double.snapshots(image.region).find((s) => s.snapshotId === b.snapshotId)!
        expect(snapshot.tags).toMatchObject({ status: 'testing' })
      }
    }
    expect(JSON.parse(first.outputs.promoted).map((p: { changed: boolean }) => p.changed)).toEqual([
      true,
      true
    ])
    const tagged = double.callsOf('CreateTags').length
    const second = await promote(amiIds)
    expect(errors(second)).toBe('')
    expect(JSON.parse(second.outputs.promoted).map((p: { changed: boolean }) => p.changed)).toEqual(
      [false, false]
    )
    expect(double.callsOf('CreateTags')).toHaveLength(tagged)

    const missing = await promote(
      JSON.stringify({ b: { 'us-east-1': east.imageId, 'eu-west-1': 'ami-0aaaaaaaaaaaaaaaa' } })
    )
    expect(missing.exitCode).toBe(1)
    expect(errors(missing)).toContain('ami-0aaaaaaaaaaaaaaaa')
    expect(double.callsOf('CreateTags')).toHaveLength(tagged)
  })

  it('promote that fails part-way names what it already promoted, in the error, output and summary', async () => {
    const east = double.seedImage({ region: 'us-east-1', name: 'api-new', creationDate: ago(0) })
    const west = double.seedImage({ region: 'eu-west-1', name: 'api-new', creationDate: ago(0) })
    double.fail('CreateTags', {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      // AMIs are promoted in build, then region name order: eu-west-1 first.
      match: (call) => call.region === 'us-east-1'
    })
    const result = await runStep({
      inputs: {
        command: 'promote',
        'ami-ids': JSON.stringify({
          'amazon-ebs.api': { 'us-east-1': east.imageId, 'eu-west-1': west.imageId }
        }),
        stage: 'production'
      },
      env: awsEnv()
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain(
      `Cannot promote ${east.imageId} in us-east-1: UnauthorizedOperation: You are not authorized to perform this operation.; already promoted to production by this step: ${west.imageId} (eu-west-1)`
    )
    const tags = (image: typeof east) =>
      double.images(image.region).find((i) => i.imageId === image.imageId)!.tags
    expect(tags(west)).toMatchObject({ status: 'production' })
    expect(tags(east).status).toBeUndefined()
    expect(JSON.parse(result.outputs.promoted).map((p: { ami: string }) => p.ami)).toEqual([
      west.imageId
    ])
    // The table holds the AMI promoted; the failed one is named only in the error under it.
    const rows = result.summary.split('\n').filter((line) => line.startsWith('| '))
    expect(rows.filter((row) => row.includes(west.imageId))).toHaveLength(1)
    expect(rows.filter((row) => row.includes(east.imageId))).toEqual([])
    expect(result.summary).toContain('already promoted to production by this step')
  })
})
