import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import type { EC2Client } from '@aws-sdk/client-ec2'
import {
  cleanupRegion,
  describeImagesById,
  describeOwnImages,
  ec2Client,
  imagesInUse,
  shareImage,
  tagResources
} from '../../src/aws/images.js'
import { planPromotion } from '../../src/lifecycle/promotion.js'
import { startEc2Double, type Ec2Double } from '../support/ec2/index.js'

const DAY = 86_400_000
const NOW = Date.now()
const ago = (days: number): Date => new Date(NOW - days * DAY)

let double: Ec2Double
const clients = new Map<string, EC2Client>()
const client = (region: string): EC2Client => {
  let c = clients.get(region)
  if (!c) {
    c = ec2Client(region, {
      endpoint: double.url,
      credentials: { accessKeyId: 'AKIDLIFECYCLETEST', secretAccessKey: 'not-a-secret' },
      maxAttempts: 1
    })
    clients.set(region, c)
  }
  return c
}

beforeAll(async () => {
  double = await startEc2Double({ delayMs: 0 })
})
afterAll(async () => {
  for (const c of clients.values()) c.destroy()
  await double.close()
})

/**
 * Twelve images in two regions, as a team's history looks after a few weeks of nightly builds:
 * some in use by instances or launch templates, two sharing a snapshot, one too young, and images
 * of another application outside the name filter that share snapshots with candidates.
 */
function seedHistory() {
  const e = 'us-east-1'
  const w = 'eu-west-1'
  const seed = (region: string, name: string, days: number, snapshotIds?: string[]) =>
    double.seedImage({ region, name, creationDate: ago(days), tags: { app: 'web' }, snapshotIds })
  const sharedEast = double.seedSnapshot({ region: e }).snapshotId
  const keptSharedEast = double.seedSnapshot({ region: e }).snapshotId
  const sharedWest = double.seedSnapshot({ region: w }).snapshotId
  const east = {
    newest: seed(e, 'web-e1', 1),
    second: seed(e, 'web-e2', 3),
    running: seed(e, 'web-e3', 40),
    stopped: seed(e, 'web-e4', 45),
    templateLatest: seed(e, 'web-e5', 50),
    templateOld: seed(e, 'web-e6', 55),
    pairA: seed(e, 'web-e7', 60, [sharedEast]),
    pairB: seed(e, 'web-e8', 70, [sharedEast, keptSharedEast]),
    otherApp: seed(e, 'db-e9', 80, [keptSharedEast])
  }
  const west = {
    newest: seed(w, 'web-w1', 1),
    second: seed(w, 'web-w2', 2),
    young: seed(w, 'web-w3', 3),
    old: seed(w, 'web-w4', 30, [sharedWest]),
    otherApp: seed(w, 'db-w5', 90, [sharedWest])
  }
  const terminatedFrom = seed(e, 'web-e10', 65)
  double.seedInstance({ region: e, imageId: east.running.imageId, state: 'running' })
  const stopped = double.seedInstance({
    region: e,
    imageId: east.stopped.imageId,
    state: 'stopped'
  })
  double.seedInstance({ region: e, imageId: terminatedFrom.imageId, state: 'terminated' })
  const template = double.seedLaunchTemplate({
    region: e,
    name: 'web',
    versions: [{ imageId: east.templateOld.imageId }, { imageId: east.templateLatest.imageId }],
    defaultVersion: 2
  })
  return { east, west, terminatedFrom, stopped, template }
}

describe('cleanupRegion against the EC2 double', () => {
  let history: ReturnType<typeof seedHistory>
  beforeEach(() => {
    double.world.regions.clear()
    double.calls.length = 0
    double.clearFaults()
    history = seedHistory()
  })

  const options = { keep: 2, minAgeMs: 7 * DAY, now: NOW, nameFilter: 'web-*', pageSize: 5 }

  it('a dry run reports exactly what would go and deletes nothing', async () => {
    const { east, terminatedFrom, stopped, template } = history
    const before = double.images().length
    const result = await cleanupRegion(client('us-east-1'), {
      ...options,
      region: 'us-east-1',
      dryRun: true
    })
    expect(result.failures).toEqual([])
    expect(result.deleted.map((d) => d.name)).toEqual(['web-e8', 'web-e10', 'web-e7', 'web-e6'])
    expect(result.deleted.find((d) => d.name === 'web-e8')?.snapshotIds).toEqual([])
    expect(result.deleted.find((d) => d.name === 'web-e7')?.snapshotIds).toEqual(
      east.pairA.blockDevices.map((b) => b.snapshotId)
    )
    expect(result.deleted.find((d) => d.name === 'web-e10')?.snapshotIds).toEqual(
      terminatedFrom.blockDevices.map((b) => b.snapshotId)
    )
    expect(Object.fromEntries(result.kept.map((k) => [k.name, k.reason]))).toEqual({
      'web-e1': 'newest 2',
      'web-e2': 'newest 2',
      'web-e3': expect.stringMatching(/^in use by instance i-[0-9a-f]+$/),
      'web-e4': `in use by instance ${stopped.instanceId}`,
      'web-e5': `used by launch template ${template.launchTemplateId} version 2`
    })
    expect(double.images()).toHaveLength(before)
    expect(double.callsOf('DeregisterImage')).toEqual([])
    expect(double.callsOf('DeleteSnapshot')).toEqual([])
    // Pages of 5: the 10 images of us-east-1 take two DescribeImages calls.
    expect(double.callsOf('DescribeImages', 'us-east-1').map((c) => c.params.NextToken)).toEqual([
      undefined,
      expect.any(String)
    ])
  })

  it('deletes the planned images and their snapshots, and touches nothing in use', async () => {
    const { east, west } = history
    const results = await Promise.all(
      ['us-east-1', 'eu-west-1'].map((region) =>
        cleanupRegion(client(region), { ...options, region, dryRun: false })
      )
    )
    expect(results.flatMap((r) => r.failures)).toEqual([])
    const remaining = (region: string) =>
      double
        .images(region)
        .map((i) => i.name)
        .sort()
    expect(remaining('us-east-1')).toEqual([
      'db-e9',
      'web-e1',
      'web-e2',
      'web-e3',
      'web-e4',
      'web-e5'
    ])
    expect(remaining('eu-west-1')).toEqual(['db-w5', 'web-w1', 'web-w2', 'web-w3'])

    // Every snapshot still referenced by a remaining image exists; every other one is gone.
    for (const region of ['us-east-1', 'eu-west-1']) {
      const used = new Set(
        double.images(region).flatMap((i) => i.blockDevices.map((b) => b.snapshotId))
      )
      const left = double.snapshots(region).map((s) => s.snapshotId)
      expect(left.sort()).toEqual([...used].sort())
    }
    expect(double.snapshots('us-east-1').map((s) => s.snapshotId)).toContain(
      east.otherApp.blockDevices[0].snapshotId
    )
    expect(double.snapshots('eu-west-1').map((s) => s.snapshotId)).toContain(
      west.old.blockDevices[0].snapshotId
    )
    expect(double.liveInstances('us-east-1')).toHaveLength(2)
  })

  it('starts no further image once stopped, and finishes the snapshots of the one in progress', async () => {
    const result = await cleanupRegion(client('us-east-1'), {
      ...options,
      region: 'us-east-1',
      dryRun: false,
      stop: () => double.callsOf('DeregisterImage').length >= 1
    })
    expect(result.deleted.map((d) => d.name)).toEqual(['web-e8'])
    expect(result.notStarted.map((d) => d.name)).toEqual(['web-e10', 'web-e7', 'web-e6'])
    expect(double.callsOf('DeregisterImage')).toHaveLength(1)
    // web-e8's own snapshot is shared with a kept image; web-e10's were never touched.
    const left = new Set(double.snapshots('us-east-1').map((s) => s.snapshotId))
    for (const b of history.terminatedFrom.blockDevices)
      expect(left.has(b.snapshotId ?? '')).toBe(true)
  })

  it('records a snapshot failure and a region failure, and carries on with the rest', async () => {
    const { terminatedFrom, east: seeded } = history
    const failing = terminatedFrom.blockDevices[0].snapshotId
    const stuck = seeded.templateOld.imageId
    double.fail('DeregisterImage', {
      code: 'InvalidAMIID.Unavailable',
      message: `The image ${stuck} is not available`,
      match: ({ params }) => params.ImageId === stuck
    })
    double.fail('DeleteSnapshot', {
      code: 'InvalidSnapshot.InUse',
      message: `The snapshot ${failing} is currently in use`,
      match: ({ params }) => params.SnapshotId === failing
    })
    double.fail('DescribeImages', {
      code: 'UnauthorizedOperation',
      message: 'You are not authorized to perform this operation.',
      status: 403,
      match: ({ region }) => region === 'eu-west-1'
    })
    const [east, west] = await Promise.all(
      ['us-east-1', 'eu-west-1'].map((region) =>
        cleanupRegion(client(region), { ...options, region, dryRun: false })
      )
    )
    expect(east.failures).toEqual([
      {
        region: 'us-east-1',
        resourceId: failing,
        message: `InvalidSnapshot.InUse: The snapshot ${failing} is currently in use`
      },
      {
        region: 'us-east-1',
        resourceId: stuck,
        message: `InvalidAMIID.Unavailable: The image ${stuck} is not available`
      }
    ])
    // The image that could not be deregistered keeps its snapshot; the others go on.
    expect(east.deleted.map((d) => d.name)).toEqual(['web-e8', 'web-e10', 'web-e7'])
    expect(east.deleted.find((d) => d.name === 'web-e10')?.snapshotIds).toEqual([])
    expect(double.snapshots('us-east-1').map((s) => s.snapshotId)).toContain(
      seeded.templateOld.blockDevices[0].snapshotId
    )
    expect(double.callsOf('DeleteSnapshot', 'us-east-1')).toHaveLength(2)
    expect(west).toEqual({
      deleted: [],
      kept: [],
      failures: [
        {
          region: 'eu-west-1',
          message: 'UnauthorizedOperation: You are not authorized to perform this operation.'
        }
      ],
      notStarted: []
    })
    expect(double.callsOf('DeregisterImage', 'eu-west-1')).toEqual([])
  })
})

describe('listing helpers against the EC2 double', () => {
  beforeEach(() => {
    double.world.regions.clear()
    double.calls.length = 0
  })

  it('lists only own images, following every page', async () => {
    for (let i = 0; i < 12; i++) double.seedImage({ region: 'us-east-2', name: `own-${i}` })
    double.seedImage({ region: 'us-east-2', name: 'amzn-public', ownerId: '137112412989' })
    const images = await describeOwnImages(client('us-east-2'), 'us-east-2', 5)
    expect(images.map((i) => i.name).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `own-${i}`).sort()
    )
    expect(images[0]).toMatchObject({
      region: 'us-east-2',
      state: 'available',
      owner: '123456789012'
    })
    expect(double.callsOf('DescribeImages')).toHaveLength(3)
  })

  it('takes the endpoint, region and credentials from the environment, as on a runner', async () => {
    double.seedImage({ region: 'ap-south-1', name: 'from-env' })
    const saved = { ...process.env }
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_EC2: double.url,
      AWS_REGION: 'ap-south-1',
      AWS_ACCESS_KEY_ID: 'AKIDFROMENVIRONMENT',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret'
    })
    const fromEnv = ec2Client(undefined)
    try {
      expect((await describeOwnImages(fromEnv, 'ap-south-1')).map((i) => i.name)).toEqual([
        'from-env'
      ])
      expect(double.callsOf('DescribeImages', 'ap-south-1')).toHaveLength(1)
    } finally {
      fromEnv.destroy()
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
      Object.assign(process.env, saved)
    }
  })

  it('reads in-use images from instances and launch templates only', async () => {
    const a = double.seedImage({ region: 'us-east-2', name: 'a' })
    const b = double.seedImage({ region: 'us-east-2', name: 'b' })
    const c = double.seedImage({ region: 'us-east-2', name: 'c' })
    const i = double.seedInstance({ region: 'us-east-2', imageId: a.imageId })
    double.seedInstance({ region: 'us-east-2', imageId: c.imageId, state: 'terminated' })
    const t = double.seedLaunchTemplate({
      region: 'us-east-2',
      name: 'api',
      versions: [{ imageId: b.imageId }, { imageId: c.imageId }, { imageId: a.imageId }],
      defaultVersion: 1
    })
    expect(await imagesInUse(client('us-east-2'))).toEqual(
      new Map([
        [
          a.imageId,
          `in use by instance ${i.instanceId}; used by launch template ${t.launchTemplateId} version 3`
        ],
        [b.imageId, `used by launch template ${t.launchTemplateId} version 1`]
      ])
    )
  })
})

describe('promotion against the EC2 double', () => {
  beforeEach(() => {
    double.world.regions.clear()
    double.calls.length = 0
  })

  it('tags AMIs and snapshots, shares them, and a second run tags nothing', async () => {
    const east = double.seedImage({ region: 'us-east-1', name: 'web-1', volumeSizes: [8, 20] })
    const west = double.seedImage({ region: 'us-west-2', name: 'web-1' })
    const amiIds = { 'amazon-ebs.web': { 'us-east-1': east.imageId, 'us-west-2': west.imageId } }
    const promote = async () => {
      const images = (
        await Promise.all(
          Object.entries(amiIds['amazon-ebs.web']).map(([region, id]) =>
            describeImagesById(client(region), region, [id])
          )
        )
      ).flat()
      const plan = planPromotion({
        amiIds,
        stage: 'production',
        runUrl: 'https://github.com/acme/images/actions/runs/1',
        now: new Date(NOW),
        images,
        shareWith: ['210987654321']
      })
      for (const p of plan) {
        await tagResources(client(p.region), [...p.snapshotIds, p.imageId], p.tags)
        await shareImage(client(p.region), p.imageId, p.shareWith)
      }
      return plan
    }

    expect((await promote()).map((p) => p.changed)).toEqual([true, true])
    for (const image of double.images()) {
      expect(image.tags).toMatchObject({
        status: 'production',
        'promoted-at': new Date(NOW).toISOString()
      })
      expect(image.launchPermissions).toEqual(['210987654321'])
    }
    expect(double.snapshots('us-east-1').map((s) => s.tags.status)).toEqual([
      'production',
      'production'
    ])
    expect(double.callsOf('CreateTags')).toHaveLength(2)

    expect((await promote()).map((p) => p.changed)).toEqual([false, false])
    expect(double.callsOf('CreateTags')).toHaveLength(2)
  })

  it('finds a missing AMI absent rather than failing the call', async () => {
    const image = double.seedImage({ region: 'us-east-1', name: 'web-2' })
    const found = await describeImagesById(client('us-east-1'), 'us-east-1', [
      image.imageId,
      'ami-0000000000000dead'
    ])
    expect(found.map((i) => i.id)).toEqual([image.imageId])
  })
})

describe('the calls', () => {
  beforeAll(() => {
    double.calls.length = 0
  })
  it('are all actions the double implements (unknown ones would pass unnoticed otherwise)', async () => {
    double.world.regions.clear()
    double.seedImage({ region: 'us-east-1', name: 'web-1', creationDate: ago(30) })
    double.seedImage({ region: 'us-east-1', name: 'web-2', creationDate: ago(20) })
    await cleanupRegion(client('us-east-1'), {
      region: 'us-east-1',
      keep: 1,
      now: NOW,
      dryRun: false
    })
    expect(double.calls.length).toBeGreaterThan(3)
    expect(double.unknownActions()).toEqual([])
  })
})
