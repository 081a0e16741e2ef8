import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  afterPackerExit,
  AwsResourceTracker,
  hasResources,
  parseResources
} from '../../src/aws/resources.js'
import type { MachineReadableLine } from '../../src/packer/types.js'
import { parseMachineReadable } from '../packer/machine-readable/transcripts.js'
import { asPacker113 } from '../support/packer113.js'

const START = new Date('2026-11-23T10:00:00Z')

const run = parseMachineReadable(
  readFileSync(new URL('../data/packer/captured/amazon-ebs-double.txt', import.meta.url), 'utf8')
)

describe('AwsResourceTracker', () => {
  it('follows the temporary resources of a real amazon-ebs run as they appear', () => {
    const tracker = new AwsResourceTracker(['us-east-1', '', 'us-east-1'], START)
    const added = run.filter((line) => tracker.consume(line))
    expect(added.map((l) => l.data[1].replace(/^.*amazon-ebs\.app: /, ''))).toEqual([
      'Creating temporary keypair: packer_6b0443f7-67a8-f917-07ec-8a59bb017256',
      'Creating temporary security group for this instance: packer_6b0443f7-c536-84df-572d-75c80f6ed669',
      'Instance ID: i-fd9ea795ebf6bac76',
      'AMI: ami-bbd408f786383129d',
      'Running post-processor:  (type manifest)'
    ])
    expect(tracker.current).toEqual({
      regions: ['us-east-1'],
      since: START.toISOString(),
      instances: ['i-fd9ea795ebf6bac76'],
      keyPairs: ['packer_6b0443f7-67a8-f917-07ec-8a59bb017256'],
      securityGroups: ['packer_6b0443f7-c536-84df-572d-75c80f6ed669'],
      // The build finished (its post-processor ran): its AMIs are the artifact, not leftovers.
      amis: []
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

const ui = (text: string, kind = 'say'): MachineReadableLine => ({
  timestamp: 1,
  target: '',
  type: 'ui',
  data: [kind, text]
})
const message = (text: string): MachineReadableLine => ui(text, 'message')
/** The lines Packer prints as it creates the AMI of `build`. */
const creates = (build: string, ami: string): MachineReadableLine[] => [
  ui(`==> ${build}: Creating AMI app-e2e from instance i-fd9ea795ebf6bac76`),
  message(`    ${build}: AMI: ${ami}`)
]

describe('lines that are not Packer saying it created something', () => {
  it("takes no AMI from Packer's error about an AMI name already in use", () => {
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    tracker.consume(ui('==> amazon-ebs.app: Prevalidating AMI Name: app-e2e'))
    tracker.consume(
      ui(
        "==> amazon-ebs.app: Error: AMI Name: 'app-e2e' is used by an existing AMI: ami-0123456789abcdef0",
        'error'
      )
    )
    expect(tracker.current.amis).toEqual([])
  })

  it('takes nothing a provisioner prints, on stdout (message) or stderr (error)', () => {
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    for (const line of [
      ui('==> amazon-ebs.app: Provisioning with shell script: /tmp/packer-shell1'),
      message('    amazon-ebs.app: AMI: ami-0123456789abcdef0'),
      message('    amazon-ebs.app: Instance ID: i-0123456789abcdef0'),
      ui('==> amazon-ebs.app: Creating temporary keypair: prod-key', 'error'),
      ui('==> amazon-ebs.app: Creating temporary security group for this instance: prod', 'error'),
      ui(
        '==> amazon-ebs.app: Error waiting for AMI (ami-0123456789abcdef0) in region (us-east-1)',
        'error'
      )
    ])
      expect(tracker.consume(line)).toBe(false)
    expect(hasResources(tracker.current)).toBe(false)
  })

  it('takes the instance id only right after Packer launched the instance', () => {
    const tracker = new AwsResourceTracker([], START)
    tracker.consume(ui('==> amazon-ebs.app: Launching a source AWS instance...'))
    tracker.consume(message('    amazon-ebs.app: Instance ID: i-0000000000000000a'))
    tracker.consume(
      ui('==> amazon-ebs.app: Waiting for instance (i-0000000000000000b) to become ready...')
    )
    expect(tracker.current.instances).toEqual(['i-0000000000000000a', 'i-0000000000000000b'])
  })
})

describe('AMIs a build leaves', () => {
  it('follows the AMI and the copies of a cancelled build until Packer deregisters them', () => {
    // As Packer 1.6.6 prints them when cancelled while waiting for the copies.
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    for (const line of creates('amazon-ebs.app', 'ami-2b3cc974ea4e4a409')) tracker.consume(line)
    tracker.consume(
      ui('==> amazon-ebs.app: Copying/Encrypting AMI (ami-2b3cc974ea4e4a409) to other regions...')
    )
    tracker.consume(
      ui(
        '==> amazon-ebs.app: 2 error(s) occurred:\n\n* Error waiting for AMI (ami-b75b09e16da47729b) in region (us-west-2): RequestCanceled: waiter context canceled\n* Error waiting for AMI (ami-dbd85c7ed09e547d7) in region (eu-central-1): RequestCanceled: waiter context canceled'
      )
    )
    expect(tracker.current.amis).toEqual([
      { id: 'ami-2b3cc974ea4e4a409', region: '', build: 'amazon-ebs.app' },
      { id: 'ami-b75b09e16da47729b', region: 'us-west-2', build: 'amazon-ebs.app' },
      { id: 'ami-dbd85c7ed09e547d7', region: 'eu-central-1', build: 'amazon-ebs.app' }
    ])
    expect(
      tracker.consume(ui('==> amazon-ebs.app: Deregistered AMI id: ami-2b3cc974ea4e4a409'))
    ).toBe(true)
    expect(tracker.current.amis.map((a) => a.id)).toEqual([
      'ami-b75b09e16da47729b',
      'ami-dbd85c7ed09e547d7'
    ])
  })

  it("drops a build's AMIs once it finished, and keeps those of a build still running", () => {
    const tracker = new AwsResourceTracker()
    for (const line of [
      ...creates('amazon-ebs.a', 'ami-0000000000000000a'),
      ...creates('amazon-ebs.b', 'ami-0000000000000000b')
    ])
      tracker.consume(line)
    tracker.consume(ui("Build 'amazon-ebs.a' finished after 3 minutes."))
    expect(tracker.current.amis).toEqual([
      { id: 'ami-0000000000000000b', region: '', build: 'amazon-ebs.b' }
    ])
    tracker.consume(ui("Build 'amazon-ebs.b' errored after 1 minute: boom"))
    expect(tracker.current.amis).toHaveLength(1)
  })

  it('leaves only AMIs once Packer has exited and cleaned up the rest', () => {
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    for (const line of run.slice(0, run.findIndex((l) => /AMI: ami-/.test(l.data[1] ?? '')) + 1))
      tracker.consume(line)
    expect(afterPackerExit(tracker.current)).toEqual({
      regions: ['us-east-1'],
      since: START.toISOString(),
      instances: [],
      keyPairs: [],
      securityGroups: [],
      amis: [{ id: 'ami-bbd408f786383129d', region: '', build: 'amazon-ebs.app' }]
    })
  })
})

describe('the external amazon plugin 1.2.9 under Packer 1.9.4, and as Packer 1.13 prints it', () => {
  const text = readFileSync(
    new URL('../data/packer/captured-1.9.4/amazon-ebs-double.txt', import.meta.url),
    'utf8'
  )
  const forms: [string, MachineReadableLine[]][] = [
    ['1.9.4', parseMachineReadable(text)],
    ['1.13', parseMachineReadable(asPacker113(text))]
  ]

  it('the 1.13 form prints the instance and the AMI as say lines', () => {
    const said = forms[1][1].filter((l) => l.data[0] === 'say').map((l) => l.data[1])
    expect(said).toContain('==> amazon-ebs.app: Instance ID: i-a9087108c4562889c')
    expect(said).toContain('==> amazon-ebs.app: AMI: ami-ae75e0d9f773e2919')
  })

  it.each(forms)('follows the temporary resources and the AMI as they appear (%s)', (_, lines) => {
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    const upToAmi = lines.findIndex((l) => /AMI: ami-/.test(l.data[1] ?? '')) + 1
    for (const line of lines.slice(0, upToAmi)) tracker.consume(line)
    expect(tracker.current).toEqual({
      regions: ['us-east-1'],
      since: START.toISOString(),
      instances: ['i-a9087108c4562889c'],
      keyPairs: ['packer_6b059caa-93fd-cae3-0eeb-8fd50f632682'],
      securityGroups: ['packer_6b059caa-35c0-aa48-f9d7-a9da3a2621f8'],
      amis: [{ id: 'ami-ae75e0d9f773e2919', region: '', build: 'amazon-ebs.app' }]
    })
    for (const line of lines.slice(upToAmi)) tracker.consume(line)
    expect(tracker.current.amis).toEqual([])
    expect(tracker.primaryAmis).toEqual({ 'amazon-ebs.app': 'ami-ae75e0d9f773e2919' })
  })
})

describe('a build cancelled while copying, under Packer 1.9.4 and as Packer 1.13 prints it', () => {
  const text = readFileSync(
    new URL('../data/packer/captured-1.9.4/amazon-ebs-cancel-copies.txt', import.meta.url),
    'utf8'
  )
  it.each([
    ['1.9.4', text],
    ['1.13', asPacker113(text)]
  ])('leaves the copies Packer gave up on, and not the AMI it deregistered (%s)', (_, t) => {
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    for (const line of parseMachineReadable(t)) tracker.consume(line)
    expect(tracker.primaryAmis).toEqual({ 'amazon-ebs.app': 'ami-39e44caed2e5ef696' })
    expect(afterPackerExit(tracker.current).amis).toEqual([
      { id: 'ami-6d3c0ecc00da084ab', region: 'eu-central-1', build: 'amazon-ebs.app' },
      { id: 'ami-398361ffb8a00af68', region: 'us-west-2', build: 'amazon-ebs.app' }
    ])
  })
})

describe("Packer 1.13: a provisioner's output arrives as say lines, like Packer's own", () => {
  /** Packer's lines up to the provisioner, as 1.13 prints them. */
  const launched = (): AwsResourceTracker => {
    const tracker = new AwsResourceTracker(['us-east-1'], START)
    for (const line of [
      ui('==> amazon-ebs.app: Creating temporary keypair: packer_1'),
      ui('==> amazon-ebs.app: Launching a source AWS instance...'),
      ui('==> amazon-ebs.app: Instance ID: i-0000000000000000a'),
      ui('==> amazon-ebs.app: Waiting for instance (i-0000000000000000a) to become ready...'),
      ui('==> amazon-ebs.app: Provisioning with shell script: /tmp/packer-shell1')
    ])
      tracker.consume(line)
    return tracker
  }

  it('takes no key pair, security group or instance a provisioner names once the instance runs', () => {
    const tracker = launched()
    for (const line of [
      ui('==> amazon-ebs.app: Creating temporary keypair: prod-key'),
      ui('==> amazon-ebs.app: Creating temporary security group for this instance: sg-prod'),
      ui('==> amazon-ebs.app: Launching a source AWS instance...'),
      ui('==> amazon-ebs.app: Instance ID: i-0123456789abcdef0'),
      ui('==> amazon-ebs.app: Waiting for instance (i-0123456789abcdef0) to become ready...')
    ])
      expect(tracker.consume(line)).toBe(false)
    expect(tracker.current).toMatchObject({
      instances: ['i-0000000000000000a'],
      keyPairs: ['packer_1'],
      securityGroups: []
    })
  })

  it('takes no AMI a provisioner names, nor copies before the build has its AMI', () => {
    const tracker = launched()
    for (const line of [
      ui('==> amazon-ebs.app: AMI: ami-0123456789abcdef0'),
      ui('==> amazon-ebs.app: Copying/Encrypting AMI (ami-0123456789abcdef0) to other regions...'),
      ui(
        '==> amazon-ebs.app: Error waiting for AMI (ami-0123456789abcdef1) in region (us-west-2)',
        'error'
      )
    ])
      expect(tracker.consume(line)).toBe(false)
    expect(tracker.current.amis).toEqual([])
  })

  it('still takes the instance id when other message lines come between it and the launch', () => {
    const tracker = new AwsResourceTracker([], START)
    for (const line of [
      ui('==> amazon-ebs.app: Launching a source AWS instance...'),
      ui('==> amazon-ebs.app: Private IP: 10.0.0.5'),
      ui('==> amazon-ebs.app: Instance ID: i-0000000000000000c')
    ])
      tracker.consume(line)
    expect(tracker.current.instances).toEqual(['i-0000000000000000c'])
  })
})

describe('parseResources', () => {
  it('reads saved state back, and anything malformed as nothing', () => {
    const saved = {
      regions: ['eu-west-1'],
      instances: ['i-1'],
      keyPairs: [],
      securityGroups: [],
      amis: [{ id: 'ami-1', region: 'us-west-2', build: 'b' }]
    }
    expect(parseResources(JSON.stringify(saved))).toEqual(saved)
    expect(hasResources(parseResources(''))).toBe(false)
    expect(hasResources(parseResources('{not json'))).toBe(false)
    expect(parseResources('{"instances": [1, "i-2"]}').instances).toEqual(['i-2'])
    expect(parseResources('{"amis": [{"id": "ami-1"}, null]}').amis).toEqual([])
  })
})
