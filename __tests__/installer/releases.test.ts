import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  checkReleaseFiles,
  indexUrl,
  parseIndex,
  releaseFileUrl,
  resolveVersion,
  selectBuild,
  selectSignatureFile
} from '../../src/installer/releases.js'

const document = JSON.parse(
  readFileSync(new URL('../data/releases/packer-index.json', import.meta.url), 'utf8')
) as { versions: Record<string, { builds: unknown[] }> }
const index = parseIndex(document)
const SOURCE = 'https://releases.hashicorp.com/packer/index.json'

describe('parseIndex', () => {
  it('reads every version with its files', () => {
    expect(index.size).toBe(Object.keys(document.versions).length)
    const release = index.get('1.11.2')!
    expect(release.shasums).toBe('packer_1.11.2_SHA256SUMS')
    expect(release.shasumsSignatures).toEqual([
      'packer_1.11.2_SHA256SUMS.72D7468F.sig',
      'packer_1.11.2_SHA256SUMS.sig'
    ])
    expect(release.builds).toContainEqual({
      os: 'linux',
      arch: 'amd64',
      filename: 'packer_1.11.2_linux_amd64.zip'
    })
  })

  it('keeps no absolute URL from the index', () => {
    expect(JSON.stringify([...index.values()])).not.toContain('https://')
  })

  it.each([
    ['../../etc/passwd', 'build file name'],
    ['https://evil.example/packer.zip', 'build file name'],
    ['sub/dir.zip', 'build file name']
  ])('refuses a file name that is a path: %s', (filename, what) => {
    const bad = {
      versions: {
        '1.0.0': { version: '1.0.0', builds: [{ os: 'linux', arch: 'amd64', filename }] }
      }
    }
    expect(() => parseIndex(bad)).toThrow(`index.json has an unusable ${what}`)
  })

  it('refuses a document without versions', () => {
    expect(() => parseIndex({ name: 'packer' })).toThrow('index.json has no "versions" object')
    expect(() => parseIndex(null)).toThrow('index.json has no "versions" object')
  })

  it('skips versions that are not semver, and entries that are not objects', () => {
    const parsed = parseIndex({
      versions: { 'not-a-version': { builds: [] }, '1.0.0': { builds: [] }, '1.1.0': null }
    })
    expect([...parsed.keys()]).toEqual(['1.0.0'])
  })
})

describe('resolveVersion', () => {
  const versions = [...index.keys()]

  it.each([
    ['latest', '1.11.2'],
    ['1.x', '1.11.2'],
    ['~1.10', '1.10.3'],
    ['>=1.8 <1.10', '1.9.5'],
    ['^1.7.0', '1.11.2'],
    ['1.6.6', '1.6.6'],
    ['0.12.3', '0.12.3'],
    ['1.7.0-rc1', '1.7.0-rc1'],
    ['1.12.0-beta1', '1.12.0-beta1']
  ])('%s → %s', (spec, expected) => {
    expect(resolveVersion(versions, spec, SOURCE)).toBe(expected)
  })

  it('never picks a prerelease for latest or a range', () => {
    expect(resolveVersion(['1.0.0', '1.1.0-rc1'], 'latest', SOURCE)).toBe('1.0.0')
    expect(resolveVersion(['1.0.0', '1.1.0-rc1'], '>=1.0.0', SOURCE)).toBe('1.0.0')
  })

  it('names the newest releases when the version does not exist', () => {
    expect(() => resolveVersion(versions, '1.6.7', SOURCE)).toThrow(
      `Packer version '1.6.7' does not exist in ${SOURCE}; the newest releases are 1.11.2, 1.11.1, 1.11.0, 1.10.3, 1.10.0, 1.9.5, 1.9.0, 1.8.7, … (23 in all)`
    )
  })

  it('says when no release satisfies a range', () => {
    expect(() => resolveVersion(versions, '~2.0', SOURCE)).toThrow(
      `No Packer release satisfies '~2.0' in ${SOURCE}; the newest releases are 1.11.2`
    )
  })

  it('refuses an empty or prerelease-only index for latest', () => {
    expect(() => resolveVersion([], 'latest', SOURCE)).toThrow(`${SOURCE} lists no Packer versions`)
    expect(() => resolveVersion(['2.0.0-rc1'], 'latest', SOURCE)).toThrow(
      'lists no stable Packer release'
    )
  })
})

describe('selectBuild', () => {
  it('finds the build for the platform', () => {
    expect(selectBuild(index.get('1.11.2')!, { os: 'darwin', arch: 'arm64' }).filename).toBe(
      'packer_1.11.2_darwin_arm64.zip'
    )
  })

  it('lists the platforms a release has when ours is missing', () => {
    expect(() => selectBuild(index.get('1.0.0')!, { os: 'darwin', arch: 'arm64' })).toThrow(
      /^Packer 1\.0\.0 has no build for darwin\/arm64; it is released for: darwin\/amd64, freebsd\/386/
    )
  })
})

describe('selectSignatureFile', () => {
  it("picks the signature named for a trusted key's ID", () => {
    expect(
      selectSignatureFile(index.get('1.11.2')!, ['C874011F0AB405110D02105534365D9472D7468F'])
    ).toBe('packer_1.11.2_SHA256SUMS.72D7468F.sig')
  })

  it('falls back to the generic .sig', () => {
    expect(selectSignatureFile(index.get('1.11.2')!, ['0000000000000000DEADBEEF'])).toBe(
      'packer_1.11.2_SHA256SUMS.sig'
    )
    expect(
      selectSignatureFile(index.get('1.0.0')!, ['C874011F0AB405110D02105534365D9472D7468F'])
    ).toBe('packer_1.0.0_SHA256SUMS.sig')
  })
})

describe('URLs', () => {
  it('are built from the base and plain file names', () => {
    expect(indexUrl('https://mirror.example/hc', 'packer')).toBe(
      'https://mirror.example/hc/packer/index.json'
    )
    expect(
      releaseFileUrl('https://mirror.example/hc', 'packer', '1.11.2', 'packer_1.11.2_SHA256SUMS')
    ).toBe('https://mirror.example/hc/packer/1.11.2/packer_1.11.2_SHA256SUMS')
  })
})

describe('checkReleaseFiles', () => {
  const release = {
    version: '1.11.2',
    shasums: 'packer_1.11.2_SHA256SUMS',
    shasumsSignatures: ['packer_1.11.2_SHA256SUMS.72D7468F.sig'],
    builds: [{ os: 'linux', arch: 'amd64', filename: 'packer_1.11.2_linux_amd64.zip' }]
  }

  it("accepts HashiCorp's names for the release", () => {
    expect(() =>
      checkReleaseFiles('packer', release, release.builds[0], release.shasumsSignatures[0])
    ).not.toThrow()
  })

  it("refuses an older release's files listed under a newer version, naming each", () => {
    const swapped = {
      ...release,
      shasums: 'packer_1.2.0_SHA256SUMS',
      builds: [{ os: 'linux', arch: 'amd64', filename: 'packer_1.2.0_linux_amd64.zip' }]
    }
    expect(() =>
      checkReleaseFiles('packer', swapped, swapped.builds[0], 'packer_1.2.0_SHA256SUMS.sig')
    ).toThrow(
      "index.json lists files for packer 1.11.2 that are not named for that version, OS and architecture: checksums 'packer_1.2.0_SHA256SUMS' (expected 'packer_1.11.2_SHA256SUMS'), archive 'packer_1.2.0_linux_amd64.zip' (expected 'packer_1.11.2_linux_amd64.zip'), signature 'packer_1.2.0_SHA256SUMS.sig' (expected 'packer_1.11.2_SHA256SUMS.…sig')"
    )
  })

  it('refuses an archive for another platform', () => {
    const build = { os: 'linux', arch: 'amd64', filename: 'packer_1.11.2_linux_arm64.zip' }
    expect(() => checkReleaseFiles('packer', release, build, release.shasumsSignatures[0])).toThrow(
      /archive 'packer_1.11.2_linux_arm64.zip'/
    )
  })
})
