import { describe, expect, it } from '@jest/globals'
import {
  BuildTracker,
  MAX_KEPT_MESSAGES
} from '../../../src/packer/machine-readable/build-tracker.js'
import { MachineReadableParser } from '../../../src/packer/machine-readable/parser.js'
import { asPacker113 } from '../../support/packer113.js'
import { fixture, parseMachineReadable, summarizeTranscript, TRANSCRIPTS } from './transcripts.js'

describe('BuildTracker', () => {
  it('tells a failed build from the succeeded ones in one run (real Packer 1.6.6 run)', () => {
    const summary = summarizeTranscript(fixture('captured/multi-build-run1.txt'))
    expect(summary.builds.map((b) => [b.name, b.builderType, b.status])).toEqual([
      ['file.greeting', 'file', 'succeeded'],
      ['null.broken', 'null', 'failed'],
      ['null.ok', 'null', 'succeeded']
    ])
    const broken = summary.builds[1]
    expect(broken.errors).toEqual([
      'Script exited with non-zero exit status: 1.Allowed exit codes are: [0]'
    ])
    expect(broken.artifacts).toEqual([])
    expect(summary.errorCount).toBe(1)
    expect(summary.runErrors).toEqual([])
    expect(summary.cancelled).toBe(false)
  })

  it('assembles artifacts and drops the copy the manifest post-processor hands back', () => {
    const summary = summarizeTranscript(fixture('captured/multi-build-run1.txt'))
    expect(summary.artifacts).toEqual([
      {
        build: 'file.greeting',
        builderType: 'file',
        builderId: 'packer.file',
        id: 'File',
        description: 'Stored file: out/greeting.txt',
        files: ['out/greeting.txt'],
        parsed: { kind: 'files', files: ['out/greeting.txt'] }
      },
      {
        build: 'null.ok',
        builderType: 'null',
        builderId: 'fnoeding.null',
        id: 'Null',
        description: 'Did not export anything. This is the null builder',
        files: [],
        parsed: { kind: 'other' }
      }
    ])
  })

  it('reads the auth-failure sample: the build failed with the unescaped error', () => {
    const summary = summarizeTranscript(fixture('mr-amazon-ebs-authfailure-error.log'))
    expect(summary.builds).toEqual([
      {
        name: 'amazon-ebs',
        builderType: 'amazon-ebs',
        status: 'failed',
        durationMs: 0,
        errors: [
          'error validating regions: AuthFailure: AWS was not able to validate the provided access credentials\n\tstatus code: 401, request id: 9821b79c-cfee-449a-9ebc-b923b56db9fe'
        ],
        artifacts: []
      }
    ])
    expect(summary.errorCount).toBe(1)
    expect(summary.uiErrors).toHaveLength(3)
    expect(summary.uiErrors[1]).toBe(
      "\n==> Some builds didn't complete successfully and had errors:"
    )
    expect(summary.runErrors).toEqual([])
    expect(summary.artifacts).toEqual([])
  })

  it('reads the docs example: indented lines, a plugin log line before `end`, an empty second artifact', () => {
    const other: string[] = []
    const tracker = new BuildTracker()
    const parser = new MachineReadableParser((line) => tracker.consume(line), {
      onOtherLine: (text) => other.push(text)
    })
    parser.push(fixture('mr-docs-example-empty-second-artifact-indented.txt'))
    parser.end()
    const summary = tracker.result()
    expect(other).toEqual([
      '    2018/10/19 09:50:03 waiting for all plugin processes to complete...'
    ])
    expect(summary.builds).toHaveLength(1)
    expect(summary.builds[0].status).toBe('succeeded')
    expect(summary.artifacts).toEqual([
      {
        build: 'amazon-ebs',
        builderType: 'amazon-ebs',
        builderId: 'mitchellh.amazonebs',
        id: 'eu-west-1:ami-04d23aca8bdd36e30',
        description: 'AMIs were created:\neu-west-1: ami-04d23aca8bdd36e30\n',
        files: [],
        parsed: { kind: 'amazon', amis: { 'eu-west-1': 'ami-04d23aca8bdd36e30' } }
      }
    ])
  })

  it('reads the issue 881 sample: an artifact with empty fields names nothing', () => {
    const summary = summarizeTranscript(fixture('mr-empty-artifact-fields-issue881.txt'))
    expect(summary.builds.map((b) => [b.name, b.status, b.artifacts.length])).toEqual([
      ['amazon-ebs', 'succeeded', 0]
    ])
    expect(summary.artifacts).toEqual([])
  })

  it('keeps an HCL diagnostic printed before any build as a run error (issue 11402, real 1.6.6 run)', () => {
    const issue = summarizeTranscript(fixture('mr-hcl2-ui-error-diagnostic-issue11402.txt'))
    expect(issue.builds).toEqual([])
    expect(issue.runErrors).toEqual([
      'Error: Unknown source amazon-ebs.labs_webserver_ami\n\n  on  line 0:\n  (source code not available)\n\nKnown: []\n\n'
    ])
    const captured = summarizeTranscript(fixture('captured/unknown-source.txt'))
    expect(captured.builds).toEqual([])
    expect(captured.runErrors).toEqual([
      'Error: Unknown source null.missing\n\n  on  line 0:\n  (source code not available)\n\nKnown: map[]\n\n'
    ])
  })

  it('reads the multi-region id with its escaped comma', () => {
    const tracker = new BuildTracker()
    for (const line of parseMachineReadable(
      [
        '10,,ui,say,==> amazon-ebs.multi: Creating AMI',
        "70,,ui,say,Build 'amazon-ebs.multi' finished after 1 minute.",
        '70,amazon-ebs.multi,artifact-count,1',
        '70,amazon-ebs.multi,artifact,0,builder-id,mitchellh.amazonebs',
        '70,amazon-ebs.multi,artifact,0,id,us-east-1:ami-1%!(PACKER_COMMA)us-west-2:ami-2',
        '70,amazon-ebs.multi,artifact,0,string,AMIs were created:\\nus-east-1: ami-1\\nus-west-2: ami-2\\n',
        '70,amazon-ebs.multi,artifact,0,files-count,0',
        '70,amazon-ebs.multi,artifact,0,end'
      ].join('\n')
    )) {
      tracker.consume(line)
    }
    const [build] = tracker.result().builds
    expect(build.durationMs).toBe(60_000)
    expect(build.artifacts[0].id).toBe('us-east-1:ami-1,us-west-2:ami-2')
    expect(build.artifacts[0].parsed).toEqual({
      kind: 'amazon',
      amis: { 'us-east-1': 'ami-1', 'us-west-2': 'ami-2' }
    })
  })

  it('reads a constructed multi-region amazon-ebs run with the manifest post-processor', () => {
    const summary = summarizeTranscript(fixture('constructed/amazon-ebs-multi-region.txt'))
    expect(summary.builds).toHaveLength(1)
    expect(summary.builds[0]).toMatchObject({
      name: 'amazon-ebs.hashistack',
      builderType: 'amazon-ebs',
      status: 'succeeded',
      durationMs: 900_000
    })
    expect(summary.artifacts.map((a) => a.parsed)).toEqual([
      {
        kind: 'amazon',
        amis: { 'us-east-1': 'ami-0a1b2c3d4e5f60718', 'us-east-2': 'ami-0f1e2d3c4b5a69788' }
      }
    ])
  })

  it.each([
    [
      'constructed/amazon-ebs-single-region.txt',
      'amazon-ebs',
      1_108_000,
      [{ kind: 'amazon', amis: { 'us-east-1': 'ami-051428cd53ad1b2dc' } }]
    ],
    [
      'constructed/azure-arm-managed-image.txt',
      'azure-arm',
      229_000,
      [
        {
          kind: 'azure',
          managedImageId:
            '/subscriptions/622411f9-056b-4cd2-8612-cd26091f1c5c/resourceGroups/Azuredevops/providers/Microsoft.Compute/images/WebServerImage',
          managedImageName: 'WebServerImage',
          managedImageResourceGroup: 'Azuredevops'
        }
      ]
    ],
    [
      'constructed/googlecompute.txt',
      'googlecompute',
      305_000,
      [{ kind: 'googlecompute', image: 'reddit-base-1553337479' }]
    ],
    [
      'constructed/docker-commit-docker-tag.txt',
      'docker',
      46_000,
      [
        {
          kind: 'docker',
          imageId: 'sha256:c3f6ca26f71cec20902b0c747e0a4ba49d32498e879a05760c44809a3f4c3e0c'
        },
        { kind: 'docker', repositoryTag: 'setevoy/ubuntu_nginx:1.0' }
      ]
    ],
    [
      'constructed/qemu-files.txt',
      'debian',
      1_577_000,
      [{ kind: 'files', files: ['output/debian-10.5.0-1.qcow2'] }]
    ],
    [
      'constructed/virtualbox-iso-vagrant.txt',
      'virtualbox-iso.ubu_lemp',
      1_569_000,
      [{ kind: 'files', files: ['./builds/virtualbox-ubuntu2004.box'] }]
    ]
  ])('reads %s', (file, name, durationMs, parsed) => {
    const summary = summarizeTranscript(fixture(file))
    expect(summary.builds.map((b) => [b.name, b.status, b.durationMs])).toEqual([
      [name, 'succeeded', durationMs]
    ])
    expect(summary.artifacts.map((a) => a.parsed)).toEqual(parsed)
    expect(summary.runErrors).toEqual([])
  })

  it('does not fail a build for "Error" text in its say lines (azure-arm retry messages)', () => {
    const summary = summarizeTranscript(fixture('constructed/azure-arm-managed-image.txt'))
    expect(summary.builds[0].errors).toEqual([])
    expect(summary.uiErrors).toEqual([])
  })

  it('attributes post-processor lines (`name (vagrant):`) to their build', () => {
    const summary = summarizeTranscript(
      [
        '100,,ui,say,==> virtualbox-iso.a: Exporting',
        '160,,ui,message,    virtualbox-iso.a (vagrant): Compressing: box.ovf'
      ].join('\n')
    )
    expect(summary.builds.map((b) => [b.name, b.durationMs])).toEqual([
      ['virtualbox-iso.a', 60_000]
    ])
  })

  it('reads a legacy JSON run, whose build names do not carry the builder type (real run)', () => {
    const summary = summarizeTranscript(fixture('captured/legacy.txt'))
    expect(summary.builds.map((b) => [b.name, b.builderType, b.status, b.durationMs])).toEqual([
      ['null', 'null', 'succeeded', 1000],
      ['greeting-1.0', 'file', 'succeeded', 0]
    ])
    expect(summary.artifacts.map((a) => [a.build, a.files])).toEqual([
      ['null', []],
      ['greeting-1.0', ['out/greeting-1.0.txt']]
    ])
  })

  it('reads the Packer version line', () => {
    expect(summarizeTranscript(fixture('captured/version.txt')).version).toBe('1.6.6')
    expect(summarizeTranscript('1,,version,1.12.0\n1,,version-prelease,dev\n').version).toBe(
      '1.12.0-dev'
    )
  })

  it('reads an interrupted run: the build finished before the interrupt succeeded, the other was cancelled (real run)', () => {
    const summary = summarizeTranscript(fixture('captured/cancel.txt'))
    expect(summary.cancelled).toBe(true)
    expect(summary.builds.map((b) => [b.name, b.status, b.durationMs])).toEqual([
      ['null.slow', 'cancelled', 5000],
      ['null.quick', 'succeeded', 2000]
    ])
    expect(summary.runErrors).toEqual([])
  })

  it('marks unfinished builds cancelled when told the run was cancelled', () => {
    const tracker = new BuildTracker()
    const feed = (text: string) => parseMachineReadable(text).forEach((l) => tracker.consume(l))
    feed(
      [
        '1,,ui,say,==> null.a: Running local shell script: /tmp/a',
        '1,,ui,say,==> null.b: Running local shell script: /tmp/b',
        "3,,ui,say,Build 'null.a' finished after 2 seconds.",
        "3,,ui,error,Build 'null.c' errored after 2 seconds: boom"
      ].join('\n')
    )
    expect(tracker.isCancelled).toBe(false)
    tracker.markCancelled()
    feed("9,,ui,say,Build 'null.b' finished after 8 seconds.")
    const summary = tracker.result()
    expect(summary.cancelled).toBe(true)
    expect(summary.builds.map((b) => [b.name, b.status])).toEqual([
      ['null.a', 'succeeded'],
      ['null.b', 'cancelled'],
      ['null.c', 'failed']
    ])
    expect(summary.builds[2].errors).toEqual(['boom'])
  })

  it('fails a build that never ended when the stream stops before the run summary', () => {
    const summary = summarizeTranscript(
      '1,,ui,say,==> amazon-ebs.a: Launching a source AWS instance...'
    )
    expect(summary.builds.map((b) => [b.name, b.status])).toEqual([['amazon-ebs.a', 'failed']])
  })

  it('includes an artifact whose end line has not come yet', () => {
    const summary = summarizeTranscript(
      [
        '5,docker,artifact-count,1',
        '5,docker,artifact,0,builder-id,packer.post-processor.docker-tag',
        '5,docker,artifact,0,id,repo/app:1'
      ].join('\n')
    )
    expect(summary.artifacts.map((a) => a.parsed)).toEqual([
      { kind: 'docker', repositoryTag: 'repo/app:1' }
    ])
    expect(summary.builds[0].status).toBe('succeeded')
  })

  it('keeps a bounded number of messages', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `${i},,ui,error,problem ${i}`)
    const summary = summarizeTranscript(lines.join('\n'))
    expect(summary.uiErrors).toHaveLength(MAX_KEPT_MESSAGES)
    expect(summary.runErrors).toHaveLength(MAX_KEPT_MESSAGES)
    expect(summary.uiErrors[0]).toBe('problem 0')
  })
})

describe('BuildTracker on Packer 1.9.4 runs, and on the same runs as Packer 1.13 prints them', () => {
  const v194 = (name: string): string => fixture(`captured-1.9.4/${name}`)
  /** Each run as 1.9.4 printed it, and with plugin lines as `ui,say` as 1.13 prints them. */
  const both = (name: string): [string, string][] => [
    ['1.9.4', v194(name)],
    ['1.13', asPacker113(v194(name))]
  ]

  it('the 1.13 form really differs: provisioner lines become say lines with an arrow', () => {
    const text = v194('multi-build-run1.txt')
    expect(text).toMatch(/,ui,message, {4}null\.ok: provisioning%!\(PACKER_COMMA\) with a comma$/m)
    const later = asPacker113(text)
    expect(later).not.toMatch(/,ui,message,/)
    expect(later).toMatch(/,ui,say,==> null\.ok: provisioning%!\(PACKER_COMMA\) with a comma$/m)
    expect(later.split('\n')).toHaveLength(text.split('\n').length)
  })

  it.each(both('multi-build-run1.txt'))(
    'tells the failed build from the others (%s)',
    (_, text) => {
      const summary = summarizeTranscript(text)
      expect(summary.builds.map((b) => [b.name, b.builderType, b.status])).toEqual([
        ['file.greeting', 'file', 'succeeded'],
        ['null.broken', 'null', 'failed'],
        ['null.ok', 'null', 'succeeded']
      ])
      // 1.9.4 keeps the space Packer 1.6.6 lost between the two sentences.
      expect(summary.builds[1].errors).toEqual([
        'Script exited with non-zero exit status: 1. Allowed exit codes are: [0]'
      ])
      expect(summary.artifacts.map((a) => [a.build, a.files])).toEqual([
        ['file.greeting', ['out/greeting.txt']],
        ['null.ok', []]
      ])
      expect(summary.errorCount).toBe(1)
      expect(summary.cancelled).toBe(false)
    }
  )

  it.each(both('cancel.txt'))(
    'reads an interrupted run, where the other build now "errored: context canceled" (%s)',
    (_, text) => {
      expect(text).toContain(
        "Build 'null.slow' errored after 4 seconds 721 milliseconds: context canceled"
      )
      const summary = summarizeTranscript(text)
      expect(summary.cancelled).toBe(true)
      expect(summary.builds.map((b) => [b.name, b.status])).toEqual([
        ['null.quick', 'succeeded'],
        ['null.slow', 'cancelled']
      ])
      expect(summary.runErrors).toEqual([])
    }
  )

  it.each(both('amazon-ebs-double.txt'))(
    'reads the external amazon plugin run against the EC2 double (%s)',
    (_, text) => {
      const summary = summarizeTranscript(text)
      expect(summary.builds.map((b) => [b.name, b.builderType, b.status])).toEqual([
        ['amazon-ebs.app', 'amazon-ebs', 'succeeded']
      ])
      expect(summary.artifacts).toHaveLength(1)
      expect(summary.artifacts[0].parsed).toEqual({
        kind: 'amazon',
        amis: {
          'eu-central-1': 'ami-f6f96472ff7ba446c',
          'us-east-1': 'ami-ae75e0d9f773e2919',
          'us-west-2': 'ami-d85061828f0111631'
        }
      })
    }
  )

  it.each(both('amazon-ebs-cancel-copies.txt'))(
    'reads an amazon-ebs build cancelled while copying as cancelled, not failed (%s)',
    (_, text) => {
      const summary = summarizeTranscript(text)
      expect(summary.cancelled).toBe(true)
      expect(summary.builds.map((b) => [b.name, b.status])).toEqual([
        ['amazon-ebs.app', 'cancelled']
      ])
      expect(summary.artifacts).toEqual([])
    }
  )

  it('reads a legacy JSON run, whose builds 1.9.4 names type.name', () => {
    const summary = summarizeTranscript(v194('legacy.txt'))
    expect(summary.builds.map((b) => [b.name, b.builderType, b.status])).toEqual([
      ['null', 'null', 'succeeded'],
      ['file.greeting-1.0', 'file', 'succeeded']
    ])
  })

  it('keeps an unknown source, now with its file and line, as a run error', () => {
    const summary = summarizeTranscript(v194('unknown-source.txt'))
    expect(summary.builds).toEqual([])
    expect(summary.runErrors).toEqual([
      'Error: Unknown source null.missing\n\n  on unknown-source.pkr.hcl line 1:\n  (source code not available)\n\nKnown: []\n\n'
    ])
  })

  it('reads the version', () => {
    expect(summarizeTranscript(v194('version.txt')).version).toBe('1.9.4')
  })
})

describe('the raw view of a line, which parsing in place gives', () => {
  it.each(TRANSCRIPTS)(
    'gives the same run summary for %s with and without the raw view',
    (file) => {
      const text = fixture(file)
      const withoutRaw = new BuildTracker()
      for (const line of parseMachineReadable(text)) withoutRaw.consume(line)
      expect(summarizeTranscript(text)).toEqual(withoutRaw.result())
    }
  )

  it('gives the same run summary with the raw view when long lines are cut', () => {
    const text = fixture('captured/multi-build-run1.txt')
    const withRaw = new BuildTracker()
    const withoutRaw = new BuildTracker()
    const parser = new MachineReadableParser(
      (line, _truncated, raw) => {
        withRaw.consume(line, raw)
        withoutRaw.consume(line)
      },
      { maxLineLength: 48 }
    )
    for (let i = 0; i < text.length; i += 700) parser.push(Buffer.from(text.slice(i, i + 700)))
    parser.end()
    expect(parser.truncatedLines).toBeGreaterThan(0)
    expect(withRaw.result()).toEqual(withoutRaw.result())
    expect(withRaw.result().builds.length).toBeGreaterThan(1)
  })
})

describe('build names', () => {
  it('matches a build whose progress line ends right after its name', () => {
    const summary = summarizeTranscript(
      [
        "1,,ui,say,Build 'null.a' finished after 1 second.",
        '1,,ui,say,==> null.a: first',
        '4,,ui,message,    null.a:',
        '4,,ui,message,    null.ab: other'
      ].join('\r\n')
    )
    expect(summary.builds.map((b) => b.name)).toEqual(['null.a', 'null.ab'])
  })
})
