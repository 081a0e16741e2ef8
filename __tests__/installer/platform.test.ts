import { describe, expect, it } from '@jest/globals'
import { binaryName, releasePlatform } from '../../src/installer/platform.js'

describe('releasePlatform', () => {
  it.each([
    ['linux', 'x64', 'linux', 'amd64'],
    ['linux', 'arm64', 'linux', 'arm64'],
    ['linux', 'arm', 'linux', 'arm'],
    ['linux', 'ia32', 'linux', '386'],
    ['darwin', 'arm64', 'darwin', 'arm64'],
    ['win32', 'x64', 'windows', 'amd64'],
    ['win32', 'ia32', 'windows', '386'],
    ['freebsd', 'x64', 'freebsd', 'amd64'],
    ['openbsd', 'x64', 'openbsd', 'amd64']
  ])('%s/%s → %s/%s', (platform, arch, os, releaseArch) => {
    expect(releasePlatform(platform, arch)).toEqual({ os, arch: releaseArch })
  })

  it.each([
    ['aix', 'ppc64'],
    ['linux', 's390x'],
    ['sunos', 'x64']
  ])('refuses %s/%s and names what exists', (platform, arch) => {
    expect(() => releasePlatform(platform, arch)).toThrow(
      `Packer has no release for this runner (${platform}/${arch}); HashiCorp publishes linux, darwin, windows, freebsd, openbsd on amd64, arm64, arm, 386`
    )
  })

  it('names the Windows binary packer.exe', () => {
    expect(binaryName({ os: 'windows', arch: 'amd64' })).toBe('packer.exe')
    expect(binaryName({ os: 'linux', arch: 'amd64' })).toBe('packer')
  })
})
