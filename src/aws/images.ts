/**
 * The EC2 calls of the lifecycle commands, through `@aws-sdk/client-ec2`. Thin I/O: listing what
 * the pure planners need and carrying out their plans, capturing each item's failure so that one
 * snapshot in use or one region down does not stop the rest.
 */
import {
  CreateTagsCommand,
  EC2Client,
  ModifyImageAttributeCommand,
  paginateDescribeImages,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
  type EC2ClientConfig,
  type Image as SdkImage
} from '@aws-sdk/client-ec2'
import { awsErrorMessage } from '../action/errors.js'
import { deregisterWithSnapshots } from './deregister.js'
import {
  planRetention,
  inUseReasons,
  type Deletion,
  type Image,
  type Kept
} from '../lifecycle/retention.js'
import type { RetentionOptions } from '../lifecycle/retention.js'
import { dictionary } from '../action/dictionary.js'

/**
 * A client for one region. Everything else comes from the SDK's default chain, so the runner's
 * credentials, `AWS_REGION` and `AWS_ENDPOINT_URL_EC2` apply as they do for the AWS CLI.
 */
export function ec2Client(region: string | undefined, config: EC2ClientConfig = {}): EC2Client {
  return new EC2Client(region ? { ...config, region } : config)
}

/** The region the SDK resolves from the environment when none is given. */
export async function defaultRegion(client: EC2Client = new EC2Client({})): Promise<string> {
  return client.config.region()
}

function toImage(region: string, image: SdkImage): Image {
  const tags = dictionary<string>()
  for (const tag of image.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? ''
  return {
    id: image.ImageId ?? '',
    name: image.Name ?? '',
    region,
    creationDate: image.CreationDate ?? '',
    state: image.State ?? '',
    tags,
    snapshotIds: (image.BlockDeviceMappings ?? []).flatMap((m) =>
      m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []
    ),
    owner: image.OwnerId ?? ''
  }
}

/** Every image this account owns in the client's region, disabled ones included, page by page. */
export async function describeOwnImages(
  client: EC2Client,
  region: string,
  pageSize?: number
): Promise<Image[]> {
  const images: Image[] = []
  const pages = paginateDescribeImages(
    { client, pageSize },
    { Owners: ['self'], IncludeDisabled: true }
  )
  for await (const page of pages) {
    for (const image of page.Images ?? []) images.push(toImage(region, image))
  }
  return images
}

/**
 * The described state of the given own AMIs. By filter rather than `ImageIds`, so that a missing
 * id is simply absent instead of failing the whole call with InvalidAMIID.NotFound.
 */
export async function describeImagesById(
  client: EC2Client,
  region: string,
  imageIds: string[]
): Promise<Image[]> {
  if (imageIds.length === 0) return []
  const images: Image[] = []
  const pages = paginateDescribeImages(
    { client },
    { Owners: ['self'], Filters: [{ Name: 'image-id', Values: imageIds }] }
  )
  for await (const page of pages) {
    for (const image of page.Images ?? []) images.push(toImage(region, image))
  }
  return images
}

// Every state an instance can be started again from keeps its image in use.
const INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped']

/**
 * Why images are in use in the client's region: instances not terminated that were launched from
 * them, and the latest and default versions of launch templates (an Auto Scaling group may use
 * either, as `$Latest` or `$Default`).
 */
export async function imagesInUse(
  client: EC2Client,
  pageSize?: number
): Promise<Map<string, string>> {
  const instances: { instanceId: string; imageId: string }[] = []
  const instancePages = paginateDescribeInstances(
    { client, pageSize },
    { Filters: [{ Name: 'instance-state-name', Values: INSTANCE_STATES }] }
  )
  for await (const page of instancePages) {
    for (const reservation of page.Reservations ?? []) {
      for (const i of reservation.Instances ?? []) {
        if (i.InstanceId && i.ImageId)
          instances.push({ instanceId: i.InstanceId, imageId: i.ImageId })
      }
    }
  }

  const templates: { launchTemplateId: string; version: number; imageId: string }[] = []
  for await (const page of paginateDescribeLaunchTemplates({ client }, {})) {
    for (const template of page.LaunchTemplates ?? []) {
      if (!template.LaunchTemplateId) continue
      const versions = paginateDescribeLaunchTemplateVersions(
        { client },
        { LaunchTemplateId: template.LaunchTemplateId, Versions: ['$Latest', '$Default'] }
      )
      const seen = new Set<number>()
      for await (const versionPage of versions) {
        for (const v of versionPage.LaunchTemplateVersions ?? []) {
          const imageId = v.LaunchTemplateData?.ImageId
          if (!imageId || v.VersionNumber === undefined || seen.has(v.VersionNumber)) continue
          seen.add(v.VersionNumber)
          templates.push({
            launchTemplateId: template.LaunchTemplateId,
            version: v.VersionNumber,
            imageId
          })
        }
      }
    }
  }
  return inUseReasons(instances, templates)
}

export interface DeletedImage {
  region: string
  imageId: string
  name: string
  /** Snapshots actually deleted (all of the plan's, in a dry run). */
  snapshotIds: string[]
}

export interface Failure {
  region: string
  /** The image or snapshot concerned; absent when a whole region failed. */
  resourceId?: string
  message: string
}

/**
 * Deregisters each image, then deletes its snapshots. An image that cannot be deregistered keeps
 * its snapshots (they would be refused as in use anyway); each failure is recorded and the rest
 * goes on. Once `stop()` says so (the job is being cancelled), no further image is started, but an
 * image already deregistered still loses its snapshots, so none is left orphaned.
 */
export async function deleteImages(
  client: EC2Client,
  deletions: Deletion[],
  stop: () => boolean = () => false
): Promise<{ deleted: DeletedImage[]; failures: Failure[]; notStarted: Deletion[] }> {
  const deleted: DeletedImage[] = []
  const failures: Failure[] = []
  for (const [index, d] of deletions.entries()) {
    if (stop()) return { deleted, failures, notStarted: deletions.slice(index) }
    const result = await deregisterWithSnapshots(client, d.imageId, d.snapshotIds)
    for (const { resourceId, error } of result.failures) {
      failures.push({ region: d.region, resourceId, message: awsErrorMessage(error) })
    }
    if (!result.deregistered) continue
    deleted.push({
      region: d.region,
      imageId: d.imageId,
      name: d.name,
      snapshotIds: result.deletedSnapshots
    })
  }
  return { deleted, failures, notStarted: [] }
}

export interface CleanupRegionOptions extends Omit<RetentionOptions, 'images' | 'inUse'> {
  region: string
  dryRun: boolean
  /** DescribeImages / DescribeInstances page size; the SDK's default when absent. */
  pageSize?: number
  /** True once no further image should be deleted (the job is being cancelled). */
  stop?: () => boolean
}

export interface CleanupResult {
  deleted: DeletedImage[]
  kept: Kept[]
  failures: Failure[]
  /** Planned deletions not started because `stop` said so. */
  notStarted: Deletion[]
}

/**
 * Plans and (unless a dry run) carries out retention in one region. A failure to list the
 * region's images or what uses them is returned as a failure of the whole region, with nothing
 * deleted there: deleting without knowing what is in use would not be safe.
 */
export async function cleanupRegion(
  client: EC2Client,
  options: CleanupRegionOptions
): Promise<CleanupResult> {
  const { region, dryRun, pageSize, stop, ...retention } = options
  let plan
  try {
    const [images, inUse] = await Promise.all([
      describeOwnImages(client, region, pageSize),
      imagesInUse(client, pageSize)
    ])
    plan = planRetention({ ...retention, images, inUse })
  } catch (error) {
    return {
      deleted: [],
      kept: [],
      failures: [{ region, message: awsErrorMessage(error) }],
      notStarted: []
    }
  }
  if (dryRun) {
    return {
      deleted: plan.delete.map(({ region, imageId, name, snapshotIds }) => ({
        region,
        imageId,
        name,
        snapshotIds
      })),
      kept: plan.keep,
      failures: [],
      notStarted: []
    }
  }
  const { deleted, failures, notStarted } = await deleteImages(client, plan.delete, stop)
  return { deleted, kept: plan.keep, failures, notStarted }
}

/** Tags the resources (an AMI and its snapshots) in one call. */
export async function tagResources(
  client: EC2Client,
  resourceIds: string[],
  tags: Record<string, string>
): Promise<void> {
  const entries = Object.entries(tags)
  if (resourceIds.length === 0 || entries.length === 0) return
  await client.send(
    new CreateTagsCommand({
      Resources: resourceIds,
      Tags: entries.map(([Key, Value]) => ({ Key, Value }))
    })
  )
}

/** Adds launch permission for the accounts; adding one that exists changes nothing. */
export async function shareImage(
  client: EC2Client,
  imageId: string,
  accountIds: string[]
): Promise<void> {
  if (accountIds.length === 0) return
  await client.send(
    new ModifyImageAttributeCommand({
      ImageId: imageId,
      LaunchPermission: { Add: accountIds.map((UserId) => ({ UserId })) }
    })
  )
}
