import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { makeArtifact } from '../../src/packer/artifacts.js'
import {
  lastRunOf,
  manifestFromArtifacts,
  manifestToArtifacts,
  mergeManifests,
  duplicateBuilds,
  lastSourceOfEachBuild,
  primaryAmisOf,
  parseManifest
} from '../../src/packer/manifest.js'
import type { Manifest } from '../../src/packer/types.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../data/packer/${name}`, import.meta.url), 'utf8')
const lastRun = (name: string): Manifest => lastRunOf(parseManifest(fixture(name)))

describe('parseManifest and lastRunOf', () => {
  it('keeps only the last of two runs (qemu, files with sizes)', () => {
    const all = parseManifest(fixture('manifest-qemu-files-2runs.json'))
    expect(all.builds).toHaveLength(2)
    expect(lastRunOf(all)).toEqual({
      builds: [
        {
          name: 'debian',
          builder_type: 'qemu',
          build_time: 1602570577,
          files: [{ name: 'output/debian-10.5.0-1.qcow2', size: 489553920 }],
          artifact_id: 'VM',
          packer_run_uuid: '39084cd5-6846-ee17-a192-2c3fa1b610f6',
          custom_data: null
        }
      ],
      last_run_uuid: '39084cd5-6846-ee17-a192-2c3fa1b610f6'
    })
  })

  it('keeps both builds of the last run written by a real Packer 1.6.6 run, not the first run', () => {
    const manifest = lastRun('captured/multi-build-manifest.json')
    expect(manifest.builds.map((b) => [b.name, b.builder_type, b.artifact_id])).toEqual([
      ['greeting', 'file', 'File'],
      ['ok', 'null', 'Null']
    ])
    expect(new Set(manifest.builds.map((b) => b.packer_run_uuid))).toEqual(
      new Set(['fab5a740-9536-ddaa-7403-26fe76555478'])
    )
  })

  it('keeps the single build of the last of eleven docker runs', () => {
    expect(lastRun('manifest-docker-multi-build-multi-run.json').builds).toEqual([
      {
        name: 'ubuntu',
        builder_type: 'docker',
        build_time: 1629496296,
        files: null,
        artifact_id: 'sha256:a47eca7469aa4feac33c2e61aabec0190d0ac05755046077b54799db265187aa',
        packer_run_uuid: '16c1a939-2544-060e-8bc0-9687cf882978',
        custom_data: null
      }
    ])
  })

  it('reads a legacy manifest without custom_data', () => {
    const [build] = lastRun('manifest-amazon-ebs-legacy-no-custom-data.json').builds
    expect(build).toEqual({
      name: 'eu-west-1',
      builder_type: 'amazon-ebs',
      build_time: 1495991005,
      files: null,
      artifact_id: 'eu-west-1:ami-fa43559c',
      packer_run_uuid: '6bfb1f4e-ef96-70e1-c431-de814be3290a'
    })
    expect('custom_data' in build).toBe(false)
  })

  it('reads a Windows path with its backslash', () => {
    const [build] = lastRun('manifest-vagrant-windows-path.json').builds
    expect(build.files).toEqual([{ name: 'packer_build_dir\\package.box', size: 634863172 }])
  })

  it('reads custom_data', () => {
    const [build] = lastRun('manifest-vsphere-iso-custom-data.json').builds
    expect(build.custom_data?.guest_os_version).toBe('9.3')
    expect(Object.keys(build.custom_data ?? {})).toHaveLength(13)
    expect(lastRun('captured/legacy-manifest.json').builds[0].custom_data).toEqual({
      channel: 'nightly, pinned'
    })
  })

  it('throws on text that is not a manifest, naming what is wrong', () => {
    expect(() => parseManifest('{"builds": [')).toThrow(/^The manifest is not valid JSON: /)
    expect(() => parseManifest('[]')).toThrow('The manifest is not a JSON object')
    expect(() => parseManifest('{"last_run_uuid": "x"}')).toThrow(
      'The manifest has no "builds" array'
    )
    expect(() =>
      parseManifest(
        '{"builds": [{"name": "a", "builder_type": "null", "build_time": "soon", "artifact_id": "x"}], "last_run_uuid": "u"}'
      )
    ).toThrow("The manifest's builds[0].build_time is not a number")
    expect(() =>
      parseManifest(
        '{"builds": [{"name": "a", "builder_type": "null", "files": [{"size": 1}], "artifact_id": "x"}], "last_run_uuid": "u"}'
      )
    ).toThrow("The manifest's builds[0].files[0].name is not a string")
  })
})

describe('manifestFromArtifacts', () => {
  const artifacts = [
    makeArtifact('file.greeting', 'packer.file', 'File', 'Stored file: out/greeting.txt', [
      'out/greeting.txt'
    ]),
    makeArtifact('amazon-ebs.a', 'mitchellh.amazonebs', 'us-east-1:ami-01,us-west-2:ami-02', '', [])
  ]

  it('writes one entry per artifact with the run uuid, build time and file sizes', () => {
    const sizes: Record<string, number> = { 'out/greeting.txt': 12 }
    expect(
      manifestFromArtifacts(artifacts, {
        runUuid: '2f474ffc-b6e6-1902-170d-6ac0a7d2c214',
        buildTime: 1795338187,
        fileSize: (name) => sizes[name]
      })
    ).toEqual({
      builds: [
        {
          name: 'file.greeting',
          builder_type: 'file',
          build_time: 1795338187,
          files: [{ name: 'out/greeting.txt', size: 12 }],
          artifact_id: 'File',
          packer_run_uuid: '2f474ffc-b6e6-1902-170d-6ac0a7d2c214',
          custom_data: null
        },
        {
          name: 'amazon-ebs.a',
          builder_type: 'amazon-ebs',
          build_time: 1795338187,
          files: null,
          artifact_id: 'us-east-1:ami-01,us-west-2:ami-02',
          packer_run_uuid: '2f474ffc-b6e6-1902-170d-6ac0a7d2c214',
          custom_data: null
        }
      ],
      last_run_uuid: '2f474ffc-b6e6-1902-170d-6ac0a7d2c214'
    })
  })

  it('gives size 0 without a lookup and passes custom data on', () => {
    const manifest = manifestFromArtifacts(artifacts.slice(0, 1), {
      runUuid: 'u1',
      buildTime: 1,
      customData: { channel: 'nightly' }
    })
    expect(manifest.builds[0].files).toEqual([{ name: 'out/greeting.txt', size: 0 }])
    expect(manifest.builds[0].custom_data).toEqual({ channel: 'nightly' })
  })

  it('round-trips through JSON and parseManifest', () => {
    const manifest = manifestFromArtifacts(artifacts, { runUuid: 'u1', buildTime: 5 })
    expect(parseManifest(JSON.stringify(manifest, null, 2))).toEqual(manifest)
  })
})

describe('mergeManifests', () => {
  it('keeps the last run of each leg, in order, as one run that the last-run rule reads whole', () => {
    const legA = parseManifest(fixture('manifest-qemu-files-2runs.json'))
    const legB = parseManifest(fixture('manifest-azure-arm-managed-image-2runs.json'))
    const merged = mergeManifests(
      [
        { source: 'leg-a/manifest.json', manifest: legA },
        { source: 'leg-b/manifest.json', manifest: legB }
      ],
      'merged-run'
    )
    expect(merged.builds.map((b) => [b.name, b.packer_run_uuid, b.custom_data])).toEqual([
      [
        'debian',
        'merged-run',
        {
          merged_from: 'leg-a/manifest.json',
          source_run_uuid: '39084cd5-6846-ee17-a192-2c3fa1b610f6'
        }
      ],
      [
        'azure-arm',
        'merged-run',
        {
          merged_from: 'leg-b/manifest.json',
          source_run_uuid: '7237fc00-2980-0927-969d-5e6fc1ad68b6'
        }
      ]
    ])
    expect(merged.last_run_uuid).toBe('merged-run')
    expect(lastRunOf(merged)).toEqual(merged)
    // Reads back as a manifest the action accepts.
    expect(parseManifest(JSON.stringify(merged))).toEqual(merged)
    expect(mergeManifests([], 'r')).toEqual({ builds: [], last_run_uuid: 'r' })
  })

  it('names builds that several legs produced', () => {
    const leg = parseManifest(fixture('manifest-qemu-files-2runs.json'))
    expect(
      duplicateBuilds([
        { source: 'a.json', manifest: leg },
        { source: 'b.json', manifest: leg }
      ])
    ).toEqual(new Map([['debian', ['a.json', 'b.json']]]))
    expect(duplicateBuilds([{ source: 'a.json', manifest: leg }]).size).toBe(0)
  })
})

describe("the build region's AMI and builds of the same name, through a merge", () => {
  const amazon = (build: string, id: string) =>
    makeArtifact(build, 'mitchellh.amazonebs', id, '', [])
  const leg = (build: string, id: string, primary: string): Manifest =>
    manifestFromArtifacts([amazon(build, id)], {
      runUuid: `run-${primary}`,
      buildTime: 1,
      primaryAmis: { [build]: primary }
    })

  it("records the AMI of the build's own region, and a merge keeps it", () => {
    const us = leg('amazon-ebs.app', 'eu-central-1:ami-0e,us-east-1:ami-0a', 'ami-0a')
    expect(us.builds[0].custom_data).toEqual({ primary_ami: 'ami-0a' })
    const merged = mergeManifests([{ source: 'us.json', manifest: us }], 'm')
    expect(primaryAmisOf(merged)).toEqual({ 'amazon-ebs.app': 'ami-0a' })
  })

  it('records no primary AMI that the artifact does not hold', () => {
    const odd = leg('amazon-ebs.app', 'us-east-1:ami-0a', 'ami-0ff')
    expect(odd.builds[0].custom_data).toBeNull()
    expect(primaryAmisOf(odd)).toEqual({})
  })

  it('reads only the last source of a build name that two sources made', () => {
    const merged = mergeManifests(
      [
        { source: 'ubuntu.json', manifest: leg('amazon-ebs.base', 'us-east-1:ami-01', 'ami-01') },
        { source: 'al2.json', manifest: leg('amazon-ebs.base', 'eu-west-1:ami-02', 'ami-02') },
        { source: 'win.json', manifest: leg('amazon-ebs.win', 'us-east-1:ami-03', 'ami-03') }
      ],
      'm'
    )
    expect(lastSourceOfEachBuild(merged).builds.map((b) => b.artifact_id)).toEqual([
      'eu-west-1:ami-02',
      'us-east-1:ami-03'
    ])
  })
})

describe('manifestToArtifacts', () => {
  it('reads each entry by its builder type', () => {
    const entries = mergeManifests(
      [
        'manifest-amazon-ebs-legacy-no-custom-data.json',
        'manifest-azure-arm-managed-image-2runs.json',
        'manifest-docker-multi-build-multi-run.json',
        'manifest-qemu-files-2runs.json',
        'manifest-vagrant-windows-path.json',
        'manifest-vsphere-iso-custom-data.json'
      ].map((name) => ({ source: name, manifest: lastRun(name) })),
      'run'
    )
    const artifacts = manifestToArtifacts(entries)
    expect(artifacts.map((a) => [a.build, a.builderType, a.builderId, a.parsed])).toEqual([
      ['eu-west-1', 'amazon-ebs', '', { kind: 'amazon', amis: { 'eu-west-1': 'ami-fa43559c' } }],
      [
        'azure-arm',
        'azure-arm',
        '',
        {
          kind: 'azure',
          managedImageId:
            '/subscriptions/86d22e9c-bc56-49c3-a93a-0586bbb4ee79/resourceGroups/testrg/providers/Microsoft.Compute/images/customLinux-2020-05-07-723',
          managedImageName: 'customLinux-2020-05-07-723',
          managedImageResourceGroup: 'testrg'
        }
      ],
      [
        'ubuntu',
        'docker',
        '',
        {
          kind: 'docker',
          imageId: 'sha256:a47eca7469aa4feac33c2e61aabec0190d0ac05755046077b54799db265187aa'
        }
      ],
      ['debian', 'qemu', '', { kind: 'files', files: ['output/debian-10.5.0-1.qcow2'] }],
      ['vagrant', 'vagrant', '', { kind: 'files', files: ['packer_build_dir\\package.box'] }],
      ['rhel9', 'vsphere-iso', '', { kind: 'other' }]
    ])
    expect(artifacts[0].id).toBe('eu-west-1:ami-fa43559c')
  })
})
