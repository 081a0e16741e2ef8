/** Instances: launch, describe, stop, start, terminate, with timed state transitions. */
import {
  checkId,
  Ec2Error,
  groupNotFound,
  imageNotFound,
  instanceNotFound,
  keyPairNotFound,
  missingParameter
} from '../errors.js'
import {
  ACCOUNT_ID,
  INSTANCE_STATE_CODES,
  newId,
  stateAt,
  transition,
  type Instance,
  type InstanceState,
  type Region,
  type Volume
} from '../model.js'
import { list, structs, tagSpecifications, type Params } from '../query.js'
import type { XmlValue } from '../xml.js'
import type { World } from '../world.js'
import {
  applyFilters,
  bool,
  int,
  paginate,
  tagSet,
  type Context,
  type FilterFields,
  type Handler
} from './common.js'

function stateXml(state: InstanceState): XmlValue {
  return { code: INSTANCE_STATE_CODES[state], name: state }
}

/** EC2 gives a reason for every state but running (aws-sdk-go clients dereference it). */
function stateReason(state: InstanceState): XmlValue {
  if (state === 'running') return undefined
  if (state === 'pending') return { code: 'pending', message: 'pending' }
  return {
    code: 'Client.UserInitiatedShutdown',
    message: 'Client.UserInitiatedShutdown: User initiated shutdown'
  }
}

export function instanceXml(region: Region, instance: Instance): XmlValue {
  const state = stateAt(instance.lifecycle)
  const gone = state === 'terminated'
  const up = state === 'running'
  const ipDashed = instance.privateIpAddress.replace(/\./g, '-')
  return {
    instanceId: instance.instanceId,
    imageId: instance.imageId,
    instanceState: stateXml(state),
    privateDnsName: gone ? '' : `ip-${ipDashed}.${instance.region}.compute.internal`,
    dnsName: up ? `ec2-203-0-113-${ipDashed.split('-')[3]}.compute-1.amazonaws.com` : '',
    reason:
      state === 'stopped' || gone
        ? `User initiated (${instance.lifecycle[instance.lifecycle.length - 1].at.toISOString()})`
        : '',
    keyName: instance.keyName,
    amiLaunchIndex: 0,
    productCodes: [],
    instanceType: instance.instanceType,
    launchTime: instance.launchTime,
    placement: { availabilityZone: instance.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: gone ? undefined : instance.subnetId,
    vpcId: gone ? undefined : instance.vpcId,
    privateIpAddress: gone ? undefined : instance.privateIpAddress,
    ipAddress: up ? `203.0.113.${ipDashed.split('-')[3]}` : undefined,
    sourceDestCheck: true,
    groupSet: instance.securityGroupIds.map((groupId) => ({
      groupId,
      groupName: region.securityGroups.get(groupId)?.groupName ?? ''
    })),
    stateReason: stateReason(state),
    architecture: 'x86_64',
    rootDeviceType: 'ebs',
    rootDeviceName: instance.volumes[0]?.deviceName ?? '/dev/xvda',
    blockDeviceMapping: gone
      ? []
      : instance.volumes
          .filter((v) => !v.deletedAt)
          .map((v) => ({
            deviceName: v.deviceName,
            ebs: {
              volumeId: v.volumeId,
              status: 'attached',
              attachTime: instance.launchTime,
              deleteOnTermination: v.deleteOnTermination
            }
          })),
    virtualizationType: 'hvm',
    clientToken: instance.clientToken ?? '',
    tagSet: tagSet(instance.tags),
    hypervisor: 'xen',
    ebsOptimized: false,
    enaSupport: true
  }
}

function requireInstances(region: Region, params: Params): Instance[] {
  const ids = list(params, 'InstanceId')
  for (const id of ids) checkId('instance', id)
  const missing = ids.filter((id) => !region.instances.has(id))
  if (missing.length > 0) throw instanceNotFound(missing)
  return ids.map((id) => region.instances.get(id)!)
}

function reservationXml(region: Region, instances: Instance[]): XmlValue {
  return {
    reservationId: instances[0].reservationId,
    ownerId: ACCOUNT_ID,
    groupSet: [],
    instancesSet: instances.map((i) => instanceXml(region, i))
  }
}

/** SDKs send a ClientToken (and keep it across retries); EC2 answers a repeat with the first launch. */
const runInstances: Handler = (context) => {
  const { region, params } = context
  const key = params.ClientToken && `RunInstances/${params.ClientToken}`
  const earlier = key ? region.clientTokens.get(key) : undefined
  if (earlier)
    return reservationXml(
      region,
      earlier.map((id) => region.instances.get(id)!)
    )
  const instances = launch(context)
  if (key)
    region.clientTokens.set(
      key,
      instances.map((i) => i.instanceId)
    )
  return reservationXml(region, instances)
}

const launch = ({ world, region, params }: Context): Instance[] => {
  const imageId = params.ImageId
  if (!imageId) throw missingParameter('ImageId')
  checkId('image', imageId)
  const image = world.findImage(region, imageId)
  if (!image) throw imageNotFound([imageId])
  if (stateAt(image.lifecycle) !== 'available') {
    throw new Ec2Error(
      'InvalidAMIID.Unavailable',
      `The image id '[${imageId}]' is not available for launch`
    )
  }
  const minCount = int(params.MinCount, 'MinCount') ?? 1
  const maxCount = int(params.MaxCount, 'MaxCount') ?? minCount
  if (minCount < 1 || maxCount < minCount) {
    throw new Ec2Error(
      'InvalidParameterValue',
      `Value (${minCount}) for parameter minCount is invalid.`
    )
  }
  const keyName = params.KeyName
  if (keyName && !region.keyPairs.has(keyName)) throw keyPairNotFound(keyName)
  const groupIds = [
    ...list(params, 'SecurityGroupId'),
    ...structs(params, 'NetworkInterface').flatMap((n) => list(n, 'SecurityGroupId'))
  ]
  for (const name of list(params, 'SecurityGroup')) {
    const group = [...region.securityGroups.values()].find((g) => g.groupName === name)
    if (!group) throw groupNotFound(name)
    groupIds.push(group.groupId)
  }
  for (const id of groupIds) if (!region.securityGroups.has(id)) throw groupNotFound(id)
  const subnetId =
    params.SubnetId ?? structs(params, 'NetworkInterface').find((n) => n.SubnetId)?.SubnetId
  if (subnetId && !region.subnets.some((s) => s.subnetId === subnetId)) {
    throw new Ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`)
  }
  const zone = params['Placement.AvailabilityZone']
  const subnet =
    region.subnets.find((s) => s.subnetId === subnetId) ??
    region.subnets.find((s) => s.availabilityZone === zone) ??
    region.subnets[0]
  const instanceTags = Object.fromEntries(
    tagSpecifications(params, 'instance').map((t) => [t.key, t.value])
  )
  const volumeTags = Object.fromEntries(
    tagSpecifications(params, 'volume').map((t) => [t.key, t.value])
  )
  const mappings = structs(params, 'BlockDeviceMapping')
  const launchTemplate =
    params['LaunchTemplate.LaunchTemplateId'] || params['LaunchTemplate.LaunchTemplateName']
      ? {
          launchTemplateId:
            params['LaunchTemplate.LaunchTemplateId'] ??
            [...region.launchTemplates.values()].find(
              (t) => t.launchTemplateName === params['LaunchTemplate.LaunchTemplateName']
            )?.launchTemplateId ??
            '',
          version: params['LaunchTemplate.Version'] ?? '$Default'
        }
      : undefined
  const reservationId = newId('r')
  const instances: Instance[] = []
  for (let i = 0; i < maxCount; i++) {
    const volumes = volumesFor(image.blockDevices, mappings, volumeTags)
    const instance = world.createInstance(region, image, {
      reservationId,
      instanceType: params.InstanceType ?? 'm1.small',
      keyName,
      securityGroupIds: groupIds,
      subnetId: subnet.subnetId,
      availabilityZone: subnet.availabilityZone,
      tags: { ...instanceTags },
      volumes,
      launchTemplate,
      clientToken: params.ClientToken
    })
    transition(instance.lifecycle, { state: 'running', afterMs: world.delays.instanceStart })
    instances.push(instance)
  }
  return instances
}

/** The image's block devices, overridden or extended by RunInstances' BlockDeviceMapping.N. */
function volumesFor(
  imageDevices: {
    deviceName: string
    snapshotId?: string
    volumeSize: number
    volumeType: string
    deleteOnTermination: boolean
  }[],
  mappings: Params[],
  tags: Record<string, string>
): Volume[] {
  const byDevice = new Map(imageDevices.map((d) => [d.deviceName, { ...d }]))
  for (const m of mappings) {
    if ('NoDevice' in m) {
      byDevice.delete(m.DeviceName)
      continue
    }
    if (m.VirtualName) continue
    const base = byDevice.get(m.DeviceName)
    byDevice.set(m.DeviceName, {
      deviceName: m.DeviceName,
      snapshotId: m['Ebs.SnapshotId'] ?? base?.snapshotId,
      volumeSize: int(m['Ebs.VolumeSize'], 'VolumeSize') ?? base?.volumeSize ?? 8,
      volumeType: m['Ebs.VolumeType'] ?? base?.volumeType ?? 'gp2',
      deleteOnTermination: bool(m['Ebs.DeleteOnTermination'], base?.deleteOnTermination ?? true)
    })
  }
  return [...byDevice.values()].map((d) => ({
    deviceName: d.deviceName,
    volumeId: newId('vol'),
    volumeSize: d.volumeSize,
    volumeType: d.volumeType,
    deleteOnTermination: d.deleteOnTermination,
    snapshotId: d.snapshotId,
    tags: { ...tags }
  }))
}

const instanceFilters = {
  'instance-id': (i: Instance) => i.instanceId,
  'instance-state-name': (i: Instance) => stateAt(i.lifecycle),
  'instance-state-code': (i: Instance) => String(INSTANCE_STATE_CODES[stateAt(i.lifecycle)]),
  'image-id': (i: Instance) => i.imageId,
  'instance-type': (i: Instance) => i.instanceType,
  'key-name': (i: Instance) => i.keyName,
  'instance.group-id': (i: Instance) => i.securityGroupIds,
  'vpc-id': (i: Instance) => i.vpcId,
  'subnet-id': (i: Instance) => i.subnetId,
  'availability-zone': (i: Instance) => i.availabilityZone,
  'reservation-id': (i: Instance) => i.reservationId,
  'private-ip-address': (i: Instance) => i.privateIpAddress
}

const describeInstances: Handler = ({ region, params }) => {
  const ids = list(params, 'InstanceId')
  let instances = ids.length > 0 ? requireInstances(region, params) : [...region.instances.values()]
  instances = applyFilters(instances, params, instanceFilters, (i) => i.tags)
  const { page, nextToken } = paginate(instances, params)
  const reservations = new Map<string, Instance[]>()
  for (const instance of page) {
    reservations.set(instance.reservationId, [
      ...(reservations.get(instance.reservationId) ?? []),
      instance
    ])
  }
  return {
    reservationSet: [...reservations.entries()].map(([reservationId, members]) => ({
      reservationId,
      ownerId: ACCOUNT_ID,
      groupSet: [],
      instancesSet: members.map((i) => instanceXml(region, i))
    })),
    nextToken
  }
}

const describeInstanceStatus: Handler = ({ region, params }) => {
  const ids = list(params, 'InstanceId')
  let instances = ids.length > 0 ? requireInstances(region, params) : [...region.instances.values()]
  if (!bool(params.IncludeAllInstances)) {
    instances = instances.filter((i) => stateAt(i.lifecycle) === 'running')
  }
  instances = applyFilters(instances, params, {
    'instance-state-name': (i) => stateAt(i.lifecycle),
    'availability-zone': (i) => i.availabilityZone
  })
  const { page, nextToken } = paginate(instances, params)
  return {
    instanceStatusSet: page.map((i) => {
      const state = stateAt(i.lifecycle)
      const status =
        state === 'running'
          ? { status: 'ok', details: [{ name: 'reachability', status: 'passed' }] }
          : { status: 'not-applicable' }
      return {
        instanceId: i.instanceId,
        availabilityZone: i.availabilityZone,
        instanceState: stateXml(state),
        systemStatus: status,
        instanceStatus: status
      }
    }),
    nextToken
  }
}

function stateChange(
  region: Region,
  params: Params,
  change: (instance: Instance, state: InstanceState) => void
): XmlValue {
  const instances = requireInstances(region, params)
  if (instances.length === 0) throw missingParameter('InstanceId')
  const previous = instances.map((i) => stateAt(i.lifecycle))
  instances.forEach((instance, n) => change(instance, previous[n]))
  return {
    instancesSet: instances.map((instance, n) => ({
      instanceId: instance.instanceId,
      currentState: stateXml(stateAt(instance.lifecycle)),
      previousState: stateXml(previous[n])
    }))
  }
}

const stopInstances: Handler = ({ world, region, params }) =>
  stateChange(region, params, (instance, state) => {
    if (state === 'stopped' || state === 'stopping') return
    if (state === 'terminated' || state === 'shutting-down') {
      throw new Ec2Error(
        'IncorrectInstanceState',
        `This instance '${instance.instanceId}' is not in a state from which it can be stopped.`
      )
    }
    transition(
      instance.lifecycle,
      { state: 'stopping', afterMs: 0 },
      { state: 'stopped', afterMs: world.delays.instanceStop }
    )
  })

const startInstances: Handler = ({ world, region, params }) =>
  stateChange(region, params, (instance, state) => {
    if (state === 'running' || state === 'pending') return
    if (state !== 'stopped') {
      throw new Ec2Error(
        'IncorrectInstanceState',
        `The instance '${instance.instanceId}' is not in a state from which it can be started.`
      )
    }
    transition(
      instance.lifecycle,
      { state: 'pending', afterMs: 0 },
      { state: 'running', afterMs: world.delays.instanceStart }
    )
  })

const terminateInstances: Handler = ({ world, region, params }) =>
  stateChange(region, params, (instance, state) => {
    if (state === 'terminated' || state === 'shutting-down') return
    transition(
      instance.lifecycle,
      { state: 'shutting-down', afterMs: 0 },
      { state: 'terminated', afterMs: world.delays.instanceTerminate }
    )
  })

const volumeFilters: FilterFields<WorldVolume> = {
  'volume-id': ({ volume }) => volume.volumeId,
  status: ({ state }) => state,
  'attachment.instance-id': ({ instance, state }) =>
    state === 'in-use' ? instance.instanceId : undefined,
  'attachment.device': ({ volume, state }) => (state === 'in-use' ? volume.deviceName : undefined),
  'attachment.delete-on-termination': ({ volume }) => String(volume.deleteOnTermination),
  'availability-zone': ({ instance }) => instance.availabilityZone,
  'snapshot-id': ({ volume }) => volume.snapshotId,
  size: ({ volume }) => String(volume.volumeSize),
  'volume-type': ({ volume }) => volume.volumeType
}

type WorldVolume = ReturnType<World['volumes']>[number]

const describeVolumes: Handler = ({ world, region, params }) => {
  const all = world.volumes(region)
  const ids = list(params, 'VolumeId')
  for (const id of ids) {
    checkId('volume', id)
    if (!all.some((v) => v.volume.volumeId === id)) {
      throw new Ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`)
    }
  }
  let volumes = ids.length > 0 ? all.filter((v) => ids.includes(v.volume.volumeId)) : all
  volumes = applyFilters(volumes, params, volumeFilters, (v) => v.volume.tags)
  const { page, nextToken } = paginate(volumes, params)
  return {
    volumeSet: page.map(({ instance, volume, state }) => ({
      volumeId: volume.volumeId,
      size: volume.volumeSize,
      snapshotId: volume.snapshotId ?? '',
      availabilityZone: instance.availabilityZone,
      status: state,
      createTime: instance.launchTime,
      attachmentSet:
        state === 'in-use'
          ? [
              {
                volumeId: volume.volumeId,
                instanceId: instance.instanceId,
                device: volume.deviceName,
                status: 'attached',
                attachTime: instance.launchTime,
                deleteOnTermination: volume.deleteOnTermination
              }
            ]
          : [],
      tagSet: tagSet(volume.tags),
      volumeType: volume.volumeType,
      encrypted: false,
      multiAttachEnabled: false
    })),
    nextToken
  }
}

const deleteVolume: Handler = ({ world, region, params }) => {
  const id = params.VolumeId
  if (!id) throw missingParameter('VolumeId')
  checkId('volume', id)
  const found = world.volumes(region).find((v) => v.volume.volumeId === id)
  if (!found) throw new Ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`)
  if (found.state === 'in-use') {
    throw new Ec2Error(
      'VolumeInUse',
      `Volume ${id} is currently attached to ${found.instance.instanceId}`
    )
  }
  found.volume.deletedAt = new Date()
  return { return: true }
}

/** Packer's ena_support / sriov_support; accepted and recorded in the call log only. */
const modifyInstanceAttribute: Handler = ({ region, params }) => {
  if (!params.InstanceId) throw missingParameter('InstanceId')
  requireInstances(region, { 'InstanceId.1': params.InstanceId })
  return { return: true }
}

export const instanceActions: Record<string, Handler> = {
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  DescribeInstanceStatus: describeInstanceStatus,
  StopInstances: stopInstances,
  StartInstances: startInstances,
  TerminateInstances: terminateInstances,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  DescribeVolumes: describeVolumes,
  DeleteVolume: deleteVolume
}
