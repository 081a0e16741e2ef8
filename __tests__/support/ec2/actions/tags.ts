/** Tags on any resource, and launch templates with their versions. */
import {
  checkId,
  Ec2Error,
  groupNotFound,
  imageNotFound,
  instanceNotFound,
  missingParameter,
  snapshotNotFound
} from '../errors.js'
import { stateAt, type LaunchTemplate, type Region, type Tags } from '../model.js'
import { list, tags as tagParams } from '../query.js'
import type { World } from '../world.js'
import { applyFilters, int, paginate, tagSet, type Handler } from './common.js'

interface Tagged {
  resourceId: string
  resourceType: string
  tags: Tags
}

/** Every taggable resource of the region, with the type name DescribeTags reports. */
function taggedResources(world: World, region: Region): Tagged[] {
  const found: Tagged[] = []
  for (const i of region.images.values()) {
    if (world.findImage(region, i.imageId))
      found.push({ resourceId: i.imageId, resourceType: 'image', tags: i.tags })
  }
  for (const s of region.snapshots.values()) {
    if (stateAt(s.lifecycle) !== 'deleted') {
      found.push({ resourceId: s.snapshotId, resourceType: 'snapshot', tags: s.tags })
    }
  }
  for (const i of region.instances.values()) {
    found.push({ resourceId: i.instanceId, resourceType: 'instance', tags: i.tags })
    for (const v of i.volumes)
      found.push({ resourceId: v.volumeId, resourceType: 'volume', tags: v.tags })
  }
  for (const g of region.securityGroups.values()) {
    found.push({ resourceId: g.groupId, resourceType: 'security-group', tags: g.tags })
  }
  for (const k of region.keyPairs.values()) {
    found.push({ resourceId: k.keyPairId, resourceType: 'key-pair', tags: k.tags })
  }
  for (const t of region.launchTemplates.values()) {
    found.push({ resourceId: t.launchTemplateId, resourceType: 'launch-template', tags: t.tags })
  }
  return found
}

/** All ids must exist before any tag changes, as EC2 applies CreateTags to all or none. */
function resolve(world: World, region: Region, ids: string[]): Tagged[] {
  if (ids.length === 0) throw missingParameter('resourceIdSet')
  const all = new Map(taggedResources(world, region).map((r) => [r.resourceId, r]))
  return ids.map((id) => {
    const found = all.get(id)
    if (found) return found
    const prefix = id.split('-')[0]
    if (prefix === 'ami') {
      checkId('image', id)
      throw imageNotFound([id])
    }
    if (prefix === 'i') {
      checkId('instance', id)
      throw instanceNotFound([id])
    }
    if (prefix === 'snap') throw snapshotNotFound(id)
    if (prefix === 'sg') throw groupNotFound(id)
    if (prefix === 'vol') {
      throw new Ec2Error('InvalidVolume.NotFound', `The volume '${id}' does not exist.`)
    }
    throw new Ec2Error('InvalidID', `The ID '${id}' is not valid`)
  })
}

const createTags: Handler = ({ world, region, params }) => {
  const targets = resolve(world, region, list(params, 'ResourceId'))
  const tags = tagParams(params)
  for (const tag of tags) {
    if (!tag.key) throw missingParameter('Tag.Key')
    if (tag.key.toLowerCase().startsWith('aws:')) {
      throw new Ec2Error(
        'InvalidParameterValue',
        `Tag keys starting with 'aws:' are reserved for internal use`
      )
    }
  }
  for (const target of targets) for (const tag of tags) target.tags[tag.key] = tag.value
  return { return: true }
}

const deleteTags: Handler = ({ world, region, params }) => {
  const targets = resolve(world, region, list(params, 'ResourceId'))
  const tags = tagParams(params)
  for (const target of targets) {
    for (const tag of tags) {
      if (tag.key in target.tags && (tag.value === '' || target.tags[tag.key] === tag.value)) {
        delete target.tags[tag.key]
      }
    }
  }
  return { return: true }
}

const describeTags: Handler = ({ world, region, params }) => {
  const rows = taggedResources(world, region).flatMap((r) =>
    Object.entries(r.tags).map(([key, value]) => ({ ...r, key, value }))
  )
  const matching = applyFilters(rows, params, {
    'resource-id': (r) => r.resourceId,
    'resource-type': (r) => r.resourceType,
    key: (r) => r.key,
    value: (r) => r.value
  })
  const { page, nextToken } = paginate(matching, params)
  return {
    tagSet: page.map((r) => ({
      resourceId: r.resourceId,
      resourceType: r.resourceType,
      key: r.key,
      value: r.value
    })),
    nextToken
  }
}

function templatesNamed(region: Region, ids: string[], names: string[]): LaunchTemplate[] {
  const all = [...region.launchTemplates.values()]
  if (ids.length === 0 && names.length === 0) return all
  const found = all.filter(
    (t) => ids.includes(t.launchTemplateId) || names.includes(t.launchTemplateName)
  )
  if (found.length < ids.length + names.length) {
    throw new Ec2Error(
      ids.length > 0
        ? 'InvalidLaunchTemplateId.NotFound'
        : 'InvalidLaunchTemplateName.NotFoundException',
      'At least one of the launch templates specified in the request does not exist.'
    )
  }
  return found
}

const describeLaunchTemplates: Handler = ({ region, params }) => {
  let templates = templatesNamed(
    region,
    list(params, 'LaunchTemplateId'),
    list(params, 'LaunchTemplateName')
  )
  templates = applyFilters(
    templates,
    params,
    {
      'launch-template-name': (t) => t.launchTemplateName,
      'create-time': (t) => t.createTime.toISOString()
    },
    (t) => t.tags
  )
  const { page, nextToken } = paginate(templates, params, { min: 1, max: 200 })
  return {
    launchTemplates: page.map((t) => ({
      launchTemplateId: t.launchTemplateId,
      launchTemplateName: t.launchTemplateName,
      createTime: t.createTime,
      createdBy: t.createdBy,
      defaultVersionNumber: t.defaultVersionNumber,
      latestVersionNumber: t.versions.length,
      tagSet: tagSet(t.tags)
    })),
    nextToken
  }
}

const describeLaunchTemplateVersions: Handler = ({ region, params }) => {
  const id = params.LaunchTemplateId
  const name = params.LaunchTemplateName
  const templates = templatesNamed(region, id ? [id] : [], name ? [name] : [])
  const wanted = list(params, 'LaunchTemplateVersion')
  const min = int(params.MinVersion, 'MinVersion')
  const max = int(params.MaxVersion, 'MaxVersion')
  let rows = templates.flatMap((t) =>
    t.versions
      .filter((v) => {
        if (wanted.length === 0) return true
        return wanted.some(
          (w) =>
            w === String(v.versionNumber) ||
            (w === '$Latest' && v.versionNumber === t.versions.length) ||
            (w === '$Default' && v.versionNumber === t.defaultVersionNumber)
        )
      })
      .filter(
        (v) =>
          (min === undefined || v.versionNumber >= min) &&
          (max === undefined || v.versionNumber <= max)
      )
      .map((v) => ({ t, v }))
  )
  rows = applyFilters(rows, params, {
    'image-id': ({ v }) => v.imageId,
    'instance-type': ({ v }) => v.instanceType,
    'is-default-version': ({ t, v }) => String(v.versionNumber === t.defaultVersionNumber)
  })
  const { page, nextToken } = paginate(rows, params, { min: 1, max: 200 })
  return {
    launchTemplateVersionSet: page.map(({ t, v }) => ({
      launchTemplateId: t.launchTemplateId,
      launchTemplateName: t.launchTemplateName,
      versionNumber: v.versionNumber,
      versionDescription: v.description,
      createTime: v.createTime,
      createdBy: t.createdBy,
      defaultVersion: v.versionNumber === t.defaultVersionNumber,
      launchTemplateData: { imageId: v.imageId, instanceType: v.instanceType }
    })),
    nextToken
  }
}

export const tagActions: Record<string, Handler> = {
  CreateTags: createTags,
  DeleteTags: deleteTags,
  DescribeTags: describeTags,
  DescribeLaunchTemplates: describeLaunchTemplates,
  DescribeLaunchTemplateVersions: describeLaunchTemplateVersions
}
