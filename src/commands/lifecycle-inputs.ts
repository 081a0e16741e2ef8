/**
 * The inputs of the commands on what builds produced (`merge-manifests`, `tfvars`, `cleanup`,
 * `promote`), each command's own. Apart from the commands themselves so that reading them, which
 * every run does up front, loads no AWS SDK. Pure.
 */
import { Inputs } from '../action/constants.js'
import { ActionError } from '../action/errors.js'
import {
  named,
  parseBoolean,
  parseList,
  parseOptionalInteger,
  readWorkingDirectory,
  requireInput,
  type InputReader
} from '../action/inputs.js'
import { parseAccountIds, PROMOTE_OWN_TAGS } from '../lifecycle/promotion.js'
import { parseImageTags, parseMinAge } from '../lifecycle/retention.js'
import {
  parseAmiIds,
  parseTfvarsMapping,
  type AmiIds,
  type TfvarsMappingEntry
} from '../tfvars/mapping.js'

export interface MergeManifestsInputs {
  /** As given, relative to the workspace. */
  workingDirectory: string
  /** Paths or glob patterns, relative to the working directory. */
  manifests: string[]
}

export interface TfvarsInputs {
  /** As given, relative to the workspace. */
  workingDirectory: string
  /** Relative to the working directory. */
  tfvarsFile: string
  /** Undefined when empty: then the job's last build is read. */
  amiIds?: AmiIds
  tfvarsMapping: TfvarsMappingEntry[]
}

export interface CleanupInputs {
  awsRegions: string[]
  imageNameFilter: string
  imageTags: Record<string, string>
  keep: number
  /** Milliseconds; undefined for no age limit. */
  minAgeMs?: number
  dryRun: boolean
}

export interface PromoteInputs {
  /** Undefined when empty: then the job's last build is read. */
  amiIds?: AmiIds
  stage: string
  stageTag: string
  shareWith: string[]
}

export function readMergeManifestsInputs(read: InputReader): MergeManifestsInputs {
  const manifests = parseList(read(Inputs.Manifests), /\r?\n/)
  requireInput(
    'merge-manifests',
    Inputs.Manifests,
    manifests.length > 0,
    'the manifest files (or patterns) to merge'
  )
  return { workingDirectory: readWorkingDirectory(read), manifests }
}

export function readTfvarsInputs(read: InputReader): TfvarsInputs {
  const tfvarsFile = read(Inputs.TfvarsFile).trim()
  requireInput(
    'tfvars',
    Inputs.TfvarsFile,
    tfvarsFile !== '',
    'the .tfvars or .tfvars.json file to update'
  )
  return {
    workingDirectory: readWorkingDirectory(read),
    tfvarsFile,
    amiIds: readAmiIds(read),
    tfvarsMapping: named(Inputs.TfvarsMapping, read(Inputs.TfvarsMapping), parseTfvarsMapping)
  }
}

export function readCleanupInputs(read: InputReader): CleanupInputs {
  const inputs: CleanupInputs = {
    awsRegions: parseRegions(read(Inputs.AwsRegions)),
    imageNameFilter: read(Inputs.ImageNameFilter).trim(),
    imageTags: named(Inputs.ImageTags, read(Inputs.ImageTags), parseImageTags),
    keep: parseOptionalInteger(read(Inputs.Keep), Inputs.Keep, 'keep none') ?? 5,
    minAgeMs: named(Inputs.MinAge, read(Inputs.MinAge).trim(), (v) =>
      v ? parseMinAge(v) : undefined
    ),
    dryRun: parseBoolean(read(Inputs.DryRun), Inputs.DryRun, false)
  }
  // Without a filter, every image the account owns would be a candidate for deletion.
  requireInput(
    'cleanup',
    Inputs.ImageNameFilter,
    inputs.imageNameFilter !== '' || Object.keys(inputs.imageTags).length > 0,
    `give '${Inputs.ImageNameFilter}' or '${Inputs.ImageTags}' (or both), so that cleanup never considers every image the account owns`
  )
  return inputs
}

export function readPromoteInputs(read: InputReader): PromoteInputs {
  const inputs: PromoteInputs = {
    amiIds: readAmiIds(read),
    stage: read(Inputs.Stage).trim(),
    stageTag: read(Inputs.StageTag).trim() || 'status',
    shareWith: named(Inputs.ShareWith, read(Inputs.ShareWith), parseAccountIds)
  }
  requireInput(
    'promote',
    Inputs.Stage,
    inputs.stage !== '',
    'the stage to tag the AMIs with, e.g. testing'
  )
  if (PROMOTE_OWN_TAGS.includes(inputs.stageTag)) {
    // Its own value would overwrite the stage: the output would claim a stage the AMI lacks.
    throw new ActionError(
      `Input '${Inputs.StageTag}' is '${inputs.stageTag}', a tag that promote writes itself (${PROMOTE_OWN_TAGS.join(', ')}); name another tag to hold the stage, such as status`
    )
  }
  return inputs
}

function readAmiIds(read: InputReader): AmiIds | undefined {
  return named(Inputs.AmiIds, read(Inputs.AmiIds).trim(), (v) => (v ? parseAmiIds(v) : undefined))
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/

export function parseRegions(text: string): string[] {
  const regions = parseList(text, /[,\r\n]/)
  for (const region of regions) {
    if (!REGION.test(region)) {
      throw new ActionError(
        `Input '${Inputs.AwsRegions}' names '${region}', which is not an AWS region name such as us-east-1`
      )
    }
  }
  return [...new Set(regions)]
}
