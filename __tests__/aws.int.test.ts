/**
 * AMI builds end to end: the committed dist/ on Node 24 runs the real Packer 1.9.4 with the
 * external amazon plugin 1.2.9 (the templates require it; it sits in PACKER_PLUGIN_PATH as
 * `packer init` leaves it, so init has nothing to download) against the EC2 double. What reaches the outputs must be exactly what the double saw
 * created, and whatever happens to the build (an EC2 error, a cancel, throttling) nothing may be left
 * running or billed: no instance, no temporary key pair, no temporary security group.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { startEc2Double, type Ec2Double } from './support/ec2/index.js'
import { MIRROR_VERSION, startTrapProxy } from './support/mirror.js'
import { installPackerOnce, type PackerFixture } from './support/packer.js'
import { placePluginLikeInit } from './support/plugin-dir.js'
import {
  createRunnerDirs,
  errors,
  ROOT,
  runStep,
  startStep,
  type StepResult
} from './support/runner.js'

const REGIONS_TEMPLATE = '__tests__/data/templates/aws-regions'
const PARALLEL_TEMPLATE = '__tests__/data/templates/aws-parallel'

/** What aws-actions/configure-aws-credentials leaves in the environment. */
const AWS_ENV: Record<string, string> = {
  AWS_ACCESS_KEY_ID: 'AKIAE2EDOUBLE0000000',
  AWS_SECRET_ACCESS_KEY: 'e2e/secret/for/the/double',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1'
}

let packer: PackerFixture
let ec2: Ec2Double
let sourceAmi: string
let trap: Awaited<ReturnType<typeof startTrapProxy>>

beforeAll(async () => {
  packer = await installPackerOnce()
  placePluginLikeInit(packer.pluginDir, 'amazon')
  trap = await startTrapProxy()
  // packer init finds the plugin installed and asks nothing of GitHub or HashiCorp.
  Object.assign(AWS_ENV, { https_proxy: trap.url, HTTPS_PROXY: trap.url })
})

afterAll(async () => {
  await trap.close()
})

beforeEach(async () => {
  ec2 = await startEc2Double({ delayMs: 300 })
  sourceAmi = ec2.seedImage({
    name: 'al2023-ami-2023.6.20261101.0-x86_64',
    ownerId: '137112412989',
    creationDate: '2026-11-01T00:00:00Z',
    volumeSizes: [8]
  }).imageId
})

afterEach(async () => {
  await ec2.close()
})

function variables(): string {
  return `endpoint=${ec2.url}\nsource_ami=${sourceAmi}`
}

/**
 * The three-region template through the action against the double, which also takes the action's
 * own EC2 calls (deleting what a failed build left).
 */
function buildRegions(inputs: Record<string, string> = {}) {
  return packer.step({
    files: REGIONS_TEMPLATE,
    inputs: { variables: variables(), ...inputs },
    env: { ...AWS_ENV, AWS_ENDPOINT_URL_EC2: ec2.url }
  })
}

/**
 * Packer's EC2 calls came from the external amazon plugin 1.2.9, not from the amazon plugin 1.2.1
 * bundled into Packer 1.9.4: the plugin names itself and its version in the SDK's User-Agent. And
 * packer init, which found it installed, asked nothing of the internet.
 */
function expectExternalPlugin(): void {
  expect(trap.attempts).toEqual([])
  const agents = new Set(
    ec2.calls.map((c) => /packer-plugin-amazon\/\S+/.exec(c.userAgent)?.[0]).filter(Boolean)
  )
  expect([...agents]).toEqual(['packer-plugin-amazon/1.2.9'])
}

/** AMIs the builds made (not the seeded source), as `{region: ami}` per AMI name. */
function builtAmis(name: string): Record<string, string> {
  return Object.fromEntries(
    ec2
      .images()
      .filter((i) => i.name === name)
      .map((i) => [i.region, i.imageId])
  )
}

/** No snapshot of an AMI the build made is left (the seeded source image's stay). */
function expectNoSnapshotsOfTheBuild(): void {
  const built = new Set(
    ec2
      .images(undefined, { includeDeregistered: true })
      .filter((i) => i.name === 'app-e2e')
      .flatMap((i) => i.blockDevices.map((b) => b.snapshotId))
  )
  expect(ec2.snapshots().filter((s) => built.has(s.snapshotId))).toEqual([])
}

/** The AMIs the build made that are still registered, as `region state`. */
function amisLeft(): string[] {
  return ec2
    .images()
    .filter((i) => i.name === 'app-e2e')
    .map((i) => `${i.region} ${i.state}`)
    .sort()
}

/**
 * Nothing left that runs or is billed for the build, and Packer did create the temporary key pair,
 * security group and instance (so an empty list means cleaned up, not never made).
 */
function expectNothingLeft(result: StepResult): void {
  expectExternalPlugin()
  const left = {
    instances: ec2.liveInstances().map((i) => `${i.region} ${i.instanceId} ${i.state}`),
    keyPairs: ec2.keyPairs().map((k) => `${k.region} ${k.keyName}`),
    securityGroups: ec2.securityGroups().map((g) => `${g.region} ${g.groupId} ${g.groupName}`)
  }
  expect({ left, stdout: left.instances.length > 0 ? result.stdout : '' }).toEqual({
    left: { instances: [], keyPairs: [], securityGroups: [] },
    stdout: ''
  })
  expect(
    ec2
      .deletedKeyPairs()
      .map((k) => k.keyName)
      .sort()
  ).toEqual(
    ec2
      .callsOf('CreateKeyPair')
      .filter((c) => !c.errorCode)
      .map((c) => c.params.KeyName)
      .sort()
  )
  expect(ec2.deletedSecurityGroups().length).toBe(
    ec2.callsOf('CreateSecurityGroup').filter((c) => !c.errorCode).length
  )
}

describe('amazon-ebs builds', () => {
  it('puts every AMI of every region in ami-id, ami-ids, artifacts and the manifest', async () => {
    const result = await buildRegions()
    expect({ errors: errors(result), exitCode: result.exitCode }).toEqual({
      errors: '',
      exitCode: 0
    })
    expect(ec2.unknownActions()).toEqual([])

    const amis = builtAmis('app-e2e')
    expect(Object.keys(amis).sort()).toEqual(['eu-central-1', 'us-east-1', 'us-west-2'])
    // The copies really are copies of the image built in us-east-1.
    for (const region of ['us-west-2', 'eu-central-1']) {
      expect(ec2.images(region).find((i) => i.imageId === amis[region])).toMatchObject({
        sourceRegion: 'us-east-1',
        sourceImageId: amis['us-east-1'],
        state: 'available'
      })
    }
    for (const image of ec2.images().filter((i) => i.name === 'app-e2e')) {
      expect(image.tags).toEqual({ Name: 'app-e2e', Builder: 'packer-image-action' })
      expect(image.launchPermissions).toEqual(['210987654321'])
      for (const device of image.blockDevices) {
        const snapshot = ec2.snapshots(image.region).find((s) => s.snapshotId === device.snapshotId)
        // Packer puts the AMI's tags on its snapshots too; snapshot_tags win.
        expect(snapshot?.tags).toEqual({ Name: 'app-e2e-disk', Builder: 'packer-image-action' })
        expect(snapshot?.createVolumePermissions).toEqual(['210987654321'])
      }
    }

    expect(JSON.parse(result.outputs['ami-ids'])).toEqual({ 'amazon-ebs.app': amis })
    // ami-id is the AMI built in the build's own region, not the first of Packer's sorted list
    // (eu-central-1, a copy).
    expect(result.outputs['ami-id']).toBe(amis['us-east-1'])
    const expectedId = Object.entries(amis)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([region, ami]) => `${region}:${ami}`)
      .join(',')
    expect(JSON.parse(result.outputs.artifacts)).toEqual([
      {
        build: 'amazon-ebs.app',
        builderType: 'amazon-ebs',
        builderId: 'mitchellh.amazonebs',
        id: expectedId,
        files: [],
        kind: 'amazon',
        amis
      }
    ])

    const manifest = JSON.parse(readFileSync(result.outputs.manifest, 'utf8')) as {
      builds: { name: string; builder_type: string; artifact_id: string }[]
    }
    const templateManifest = JSON.parse(
      readFileSync(path.join(result.dirs.workspace, 'packer-manifest.json'), 'utf8')
    ) as { builds: { artifact_id: string }[] }
    expect(manifest.builds.map((b) => b.artifact_id)).toContain(expectedId)
    for (const build of manifest.builds) {
      expect(build).toMatchObject({ builder_type: 'amazon-ebs', artifact_id: expectedId })
    }
    expect(templateManifest.builds.map((b) => b.artifact_id)).toEqual([expectedId])

    // A matrix merges the legs' manifests: ami-id is still the AMI of the build's own region.
    const merged = await runStep({
      dirs: result.dirs,
      inputs: { command: 'merge-manifests', manifests: result.outputs.manifest }
    })
    expect(errors(merged)).toBe('')
    expect(merged.outputs['ami-id']).toBe(amis['us-east-1'])
    expect(JSON.parse(merged.outputs['ami-ids'])).toEqual({ 'amazon-ebs.app': amis })

    expectNothingLeft(result)
  })

  it('builds two amazon-ebs sources in parallel and keys their AMIs by build', async () => {
    const result = await packer.step({
      files: PARALLEL_TEMPLATE,
      inputs: { variables: variables() },
      env: AWS_ENV
    })
    expect({ errors: errors(result), exitCode: result.exitCode }).toEqual({
      errors: '',
      exitCode: 0
    })
    const web = builtAmis('web-e2e')
    const db = builtAmis('db-e2e')
    expect(Object.keys(web)).toEqual(['us-east-1'])
    expect(Object.keys(db).sort()).toEqual(['us-east-1', 'us-west-2'])
    expect(JSON.parse(result.outputs['ami-ids'])).toEqual({
      'amazon-ebs.web': web,
      'amazon-ebs.db': db
    })
    // Both instances existed at the same time: the builds ran in parallel.
    const runs = ec2.instances().map((i) => ({
      from: i.launchTime.getTime(),
      to: i.lifecycle.find((t) => t.state === 'shutting-down')!.at.getTime()
    }))
    expect(runs).toHaveLength(2)
    expect(runs[0].from < runs[1].to && runs[1].from < runs[0].to).toBe(true)
    expect(
      ec2
        .instances()
        .map((i) => i.instanceType)
        .sort()
    ).toEqual(['t3.micro', 't3.small'])
    expectNothingLeft(result)
  })

  it('launches from the newest image that source_ami_filter matches', async () => {
    const amazon = '137112412989'
    const image = (name: string, creationDate: string, ownerId = amazon) =>
      ec2.seedImage({ name, creationDate, ownerId }).imageId
    image('al2023-ami-2023.5.20260901.0-x86_64', '2026-09-01T00:00:00Z')
    const newest = image('al2023-ami-2023.6.20261110.0-x86_64', '2026-11-10T00:00:00Z')
    image('al2023-ami-2023.6.20261120.0-arm64', '2026-11-20T00:00:00Z')
    image('al2023-ami-2023.6.20261121.0-x86_64', '2026-11-21T00:00:00Z', '210987654321')
    const result = await packer.step({
      files: '__tests__/data/templates/aws-filter',
      inputs: { variables: `endpoint=${ec2.url}` },
      env: AWS_ENV
    })
    expect({ errors: errors(result), exitCode: result.exitCode }).toEqual({
      errors: '',
      exitCode: 0
    })
    expect(ec2.instances().map((i) => i.imageId)).toEqual([newest])
    expect(JSON.parse(result.outputs['ami-ids'])).toEqual({
      'amazon-ebs.filtered': builtAmis('filtered-e2e')
    })
    expectNothingLeft(result)
  })
})

describe('failures', () => {
  it('fails with the EC2 error when CreateImage is refused, after Packer cleaned up', async () => {
    ec2.fail('CreateImage', {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403
    })
    const result = await buildRegions()
    expect(result.exitCode).toBe(1)
    expect(result.outputs['exit-code']).not.toBe('0')
    expect(errors(result)).toContain(
      'UnauthorizedOperation: You are not authorized to perform this operation.'
    )
    expect(errors(result)).toMatch(/amazon-ebs\.app/)
    expect(ec2.callsOf('RunInstances')).toHaveLength(1)
    expect(JSON.parse(result.outputs['ami-ids'] ?? '{}')).toEqual({})
    expect(builtAmis('app-e2e')).toEqual({})
    expectNothingLeft(result)
  })

  const IMAGE_FAILURE = {
    code: 'Client.InvalidSnapshot.NotFound',
    message: 'The snapshot of the root volume was not found.'
  }

  it('deletes the AMI that ended failed, and its snapshot, after Packer gave up on it', async () => {
    ec2.failNewImages(IMAGE_FAILURE)
    const result = await buildRegions()
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain('Error waiting for AMI')
    expect(errors(result)).toContain(IMAGE_FAILURE.message)
    expect(ec2.callsOf('CopyImage')).toEqual([])
    // Packer leaves a failed AMI registered; the action deregisters it.
    expect(amisLeft()).toEqual([])
    expect(result.stdout).toMatch(/Deregistered ami-[0-9a-f]+ in us-east-1 and deleted snapshot/)
    expectNoSnapshotsOfTheBuild()
    expectNothingLeft(result)
    expect(result.state.awsResources ?? '').toBe('')
  })

  it('names a snapshot EC2 refuses to delete after deregistering the failed AMI', async () => {
    ec2.failNewImages(IMAGE_FAILURE)
    ec2.fail('DeleteSnapshot', {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      times: Infinity
    })
    const result = await buildRegions()
    expect(result.exitCode).toBe(1)
    // The AMI is gone and not looked for again; the snapshot that stays is named, with the reason.
    expect(amisLeft()).toEqual([])
    expect(result.state.awsResources ?? '').toBe('')
    const failed = ec2
      .images(undefined, { includeDeregistered: true })
      .find((i) => i.name === 'app-e2e')!
    const snapshots = failed.blockDevices.map((b) => b.snapshotId)
    expect(snapshots.length).toBeGreaterThan(0)
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
    expect(warnings).toContainEqual(
      `Deregistered ${failed.imageId} in us-east-1, but could not delete its snapshot(s); delete them by hand: ${snapshots.map((id) => `${id} (UnauthorizedOperation: You are not authorized to perform this operation.)`).join(', ')}`
    )
    expect(warnings.join('\n')).not.toMatch(/check and delete by hand: AMIs/)
  })

  it('keeps the failed AMI and names it when on-error is abort', async () => {
    ec2.failNewImages(IMAGE_FAILURE)
    const result = await buildRegions({ 'on-error': 'abort' })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain('Error waiting for AMI')
    expect(errors(result)).toContain(IMAGE_FAILURE.message)
    const [ami] = ec2
      .images()
      .filter((i) => i.name === 'app-e2e')
      .map((i) => i.imageId)
    expect(amisLeft()).toEqual(['us-east-1 failed'])
    const notices = result.annotations.filter((a) => a.level === 'notice').map((a) => a.message)
    expect(notices).toEqual([
      // packer init ran for the required amazon plugin; the test runner has no cache service.
      'Plugin cache skipped: the cache service is not available on this runner',
      `on-error is abort: the failed build's AMIs stay for debugging: ${ami}`
    ])
    expect(ec2.callsOf('DeregisterImage')).toEqual([])
    // Packer's abort runs no cleanup at all: the stopped instance stays for debugging too, and the
    // post step is told of nothing to delete.
    expect(ec2.liveInstances().map((i) => i.state)).toEqual(['stopped'])
    expect(result.state.awsResources ?? '').toBe('')
  })

  it('leaves alone the existing AMI whose name the build wanted', async () => {
    const existing = ec2.seedImage({
      name: 'app-e2e',
      creationDate: '2026-01-01T00:00:00Z',
      volumeSizes: [8]
    })
    const result = await buildRegions()
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain(`is used by an existing AMI: ${existing.imageId}`)
    expect(ec2.callsOf('DeregisterImage')).toEqual([])
    expect(ec2.callsOf('DeleteSnapshot')).toEqual([])
    expect(amisLeft()).toEqual(['us-east-1 available'])
  })

  it('survives EC2 answering 500 and RequestLimitExceeded now and then, leaking nothing', async () => {
    ec2.throttle({ rate: 0.15, seed: 11 })
    const result = await buildRegions()
    ec2.clearFaults()
    const faulted = ec2.calls.filter((c) => c.errorCode).map((c) => c.errorCode)
    expect(faulted.length).toBeGreaterThan(0)
    // Either outcome is fine; a failure must say which EC2 error ended it.
    const amiIds = result.outputs['ami-ids'] ?? '{}'
    const succeeded =
      result.exitCode === 0 &&
      isDeepStrictEqual(JSON.parse(amiIds), { 'amazon-ebs.app': builtAmis('app-e2e') })
    const failedClearly =
      result.exitCode !== 0 && /RequestLimitExceeded|InternalError/.test(errors(result))
    expect(
      succeeded || failedClearly
        ? 'succeeded or failed clearly'
        : { exitCode: result.exitCode, errors: errors(result), amiIds, stdout: result.stdout }
    ).toBe('succeeded or failed clearly')
    expectNothingLeft(result)
  })

  it('launches one instance when the answer to RunInstances is lost and Packer retries', async () => {
    ec2.fail('RunInstances', {
      code: 'InternalError',
      message: 'An internal error has occurred',
      status: 500,
      afterEffect: true
    })
    const result = await buildRegions()
    expect({ errors: errors(result), exitCode: result.exitCode }).toEqual({
      errors: '',
      exitCode: 0
    })
    expect(ec2.callsOf('RunInstances').map((c) => c.errorCode ?? c.status)).toEqual([
      'InternalError',
      200
    ])
    expect(ec2.instances()).toHaveLength(1)
    expect(JSON.parse(result.outputs['ami-ids'])).toEqual({
      'amazon-ebs.app': builtAmis('app-e2e')
    })
    expectNothingLeft(result)
  })

  it('fails clearly when the answer to CreateSecurityGroup is lost; the group stays behind', async () => {
    ec2.fail('CreateSecurityGroup', {
      code: 'InternalError',
      message: 'An internal error has occurred',
      status: 500,
      afterEffect: true
    })
    const result = await buildRegions()
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /InvalidGroup\.Duplicate: The security group 'packer_[^']+' already exists/
    )
    expect(ec2.callsOf('RunInstances')).toEqual([])
    expect(ec2.keyPairs()).toEqual([])
    // Packer never learnt the group's id, so it cannot delete it; its name is in the log.
    const [group] = ec2.securityGroups()
    expect(ec2.securityGroups()).toHaveLength(1)
    expect(result.stdout).toContain(
      `Creating temporary security group for this instance: ${group.groupName}`
    )
  })
})

describe('cancellation', () => {
  /** Starts the build, waits for `moment`, sends SIGINT and returns the finished step. */
  async function cancelWhen(moment: () => Promise<unknown>): Promise<StepResult> {
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    cpSync(path.join(ROOT, REGIONS_TEMPLATE), dirs.workspace, { recursive: true })
    const step = startStep({
      dirs,
      inputs: {
        'packer-version': MIRROR_VERSION,
        'releases-url': 'http://127.0.0.1:9',
        variables: variables()
      },
      // The action's own EC2 calls (deleting what Packer leaves) go where the template's do.
      env: { ...AWS_ENV, AWS_ENDPOINT_URL_EC2: ec2.url, PACKER_PLUGIN_PATH: packer.pluginDir }
    })
    try {
      await moment()
    } catch (error) {
      step.child.kill('SIGKILL')
      const result = await step.done
      throw new Error(`${String(error)}\n${result.stdout}`)
    }
    step.child.kill('SIGINT')
    const result = await step.done
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/^Cancelled: packer build was cancelled/m)
    expect(JSON.parse(result.outputs['ami-ids'] ?? '{}')).toEqual({})
    return result
  }

  it('while waiting for the instance to run', async () => {
    ec2.setDelays({ instanceStart: 60_000 })
    const result = await cancelWhen(async () => {
      await ec2.waitForCall('RunInstances')
      // Packer is polling the pending instance.
      await ec2.waitForCall('DescribeInstances')
    })
    expect(ec2.instances().map((i) => i.lifecycle.map((t) => t.state))).toEqual([
      ['pending', 'shutting-down', 'terminated']
    ])
    expect(ec2.callsOf('CreateImage')).toEqual([])
    expectNothingLeft(result)
  })

  it('while the AMI is pending', async () => {
    ec2.setDelays({ imageAvailable: 60_000 })
    const result = await cancelWhen(async () => {
      await ec2.waitForCall('CreateImage')
      const pending = builtAmis('app-e2e')['us-east-1']
      // Packer is polling the pending AMI.
      await ec2.waitForCall('DescribeImages', (c) => c.params['ImageId.1'] === pending)
    })
    expect(ec2.callsOf('CopyImage')).toEqual([])
    // Packer (amazon plugin 1.2.9) deregisters an AMI on cancel only once it has seen it available; the action
    // deregisters the pending one it left, and its snapshot.
    expect(amisLeft()).toEqual([])
    expect(result.stdout).toMatch(/Deregistered ami-[0-9a-f]+ in us-east-1 and deleted snapshot/)
    expectNoSnapshotsOfTheBuild()
    expectNothingLeft(result)
  })

  it('while the AMI is being copied to the other regions', async () => {
    const result = await cancelWhen(async () => {
      await ec2.waitForCall('CreateImage')
      // The image in us-east-1 is already scheduled; only the copies become slow.
      ec2.setDelays({ imageAvailable: 60_000 })
      await ec2.waitForCall('CopyImage', (c) => c.region === 'eu-central-1')
      await ec2.waitForCall('CopyImage', (c) => c.region === 'us-west-2')
    })
    expect(ec2.instances()).toHaveLength(1)
    // Packer deregisters the AMI it made in us-east-1 and deletes its snapshot, but not the copies
    // it was still waiting for; the action deregisters those, in their regions, with their
    // snapshots.
    expect(amisLeft()).toEqual([])
    for (const region of ['eu-central-1', 'us-west-2']) {
      expect(ec2.images(region, { includeDeregistered: true })).toContainEqual(
        expect.objectContaining({ name: 'app-e2e', state: 'deregistered' })
      )
      expect(result.stdout).toMatch(new RegExp(`Deregistered ami-[0-9a-f]+ in ${region}`))
    }
    expectNoSnapshotsOfTheBuild()
    expectNothingLeft(result)
  })
})
