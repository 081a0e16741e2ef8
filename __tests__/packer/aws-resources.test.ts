import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { AwsResourceTracker, hasResources, parseResources } from '../../src/packer/aws-resources.js'
import { parseMachineReadable } from '../../src/packer/stream.js'

const run = parseMachineReadable(
  readFileSync(new URL('../data/packer/captured/amazon-ebs-double.txt', import.meta.url), 'utf8')
)

describe('AwsResourceTracker', () => {
  it('follows the temporary resources of a real amazon-ebs run as they appear', () => {
    const tracker = new AwsResourceTracker(['us-east-1', '', 'us-east-1'])
    const added = run.filter((line) => tracker.consume(line))
    expect(added.map((l) => l.data[1].replace(/^.*amazon-ebs\.app: /, ''))).toEqual([
      'Creating temporary keypair: packer_6b0443f7-67a8-f917-07ec-8a59bb017256',
      'Creating temporary security group for this instance: packer_6b0443f7-c536-84df-572d-75c80f6ed669',
      'Instance ID: i-fd9ea795ebf6bac76'
    ])
    expect(tracker.current).toEqual({
      regions: ['us-east-1'],
      instances: ['i-fd9ea795ebf6bac76'],
      keyPairs: ['packer_6b0443f7-67a8-f917-07ec-8a59bb017256'],
      securityGroups: ['packer_6b0443f7-c536-84df-572d-75c80f6ed669']
    })
  })

  it('notes the AMI each build created in its own region, before the copies', () => {
    const tracker = new AwsResourceTracker()
    for (const line of run) tracker.consume(line)
    expect(tracker.primaryAmis).toEqual({ 'amazon-ebs.app': 'ami-bbd408f786383129d' })
  })

  it('ignores the same names in messages that are not ui lines', () => {
    const tracker = new AwsResourceTracker()
    expect(
      tracker.consume({ timestamp: 1, target: 'a', type: 'error', data: ['Instance ID: i-0abc'] })
    ).toBe(false)
    expect(hasResources(tracker.current)).toBe(false)
  })
})

describe('parseResources', () => {
  it('reads saved state back, and anything malformed as nothing', () => {
    const saved = { regions: ['eu-west-1'], instances: ['i-1'], keyPairs: [], securityGroups: [] }
    expect(parseResources(JSON.stringify(saved))).toEqual(saved)
    expect(hasResources(parseResources(''))).toBe(false)
    expect(hasResources(parseResources('{not json'))).toBe(false)
    expect(parseResources('{"instances": [1, "i-2"]}').instances).toEqual(['i-2'])
  })
})
