/**
 * Official plugins end to end, through the committed dist/ on Node 24 with Packer 1.9.4: the action
 * installs them from a release mirror on 127.0.0.1 (signature, checksum, manifest and describe
 * checked), `packer init` then has nothing to fetch, and the plugin cache round-trips through the
 * results-service double.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { installPackerOnce, type PackerFixture } from '../support/packer.js'
import {
  createSigningKey,
  PLUGINS,
  pluginRelease,
  pluginZip,
  startMirror,
  startTrapProxy,
  type MirrorOptions,
  type ReleaseMirror,
  type SigningKey
} from '../support/mirror.js'
import { startResultsService } from '../support/results-service.js'
import { errors, FAKE_GITHUB_TOKEN } from '../support/runner.js'
import { tool } from '../support/tools.js'

let packer: PackerFixture
let key: SigningKey
let trap: Awaited<ReturnType<typeof startTrapProxy>>
const mirrors: ReleaseMirror[] = []

beforeAll(async () => {
  ;[packer, key, trap] = await Promise.all([
    installPackerOnce(),
    createSigningKey({ renewed: true }),
    startTrapProxy()
  ])
})

afterAll(async () => {
  await Promise.all(mirrors.map((m) => m.close()))
  await trap.close()
})

async function mirror(options: Partial<MirrorOptions> = {}): Promise<ReleaseMirror> {
  const m = await startMirror({ signWith: key, plugins: true, ...options })
  mirrors.push(m)
  return m
}

function freshPluginDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'pia-plugins-'))
}

/** `packer validate` of the official-plugins template: init first, as every template command. */
function validate(
  m: ReleaseMirror,
  pluginDir: string,
  inputs: Record<string, string> = {},
  env = {}
) {
  return packer.step({
    files: '__tests__/data/templates/official-plugins',
    inputs: {
      command: 'validate',
      'releases-url': m.url,
      'releases-signing-key': key.armoredPublic,
      ...inputs
    },
    // Anything that tried to reach GitHub or HashiCorp would go through the trap.
    env: {
      PACKER_PLUGIN_PATH: pluginDir,
      https_proxy: trap.url,
      HTTPS_PROXY: trap.url,
      http_proxy: trap.url,
      HTTP_PROXY: trap.url,
      NO_PROXY: '127.0.0.1',
      no_proxy: '127.0.0.1',
      ...env
    }
  })
}

function pluginPaths(plugin: keyof typeof PLUGINS): string[] {
  const release = pluginRelease(plugin)
  return [
    release.index,
    `${release.dir}/${release.sums}`,
    `${release.dir}/${release.sums}.${key.fingerprint.slice(-8)}.sig`,
    `${release.dir}/${release.manifest}`,
    `${release.dir}/${release.zip}`
  ]
}

function installedFiles(pluginDir: string): string[] {
  return readdirSync(pluginDir, { recursive: true })
    .map(String)
    .filter((f) => path.basename(f).startsWith('packer-plugin-'))
    .sort()
}

describe('official plugins from releases-url', () => {
  it('installs them verified, under the names Packer loads, and packer init then makes no request', async () => {
    const m = await mirror()
    const pluginDir = freshPluginDir()
    const attemptsBefore = trap.attempts.length
    const result = await validate(m, pluginDir)
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(m.paths().sort()).toEqual([...pluginPaths('amazon'), ...pluginPaths('docker')].sort())
    expect(trap.attempts.slice(attemptsBefore)).toEqual([])
    const expected = (['amazon', 'docker'] as const).flatMap((p) => {
      const file = path.join('github.com', 'hashicorp', p, pluginRelease(p).binary)
      return [file, `${file}_SHA256SUM`]
    })
    expect(installedFiles(pluginDir)).toEqual(expected.sort())
    for (const plugin of ['amazon', 'docker'] as const) {
      const binary = path.join(
        pluginDir,
        'github.com',
        'hashicorp',
        plugin,
        pluginRelease(plugin).binary
      )
      expect(readFileSync(`${binary}_SHA256SUM`, 'utf8')).toBe(
        createHash('sha256').update(readFileSync(binary)).digest('hex')
      )
    }
    expect(result.stdout).toContain(
      `github.com/hashicorp/amazon ${PLUGINS.amazon.version}: installed from releases-url, signature and checksum verified`
    )
    expect(result.stdout).toMatch(/packer-plugin-amazon_1\.2\.9_SHA256SUMS: good signature by/)
    expect(result.stdout).toContain('The template is valid.')
    // The runner does not nest log groups: the installs are lines of init's group, none of their own.
    let depth = 0
    let deepest = 0
    for (const line of result.stdout.split('\n')) {
      if (line.startsWith('::group::')) deepest = Math.max(deepest, ++depth)
      if (line.startsWith('::endgroup::')) depth--
    }
    expect({ deepest, depth }).toEqual({ deepest: 1, depth: 0 })
  })

  it('a second run with the plugins installed asks no server anything', async () => {
    const m = await mirror()
    const pluginDir = freshPluginDir()
    expect((await validate(m, pluginDir)).exitCode).toBe(0)
    const requests = m.paths().length
    const attemptsBefore = trap.attempts.length
    const again = await validate(m, pluginDir)
    expect(errors(again)).toBe('')
    expect(again.exitCode).toBe(0)
    expect(m.paths().length).toBe(requests)
    expect(trap.attempts.slice(attemptsBefore)).toEqual([])
    expect(again.stdout).toContain(
      `github.com/hashicorp/amazon ${PLUGINS.amazon.version}: already installed`
    )
  })

  it('round-trips through the plugin cache: a run on a fresh runner restores them and downloads nothing', async () => {
    const service = await startResultsService()
    try {
      const m = await mirror()
      // The same path on both runners: the cache entry's version covers the paths it holds.
      const pluginDir = freshPluginDir()
      const first = await validate(m, pluginDir, {}, service.env)
      expect(errors(first)).toBe('')
      expect(first.exitCode).toBe(0)
      const saved = service.cacheEntries()
      expect(saved).toHaveLength(1)
      // The key names the resolved versions: the constraints' key and a hash of what was installed.
      expect(saved[0].key).toMatch(
        /^packer-plugins-linux-x64-packer-1\.9\.4-[0-9a-f]{16}-[0-9a-f]{16}$/
      )
      const requests = m.paths().length
      const attemptsBefore = trap.attempts.length

      // A fresh runner: nothing installed.
      rmSync(pluginDir, { recursive: true, force: true })
      mkdirSync(pluginDir)
      const second = await validate(m, pluginDir, {}, service.env)
      expect(errors(second)).toBe('')
      expect(second.exitCode).toBe(0)
      expect(second.stdout).toContain(`Plugins restored from the cache (${saved[0].key})`)
      expect(m.paths().length).toBe(requests)
      expect(trap.attempts.slice(attemptsBefore)).toEqual([])
      expect(installedFiles(pluginDir)).toHaveLength(4)
      // Restored exactly what it would save: no second entry.
      expect(service.cacheEntries()).toHaveLength(1)
    } finally {
      await service.close()
    }
  })

  it('refuses a plugin zip that does not match the signed checksums, and installs nothing of it', async () => {
    // A real, signed release's zip, but another plugin's.
    const m = await mirror({ pluginZips: { amazon: pluginZip('docker') } })
    const pluginDir = freshPluginDir()
    const result = await validate(m, pluginDir)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain(
      `${pluginRelease('amazon').zip} does not match ${pluginRelease('amazon').sums}`
    )
    expect(existsSync(path.join(pluginDir, 'github.com', 'hashicorp', 'amazon'))).toBe(false)
  })

  it('refuses plugin checksums signed by a key that is not trusted', async () => {
    const stranger = await createSigningKey('Someone Else')
    const m = await mirror({ signSumsWith: stranger })
    const pluginDir = freshPluginDir()
    const result = await validate(m, pluginDir)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain(
      `The signature of ${pluginRelease('amazon').sums} is not valid for the releases-signing-key`
    )
    expect(installedFiles(pluginDir)).toEqual([])
  })

  it('refuses a manifest whose protocol is not what the signed binary is built for', async () => {
    const m = await mirror({
      pluginManifest: (plugin, document) =>
        plugin === 'amazon' ? { ...document, metadata: { protocol_version: '5.1' } } : document
    })
    const pluginDir = freshPluginDir()
    const result = await validate(m, pluginDir)
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /manifest\.json does not match|has no 'packer-plugin-amazon_v1\.2\.9_x5\.1_linux_amd64'/
    )
    expect(existsSync(path.join(pluginDir, 'github.com', 'hashicorp', 'amazon'))).toBe(false)
  })

  it('names the plugin, the constraint and what the index offers when no release fits', async () => {
    const m = await mirror({
      pluginIndex: (plugin, document) =>
        plugin === 'docker'
          ? {
              versions: {
                '0.9.0': { ...document.versions[PLUGINS.docker.version], version: '0.9.0' }
              }
            }
          : document
    })
    const result = await validate(m, freshPluginDir())
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toContain(
      `No release of plugin docker satisfies '~> 1.0' in ${m.url}/packer-plugin-docker/index.json; it offers 0.9.0`
    )
  })

  it('leaves every plugin to packer init with install-official-plugins: false', async () => {
    const m = await mirror()
    const attemptsBefore = trap.attempts.length
    const result = await validate(m, freshPluginDir(), { 'install-official-plugins': 'false' })
    // packer init goes to GitHub for them, through the trap, and fails there.
    expect(result.exitCode).toBe(1)
    expect(m.paths()).toEqual([])
    expect(trap.attempts.slice(attemptsBefore).join('\n')).toContain('github.com')
    expect(errors(result)).toContain('packer init')
  })

  it("runs a plugin's describe without the step's inputs, state, runner tokens or secrets", async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'pia-plugin-env-'))
    const dump = path.join(work, 'env.txt')
    const release = pluginRelease('amazon')
    // The amazon plugin behind a script that records the environment of every run of it.
    mkdirSync(path.join(work, 'zip'))
    writeFileSync(
      path.join(work, 'zip', release.binary),
      `#!/bin/sh\n{ echo "--- $1"; env; } >> '${dump}'\nexec '${tool('packer-plugin-amazon')}' "$@"\n`,
      { mode: 0o755 }
    )
    const zip = path.join(work, 'plugin.zip')
    execFileSync('zip', ['-q', '-X', zip, release.binary], { cwd: path.join(work, 'zip') })
    const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
    const m = await mirror({
      pluginZips: { amazon: zip },
      pluginSums: (plugin, text) =>
        plugin === 'amazon' ? text.replace(sha(pluginZip('amazon')), sha(zip)) : text
    })
    const secret = 'plugin-env secret 0123456789'
    const runtimeToken = 'runtime-token-0123456789abcdef'
    const idToken = 'id-token-request-0123456789abcdef'
    const result = await validate(
      m,
      freshPluginDir(),
      { 'sensitive-variables': `unused=${secret}` },
      {
        ACTIONS_RUNTIME_TOKEN: runtimeToken,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: idToken,
        STATE_leftover: 'state of another step'
      }
    )
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    // One record a run of the plugin: the action's describe check first, then Packer's own runs.
    const records = readFileSync(dump, 'utf8').split(/^(?=--- )/m)
    expect(records[0]).toMatch(/^--- describe\n/)
    for (const record of records) {
      const names = record
        .split('\n')
        .filter((line) => /^[A-Za-z_][\w-]*=/.test(line))
        .map((line) => line.slice(0, line.indexOf('=')))
      expect(
        names.filter((n) =>
          /^(INPUT|STATE)_|^ACTIONS_|^GITHUB_(OUTPUT|ENV|PATH|STATE|STEP_SUMMARY)$/i.test(n)
        )
      ).toEqual([])
      for (const value of [secret, runtimeToken, idToken]) expect(record).not.toContain(value)
    }
    // The token is packer init's alone (Packer hands it on to the plugins it runs); the action's
    // own describe check does not get it.
    expect(records[0]).not.toContain(FAKE_GITHUB_TOKEN)
  })
})
