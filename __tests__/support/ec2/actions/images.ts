/** AMIs and EBS snapshots: describe, create from an instance, copy between regions, delete. */
import {
  checkId,
  Ec2Error,
  imageNotFound,
  invalidParameterValue,
  missingParameter,
  snapshotNotFound
} from '../errors.js'
import {
  ACCOUNT_ID,
  newId,
  stateAt,
  transition,
  type BlockDevice,
  type Image,
  type Region,
  type Snapshot
} from '../model.js'
import { list, structs, tagSpecifications, type Params } from '../query.js'
import type { XmlValue } from '../xml.js'
import type { World } from '../world.js'
import { applyFilters, bool, int, paginate, tagSet, type Context, type Handler } from './common.js'

const OWNER_ALIASES: Record<string, string> = { '137112412989': 'amazon' }

export function imageXml(image: Image): XmlValue {
  const state = stateAt(image.lifecycle)
  return {
    imageId: image.imageId,
    imageLocation: `${image.ownerId}/${image.name}`,
    imageState: state,
    imageOwnerId: image.ownerId,
    creationDate: image.creationDate,
    isPublic: image.public,
    architecture: image.architecture,
    imageType: 'machine',
    imageOwnerAlias: OWNER_ALIASES[image.ownerId],
    name: image.name,
    description: image.description || undefined,
    rootDeviceType: 'ebs',
    rootDeviceName: image.rootDeviceName,
    blockDeviceMapping: image.blockDevices.map((d) => ({
      deviceName: d.deviceName,
      ebs: {
        snapshotId: d.snapshotId,
        volumeSize: d.volumeSize,
        deleteOnTermination: d.deleteOnTermination,
        volumeType: d.volumeType,
        encrypted: d.encrypted
      }
    })),
    virtualizationType: image.virtualizationType,
    tagSet: tagSet(image.tags),
    hypervisor: 'xen',
    enaSupport: image.enaSupport,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    stateReason:
      state === 'failed'
        ? { ...(image.stateReason ?? { code: 'Client.InternalError', message: 'Image failed' }) }
        : undefined
  }
}

function visible(image: Image): boolean {
  return (
    image.ownerId === ACCOUNT_ID || image.public || image.launchPermissions.includes(ACCOUNT_ID)
  )
}

const imageFilters = {
  name: (i: Image) => i.name,
  'image-id': (i: Image) => i.imageId,
  state: (i: Image) => stateAt(i.lifecycle),
  'owner-id': (i: Image) => i.ownerId,
  'owner-alias': (i: Image) => OWNER_ALIASES[i.ownerId],
  architecture: (i: Image) => i.architecture,
  'virtualization-type': (i: Image) => i.virtualizationType,
  'root-device-type': () => 'ebs',
  'root-device-name': (i: Image) => i.rootDeviceName,
  'image-type': () => 'machine',
  'is-public': (i: Image) => String(i.public),
  description: (i: Image) => i.description,
  hypervisor: () => 'xen',
  'ena-support': (i: Image) => String(i.enaSupport),
  'block-device-mapping.snapshot-id': (i: Image) =>
    i.blockDevices.flatMap((d) => (d.snapshotId ? [d.snapshotId] : [])),
  'block-device-mapping.device-name': (i: Image) => i.blockDevices.map((d) => d.deviceName)
}

const describeImages: Handler = ({ world, region, params }) => {
  const ids = list(params, 'ImageId')
  for (const id of ids) checkId('image', id)
  let images: Image[]
  if (ids.length > 0) {
    const missing = ids.filter((id) => !world.findImage(region, id))
    if (missing.length > 0) throw imageNotFound(missing)
    images = ids.map((id) => world.findImage(region, id)!)
  } else {
    images = [...region.images.values()].filter(
      (i) => stateAt(i.lifecycle) !== 'deregistered' && visible(i)
    )
  }
  const owners = list(params, 'Owner').map((o) => (o === 'self' ? ACCOUNT_ID : o))
  if (owners.length > 0) {
    images = images.filter(
      (i) => owners.includes(i.ownerId) || owners.includes(OWNER_ALIASES[i.ownerId] ?? '')
    )
  }
  const executableBy = list(params, 'ExecutableBy')
  if (executableBy.length > 0) {
    images = images.filter(
      (i) =>
        i.public ||
        executableBy.some((who) => who === 'self' || i.launchPermissions.includes(who)) ||
        (executableBy.includes('self') && i.ownerId === ACCOUNT_ID)
    )
  }
  images = applyFilters(images, params, imageFilters, (i) => i.tags)
  const { page, nextToken } = paginate(images, params)
  return { imagesSet: page.map(imageXml), nextToken }
}

const AMI_NAME = /^[A-Za-z0-9()[\] ./\-'@_]{3,128}$/

function checkNewImageName(world: World, region: Region, name: string | undefined): string {
  if (!name) throw missingParameter('name')
  if (!AMI_NAME.test(name)) {
    throw new Ec2Error(
      'InvalidAMIName.Malformed',
      `AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'`
    )
  }
  const taken = [...region.images.values()].find(
    (i) => i.name === name && i.ownerId === ACCOUNT_ID && world.findImage(region, i.imageId)
  )
  if (taken) {
    throw new Ec2Error(
      'InvalidAMIName.Duplicate',
      `AMI name ${name} is already in use by AMI ${taken.imageId}`
    )
  }
  return name
}

function newImage(
  world: World,
  region: Region,
  fields: Pick<Image, 'name' | 'description' | 'blockDevices' | 'rootDeviceName'> & Partial<Image>
): Image {
  const now = new Date()
  const image: Image = {
    region: region.name,
    imageId: fields.imageId ?? newId('ami'),
    ownerId: ACCOUNT_ID,
    creationDate: now,
    architecture: 'x86_64',
    virtualizationType: 'hvm',
    enaSupport: true,
    public: false,
    launchPermissions: [],
    tags: {},
    lifecycle: [{ state: 'pending', at: now }],
    ...fields
  }
  if (world.imageFailure) {
    image.stateReason = { ...world.imageFailure }
    transition(image.lifecycle, { state: 'failed', afterMs: world.delays.imageAvailable })
  } else {
    transition(image.lifecycle, { state: 'available', afterMs: world.delays.imageAvailable })
  }
  region.images.set(image.imageId, image)
  return image
}

const createImage: Handler = ({ world, region, params }) => {
  const instanceId = params.InstanceId
  if (!instanceId) throw missingParameter('instanceId')
  checkId('instance', instanceId)
  const instance = world.findInstance(region, instanceId)
  if (!instance) {
    throw new Ec2Error(
      'InvalidInstanceID.NotFound',
      `The instance ID '${instanceId}' does not exist`
    )
  }
  const state = stateAt(instance.lifecycle)
  if (state !== 'running' && state !== 'stopped') {
    throw new Ec2Error(
      'IncorrectInstanceState',
      `The instance '${instanceId}' is not in a state from which it can be imaged.`
    )
  }
  const name = checkNewImageName(world, region, params.Name)
  const imageId = newId('ami')
  const overrides = new Map(structs(params, 'BlockDeviceMapping').map((m) => [m.DeviceName, m]))
  const snapshotDelay = Math.min(world.delays.snapshotComplete, world.delays.imageAvailable)
  const blockDevices: BlockDevice[] = []
  for (const volume of instance.volumes) {
    const override = overrides.get(volume.deviceName)
    if (override && 'NoDevice' in override) continue
    const snapshot = world.createSnapshot(
      region,
      {
        volumeId: volume.volumeId,
        volumeSize: volume.volumeSize,
        description: `Created by CreateImage(${instanceId}) for ${imageId}`,
        tags: Object.fromEntries(tagSpecifications(params, 'snapshot').map((t) => [t.key, t.value]))
      },
      snapshotDelay
    )
    blockDevices.push({
      deviceName: volume.deviceName,
      snapshotId: snapshot.snapshotId,
      volumeSize: int(override?.['Ebs.VolumeSize'], 'VolumeSize') ?? volume.volumeSize,
      volumeType: override?.['Ebs.VolumeType'] ?? volume.volumeType,
      deleteOnTermination: bool(override?.['Ebs.DeleteOnTermination'], volume.deleteOnTermination),
      encrypted: false
    })
  }
  const source = world.findImage(region, instance.imageId) ?? region.images.get(instance.imageId)
  newImage(world, region, {
    imageId,
    name,
    description: params.Description ?? '',
    rootDeviceName: source?.rootDeviceName ?? instance.volumes[0]?.deviceName ?? '/dev/xvda',
    blockDevices,
    architecture: source?.architecture ?? 'x86_64',
    sourceInstanceId: instanceId,
    sourceImageId: instance.imageId,
    tags: Object.fromEntries(tagSpecifications(params, 'image').map((t) => [t.key, t.value]))
  })
  return { imageId }
}

/** A repeated ClientToken (an SDK retry) answers with the first copy. */
const copyImage: Handler = (context) => {
  const { region, params } = context
  const key = params.ClientToken && `CopyImage/${params.ClientToken}`
  const earlier = key ? region.clientTokens.get(key) : undefined
  if (earlier) return { imageId: earlier[0] }
  const imageId = copy(context)
  if (key) region.clientTokens.set(key, [imageId])
  return { imageId }
}

const copy = ({ world, region, params }: Context): string => {
  const sourceRegionName = params.SourceRegion
  if (!sourceRegionName) throw missingParameter('sourceRegion')
  const sourceImageId = params.SourceImageId
  if (!sourceImageId) throw missingParameter('sourceImageId')
  checkId('image', sourceImageId)
  const sourceRegion = world.region(sourceRegionName)
  const source = world.findImage(sourceRegion, sourceImageId)
  if (!source) throw imageNotFound([sourceImageId])
  if (stateAt(source.lifecycle) !== 'available') {
    throw new Ec2Error(
      'IncorrectState',
      `Image ${sourceImageId} is not in a valid state for copying: ${stateAt(source.lifecycle)}`
    )
  }
  const name = checkNewImageName(world, region, params.Name)
  const imageId = newId('ami')
  const snapshotDelay = Math.min(world.delays.snapshotComplete, world.delays.imageAvailable)
  const task = Date.now()
  const blockDevices = source.blockDevices.map((d) => {
    const snapshot = d.snapshotId
      ? world.createSnapshot(
          region,
          {
            volumeId: 'vol-ffffffff',
            volumeSize: d.volumeSize,
            encrypted: bool(params.Encrypted) || d.encrypted,
            description: `Copied for DestinationAmi ${imageId} from SourceAmi ${sourceImageId} for SourceSnapshot ${d.snapshotId}. Task created on ${task}.`
          },
          snapshotDelay
        )
      : undefined
    return {
      ...d,
      snapshotId: snapshot?.snapshotId,
      encrypted: bool(params.Encrypted) || d.encrypted
    }
  })
  newImage(world, region, {
    imageId,
    name,
    description: params.Description ?? source.description,
    rootDeviceName: source.rootDeviceName,
    architecture: source.architecture,
    blockDevices,
    sourceImageId,
    sourceRegion: sourceRegionName,
    tags: bool(params.CopyImageTags) ? { ...source.tags } : {}
  })
  return imageId
}

function ownImage(world: World, region: Region, imageId: string | undefined): Image {
  if (!imageId) throw missingParameter('imageId')
  checkId('image', imageId)
  const image = world.findImage(region, imageId)
  if (!image) throw imageNotFound([imageId])
  if (image.ownerId !== ACCOUNT_ID) {
    throw new Ec2Error('AuthFailure', `Not authorized for image:${imageId}`)
  }
  return image
}

const deregisterImage: Handler = ({ world, region, params }) => {
  const image = ownImage(world, region, params.ImageId)
  transition(image.lifecycle, { state: 'deregistered', afterMs: 0 })
  return { return: true }
}

/** `add`/`remove` lists as both the flat form (`UserId.N`) and the structure (`LaunchPermission.Add.N.UserId`). */
function permissionChanges(params: Params, structure: string): { add: string[]; remove: string[] } {
  const add: string[] = []
  const remove: string[] = []
  const operation = (params.OperationType ?? '').toLowerCase()
  const flat = [...list(params, 'UserId'), ...list(params, 'UserGroup')]
  if (operation === 'add') add.push(...flat)
  else if (operation === 'remove') remove.push(...flat)
  for (const p of structs(params, `${structure}.Add`)) add.push(p.UserId ?? p.Group)
  for (const p of structs(params, `${structure}.Remove`)) remove.push(p.UserId ?? p.Group)
  return { add: add.filter(Boolean), remove: remove.filter(Boolean) }
}

function applyPermissions(current: string[], changes: { add: string[]; remove: string[] }) {
  const next = new Set(current)
  for (const who of changes.add) next.add(who)
  for (const who of changes.remove) next.delete(who)
  return [...next]
}

const modifyImageAttribute: Handler = ({ world, region, params }) => {
  const image = ownImage(world, region, params.ImageId)
  if (params['Description.Value'] !== undefined) image.description = params['Description.Value']
  const changes = permissionChanges(params, 'LaunchPermission')
  for (const who of [...changes.add, ...changes.remove]) {
    if (who !== 'all' && !/^\d{12}$/.test(who)) {
      throw invalidParameterValue(`Invalid id: "${who}"`)
    }
  }
  const permissions = applyPermissions(image.launchPermissions, changes)
  image.public = permissions.includes('all')
  image.launchPermissions = permissions.filter((p) => p !== 'all')
  return { return: true }
}

const describeImageAttribute: Handler = ({ world, region, params }) => {
  const image = ownImage(world, region, params.ImageId)
  const attribute = params.Attribute
  if (attribute === 'launchPermission') {
    return {
      imageId: image.imageId,
      launchPermission: [
        ...(image.public ? [{ group: 'all' }] : []),
        ...image.launchPermissions.map((userId) => ({ userId }))
      ]
    }
  }
  if (attribute === 'description') {
    return { imageId: image.imageId, description: { value: image.description } }
  }
  throw invalidParameterValue(`Value (${attribute}) for parameter attribute is invalid.`)
}

export function snapshotXml(snapshot: Snapshot): XmlValue {
  const state = stateAt(snapshot.lifecycle)
  return {
    snapshotId: snapshot.snapshotId,
    volumeId: snapshot.volumeId,
    status: state,
    startTime: snapshot.startTime,
    progress: state === 'completed' ? '100%' : '0%',
    ownerId: snapshot.ownerId,
    volumeSize: snapshot.volumeSize,
    description: snapshot.description,
    encrypted: snapshot.encrypted,
    tagSet: tagSet(snapshot.tags),
    storageTier: 'standard'
  }
}

function liveSnapshot(region: Region, id: string): Snapshot | undefined {
  const snapshot = region.snapshots.get(id)
  return snapshot && stateAt(snapshot.lifecycle) !== 'deleted' ? snapshot : undefined
}

const describeSnapshots: Handler = ({ region, params }) => {
  const ids = list(params, 'SnapshotId')
  let snapshots: Snapshot[]
  if (ids.length > 0) {
    const missing = ids.find((id) => !liveSnapshot(region, id))
    if (missing) throw snapshotNotFound(missing)
    snapshots = ids.map((id) => liveSnapshot(region, id)!)
  } else {
    snapshots = [...region.snapshots.values()].filter(
      (s) =>
        stateAt(s.lifecycle) !== 'deleted' &&
        (s.ownerId === ACCOUNT_ID ||
          s.createVolumePermissions.includes('all') ||
          s.createVolumePermissions.includes(ACCOUNT_ID))
    )
  }
  const owners = list(params, 'Owner').map((o) => (o === 'self' ? ACCOUNT_ID : o))
  if (owners.length > 0) snapshots = snapshots.filter((s) => owners.includes(s.ownerId))
  snapshots = applyFilters(
    snapshots,
    params,
    {
      'snapshot-id': (s) => s.snapshotId,
      status: (s) => stateAt(s.lifecycle),
      'owner-id': (s) => s.ownerId,
      'volume-id': (s) => s.volumeId,
      'volume-size': (s) => String(s.volumeSize),
      description: (s) => s.description,
      encrypted: (s) => String(s.encrypted)
    },
    (s) => s.tags
  )
  const { page, nextToken } = paginate(snapshots, params)
  return { snapshotSet: page.map(snapshotXml), nextToken }
}

function ownSnapshot(region: Region, id: string | undefined): Snapshot {
  if (!id) throw missingParameter('snapshotId')
  const snapshot = liveSnapshot(region, id)
  if (!snapshot) throw snapshotNotFound(id)
  return snapshot
}

const deleteSnapshot: Handler = ({ world, region, params }) => {
  const snapshot = ownSnapshot(region, params.SnapshotId)
  const users = world.imagesUsingSnapshot(region, snapshot.snapshotId)
  if (users.length > 0) {
    throw new Ec2Error(
      'InvalidSnapshot.InUse',
      `The snapshot ${snapshot.snapshotId} is currently in use by ${users[0].imageId}`
    )
  }
  transition(snapshot.lifecycle, { state: 'deleted', afterMs: 0 })
  return { return: true }
}

const modifySnapshotAttribute: Handler = ({ region, params }) => {
  const snapshot = ownSnapshot(region, params.SnapshotId)
  snapshot.createVolumePermissions = applyPermissions(
    snapshot.createVolumePermissions,
    permissionChanges(params, 'CreateVolumePermission')
  )
  return { return: true }
}

export const imageActions: Record<string, Handler> = {
  DescribeImages: describeImages,
  CreateImage: createImage,
  CopyImage: copyImage,
  DeregisterImage: deregisterImage,
  ModifyImageAttribute: modifyImageAttribute,
  DescribeImageAttribute: describeImageAttribute,
  DescribeSnapshots: describeSnapshots,
  DeleteSnapshot: deleteSnapshot,
  ModifySnapshotAttribute: modifySnapshotAttribute
}
