import { describe, expect, it } from '@jest/globals'
import {
  checkDescribe,
  installedPluginFileName,
  manifestProtocol,
  newestFirst,
  officialPluginName,
  parseConstraint,
  parseInstalledPluginFileName,
  pluginDirectory,
  resolvePluginVersion
} from '../../src/installer/plugin-versions.js'
import { indexUrl, releaseFileUrl } from '../../src/installer/releases.js'

const LINUX = { os: 'linux', arch: 'amd64' } as const
const WINDOWS = { os: 'windows', arch: 'amd64' } as const

describe('officialPluginName', () => {
  it.each([
    ['github.com/hashicorp/amazon', 'amazon'],
    ['github.com/hashicorp/docker', 'docker'],
    ['GitHub.com/HashiCorp/Amazon', 'amazon'],
    ['github.com/hashicorp/vsphere ', 'vsphere']
  ])('%s is official: %s', (source, name) => {
    expect(officialPluginName(source)).toBe(name)
  })

  it.each([
    'github.com/ethanmdavidson/git',
    'github.com/hashicorp/amazon/extra',
    'gitlab.com/hashicorp/amazon',
    'github.com/hashicorp/packer-plugin-amazon',
    'github.com/hashicorp/',
    ''
  ])('%s is not', (source) => {
    expect(officialPluginName(source)).toBeUndefined()
  })
})

describe('parseConstraint reads constraints as go-version does', () => {
  const cases: [string, string[], string[]][] = [
    ['>= 1.2.0', ['1.2.0', '1.2.9', '2.0.0'], ['1.1.9']],
    ['>= 1.2.0, < 1.3', ['1.2.0', '1.2.9'], ['1.3.0', '1.1.0']],
    ['1.2.9', ['1.2.9'], ['1.2.8', '1.2.10']],
    ['= 1.2', ['1.2.0'], ['1.2.1']],
    ['!= 1.2.5', ['1.2.4', '1.2.6'], ['1.2.5']],
    ['~> 1.2', ['1.2.0', '1.9.0'], ['2.0.0', '1.1.9']],
    ['~> 1.2.3', ['1.2.3', '1.2.99'], ['1.3.0', '1.2.2']],
    // go-version's pessimistic operator on one segment has no upper bound.
    ['~> 1', ['1.0.0', '2.5.0'], ['0.9.0']],
    ['> 1.0.0', ['1.0.1'], ['1.0.0']],
    ['<= 1.0.0', ['1.0.0', '0.1.0'], ['1.0.1']],
    ['', ['0.0.1', '9.9.9'], []],
    ['>=v1.2.0', ['1.2.0'], ['1.1.0']]
  ]
  it.each(cases)("'%s'", (constraint, yes, no) => {
    const satisfies = parseConstraint(constraint, 'plugin amazon')
    for (const v of yes) expect([v, satisfies(v)]).toEqual([v, true])
    for (const v of no) expect([v, satisfies(v)]).toEqual([v, false])
  })

  it.each(['>= banana', '>=', '1.2.3.4', '=> 1.2', '>= 1.0 ||'])(
    "refuses '%s', naming the plugin and the constraint",
    (constraint) => {
      expect(() => parseConstraint(constraint, 'plugin amazon')).toThrow(
        `plugin amazon: version constraint '${constraint}' is not one Packer reads`
      )
    }
  )
})

describe('resolvePluginVersion', () => {
  const offered = ['1.2.6', '1.2.9', '1.3.0-rc1', '1.0.0', '1.3.2', 'not-a-version']

  it('picks the newest release that satisfies the constraint, never a prerelease', () => {
    expect(resolvePluginVersion(offered, '>= 1.2.0, < 1.3.0', 'plugin amazon', 'index')).toBe(
      '1.2.9'
    )
    expect(resolvePluginVersion(offered, '', 'plugin amazon', 'index')).toBe('1.3.2')
    expect(resolvePluginVersion(offered, '~> 1.3.0', 'plugin amazon', 'index')).toBe('1.3.2')
  })

  it('names the plugin, the constraint and what the index offers when nothing fits', () => {
    expect(() =>
      resolvePluginVersion(offered, '>= 2', 'plugin amazon', 'http://m/index.json')
    ).toThrow(
      "No release of plugin amazon satisfies '>= 2' in http://m/index.json; it offers 1.3.2, 1.2.9, 1.2.6, 1.0.0"
    )
    expect(() => resolvePluginVersion([], '>= 2', 'plugin amazon', 'index')).toThrow(
      'it offers no release'
    )
  })

  it('orders versions numerically, not as text', () => {
    expect(newestFirst(['1.2.10', '1.2.9', '1.10.0', '1.9.0'])).toEqual([
      '1.10.0',
      '1.9.0',
      '1.2.10',
      '1.2.9'
    ])
  })
})

describe('installed plugin file names', () => {
  it('are the names Packer 1.7 through 1.16 load', () => {
    expect(installedPluginFileName('amazon', '1.2.9', '5.0', LINUX)).toBe(
      'packer-plugin-amazon_v1.2.9_x5.0_linux_amd64'
    )
    expect(installedPluginFileName('amazon', '1.2.9', '5.0', WINDOWS)).toBe(
      'packer-plugin-amazon_v1.2.9_x5.0_windows_amd64.exe'
    )
  })

  it('read back into version and protocol, for this platform only', () => {
    expect(
      parseInstalledPluginFileName('packer-plugin-amazon_v1.2.9_x5.0_linux_amd64', 'amazon', LINUX)
    ).toEqual({ version: '1.2.9', protocol: '5.0' })
    for (const name of [
      'packer-plugin-amazon_v1.2.9_x5.0_darwin_arm64',
      'packer-plugin-amazon_v1.2.9_x5.0_linux_amd64_SHA256SUM',
      'packer-plugin-docker_v1.0.8_x5.0_linux_amd64',
      'packer-plugin-amazon_1.2.9_x5.0_linux_amd64'
    ]) {
      expect([name, parseInstalledPluginFileName(name, 'amazon', LINUX)]).toEqual([name, undefined])
    }
  })
})

describe('manifestProtocol', () => {
  it("reads HashiCorp's manifest", () => {
    expect(manifestProtocol({ version: 1, metadata: { protocol_version: '5.0' } }, 'm.json')).toBe(
      '5.0'
    )
  })

  it.each([{}, { metadata: {} }, { metadata: { protocol_version: 'x5.0' } }, null])(
    'refuses %j, naming the file',
    (document) => {
      expect(() => manifestProtocol(document, 'packer-plugin-amazon_1.2.9_manifest.json')).toThrow(
        'packer-plugin-amazon_1.2.9_manifest.json has no usable metadata.protocol_version'
      )
    }
  )
})

describe('checkDescribe', () => {
  const expected = { version: '1.2.9', protocol: '5.0' }
  it('accepts a binary that describes itself as the release', () => {
    expect(() =>
      checkDescribe('{"version":"1.2.9","sdk_version":"0.5.1","api_version":"x5.0"}', expected, 'p')
    ).not.toThrow()
  })

  it.each([
    ['{"version":"1.2.9-dev","api_version":"x5.0"}', "version '1.2.9-dev' with API 'x5.0'"],
    ['{"version":"1.2.8","api_version":"x5.0"}', "version '1.2.8'"],
    ['{"version":"1.2.9","api_version":"x5.1"}', "API 'x5.1'"]
  ])('refuses %s, as Packer 1.11 and later would ignore it', (output, text) => {
    expect(() => checkDescribe(output, expected, 'plugin amazon 1.2.9')).toThrow(text)
  })

  it('says when describe printed no JSON', () => {
    expect(() => checkDescribe('Usage: ...', expected, 'plugin amazon 1.2.9')).toThrow(
      "plugin amazon 1.2.9: 'describe' did not print JSON"
    )
  })
})

describe('pluginDirectory follows PACKER_PLUGIN_PATH as each Packer reads it', () => {
  it("is the user's plugin folder when unset, and the path when one is given", () => {
    expect(pluginDirectory(undefined, '1.9.4', '/home/runner', ':')).toBe(
      '/home/runner/.config/packer/plugins'
    )
    expect(pluginDirectory('', '1.11.0', '/home/runner', ':')).toBe(
      '/home/runner/.config/packer/plugins'
    )
    expect(pluginDirectory('/opt/plugins', '1.16.0', '/home/runner', ':')).toBe('/opt/plugins')
  })

  it('is the last of several paths through 1.10, where packer init installs', () => {
    expect(pluginDirectory('/a:/b:/c', '1.10.3', '/h', ':')).toBe('/c')
    expect(pluginDirectory('/a:/b', '1.9.4', '/h', ':')).toBe('/b')
  })

  it('refuses several paths from 1.11 on, naming them, as Packer does', () => {
    expect(() => pluginDirectory('/a:/b', '1.11.0', '/h', ':')).toThrow(
      'PACKER_PLUGIN_PATH holds several paths (/a, /b); Packer 1.11.0 reads one'
    )
    expect(() => pluginDirectory('C:\\a;C:\\b', '1.14.2', 'C:\\h', ';')).toThrow('several paths')
  })
})

describe('the layout of releases.hashicorp.com that Packer 1.14 and later read', () => {
  // From packer/plugin-getter/release/getter.go (v1.14.0): index.json under the product, then
  // <version>/<product>_<version>_SHA256SUMS, _manifest.json and _<os>_<arch>.zip, whose binary is
  // the installed name (ExpectedFileName without .zip).
  it('is where the action reads plugin releases from', () => {
    const base = 'https://releases.hashicorp.com'
    const product = 'packer-plugin-docker'
    expect(indexUrl(base, product)).toBe(
      'https://releases.hashicorp.com/packer-plugin-docker/index.json'
    )
    for (const file of [
      'packer-plugin-docker_1.1.1_SHA256SUMS',
      'packer-plugin-docker_1.1.1_manifest.json',
      'packer-plugin-docker_1.1.1_darwin_arm64.zip'
    ]) {
      expect(releaseFileUrl(base, product, '1.1.1', file)).toBe(
        `https://releases.hashicorp.com/packer-plugin-docker/1.1.1/${file}`
      )
    }
  })

  it('names the installed binary as the getter expects inside the zip', () => {
    expect(installedPluginFileName('docker', '1.1.1', '5.0', { os: 'darwin', arch: 'arm64' })).toBe(
      'packer-plugin-docker_v1.1.1_x5.0_darwin_arm64'
    )
  })
})
