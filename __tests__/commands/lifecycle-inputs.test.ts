import { describe, expect, it } from '@jest/globals'
import {
  parseRegions,
  readCleanupInputs,
  readMergeManifestsInputs,
  readPromoteInputs,
  readTfvarsInputs
} from '../../src/commands/lifecycle-inputs.js'

function reader(values: Record<string, string>) {
  return (name: string): string => values[name] ?? ''
}

/** The input names a reader asks for, given values that satisfy it. */
function namesRead(
  readInputs: (read: (name: string) => string) => unknown,
  values: Record<string, string>
): string[] {
  const names = new Set<string>()
  readInputs((name) => {
    names.add(name)
    return values[name] ?? ''
  })
  return [...names].sort()
}

const AMIS = JSON.stringify({ 'amazon-ebs.web': { 'us-east-1': 'ami-0123456789abcdef0' } })

describe('cleanup', () => {
  it('reads its inputs, with their defaults', () => {
    expect(
      readCleanupInputs(
        reader({
          'aws-regions': 'us-east-1, eu-west-1\nus-east-1',
          'image-name-filter': 'web-*',
          'image-tags': 'app=web\nteam = platform',
          'min-age': '1d12h',
          'dry-run': 'true'
        })
      )
    ).toEqual({
      awsRegions: ['us-east-1', 'eu-west-1'],
      imageNameFilter: 'web-*',
      imageTags: { app: 'web', team: 'platform' },
      keep: 5,
      minAgeMs: 36 * 3_600_000,
      dryRun: true
    })
  })

  it('needs a filter, so that it never considers every image the account owns', () => {
    expect(() => readCleanupInputs(reader({}))).toThrow(
      "Input 'image-name-filter' is required with command 'cleanup': give 'image-name-filter' or 'image-tags' (or both)"
    )
    expect(readCleanupInputs(reader({ 'image-tags': 'app=web' })).imageTags).toEqual({
      app: 'web'
    })
  })

  it.each([
    [{ 'aws-regions': 'us-east-1,Frankfurt' }, "Input 'aws-regions' names 'Frankfurt'"],
    [{ 'min-age': 'two weeks' }, 'Input \'min-age\': "two weeks" is not a duration'],
    [{ keep: '-1' }, "Input 'keep' is '-1'; expected a whole number"],
    [
      { keep: 'all' },
      "Input 'keep' is 'all'; expected a whole number from 0 to 1000 (0: keep none)"
    ],
    [{ 'dry-run': 'perhaps' }, "Input 'dry-run' is 'perhaps'; expected true or false"]
  ])('refuses %j, naming the input', (values, message) => {
    expect(() => readCleanupInputs(reader({ 'image-name-filter': 'web-*', ...values }))).toThrow(
      message
    )
  })
})

describe('promote', () => {
  it('reads its inputs, with their defaults', () => {
    expect(readPromoteInputs(reader({ stage: ' testing ', 'share-with': '123456789012' }))).toEqual(
      {
        amiIds: undefined,
        stage: 'testing',
        stageTag: 'status',
        shareWith: ['123456789012']
      }
    )
    expect(readPromoteInputs(reader({ stage: 'testing', 'ami-ids': AMIS })).amiIds).toEqual(
      JSON.parse(AMIS)
    )
  })

  it('needs a stage', () => {
    expect(() => readPromoteInputs(reader({}))).toThrow(
      "Input 'stage' is required with command 'promote': the stage to tag the AMIs with, e.g. testing"
    )
  })

  it.each(['promoted-at', 'promoted-by-run'])(
    'refuses a stage-tag it writes itself (%s)',
    (stageTag) => {
      expect(() => readPromoteInputs(reader({ stage: 'testing', 'stage-tag': stageTag }))).toThrow(
        `Input 'stage-tag' is '${stageTag}', a tag that promote writes itself (promoted-at, promoted-by-run); name another tag to hold the stage, such as status`
      )
    }
  )

  it.each([
    [{ 'ami-ids': '{"b": {"us-east-1": "ami-xyz"}}' }, "Input 'ami-ids': "],
    [{ 'share-with': '1234' }, "Input 'share-with': "]
  ])('refuses %j, naming the input', (values, message) => {
    expect(() => readPromoteInputs(reader({ stage: 'testing', ...values }))).toThrow(message)
  })
})

describe('tfvars', () => {
  it('reads its inputs, with their defaults', () => {
    expect(readTfvarsInputs(reader({ 'tfvars-file': ' images.auto.tfvars ' }))).toEqual({
      workingDirectory: '.',
      tfvarsFile: 'images.auto.tfvars',
      amiIds: undefined,
      tfvarsMapping: []
    })
  })

  it('needs the file to update', () => {
    expect(() => readTfvarsInputs(reader({}))).toThrow(
      "Input 'tfvars-file' is required with command 'tfvars': the .tfvars or .tfvars.json file to update"
    )
  })

  it.each([
    [{ 'ami-ids': '{"b": {"us-east-1": "ami-xyz"}}' }, "Input 'ami-ids': "],
    [{ 'tfvars-mapping': '1bad=build' }, 'Input \'tfvars-mapping\', line 1: "1bad" is not a valid']
  ])('refuses %j, naming the input', (values, message) => {
    expect(() => readTfvarsInputs(reader({ 'tfvars-file': 'a.tfvars', ...values }))).toThrow(
      message
    )
  })
})

describe('merge-manifests', () => {
  it('reads the manifests, one per line', () => {
    expect(
      readMergeManifestsInputs(
        reader({ 'working-directory': 'out', manifests: 'a/manifest.json\n\nlegs/*.json\n' })
      )
    ).toEqual({ workingDirectory: 'out', manifests: ['a/manifest.json', 'legs/*.json'] })
  })

  it('needs them', () => {
    expect(() => readMergeManifestsInputs(reader({}))).toThrow(
      "Input 'manifests' is required with command 'merge-manifests': the manifest files (or patterns) to merge"
    )
  })
})

describe('what each lifecycle command reads', () => {
  it.each([
    [
      'cleanup',
      readCleanupInputs,
      { 'image-name-filter': 'web-*' },
      ['aws-regions', 'dry-run', 'image-name-filter', 'image-tags', 'keep', 'min-age']
    ],
    [
      'promote',
      readPromoteInputs,
      { stage: 'testing' },
      ['ami-ids', 'share-with', 'stage', 'stage-tag']
    ],
    [
      'tfvars',
      readTfvarsInputs,
      { 'tfvars-file': 'a.tfvars' },
      ['ami-ids', 'tfvars-file', 'tfvars-mapping', 'working-directory']
    ],
    [
      'merge-manifests',
      readMergeManifestsInputs,
      { manifests: 'm.json' },
      ['manifests', 'working-directory']
    ]
  ])('%s', (_command, readInputs, values, expected) => {
    expect(namesRead(readInputs, values)).toEqual(expected)
  })

  it("so one command's invalid input does not fail another", () => {
    const values = {
      stage: 'testing',
      'image-name-filter': 'web-*',
      'aws-regions': 'Frankfurt',
      'tfvars-mapping': '1bad=build',
      keep: 'all'
    }
    expect(readPromoteInputs(reader(values)).stage).toBe('testing')
    expect(() => readCleanupInputs(reader(values))).toThrow("Input 'aws-regions' names 'Frankfurt'")
  })
})

describe('parseRegions', () => {
  it('keeps each region once, in order', () => {
    expect(parseRegions('eu-west-1,\nus-gov-west-1, eu-west-1')).toEqual([
      'eu-west-1',
      'us-gov-west-1'
    ])
  })
})
