/** The plugin cache's pure parts, and how a restore turns the cache service's answers into outcomes. */
import { describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  installedPluginFiles,
  installedPluginsKey,
  pluginDeclarations,
  pluginCacheKey,
  pluginEntriesHcl,
  pluginEntriesJson,
  requiredPluginsBlocks,
  requiredPluginsJson,
  restorePlugins,
  stripHclComments,
  templateFiles,
  type CacheApi
} from '../../src/packer/plugins.js'

const AMAZON = `packer {
  required_plugins {
    amazon = {
      version = ">= 1.2.8"   # pinned below 2
      source  = "github.com/hashicorp/amazon"
    }
  }
}
`

describe('requiredPluginsBlocks', () => {
  it('finds each block with its nested braces, white space folded', () => {
    expect(requiredPluginsBlocks(AMAZON)).toEqual([
      'required_plugins { amazon = { version = ">= 1.2.8" source = "github.com/hashicorp/amazon" } }'
    ])
  })

  it('ignores blocks that are commented out, and keeps URLs with // inside strings', () => {
    const text = `# required_plugins { x = {} }
/* required_plugins {
  y = {}
} */
packer {
  required_plugins {
    z = { source = "https://example.com//z" }
  }
}`
    expect(requiredPluginsBlocks(text)).toEqual([
      'required_plugins { z = { source = "https://example.com//z" } }'
    ])
  })

  it('finds none in a template without the block', () => {
    expect(requiredPluginsBlocks('source "null" "x" { communicator = "none" }')).toEqual([])
  })
})

describe('pluginCacheKey', () => {
  const blocks = requiredPluginsBlocks(AMAZON)

  it('names the platform, the resolved Packer version and a hash of the blocks', () => {
    expect(pluginCacheKey('linux', 'x64', '1.11.2', blocks)).toMatch(
      /^packer-plugins-linux-x64-packer-1\.11\.2-[0-9a-f]{16}$/
    )
  })

  it('changes when the version, the platform or any plugin requirement changes', () => {
    const base = pluginCacheKey('linux', 'x64', '1.11.2', blocks)
    const other = requiredPluginsBlocks(AMAZON.replace('1.2.8', '1.3.0'))
    expect(
      new Set([
        base,
        pluginCacheKey('linux', 'x64', '1.11.3', blocks),
        pluginCacheKey('linux', 'arm64', '1.11.2', blocks),
        pluginCacheKey('darwin', 'x64', '1.11.2', blocks),
        pluginCacheKey('linux', 'x64', '1.11.2', other)
      ]).size
    ).toBe(5)
  })

  it('stays the same when only comments or white space change', () => {
    const reformatted = AMAZON.replace('# pinned below 2', '').replace(/ {2}/g, '    ')
    expect(pluginCacheKey('linux', 'x64', '1.11.2', requiredPluginsBlocks(reformatted))).toBe(
      pluginCacheKey('linux', 'x64', '1.11.2', blocks)
    )
  })
})

describe('templateFiles and pluginDeclarations', () => {
  it('reads the top-level .pkr.hcl files of a folder, in order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-plugins-'))
    writeFileSync(path.join(dir, 'b.pkr.hcl'), AMAZON)
    writeFileSync(path.join(dir, 'a.pkr.hcl'), 'source "null" "x" {}\n')
    writeFileSync(path.join(dir, 'vars.pkrvars.hcl'), 'x = 1\n')
    mkdirSync(path.join(dir, 'nested.pkr.hcl'))
    const paths = { workingDirectory: dir, template: dir, kind: 'hcl2-dir' as const, varFiles: [] }
    expect(templateFiles(paths).map((f) => path.basename(f))).toEqual(['a.pkr.hcl', 'b.pkr.hcl'])
    const { blocks, requirements } = pluginDeclarations(paths)
    expect(blocks).toHaveLength(1)
    expect(requirements).toEqual([
      { localName: 'amazon', source: 'github.com/hashicorp/amazon', version: '>= 1.2.8' }
    ])
  })

  it('reads the required_plugins of a .pkr.json template too', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-plugins-'))
    writeFileSync(
      path.join(dir, 'main.pkr.json'),
      JSON.stringify({
        packer: {
          required_plugins: {
            amazon: { version: '>= 1.2.8', source: 'github.com/hashicorp/amazon' }
          }
        }
      })
    )
    const paths = { workingDirectory: dir, template: dir, kind: 'hcl2-dir' as const, varFiles: [] }
    expect(templateFiles(paths).map((f) => path.basename(f))).toEqual(['main.pkr.json'])
    expect(pluginDeclarations(paths)).toEqual({
      blocks: [
        'required_plugins {"amazon":{"source":"github.com/hashicorp/amazon","version":">= 1.2.8"}}'
      ],
      requirements: [
        { localName: 'amazon', source: 'github.com/hashicorp/amazon', version: '>= 1.2.8' }
      ]
    })
  })

  it('reads nothing of a legacy JSON template, which cannot require plugins', () => {
    const paths = {
      workingDirectory: '/',
      template: '/x.json',
      kind: 'legacy-json' as const,
      varFiles: []
    }
    expect(templateFiles(paths)).toEqual([])
  })
})

describe('restorePlugins', () => {
  function fakeCache(overrides: Partial<CacheApi> = {}): CacheApi {
    return {
      isFeatureAvailable: () => true,
      restoreCache: jest.fn<CacheApi['restoreCache']>(async () => undefined),
      saveCache: jest.fn<CacheApi['saveCache']>(async () => 1),
      ...overrides
    }
  }

  it('is unavailable, without a request, where the runner has no cache service', async () => {
    const cache = fakeCache({ isFeatureAvailable: () => false })
    expect(await restorePlugins(cache, '/plugins', 'k')).toEqual({
      kind: 'unavailable',
      reason: 'the cache service is not available on this runner'
    })
    expect(cache.restoreCache).not.toHaveBeenCalled()
  })

  it('restores the newest entry saved for the constraints, and reports the key it matched', async () => {
    const hit = fakeCache({ restoreCache: async (_paths, key) => `${key}-0123456789abcdef` })
    expect(await restorePlugins(hit, '/plugins', 'k1')).toEqual({
      kind: 'hit',
      key: 'k1-0123456789abcdef'
    })
    const miss = fakeCache()
    expect(await restorePlugins(miss, '/plugins', 'k2')).toEqual({ kind: 'miss', key: 'k2' })
    expect(miss.restoreCache).toHaveBeenCalledWith(['/plugins'], 'k2', ['k2-'])
  })

  it('turns a failing cache service into a reason, never a failed step', async () => {
    const broken = fakeCache({
      restoreCache: async () => {
        throw new Error('Cache service responded with 503')
      }
    })
    expect(await restorePlugins(broken, '/plugins', 'k')).toEqual({
      kind: 'unavailable',
      reason: 'Cache service responded with 503'
    })
  })
})

describe('installedPluginsKey and installedPluginFiles', () => {
  it('key the entry on the constraints and on the plugin files installed, in any order', () => {
    const a = installedPluginsKey('p', ['x/packer-plugin-a_v1.0.0_x5.0_linux_amd64', 'y/b'])
    expect(a).toMatch(/^p-[0-9a-f]{16}$/)
    expect(installedPluginsKey('p', ['y/b', 'x/packer-plugin-a_v1.0.0_x5.0_linux_amd64'])).toBe(a)
    expect(installedPluginsKey('p', ['x/packer-plugin-a_v1.0.1_x5.0_linux_amd64', 'y/b'])).not.toBe(
      a
    )
  })

  it('list only plugin binaries that carry a checksum file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-plugin-files-'))
    const folder = path.join(dir, 'github.com', 'hashicorp', 'amazon')
    mkdirSync(folder, { recursive: true })
    for (const name of [
      'packer-plugin-amazon_v1.2.9_x5.0_linux_amd64',
      'packer-plugin-amazon_v1.2.9_x5.0_linux_amd64_SHA256SUM',
      'packer-plugin-amazon_v1.2.8_x5.0_linux_amd64',
      'notes.txt'
    ])
      writeFileSync(path.join(folder, name), '')
    expect(await installedPluginFiles(dir)).toEqual([
      'github.com/hashicorp/amazon/packer-plugin-amazon_v1.2.9_x5.0_linux_amd64'
    ])
    expect(await installedPluginFiles(path.join(dir, 'missing'))).toEqual([])
  })
})

describe('required plugin entries', () => {
  it('reads name, source and version from HCL blocks, comments and all', () => {
    const text = `packer {
  required_plugins {
    # the builder
    amazon = {
      version = ">= 1.2.0, < 2" // pinned below 2
      source  = "github.com/hashicorp/amazon"
    }
    git = { source = "github.com/ethanmdavidson/git", version = "0.4.3" }
    bare = {
      source = "github.com/hashicorp/docker"
    }
  }
}`
    expect(pluginEntriesHcl(requiredPluginsBlocks(text))).toEqual([
      { localName: 'amazon', source: 'github.com/hashicorp/amazon', version: '>= 1.2.0, < 2' },
      { localName: 'git', source: 'github.com/ethanmdavidson/git', version: '0.4.3' },
      { localName: 'bare', source: 'github.com/hashicorp/docker', version: '' }
    ])
  })

  it('reads them from a .pkr.json template', () => {
    const text = JSON.stringify({
      packer: [
        {
          required_plugins: {
            amazon: { version: '~> 1', source: 'github.com/hashicorp/amazon' },
            broken: 'not an object'
          }
        }
      ]
    })
    expect(pluginEntriesJson(text)).toEqual([
      { localName: 'amazon', source: 'github.com/hashicorp/amazon', version: '~> 1' }
    ])
    expect(pluginEntriesJson('{ not json')).toEqual([])
  })
})

describe('stripHclComments', () => {
  it('drops the three comment forms and keeps strings that hold comment markers', () => {
    expect(stripHclComments('a = "x#y" # gone\nb = "//z" // gone\nc = /* gone */ "\\"#"\n')).toBe(
      'a = "x#y" \nb = "//z" \nc =   "\\"#"\n'
    )
  })
})

describe('requiredPluginsJson', () => {
  it('reads packer and required_plugins as objects or lists of them, keys in order', () => {
    const one = requiredPluginsJson(
      '{"packer": {"required_plugins": {"b": {"version": "1"}, "a": {"source": "x", "version": "2"}}}}'
    )
    const listed = requiredPluginsJson(
      '{"packer": [{"required_plugins": [{"a": {"version": "2", "source": "x"}, "b": {"version": "1"}}]}]}'
    )
    expect(one).toEqual(['required_plugins {"a":{"source":"x","version":"2"},"b":{"version":"1"}}'])
    expect(listed).toEqual(one)
  })

  it('reads nothing where there is no packer block, or the file is not JSON', () => {
    expect(requiredPluginsJson('{"source": {}}')).toEqual([])
    expect(requiredPluginsJson('{"packer": {"required_version": ">= 1.7"}}')).toEqual([])
    expect(requiredPluginsJson('{ not json')).toEqual([])
    expect(requiredPluginsJson('[1, 2]')).toEqual([])
  })
})
