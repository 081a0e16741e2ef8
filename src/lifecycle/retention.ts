/**
 * Retention planning for `command: cleanup`. Pure code: given every image the account owns (with
 * what is in use), decide per region which images to deregister and which snapshots go with them,
 * and say why each other candidate is kept.
 */
import { ActionError } from '../action/errors.js'
import { dictionary } from '../action/dictionary.js'

/** An AMI as DescribeImages reports it, reduced to what retention and promotion need. */
export interface Image {
  id: string
  name: string
  region: string
  /** ISO 8601, as EC2's `CreationDate`. */
  creationDate: string
  /** `available`, `pending`, `failed`, `deregistered`, `disabled`, … */
  state: string
  tags: Record<string, string>
  /** EBS snapshots of the image's block device mappings. */
  snapshotIds: string[]
  owner: string
}

export interface Deletion {
  region: string
  imageId: string
  name: string
  creationDate: string
  /** Snapshots to delete after deregistering the image: those no remaining image uses. */
  snapshotIds: string[]
}

export interface Kept {
  region: string
  imageId: string
  name: string
  creationDate: string
  reason: string
}

export interface RetentionPlan {
  /** Per region (sorted), oldest first; a snapshot shared by several deleted images is listed under the last of them. */
  delete: Deletion[]
  /** Per region (sorted), newest first. */
  keep: Kept[]
}

export interface RetentionOptions {
  /**
   * Every image the account owns in the regions concerned, not only those the filters match:
   * images outside the filters still protect the snapshots they use.
   */
  images: Image[]
  /** Image id → why it is in use, e.g. `in use by instance i-0abc` (see inUseReasons). */
  inUse: Map<string, string>
  /** How many of the newest matching images to keep in each region. */
  keep: number
  /** Never delete an image younger than this. */
  minAgeMs?: number
  now: Date | number
  /** EC2 name pattern with `*` and `?`. */
  nameFilter?: string
  /** Tags every candidate must carry with these exact values. */
  tags?: Record<string, string>
}

/** States whose images can be launched, or soon can: only these take one of the `keep` places. */
const RANKED_STATES = new Set(['available', 'pending'])

/**
 * Decides what to delete. An image is kept, with the first reason that applies: it is in use; it
 * is pending; it is disabled (someone chose to keep it, and may enable it again); it is one of the
 * `keep` newest launchable candidates of its region (available or pending: a failed image does not
 * take the place of one that works); it is younger than the minimum age. Every other candidate is
 * deleted. Ties in creation date are broken by image id so the plan does not depend on the order
 * EC2 listed images in.
 */
export function planRetention(options: RetentionOptions): RetentionPlan {
  const { images, inUse, keep, minAgeMs, nameFilter, tags = {} } = options
  if (!Number.isInteger(keep) || keep < 0) {
    throw new ActionError(`keep must be a whole number of images, 0 or more; got ${keep}`)
  }
  const now = typeof options.now === 'number' ? options.now : options.now.getTime()
  const created = new Map<string, number>()
  for (const image of images) {
    const time = Date.parse(image.creationDate)
    if (Number.isNaN(time)) {
      throw new ActionError(
        `Image ${image.id} in ${image.region} has creation date "${image.creationDate}"; expected an ISO 8601 time`
      )
    }
    created.set(image.id, time)
  }

  const live = images.filter((i) => i.state !== 'deregistered')
  const candidates = live.filter(
    (i) =>
      (nameFilter === undefined || matchesNameFilter(i.name, nameFilter)) &&
      Object.entries(tags).every(([k, v]) => i.tags[k] === v)
  )
  const newestFirst = (a: Image, b: Image): number =>
    created.get(b.id)! - created.get(a.id)! || compare(a.id, b.id)

  const deleted: Image[] = []
  const kept: Kept[] = []
  for (const region of [...new Set(candidates.map((i) => i.region))].sort(compare)) {
    const inRegion = candidates.filter((i) => i.region === region).sort(newestFirst)
    let ranked = 0
    for (const image of inRegion) {
      const rank = RANKED_STATES.has(image.state) ? ranked++ : Infinity
      const reason =
        inUse.get(image.id) ??
        (image.state === 'pending' ? 'pending' : undefined) ??
        (image.state === 'disabled' ? 'disabled' : undefined) ??
        (rank < keep ? `newest ${keep}` : undefined) ??
        (minAgeMs !== undefined && now - created.get(image.id)! < minAgeMs
          ? 'younger than min-age'
          : undefined)
      if (reason === undefined) deleted.push(image)
      else
        kept.push({
          region,
          imageId: image.id,
          name: image.name,
          creationDate: image.creationDate,
          reason
        })
    }
  }

  const deletedIds = new Set(deleted.map((i) => i.id))
  const protectedSnapshots = new Set(
    live.filter((i) => !deletedIds.has(i.id)).flatMap((i) => i.snapshotIds)
  )
  const ordered = deleted.sort((a, b) => compare(a.region, b.region) || -newestFirst(a, b))
  // A snapshot shared by two deleted images can only go once both are deregistered.
  const lastUser = new Map<string, string>()
  for (const image of ordered) for (const s of image.snapshotIds) lastUser.set(s, image.id)

  return {
    delete: ordered.map((image) => ({
      region: image.region,
      imageId: image.id,
      name: image.name,
      creationDate: image.creationDate,
      snapshotIds: [...new Set(image.snapshotIds)]
        .filter((s) => !protectedSnapshots.has(s) && lastUser.get(s) === image.id)
        .sort(compare)
    })),
    keep: kept
  }
}

/** Why each image is in use, from the instances and launch templates that reference it. */
export function inUseReasons(
  instances: { instanceId: string; imageId: string }[],
  launchTemplates: { launchTemplateId: string; version: number; imageId: string }[]
): Map<string, string> {
  const reasons = new Map<string, string[]>()
  const add = (imageId: string, reason: string): void => {
    const list = reasons.get(imageId) ?? []
    list.push(reason)
    reasons.set(imageId, list)
  }
  for (const i of [...instances].sort((a, b) => compare(a.instanceId, b.instanceId))) {
    add(i.imageId, `in use by instance ${i.instanceId}`)
  }
  for (const t of [...launchTemplates].sort((a, b) =>
    compare(a.launchTemplateId, b.launchTemplateId)
  )) {
    add(t.imageId, `used by launch template ${t.launchTemplateId} version ${t.version}`)
  }
  return new Map([...reasons].map(([id, list]) => [id, list.join('; ')]))
}

const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000
}

/** `14d`, `12h`, `30m`, `2w`, `45s`, or a sum such as `1d12h`, in milliseconds. */
export function parseMinAge(text: string): number {
  const trimmed = text.trim()
  if (!/^(?:\d+[smhdw])+$/.test(trimmed)) {
    throw new ActionError(
      `min-age "${text}" is not a duration; expected a number and a unit (s, m, h, d or w), e.g. 14d, 12h, 2w or 1d12h`
    )
  }
  let total = 0
  for (const [, count, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(count) * UNIT_MS[unit]
  }
  return total
}

/** EC2's name filter semantics: `*` is any run of characters, `?` one character, case-sensitive. */
export function matchesNameFilter(name: string, pattern: string): boolean {
  const source = [...pattern]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`, 'su').test(name)
}

/** `key=value` lines (blank lines skipped); the value may be empty or contain `=`. */
export function parseImageTags(text: string): Record<string, string> {
  const tags = dictionary<string>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    const eq = line.indexOf('=')
    const key = eq < 0 ? '' : line.slice(0, eq).trim()
    if (key === '') {
      throw new ActionError(`image-tags line ${index + 1} ("${line}"): expected "key=value"`)
    }
    const value = line.slice(eq + 1).trim()
    if (key in tags && tags[key] !== value) {
      throw new ActionError(
        `image-tags line ${index + 1}: tag "${key}" is already required to be "${tags[key]}"`
      )
    }
    tags[key] = value
  })
  return tags
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
