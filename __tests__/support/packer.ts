/**
 * Packer for the end-to-end tests: installed once per test file from the loopback release mirror
 * through the committed dist/ (the real download, signature check and extraction), into a tool cache
 * that the file's other steps share, so they find it there as a runner with a warm cache would.
 * Every step gets the fixture's own Packer plugin directory (PACKER_PLUGIN_PATH, empty unless a test
 * puts a plugin there), never the developer's ~/.config/packer/plugins.
 */
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createSigningKey, MIRROR_VERSION, startMirror } from './mirror.js'
import {
  createRunnerDirs,
  ROOT,
  runStep,
  type RunnerDirs,
  type StepOptions,
  type StepResult
} from './runner.js'

export interface PackerFixture {
  toolCache: string
  /** The PACKER_PLUGIN_PATH every step gets unless its env says otherwise. */
  pluginDir: string
  /** Runs a step with packer-version pinned to the installed version and a fresh workspace. */
  step(options: StepOptions & { files?: string }): Promise<StepResult & { dirs: RunnerDirs }>
}

export async function installPackerOnce(): Promise<PackerFixture> {
  const key = await createSigningKey()
  const mirror = await startMirror({ signWith: key })
  const base = mkdtempSync(path.join(tmpdir(), 'pia-tc-'))
  const toolCache = path.join(base, 'toolcache')
  const pluginDir = path.join(base, 'plugins')
  mkdirSync(pluginDir)
  try {
    const result = await runStep({
      dirs: createRunnerDirs(undefined, toolCache),
      inputs: {
        command: 'install',
        'packer-version': MIRROR_VERSION,
        'releases-url': mirror.url,
        'releases-signing-key': key.armoredPublic
      }
    })
    if (result.exitCode !== 0)
      throw new Error(`installing packer failed:\n${result.stdout}\n${result.stderr}`)
  } finally {
    await mirror.close()
  }
  return {
    toolCache,
    pluginDir,
    async step(options) {
      const dirs = options.dirs ?? createRunnerDirs(undefined, toolCache)
      if (options.files) cpSync(path.join(ROOT, options.files), dirs.workspace, { recursive: true })
      const result = await runStep({
        ...options,
        dirs,
        env: { PACKER_PLUGIN_PATH: pluginDir, ...options.env },
        // An unreachable release server: every step must find Packer in the tool cache.
        inputs: {
          'packer-version': MIRROR_VERSION,
          'releases-url': 'http://127.0.0.1:9',
          ...options.inputs
        }
      })
      return { ...result, dirs }
    }
  }
}
