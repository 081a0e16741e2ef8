/**
 * What the EC2 double holds, per region: images, snapshots, instances, key pairs, security groups,
 * launch templates, a default VPC with one subnet per zone. Every resource keeps its lifecycle,
 * including states scheduled for later (an instance is `pending` now and `running` once its delay has
 * passed), so reading the state at any time needs no timers.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto'

export const ACCOUNT_ID = '123456789012'

export type InstanceState =
  'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated'
export type ImageState = 'pending' | 'available' | 'failed' | 'deregistered'
export type SnapshotState = 'pending' | 'completed' | 'error' | 'deleted'

export const INSTANCE_STATE_CODES: Record<InstanceState, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80
}

export interface Transition<S extends string> {
  state: S
  at: Date
}

export type Tags = Record<string, string>

export interface BlockDevice {
  deviceName: string
  snapshotId?: string
  volumeSize: number
  volumeType: string
  deleteOnTermination: boolean
  encrypted: boolean
}

export interface Image {
  region: string
  imageId: string
  name: string
  description: string
  ownerId: string
  creationDate: Date
  architecture: string
  virtualizationType: string
  rootDeviceName: string
  enaSupport: boolean
  public: boolean
  /** Account ids with launch permission (ModifyImageAttribute). */
  launchPermissions: string[]
  tags: Tags
  blockDevices: BlockDevice[]
  /** Where it came from: CreateImage's instance, or CopyImage's source. */
  sourceInstanceId?: string
  sourceImageId?: string
  sourceRegion?: string
  lifecycle: Transition<ImageState>[]
  /** Why it failed, when its lifecycle ends in `failed` (DescribeImages' stateReason). */
  stateReason?: StateReason
}

/** EC2's reason for a state, as DescribeImages returns it for a failed image. */
export interface StateReason {
  code: string
  message: string
}

export interface Snapshot {
  region: string
  snapshotId: string
  volumeId: string
  volumeSize: number
  description: string
  ownerId: string
  startTime: Date
  encrypted: boolean
  tags: Tags
  createVolumePermissions: string[]
  lifecycle: Transition<SnapshotState>[]
}

export interface Volume {
  deviceName: string
  volumeId: string
  volumeSize: number
  volumeType: string
  deleteOnTermination: boolean
  snapshotId?: string
  tags: Tags
  /** DeleteVolume on a volume the instance's termination left behind. */
  deletedAt?: Date
}

export type VolumeState = 'in-use' | 'available' | 'deleted'

/** An instance's volume is in use until the instance terminates, then deleted or left available. */
export function volumeState(instance: Instance, volume: Volume): VolumeState {
  if (volume.deletedAt) return 'deleted'
  if (stateAt(instance.lifecycle) !== 'terminated') return 'in-use'
  return volume.deleteOnTermination ? 'deleted' : 'available'
}

export interface Instance {
  region: string
  instanceId: string
  reservationId: string
  imageId: string
  instanceType: string
  keyName?: string
  securityGroupIds: string[]
  subnetId: string
  vpcId: string
  availabilityZone: string
  privateIpAddress: string
  launchTime: Date
  launchTemplate?: { launchTemplateId: string; version: string }
  clientToken?: string
  tags: Tags
  volumes: Volume[]
  lifecycle: Transition<InstanceState>[]
}

export interface KeyPair {
  region: string
  keyName: string
  keyPairId: string
  fingerprint: string
  createdAt: Date
  deletedAt?: Date
  tags: Tags
}

export interface IngressRule {
  ipProtocol: string
  fromPort?: number
  toPort?: number
  cidrIp?: string
}

export interface SecurityGroup {
  region: string
  groupId: string
  groupName: string
  description: string
  vpcId: string
  ownerId: string
  ingress: IngressRule[]
  createdAt: Date
  deletedAt?: Date
  tags: Tags
}

export interface LaunchTemplateVersion {
  versionNumber: number
  createTime: Date
  description?: string
  imageId?: string
  instanceType?: string
}

export interface LaunchTemplate {
  region: string
  launchTemplateId: string
  launchTemplateName: string
  createTime: Date
  createdBy: string
  defaultVersionNumber: number
  versions: LaunchTemplateVersion[]
  tags: Tags
}

export interface Vpc {
  vpcId: string
  cidrBlock: string
  isDefault: boolean
}

export interface Subnet {
  subnetId: string
  vpcId: string
  availabilityZone: string
  cidrBlock: string
  defaultForAz: boolean
}

export interface Region {
  name: string
  images: Map<string, Image>
  snapshots: Map<string, Snapshot>
  instances: Map<string, Instance>
  keyPairs: Map<string, KeyPair>
  /** Deleted key pairs and groups, kept for the tests' questions about what existed. */
  deletedKeyPairs: KeyPair[]
  securityGroups: Map<string, SecurityGroup>
  deletedSecurityGroups: SecurityGroup[]
  launchTemplates: Map<string, LaunchTemplate>
  /** What a request with a ClientToken created, so that a retried request creates nothing more. */
  clientTokens: Map<string, string[]>
  vpc: Vpc
  subnets: Subnet[]
}

/** How long each transition takes, in milliseconds. */
export interface Delays {
  /** pending → running */
  instanceStart: number
  /** stopping → stopped */
  instanceStop: number
  /** shutting-down → terminated */
  instanceTerminate: number
  /** pending → available, for CreateImage and CopyImage */
  imageAvailable: number
  /** pending → completed */
  snapshotComplete: number
}

export const DEFAULT_DELAY_MS = 300

export function defaultDelays(ms = DEFAULT_DELAY_MS): Delays {
  return {
    instanceStart: ms,
    instanceStop: ms,
    instanceTerminate: ms,
    imageAvailable: ms,
    snapshotComplete: ms
  }
}

export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-southeast-1',
  'ap-northeast-1'
]

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`
}

/** The state a lifecycle is in at `now`: its last transition that has happened. */
export function stateAt<S extends string>(lifecycle: Transition<S>[], now = new Date()): S {
  let current = lifecycle[0].state
  for (const t of lifecycle) if (t.at.getTime() <= now.getTime()) current = t.state
  return current
}

/** Drops transitions still to come and appends the new ones (a stop cancels a pending start). */
export function transition<S extends string>(
  lifecycle: Transition<S>[],
  ...next: { state: S; afterMs: number }[]
): void {
  const now = Date.now()
  for (let i = lifecycle.length - 1; i > 0 && lifecycle[i].at.getTime() > now; i--) lifecycle.pop()
  for (const t of next) lifecycle.push({ state: t.state, at: new Date(now + t.afterMs) })
}

/** Only what has happened by `now`. */
export function pastLifecycle<S extends string>(
  lifecycle: Transition<S>[],
  now = new Date()
): Transition<S>[] {
  return lifecycle.filter((t) => t.at.getTime() <= now.getTime())
}

export function newRegion(name: string): Region {
  const vpcId = `vpc-${hash(name, 17)}`
  return {
    name,
    images: new Map(),
    snapshots: new Map(),
    instances: new Map(),
    keyPairs: new Map(),
    deletedKeyPairs: [],
    securityGroups: new Map(),
    deletedSecurityGroups: [],
    launchTemplates: new Map(),
    clientTokens: new Map(),
    vpc: { vpcId, cidrBlock: '172.31.0.0/16', isDefault: true },
    subnets: ['a', 'b', 'c'].map((zone, i) => ({
      subnetId: `subnet-${hash(`${name}${zone}`, 17)}`,
      vpcId,
      availabilityZone: `${name}${zone}`,
      cidrBlock: `172.31.${i * 16}.0/20`,
      defaultForAz: true
    }))
  }
}

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length)
}

/** A real RSA key as CreateKeyPair returns it (PKCS#1 PEM), with EC2's SHA-1 fingerprint. */
export function newPrivateKey(): { pem: string; fingerprint: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim()
  const der = privateKey.export({ type: 'pkcs8', format: 'der' })
  const digest = createHash('sha1').update(der).digest('hex')
  return { pem, fingerprint: digest.match(/.{2}/g)?.join(':') ?? digest }
}
