/**
 * A built official plugin placed in a Packer plugin directory exactly as `packer init` 1.9.4 leaves
 * it (hashicorp/packer v1.9.4, packer/plugin-getter/plugins.go): the binary at
 * `<dir>/github.com/hashicorp/<name>/packer-plugin-<name>_v<version>_x<protocol>_<os>_<arch>`, mode
 * 0755, next to `<binary>_SHA256SUM` holding its SHA-256 in hex and nothing else, mode 0555. Packer
 * loads a binary from there only when that checksum matches.
 */
import { createHash } from 'node:crypto'
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { PLUGINS, pluginRelease, type PluginName } from './mirror.js'
import { tool } from './tools.js'

export function placePluginLikeInit(pluginDir: string, plugin: PluginName): string {
  const folder = path.join(pluginDir, ...PLUGINS[plugin].source.split('/'))
  mkdirSync(folder, { recursive: true })
  const binary = path.join(folder, pluginRelease(plugin).binary)
  copyFileSync(tool(PLUGINS[plugin].product), binary)
  chmodSync(binary, 0o755)
  const sum = createHash('sha256').update(readFileSync(binary)).digest('hex')
  writeFileSync(`${binary}_SHA256SUM`, sum, { mode: 0o555 })
  return binary
}
