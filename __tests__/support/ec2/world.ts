/**
 * All regions of the double, the lookups the actions share, and seeding: the resources a test puts
 * in place before Packer or the SDK runs.
 */
import { Ec2Error } from './errors.js'
import {
  ACCOUNT_ID,
  defaultDelays,
  newId,
  newRegion,
  stateAt,
  type BlockDevice,
  type Delays,
  type Image,
  type ImageState,
  type Instance,
  type InstanceState,
  type LaunchTemplate,
  type StateReason,
  type Region,
  type Snapshot,
  type SnapshotState,
  type Tags,
  type Volume,
  type VolumeState,
  volumeState
} from './model.js'

export interface SeedImage {
  region?: string
  imageId?: string
  name: string
  description?: string
  /** Defaults to this account; another owner's image is public unless `public` says otherwise. */
  ownerId?: string
  creationDate?: Date | string
  state?: ImageState
  tags?: Tags
  public?: boolean
  architecture?: string
  rootDeviceName?: string
  /** Existing snapshots to reference (shared between images); otherwise one 8 GiB root snapshot. */
  snapshotIds?: string[]
  /** Size in GiB of each snapshot the seed creates. */
  volumeSizes?: number[]
}

export interface SeedSnapshot {
  region?: string
  snapshotId?: string
  volumeSize?: number
  description?: string
  ownerId?: string
  startTime?: Date | string
  state?: SnapshotState
  tags?: Tags
}

export interface SeedInstance {
  region?: string
  imageId: string
  state?: InstanceState
  instanceType?: string
  tags?: Tags
  launchTime?: Date | string
  launchTemplate?: { launchTemplateId: string; version?: string }
}

export interface SeedLaunchTemplate {
  region?: string
  name: string
  /** One entry per version, version 1 first. */
  versions: { imageId?: string; instanceType?: string; description?: string }[]
  defaultVersion?: number
  tags?: Tags
  createTime?: Date | string
}

export class World {
  readonly regions = new Map<string, Region>()
  delays: Delays
  /** Set: images that CreateImage and CopyImage make from now on end `failed` with this reason. */
  imageFailure?: StateReason

  constructor(delays: Partial<Delays> = {}, delayMs?: number) {
    this.delays = { ...defaultDelays(delayMs), ...delays }
  }

  region(name: string): Region {
    let region = this.regions.get(name)
    if (!region) {
      region = newRegion(name)
      this.regions.set(name, region)
    }
    return region
  }

  findImage(region: Region, imageId: string): Image | undefined {
    const image = region.images.get(imageId)
    return image && stateAt(image.lifecycle) !== 'deregistered' ? image : undefined
  }

  findInstance(region: Region, instanceId: string): Instance | undefined {
    return region.instances.get(instanceId)
  }

  /** Volumes that exist (not deleted), with the instance they came with. */
  volumes(region: Region): { instance: Instance; volume: Volume; state: VolumeState }[] {
    return [...region.instances.values()].flatMap((instance) =>
      instance.volumes
        .map((volume) => ({ instance, volume, state: volumeState(instance, volume) }))
        .filter((v) => v.state !== 'deleted')
    )
  }

  /** Images (not deregistered) whose block devices reference the snapshot. */
  imagesUsingSnapshot(region: Region, snapshotId: string): Image[] {
    return [...region.images.values()].filter(
      (image) =>
        stateAt(image.lifecycle) !== 'deregistered' &&
        image.blockDevices.some((d) => d.snapshotId === snapshotId)
    )
  }

  createSnapshot(
    region: Region,
    fields: Partial<Omit<Snapshot, 'region' | 'lifecycle'>> & { state?: SnapshotState },
    completeAfterMs = 0
  ): Snapshot {
    const now = new Date()
    const snapshot: Snapshot = {
      region: region.name,
      snapshotId: fields.snapshotId ?? newId('snap'),
      volumeId: fields.volumeId ?? 'vol-ffffffff',
      volumeSize: fields.volumeSize ?? 8,
      description: fields.description ?? '',
      ownerId: fields.ownerId ?? ACCOUNT_ID,
      startTime: fields.startTime ?? now,
      encrypted: fields.encrypted ?? false,
      tags: { ...fields.tags },
      createVolumePermissions: fields.createVolumePermissions ?? [],
      lifecycle: [{ state: 'pending', at: fields.startTime ?? now }]
    }
    const final = fields.state ?? 'completed'
    if (final !== 'pending') {
      snapshot.lifecycle.push({ state: final, at: new Date(now.getTime() + completeAfterMs) })
    }
    region.snapshots.set(snapshot.snapshotId, snapshot)
    return snapshot
  }

  seedSnapshot(seed: SeedSnapshot = {}): Snapshot {
    return this.createSnapshot(this.region(seed.region ?? 'us-east-1'), {
      ...seed,
      startTime: seed.startTime === undefined ? undefined : new Date(seed.startTime)
    })
  }

  seedImage(seed: SeedImage): Image {
    const region = this.region(seed.region ?? 'us-east-1')
    const ownerId = seed.ownerId ?? ACCOUNT_ID
    const creationDate = new Date(seed.creationDate ?? Date.now())
    const rootDeviceName = seed.rootDeviceName ?? '/dev/xvda'
    const imageId = seed.imageId ?? newId('ami')
    const snapshotIds =
      seed.snapshotIds ??
      (seed.volumeSizes ?? [8]).map(
        (volumeSize) =>
          this.createSnapshot(region, {
            volumeSize,
            ownerId,
            startTime: creationDate,
            description: `Created by CreateImage(i-00000000) for ${imageId}`
          }).snapshotId
      )
    const blockDevices: BlockDevice[] = snapshotIds.map((snapshotId, i) => {
      const snapshot = region.snapshots.get(snapshotId)
      if (!snapshot) throw new Error(`seedImage: no snapshot ${snapshotId} in ${region.name}`)
      return {
        deviceName: i === 0 ? rootDeviceName : `/dev/sd${String.fromCharCode(98 + i)}`,
        snapshotId,
        volumeSize: snapshot.volumeSize,
        volumeType: 'gp2',
        deleteOnTermination: true,
        encrypted: false
      }
    })
    const image: Image = {
      region: region.name,
      imageId,
      name: seed.name,
      description: seed.description ?? '',
      ownerId,
      creationDate,
      architecture: seed.architecture ?? 'x86_64',
      virtualizationType: 'hvm',
      rootDeviceName,
      enaSupport: true,
      public: seed.public ?? ownerId !== ACCOUNT_ID,
      launchPermissions: [],
      tags: { ...seed.tags },
      blockDevices,
      lifecycle: [{ state: 'pending', at: creationDate }]
    }
    const state = seed.state ?? 'available'
    if (state !== 'pending') image.lifecycle.push({ state, at: creationDate })
    region.images.set(imageId, image)
    return image
  }

  seedInstance(seed: SeedInstance): Instance {
    const region = this.region(seed.region ?? 'us-east-1')
    const image = region.images.get(seed.imageId)
    if (!image) throw new Error(`seedInstance: no image ${seed.imageId} in ${region.name}`)
    const launchTime = new Date(seed.launchTime ?? Date.now())
    const instance = this.createInstance(region, image, {
      instanceType: seed.instanceType ?? 't3.micro',
      tags: { ...seed.tags },
      launchTime,
      launchTemplate: seed.launchTemplate && {
        launchTemplateId: seed.launchTemplate.launchTemplateId,
        version: seed.launchTemplate.version ?? '$Default'
      }
    })
    instance.lifecycle = [{ state: 'pending', at: launchTime }]
    const state = seed.state ?? 'running'
    if (state !== 'pending') instance.lifecycle.push({ state, at: launchTime })
    return instance
  }

  createInstance(
    region: Region,
    image: Image,
    fields: Partial<Omit<Instance, 'region' | 'imageId' | 'lifecycle'>>
  ): Instance {
    const subnet = region.subnets.find((s) => s.subnetId === fields.subnetId) ?? region.subnets[0]
    const instance: Instance = {
      region: region.name,
      instanceId: newId('i'),
      reservationId: fields.reservationId ?? newId('r'),
      imageId: image.imageId,
      instanceType: fields.instanceType ?? 'm1.small',
      keyName: fields.keyName,
      securityGroupIds: fields.securityGroupIds ?? [],
      subnetId: subnet.subnetId,
      vpcId: subnet.vpcId,
      availabilityZone: fields.availabilityZone ?? subnet.availabilityZone,
      privateIpAddress: `172.31.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 2}`,
      launchTime: fields.launchTime ?? new Date(),
      launchTemplate: fields.launchTemplate,
      clientToken: fields.clientToken,
      tags: fields.tags ?? {},
      volumes:
        fields.volumes ??
        image.blockDevices.map((d) => ({
          deviceName: d.deviceName,
          volumeId: newId('vol'),
          volumeSize: d.volumeSize,
          volumeType: d.volumeType,
          deleteOnTermination: d.deleteOnTermination,
          snapshotId: d.snapshotId,
          tags: {}
        })),
      lifecycle: [{ state: 'pending', at: new Date() }]
    }
    region.instances.set(instance.instanceId, instance)
    return instance
  }

  seedLaunchTemplate(seed: SeedLaunchTemplate): LaunchTemplate {
    const region = this.region(seed.region ?? 'us-east-1')
    if ([...region.launchTemplates.values()].some((t) => t.launchTemplateName === seed.name)) {
      throw new Ec2Error(
        'InvalidLaunchTemplateName.AlreadyExistsException',
        `Launch template name already in use.`
      )
    }
    const createTime = new Date(seed.createTime ?? Date.now())
    const template: LaunchTemplate = {
      region: region.name,
      launchTemplateId: newId('lt'),
      launchTemplateName: seed.name,
      createTime,
      createdBy: `arn:aws:iam::${ACCOUNT_ID}:root`,
      defaultVersionNumber: seed.defaultVersion ?? 1,
      versions: seed.versions.map((v, i) => ({ ...v, versionNumber: i + 1, createTime })),
      tags: { ...seed.tags }
    }
    region.launchTemplates.set(template.launchTemplateId, template)
    return template
  }
}
