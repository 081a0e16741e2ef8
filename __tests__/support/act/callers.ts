/**
 * The example callers in `templates/workflows/`, read at test time and run as they are, apart from
 * the few substitutions each test states (lines no engine here can honour, such as a Packer range
 * resolved on releases.hashicorp.com). Each substitution must match exactly once, so an edit of the
 * template fails the test loudly instead of silently testing something else.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { placePluginLikeInit } from '../plugin-dir.js'
import { ROOT } from '../runner.js'

export interface Substitution {
  /** The exact text in the template. */
  from: string
  to: string
}

/** The text of `templates/workflows/<name>.yml` with each substitution made exactly once. */
export function callerTemplate(name: string, substitutions: Substitution[]): string {
  const file = path.join('templates/workflows', `${name}.yml`)
  let text = readFileSync(path.join(ROOT, file), 'utf8')
  for (const { from, to } of substitutions) {
    const count = text.split(from).length - 1
    if (count !== 1) {
      throw new Error(
        `${file}: expected '${from}' exactly once to substitute, found it ${count} times`
      )
    }
    text = text.replace(from, () => to)
  }
  return text
}

/**
 * A home folder for the runner (`HOME` of act and so of its host-mode jobs) whose Packer plugin
 * folder, `~/.config/packer/plugins`, holds the official plugins built by `.ci/tools`, laid out as
 * `packer init` leaves them: the action finds them installed and asks no server for them.
 */
export function runnerHomeWithPlugins(plugins: ('amazon' | 'docker')[]): {
  home: string
  pluginDir: string
  binaries: string[]
} {
  const home = mkdtempSync(path.join(tmpdir(), 'pia-act-home-'))
  const pluginDir = path.join(home, '.config', 'packer', 'plugins')
  mkdirSync(pluginDir, { recursive: true })
  const binaries = plugins.map((p) => placePluginLikeInit(pluginDir, p))
  return { home, pluginDir, binaries }
}

/**
 * The proxy variables that send every HTTP(S) request of act and its jobs, other than to
 * 127.0.0.1, to `trapUrl` (startTrapProxy in ../mirror.ts), which refuses and records it: a run
 * that needs nothing outside this machine leaves the trap's record empty.
 */
export function trapProxyEnv(trapUrl: string): Record<string, string> {
  return {
    https_proxy: trapUrl,
    HTTPS_PROXY: trapUrl,
    http_proxy: trapUrl,
    HTTP_PROXY: trapUrl,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost'
  }
}
