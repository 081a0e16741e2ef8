/**
 * Promotion planning for `command: promote`. Pure code: from the AMIs of a build and their
 * described state, the tags to write on each AMI and its snapshots, refusing the whole promotion
 * when any AMI is missing or not available, so that a stage never holds half a release.
 */
import { ActionError } from '../action/errors.js'
import type { Image } from './retention.js'
import type { AmiIds } from '../tfvars/mapping.js'

export const PROMOTED_AT_TAG = 'promoted-at'
export const PROMOTED_BY_RUN_TAG = 'promoted-by-run'
/** The tags promote writes besides the stage tag, which therefore cannot hold the stage. */
export const PROMOTE_OWN_TAGS = [PROMOTED_AT_TAG, PROMOTED_BY_RUN_TAG]

export interface PromotionOptions {
  amiIds: AmiIds
  stage: string
  /** The tag that holds the stage; `status` by default. */
  stageTag?: string
  /** The GitHub run that promotes (see runUrlOf). */
  runUrl: string
  now: Date
  /** DescribeImages of the AMIs in each region; an AMI not among them does not exist. */
  images: Image[]
  /** Accounts to add to each AMI's launch permission. */
  shareWith?: string[]
}

export interface Promotion {
  build: string
  region: string
  imageId: string
  snapshotIds: string[]
  /** False when the AMI already carries the stage: nothing is tagged then. */
  changed: boolean
  /** Tags for the AMI and its snapshots, in one CreateTags call; empty when unchanged. */
  tags: Record<string, string>
  shareWith: string[]
}

/**
 * The promotions to carry out, one per AMI (in build, then region order). An AMI whose stage tag
 * already equals `stage` is reported unchanged and not re-tagged: `promoted-at` and
 * `promoted-by-run` keep saying when and by which run it first reached the stage, and a re-run of
 * the workflow is a no-op. Sharing is still listed for such an AMI, since adding a launch
 * permission that exists changes nothing and completes a share an earlier run did not finish.
 */
export function planPromotion(options: PromotionOptions): Promotion[] {
  const stageTag = options.stageTag ?? 'status'
  if (PROMOTE_OWN_TAGS.includes(stageTag)) {
    throw new ActionError(
      `The stage tag cannot be ${stageTag}, a tag that promote writes itself (${PROMOTE_OWN_TAGS.join(', ')})`
    )
  }
  checkTag(stageTag, options.stage)
  checkTagValue(PROMOTED_BY_RUN_TAG, options.runUrl)
  const shareWith = options.shareWith ?? []
  for (const account of shareWith) checkAccountId(account)

  const byRegionAndId = new Map(options.images.map((i) => [`${i.region} ${i.id}`, i]))
  const problems: string[] = []
  const promotions: Promotion[] = []
  const seen = new Set<string>()
  for (const build of Object.keys(options.amiIds).sort()) {
    const regions = options.amiIds[build]
    for (const region of Object.keys(regions).sort()) {
      const imageId = regions[region]
      const key = `${region} ${imageId}`
      if (seen.has(key)) continue
      seen.add(key)
      const image = byRegionAndId.get(key)
      if (!image || image.state === 'deregistered') {
        problems.push(
          `AMI ${imageId} (build "${build}") does not exist in ${region} or is not visible to this account`
        )
        continue
      }
      if (image.state !== 'available') {
        problems.push(
          `AMI ${imageId} (build "${build}") in ${region} is "${image.state}"; expected "available"`
        )
        continue
      }
      const changed = image.tags[stageTag] !== options.stage
      promotions.push({
        build,
        region,
        imageId,
        snapshotIds: [...image.snapshotIds].sort(),
        changed,
        tags: changed
          ? {
              [stageTag]: options.stage,
              [PROMOTED_AT_TAG]: options.now.toISOString(),
              [PROMOTED_BY_RUN_TAG]: options.runUrl
            }
          : {},
        shareWith
      })
    }
  }
  if (problems.length > 0) {
    throw new ActionError(
      `Refusing to promote to "${options.stage}": ${problems.join('; ')}. No AMI was tagged.`
    )
  }
  if (promotions.length === 0) throw new ActionError('ami-ids holds no AMI id to promote')
  return promotions
}

/** The `promoted` step output. */
export function promotedOutput(promotions: Promotion[], stage: string): object[] {
  return promotions.map((p) => ({
    build: p.build,
    region: p.region,
    ami: p.imageId,
    snapshots: p.snapshotIds,
    stage,
    changed: p.changed,
    sharedWith: p.shareWith
  }))
}

/** The URL of the current run (and attempt, after a re-run) from the runner's environment. */
export function runUrlOf(env: NodeJS.ProcessEnv): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const { GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env
  if (!repository || !runId) {
    throw new ActionError(
      'GITHUB_REPOSITORY and GITHUB_RUN_ID are not set: not running in Actions?'
    )
  }
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  const base = `${server}/${repository}/actions/runs/${runId}`
  return attempt > 1 ? `${base}/attempts/${attempt}` : base
}

/** Comma- or newline-separated 12-digit AWS account ids. */
export function parseAccountIds(text: string): string[] {
  const ids = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  for (const id of ids) checkAccountId(id)
  return [...new Set(ids)]
}

function checkAccountId(id: string): void {
  if (!/^\d{12}$/.test(id)) {
    throw new ActionError(`share-with: "${id}" is not an AWS account id; expected 12 digits`)
  }
}

// EC2 tag limits: keys up to 128 characters, values up to 256, `aws:` reserved, and this set of
// characters (letters, digits and spaces of any language, and _ . : / = + - @).
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u

function checkTag(key: string, value: string): void {
  if (key === '' || key.length > 128 || !TAG_CHARACTERS.test(key)) {
    throw new ActionError(
      `Input 'stage-tag' is "${key}", which is not a valid EC2 tag key; expected 1 to 128 letters, digits, spaces or _ . : / = + - @`
    )
  }
  if (key.toLowerCase().startsWith('aws:')) {
    throw new ActionError(
      `Input 'stage-tag' is "${key}", which starts with "aws:", a prefix AWS reserves`
    )
  }
  if (value.trim() === '') throw new ActionError('stage is empty; expected e.g. "staging"')
  checkTagValue(key, value)
}

function checkTagValue(key: string, value: string): void {
  if (value.length > 256 || !TAG_CHARACTERS.test(value)) {
    throw new ActionError(
      `The value "${value}" of tag "${key}" is not a valid EC2 tag value; expected up to 256 letters, digits, spaces or _ . : / = + - @`
    )
  }
}
