/**
 * The EC2 double, with the real `@aws-sdk/client-ec2` as its client: what the SDK sends, how it
 * parses the answers and errors, and its waiters and paginators against the double's timed states.
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CopyImageCommand,
  CreateImageCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DeleteSnapshotCommand,
  DeleteVolumeCommand,
  DeregisterImageCommand,
  DescribeAddressesCommand,
  DescribeImagesCommand,
  type DescribeImagesCommandInput,
  DescribeInstancesCommand,
  DescribeInstanceStatusCommand,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeSnapshotsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  paginateDescribeImages,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilImageAvailable,
  waitUntilInstanceRunning,
  waitUntilInstanceStopped,
  waitUntilInstanceTerminated,
  type Image
} from '@aws-sdk/client-ec2'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ACCOUNT_ID, startEc2Double, type Ec2Double } from './ec2/index.js'

let ec2: Ec2Double
const clients = new Map<string, EC2Client>()

/** A client as a workflow would build one, pointed at the double. */
function client(region = 'us-east-1', maxAttempts?: number): EC2Client {
  const key = `${region}/${maxAttempts}`
  let found = clients.get(key)
  if (!found) {
    found = new EC2Client({
      region,
      endpoint: ec2.url,
      credentials: { accessKeyId: 'AKIDDOUBLE', secretAccessKey: 'secret' },
      maxAttempts
    })
    clients.set(key, found)
  }
  return found
}

const waiter = (region = 'us-east-1') => ({
  client: client(region),
  maxWaitTime: 30,
  minDelay: 1,
  maxDelay: 1
})

async function expectEc2Error(
  promise: Promise<unknown>,
  name: string,
  message: string | RegExp,
  status = 400
): Promise<void> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e
  )) as { name: string; message: string; $metadata: { httpStatusCode?: number } } | undefined
  expect(error).toBeDefined()
  expect({ name: error?.name, status: error?.$metadata.httpStatusCode }).toEqual({ name, status })
  if (typeof message === 'string') expect(error?.message).toBe(message)
  else expect(error?.message).toMatch(message)
}

beforeAll(async () => {
  ec2 = await startEc2Double({ delayMs: 200 })
})

afterAll(async () => {
  for (const c of clients.values()) c.destroy()
  await ec2.close()
})

describe('instances', () => {
  it('run, stop and terminate through the states, as the SDK waiters see them', async () => {
    const base = ec2.seedImage({ name: 'base-instances' })
    const run = await client().send(
      new RunInstancesCommand({
        ImageId: base.imageId,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }]
      })
    )
    const launched = run.Instances![0]
    expect(launched.State).toEqual({ Code: 0, Name: 'pending' })
    expect(launched.Tags).toEqual([{ Key: 'Name', Value: 'web' }])
    const id = launched.InstanceId!
    expect(id).toMatch(/^i-[0-9a-f]{17}$/)
    expect(ec2.liveInstances().map((i) => i.instanceId)).toContain(id)

    await waitUntilInstanceRunning(waiter(), { InstanceIds: [id] })
    const status = await client().send(new DescribeInstanceStatusCommand({ InstanceIds: [id] }))
    expect(status.InstanceStatuses?.[0]).toMatchObject({
      InstanceId: id,
      InstanceState: { Code: 16, Name: 'running' },
      SystemStatus: { Status: 'ok' }
    })

    const stop = await client().send(new StopInstancesCommand({ InstanceIds: [id] }))
    expect(stop.StoppingInstances).toEqual([
      {
        InstanceId: id,
        CurrentState: { Code: 64, Name: 'stopping' },
        PreviousState: { Code: 16, Name: 'running' }
      }
    ])
    await waitUntilInstanceStopped(waiter(), { InstanceIds: [id] })

    const terminate = await client().send(new TerminateInstancesCommand({ InstanceIds: [id] }))
    expect(terminate.TerminatingInstances?.[0].CurrentState?.Name).toBe('shutting-down')
    await waitUntilInstanceTerminated(waiter(), { InstanceIds: [id] })

    expect(ec2.liveInstances().map((i) => i.instanceId)).not.toContain(id)
    const record = ec2.instances().find((i) => i.instanceId === id)
    expect(record?.lifecycle.map((t) => t.state)).toEqual([
      'pending',
      'running',
      'stopping',
      'stopped',
      'shutting-down',
      'terminated'
    ])
    // Terminated instances stay visible for a while, as in EC2.
    const described = await client().send(new DescribeInstancesCommand({ InstanceIds: [id] }))
    expect(described.Reservations?.[0].Instances?.[0].State?.Name).toBe('terminated')
  })

  it('filters instances by state and tag', async () => {
    const base = ec2.seedImage({ name: 'base-filters' })
    const a = ec2.seedInstance({ imageId: base.imageId, tags: { Team: 'blue' } })
    const b = ec2.seedInstance({ imageId: base.imageId, tags: { Team: 'red' }, state: 'stopped' })
    const found = await client().send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'image-id', Values: [base.imageId] },
          { Name: 'instance-state-name', Values: ['running', 'pending'] }
        ]
      })
    )
    const ids = found.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))
    expect(ids).toEqual([a.instanceId])
    const red = await client().send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Team', Values: ['r*'] }] })
    )
    expect(red.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId))).toEqual([
      b.instanceId
    ])
  })

  it('refuses an unknown and a malformed instance id with the EC2 error codes', async () => {
    await expectEc2Error(
      client().send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
      'InvalidInstanceID.NotFound',
      "The instance ID 'i-0123456789abcdef0' does not exist"
    )
    await expectEc2Error(
      client().send(new TerminateInstancesCommand({ InstanceIds: ['i-nope'] })),
      'InvalidInstanceID.Malformed',
      'Invalid id: "i-nope" (expecting "i-...")'
    )
  })
})

describe('images', () => {
  it('creates an image with snapshots and copies it into other regions, each with its own', async () => {
    const base = ec2.seedImage({ name: 'base-images', volumeSizes: [8, 20] })
    const run = await client().send(
      new RunInstancesCommand({ ImageId: base.imageId, MinCount: 1, MaxCount: 1 })
    )
    const instanceId = run.Instances![0].InstanceId!
    await waitUntilInstanceRunning(waiter(), { InstanceIds: [instanceId] })

    const created = await client().send(
      new CreateImageCommand({ InstanceId: instanceId, Name: 'app 1.0 (test)' })
    )
    const imageId = created.ImageId!
    const pending = await client().send(new DescribeImagesCommand({ ImageIds: [imageId] }))
    expect(pending.Images?.[0]).toMatchObject({ State: 'pending', OwnerId: ACCOUNT_ID })
    await waitUntilImageAvailable(waiter(), { ImageIds: [imageId] })
    const source = (await client().send(new DescribeImagesCommand({ ImageIds: [imageId] })))
      .Images![0]
    const sourceSnapshots = source.BlockDeviceMappings!.map((m) => m.Ebs!.SnapshotId!)
    expect(source.BlockDeviceMappings!.map((m) => m.Ebs!.VolumeSize)).toEqual([8, 20])
    expect(
      ec2.snapshots('us-east-1').filter((s) => sourceSnapshots.includes(s.snapshotId))
    ).toEqual(
      sourceSnapshots.map(() =>
        expect.objectContaining({
          state: 'completed',
          description: `Created by CreateImage(${instanceId}) for ${imageId}`
        })
      )
    )

    const copies: Record<string, string> = {}
    for (const region of ['us-west-2', 'eu-central-1']) {
      const copy = await client(region).send(
        new CopyImageCommand({ SourceRegion: 'us-east-1', SourceImageId: imageId, Name: 'app-1.0' })
      )
      copies[region] = copy.ImageId!
    }
    for (const [region, copyId] of Object.entries(copies)) {
      await waitUntilImageAvailable(waiter(region), { ImageIds: [copyId] })
      expect(ec2.images(region).map((i) => i.imageId)).toEqual([copyId])
      const copied = ec2.images(region)[0]
      expect(copied).toMatchObject({ sourceImageId: imageId, sourceRegion: 'us-east-1' })
      const snapshots = copied.blockDevices.map((d) => d.snapshotId)
      expect(snapshots).toHaveLength(2)
      expect(ec2.snapshots(region).map((s) => s.snapshotId)).toEqual(snapshots)
      for (const id of snapshots) expect(sourceSnapshots).not.toContain(id)
    }
    // An image exists in the region it was made in only.
    await expectEc2Error(
      client('eu-central-1').send(new DescribeImagesCommand({ ImageIds: [copies['us-west-2']] })),
      'InvalidAMIID.NotFound',
      `The image id '[${copies['us-west-2']}]' does not exist`
    )
    await expectEc2Error(
      client().send(new CreateImageCommand({ InstanceId: instanceId, Name: 'app 1.0 (test)' })),
      'InvalidAMIName.Duplicate',
      `AMI name app 1.0 (test) is already in use by AMI ${imageId}`
    )
  })

  it('ends new images failed with the reason given, which the SDK waiter reports', async () => {
    const base = ec2.seedImage({ name: 'base-images', volumeSizes: [8] })
    const run = await client().send(
      new RunInstancesCommand({ ImageId: base.imageId, MinCount: 1, MaxCount: 1 })
    )
    const instanceId = run.Instances![0].InstanceId!
    await waitUntilInstanceRunning(waiter(), { InstanceIds: [instanceId] })
    const reason = { code: 'Client.InvalidSnapshot.NotFound', message: 'The snapshot was lost.' }
    ec2.failNewImages(reason)
    const { ImageId } = await client().send(
      new CreateImageCommand({ InstanceId: instanceId, Name: 'app-failing' })
    )
    await expect(waitUntilImageAvailable(waiter(), { ImageIds: [ImageId!] })).rejects.toThrow(
      /FAILURE/
    )
    const image = (await client().send(new DescribeImagesCommand({ ImageIds: [ImageId!] })))
      .Images![0]
    expect({ state: image.State, reason: image.StateReason }).toEqual({
      state: 'failed',
      reason: { Code: reason.code, Message: reason.message }
    })
    ec2.failNewImages(undefined)
    const { ImageId: next } = await client().send(
      new CreateImageCommand({ InstanceId: instanceId, Name: 'app-working' })
    )
    await waitUntilImageAvailable(waiter(), { ImageIds: [next!] })
  })

  it('finds images by id, owner, wildcard name, state and tag', async () => {
    const region = 'ap-southeast-1'
    const seeded = [
      ec2.seedImage({ region, name: 'web-2026-11-01', tags: { Role: 'web' } }),
      ec2.seedImage({ region, name: 'web-2026-11-02', tags: { Role: 'web' } }),
      ec2.seedImage({ region, name: 'web-2026-11-10', tags: { Role: 'web', Keep: 'yes' } }),
      ec2.seedImage({ region, name: 'db-2026-11-01', tags: { Role: 'db' } }),
      ec2.seedImage({ region, name: 'web*literal', state: 'pending' }),
      ec2.seedImage({ region, name: 'web-2026-11-03', ownerId: '099720109477' })
    ]
    const names = async (input: DescribeImagesCommandInput) =>
      ((await client(region).send(new DescribeImagesCommand(input))).Images ?? [])
        .map((i: Image) => i.Name)
        .sort()
    expect(await names({ Owners: ['self'] })).toEqual([
      'db-2026-11-01',
      'web*literal',
      'web-2026-11-01',
      'web-2026-11-02',
      'web-2026-11-10'
    ])
    expect(await names({ Filters: [{ Name: 'name', Values: ['web-2026-11-0?'] }] })).toEqual([
      'web-2026-11-01',
      'web-2026-11-02',
      'web-2026-11-03'
    ])
    expect(
      await names({
        Owners: ['099720109477'],
        Filters: [{ Name: 'name', Values: ['web-*'] }]
      })
    ).toEqual(['web-2026-11-03'])
    expect(await names({ Filters: [{ Name: 'name', Values: ['web\\*literal'] }] })).toEqual([
      'web*literal'
    ])
    expect(await names({ Filters: [{ Name: 'state', Values: ['pending'] }] })).toEqual([
      'web*literal'
    ])
    expect(
      await names({
        Filters: [
          { Name: 'tag:Role', Values: ['web'] },
          { Name: 'tag-key', Values: ['Keep'] }
        ]
      })
    ).toEqual(['web-2026-11-10'])
    expect(await names({ ImageIds: [seeded[3].imageId, seeded[0].imageId] })).toEqual([
      'db-2026-11-01',
      'web-2026-11-01'
    ])
    await expectEc2Error(
      client(region).send(
        new DescribeImagesCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })
      ),
      'InvalidParameterValue',
      "The filter 'colour' is invalid"
    )
    await expectEc2Error(
      client(region).send(new DescribeImagesCommand({ ImageIds: ['ami-xyz'] })),
      'InvalidAMIID.Malformed',
      'Invalid id: "ami-xyz" (expecting "ami-...")'
    )
  })

  it('pages DescribeImages for the SDK paginator', async () => {
    const region = 'ap-northeast-1'
    const ids = Array.from(
      { length: 12 },
      (_, i) => ec2.seedImage({ region, name: `paged-${i}` }).imageId
    )
    const seen: string[] = []
    let pages = 0
    for await (const page of paginateDescribeImages(
      { client: client(region), pageSize: 5 },
      { Owners: ['self'] }
    )) {
      pages++
      seen.push(...page.Images!.map((i) => i.ImageId!))
    }
    expect(seen).toEqual(ids)
    expect(pages).toBe(3)
    expect(ec2.callsOf('DescribeImages', region).map((c) => c.params.MaxResults)).toEqual([
      '5',
      '5',
      '5'
    ])
    await expectEc2Error(
      client(region).send(new DescribeImagesCommand({ MaxResults: 2 })),
      'InvalidParameterValue',
      /Parameter must be between 5 and 1000/
    )
  })

  it('keeps a snapshot while an image uses it, shares it, deletes it after deregistration', async () => {
    const region = 'eu-west-1'
    const shared = ec2.seedSnapshot({ region, volumeSize: 30 })
    const first = ec2.seedImage({ region, name: 'shared-1', snapshotIds: [shared.snapshotId] })
    const second = ec2.seedImage({ region, name: 'shared-2', snapshotIds: [shared.snapshotId] })
    const c = client(region)
    await c.send(
      new ModifyImageAttributeCommand({
        ImageId: first.imageId,
        LaunchPermission: { Add: [{ UserId: '210987654321' }] }
      })
    )
    expect(ec2.images(region).find((i) => i.imageId === first.imageId)?.launchPermissions).toEqual([
      '210987654321'
    ])
    await c.send(new DeregisterImageCommand({ ImageId: first.imageId }))
    await expectEc2Error(
      c.send(new DeleteSnapshotCommand({ SnapshotId: shared.snapshotId })),
      'InvalidSnapshot.InUse',
      `The snapshot ${shared.snapshotId} is currently in use by ${second.imageId}`
    )
    await c.send(new DeregisterImageCommand({ ImageId: second.imageId }))
    await c.send(new DeleteSnapshotCommand({ SnapshotId: shared.snapshotId }))
    const left = await c.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }))
    expect(left.Snapshots?.map((s) => s.SnapshotId)).not.toContain(shared.snapshotId)
    expect(ec2.images(region, { includeDeregistered: true }).map((i) => i.state)).toEqual([
      'deregistered',
      'deregistered'
    ])
  })
})

describe('key pairs, security groups, tags', () => {
  it('keeps key pairs per region and refuses to delete a group an instance still uses', async () => {
    const region = 'us-east-2'
    const c = client(region)
    const key = await c.send(new CreateKeyPairCommand({ KeyName: 'packer_tmp' }))
    expect(key.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/)
    expect(key.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/)
    await expectEc2Error(
      client('us-west-1').send(new DescribeKeyPairsCommand({ KeyNames: ['packer_tmp'] })),
      'InvalidKeyPair.NotFound',
      "The key pair 'packer_tmp' does not exist"
    )
    const group = await c.send(
      new CreateSecurityGroupCommand({ GroupName: 'packer_sg', Description: 'temporary' })
    )
    await c.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: group.GroupId,
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        CidrIp: '0.0.0.0/0'
      })
    )
    const described = await c.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [group.GroupId!] })
    )
    expect(described.SecurityGroups?.[0].IpPermissions).toEqual([
      expect.objectContaining({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22 })
    ])
    const base = ec2.seedImage({ region, name: 'base-sg' })
    const run = await c.send(
      new RunInstancesCommand({
        ImageId: base.imageId,
        MinCount: 1,
        MaxCount: 1,
        KeyName: 'packer_tmp',
        SecurityGroupIds: [group.GroupId!]
      })
    )
    const instanceId = run.Instances![0].InstanceId!
    await expectEc2Error(
      c.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId })),
      'DependencyViolation',
      `resource ${group.GroupId} has a dependent object`
    )
    await c.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }))
    await waitUntilInstanceTerminated(waiter(region), { InstanceIds: [instanceId] })
    await c.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId }))
    await c.send(new DeleteKeyPairCommand({ KeyName: 'packer_tmp' }))
    expect(ec2.securityGroups(region)).toEqual([])
    expect(ec2.keyPairs(region)).toEqual([])
    expect(ec2.deletedKeyPairs(region).map((k) => k.keyName)).toEqual(['packer_tmp'])
    await expectEc2Error(
      c.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId })),
      'InvalidGroup.NotFound',
      `The security group '${group.GroupId}' does not exist`
    )
  })

  it('tags images and snapshots and describes tags by resource', async () => {
    const region = 'us-west-1'
    const image = ec2.seedImage({ region, name: 'tagged' })
    const snapshotId = image.blockDevices[0].snapshotId!
    await client(region).send(
      new CreateTagsCommand({
        Resources: [image.imageId, snapshotId],
        Tags: [{ Key: 'Build', Value: '42' }]
      })
    )
    const tags = await client(region).send(
      new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['Build'] }] })
    )
    expect(tags.Tags?.map((t) => [t.ResourceType, t.ResourceId, t.Value])).toEqual([
      ['image', image.imageId, '42'],
      ['snapshot', snapshotId, '42']
    ])
    await expectEc2Error(
      client(region).send(
        new CreateTagsCommand({
          Resources: [image.imageId, 'ami-0123456789abcdef0'],
          Tags: [{ Key: 'More', Value: 'x' }]
        })
      ),
      'InvalidAMIID.NotFound',
      "The image id '[ami-0123456789abcdef0]' does not exist"
    )
    // All or nothing: the existing image was not tagged either.
    expect(ec2.images(region)[0].tags).toEqual({ Build: '42' })
  })

  it('lists launch templates by name and tag, in pages', async () => {
    const region = 'ca-central-1'
    const image = ec2.seedImage({ region, name: 'lt-base' })
    for (const name of ['api', 'api-canary', 'worker']) {
      ec2.seedLaunchTemplate({
        region,
        name,
        versions: [{ imageId: image.imageId }],
        tags: { Team: name === 'worker' ? 'batch' : 'web' }
      })
    }
    const c = client(region)
    const byName = await c.send(
      new DescribeLaunchTemplatesCommand({
        Filters: [{ Name: 'launch-template-name', Values: ['api*'] }]
      })
    )
    expect(byName.LaunchTemplates?.map((t) => t.LaunchTemplateName)).toEqual(['api', 'api-canary'])
    const byTag = await c.send(
      new DescribeLaunchTemplatesCommand({ Filters: [{ Name: 'tag:Team', Values: ['batch'] }] })
    )
    expect(byTag.LaunchTemplates?.map((t) => t.LaunchTemplateName)).toEqual(['worker'])
    const first = await c.send(new DescribeLaunchTemplatesCommand({ MaxResults: 2 }))
    const second = await c.send(
      new DescribeLaunchTemplatesCommand({ MaxResults: 2, NextToken: first.NextToken })
    )
    expect(second.NextToken).toBeUndefined()
    expect(
      [...first.LaunchTemplates!, ...second.LaunchTemplates!].map((t) => t.LaunchTemplateName)
    ).toEqual(['api', 'api-canary', 'worker'])
    await expectEc2Error(
      c.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateNames: ['nope'] })),
      'InvalidLaunchTemplateName.NotFoundException',
      'At least one of the launch templates specified in the request does not exist.'
    )
  })

  it('describes the default VPC, its subnets and an instance volume until it is deleted', async () => {
    const region = 'eu-west-2'
    const c = client(region)
    const vpcs = await c.send(
      new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })
    )
    expect(vpcs.Vpcs).toEqual([expect.objectContaining({ IsDefault: true, State: 'available' })])
    const subnets = await c.send(
      new DescribeSubnetsCommand({
        Filters: [{ Name: 'vpc-id', Values: [vpcs.Vpcs![0].VpcId!] }]
      })
    )
    expect(subnets.Subnets?.map((s) => s.AvailabilityZone)).toEqual([
      'eu-west-2a',
      'eu-west-2b',
      'eu-west-2c'
    ])
    const base = ec2.seedImage({ region, name: 'base-volumes' })
    const run = await c.send(
      new RunInstancesCommand({
        ImageId: base.imageId,
        MinCount: 1,
        MaxCount: 1,
        BlockDeviceMappings: [
          { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 50, DeleteOnTermination: false } }
        ]
      })
    )
    const instanceId = run.Instances![0].InstanceId!
    const attached = await c.send(
      new DescribeVolumesCommand({
        Filters: [{ Name: 'attachment.instance-id', Values: [instanceId] }]
      })
    )
    expect(attached.Volumes?.map((v) => [v.Size, v.State])).toEqual([
      [8, 'in-use'],
      [50, 'in-use']
    ])
    const data = attached.Volumes![1].VolumeId!
    await expectEc2Error(
      c.send(new DeleteVolumeCommand({ VolumeId: data })),
      'VolumeInUse',
      `Volume ${data} is currently attached to ${instanceId}`
    )
    await c.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }))
    await waitUntilInstanceTerminated(waiter(region), { InstanceIds: [instanceId] })
    // The root volume went with the instance; the data volume stays until deleted.
    const left = await c.send(new DescribeVolumesCommand({}))
    expect(left.Volumes?.map((v) => [v.VolumeId, v.State])).toEqual([[data, 'available']])
    await c.send(new DeleteVolumeCommand({ VolumeId: data }))
    expect(ec2.volumes(region)).toEqual([])
  })

  it('serves seeded launch templates and their versions', async () => {
    const region = 'eu-central-1'
    const old = ec2.seedImage({ region, name: 'lt-old' })
    const current = ec2.seedImage({ region, name: 'lt-current' })
    const template = ec2.seedLaunchTemplate({
      region,
      name: 'web',
      versions: [{ imageId: old.imageId }, { imageId: current.imageId }],
      defaultVersion: 2
    })
    const versions = await client(region).send(
      new DescribeLaunchTemplateVersionsCommand({
        LaunchTemplateId: template.launchTemplateId,
        Versions: ['$Default']
      })
    )
    expect(versions.LaunchTemplateVersions).toEqual([
      expect.objectContaining({
        VersionNumber: 2,
        DefaultVersion: true,
        LaunchTemplateData: expect.objectContaining({ ImageId: current.imageId })
      })
    ])
  })
})

describe('protocol', () => {
  const sign = (region: string) => ({
    Authorization: `AWS4-HMAC-SHA256 Credential=AKIDDOUBLE/20261123/${region}/ec2/aws4_request, SignedHeaders=host;x-amz-date, Signature=0`
  })

  it('answers a GET query and a POST form alike, in the region of the credential scope', async () => {
    ec2.seedImage({ region: 'me-south-1', name: 'raw-protocol', imageId: 'ami-0a1b2c3d4e5f60718' })
    const get = await fetch(
      `${ec2.url}/?Action=DescribeImages&Version=2016-11-15&ImageId.1=ami-0a1b2c3d4e5f60718`,
      { headers: sign('me-south-1') }
    )
    const post = await fetch(ec2.url, {
      method: 'POST',
      headers: { ...sign('me-south-1'), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeImages&Version=2016-11-15&ImageId.1=ami-0a1b2c3d4e5f60718'
    })
    for (const response of [get, post]) {
      expect(response.status).toBe(200)
      const xml = await response.text()
      expect(xml).toMatch(
        /^<\?xml version="1.0" encoding="UTF-8"\?>\n<DescribeImagesResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>[0-9a-f-]{36}<\/requestId><imagesSet><item><imageId>ami-0a1b2c3d4e5f60718<\/imageId>/
      )
    }
    const elsewhere = await fetch(
      `${ec2.url}/?Action=DescribeImages&Version=2016-11-15&ImageId.1=ami-0a1b2c3d4e5f60718`,
      { headers: sign('af-south-1') }
    )
    expect(elsewhere.status).toBe(400)
    expect(await elsewhere.text()).toMatch(
      /<Response><Errors><Error><Code>InvalidAMIID\.NotFound<\/Code><Message>The image id &apos;\[ami-0a1b2c3d4e5f60718\]&apos; does not exist<\/Message><\/Error><\/Errors><RequestID>[0-9a-f-]{36}<\/RequestID><\/Response>$/
    )
  })

  it('refuses an unsigned request with AuthFailure', async () => {
    const response = await fetch(`${ec2.url}/?Action=DescribeRegions&Version=2016-11-15`)
    expect(response.status).toBe(401)
    expect(await response.text()).toContain('<Code>AuthFailure</Code>')
  })
})

describe('faults', () => {
  it('fails the next calls with an injected error, which the SDK retries or reports', async () => {
    const before = ec2.callsOf('DescribeRegions').length
    ec2.fail('DescribeRegions', {
      code: 'RequestLimitExceeded',
      message: 'Request limit exceeded.',
      status: 503,
      times: 2
    })
    const regions = await client().send(new DescribeRegionsCommand({}))
    expect(regions.Regions?.map((r) => r.RegionName)).toContain('eu-central-1')
    expect(
      ec2
        .callsOf('DescribeRegions')
        .slice(before)
        .map((c) => c.errorCode ?? c.status)
    ).toEqual(['RequestLimitExceeded', 'RequestLimitExceeded', 200])

    ec2.fail('DescribeRegions', {
      code: 'InternalError',
      message: 'An internal error',
      status: 500
    })
    await expectEc2Error(
      client('us-east-1', 1).send(new DescribeRegionsCommand({})),
      'InternalError',
      'An internal error',
      500
    )
  })

  it('answers a retried RunInstances with the first launch, even when the first answer was lost', async () => {
    const base = ec2.seedImage({ region: 'sa-east-1', name: 'base-idempotent' })
    ec2.fail('RunInstances', {
      code: 'InternalError',
      message: 'An internal error has occurred',
      status: 500,
      afterEffect: true
    })
    const run = await client('sa-east-1').send(
      new RunInstancesCommand({ ImageId: base.imageId, MinCount: 1, MaxCount: 1 })
    )
    const calls = ec2.callsOf('RunInstances', 'sa-east-1')
    expect(calls.map((c) => c.errorCode ?? c.status)).toEqual(['InternalError', 200])
    // The SDK filled in a ClientToken and kept it for the retry.
    expect(calls[0].params.ClientToken).toMatch(/^[0-9a-f-]{36}$/)
    expect(calls[1].params.ClientToken).toBe(calls[0].params.ClientToken)
    expect(ec2.instances('sa-east-1').map((i) => i.instanceId)).toEqual([
      run.Instances![0].InstanceId
    ])
  })

  it('throttles a share of calls at random, and the SDK retries them', async () => {
    ec2.throttle({ rate: 0.2, seed: 7 })
    const before = ec2.calls.length
    try {
      for (let i = 0; i < 20; i++) await client().send(new DescribeRegionsCommand({}))
    } finally {
      ec2.clearFaults()
    }
    const codes = ec2.calls.slice(before).map((c) => c.errorCode ?? 'ok')
    expect(codes.filter((c) => c === 'ok')).toHaveLength(20)
    expect(codes.filter((c) => c !== 'ok').length).toBeGreaterThan(0)
    for (const code of codes)
      expect(['ok', 'RequestLimitExceeded', 'InternalError']).toContain(code)
  })

  it('answers an action it does not know with InvalidAction, and records it', async () => {
    await expectEc2Error(
      client().send(new DescribeAddressesCommand({})),
      'InvalidAction',
      'The action DescribeAddresses is not valid for this web service.'
    )
    expect(ec2.unknownActions().map((c) => c.action)).toEqual(['DescribeAddresses'])
  })
})
