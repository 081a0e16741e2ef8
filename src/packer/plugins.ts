/**
 * `packer init` and the plugin cache. Init is skipped, with a notice, where the Packer version has
 * none (before 1.7) or no template declares `required_plugins`. The plugin directory is cached with
 * @actions/cache, keyed on os/arch, the Packer version and a hash of the `required_plugins` blocks.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import * as path from 'node:path'
import { isObject } from '../action/dictionary.js'
import { getErrorMessage } from '../action/errors.js'
import type { ResolvedPaths } from '../action/inputs.js'
import type { PluginRequirement } from '../installer/plugin-versions.js'

/**
 * The HCL text without its comments (`#` and `//` to the end of the line, `/* … *\/`). A scanner,
 * not a pattern, because a quoted string may hold `#` or `//` (a plugin source URL, say).
 */
export function stripHclComments(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (c === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j + 1
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2)
      i = end < 0 ? text.length : end + 2
      out += ' '
    } else {
      out += c
      i++
    }
  }
  return out
}

/** The `required_plugins { … }` blocks of an HCL text, braces balanced, comments left out. */
export function requiredPluginsBlocks(text: string): string[] {
  const stripped = stripHclComments(text)
  const blocks: string[] = []
  const re = /\brequired_plugins\s*\{/g
  let match: RegExpExecArray | null
  while ((match = re.exec(stripped))) {
    let depth = 1
    let i = match.index + match[0].length
    for (; i < stripped.length && depth > 0; i++) {
      if (stripped[i] === '{') depth++
      else if (stripped[i] === '}') depth--
    }
    blocks.push(stripped.slice(match.index, i).replace(/\s+/g, ' ').trim())
    re.lastIndex = i
  }
  return blocks
}

/**
 * The `required_plugins` of an HCL2 template in JSON syntax (`.pkr.json`): under `packer`, which
 * may be an object or a list of them, as may `required_plugins`. Each one as canonical JSON; none
 * when the file is not JSON (packer init then says what is wrong with it).
 */
export function requiredPluginsJson(text: string): string[] {
  return requiredPluginsValues(text).map((plugins) => `required_plugins ${canonicalJson(plugins)}`)
}

/** Each `required_plugins` value under `packer` in a `.pkr.json` text; none when it is not JSON. */
function requiredPluginsValues(text: string): unknown[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return []
  }
  const list = (value: unknown): unknown[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value]
  return (isObject(parsed) ? list(parsed.packer) : [])
    .filter(isObject)
    .flatMap((block) => list(block.required_plugins))
}

/** JSON with object keys sorted, so that the same plugins give the same cache key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isObject(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The HCL2 template files Packer reads for this template (a file, or a folder's top level). */
export function templateFiles(paths: ResolvedPaths): string[] {
  if (paths.kind === 'legacy-json') return []
  if (paths.kind === 'hcl2-file') return [paths.template]
  return readdirSync(paths.template)
    .filter((f) => f.endsWith('.pkr.hcl') || f.endsWith('.pkr.json'))
    .sort()
    .map((f) => path.join(paths.template, f))
    .filter((f) => statSync(f).isFile())
}

/** The entries of `required_plugins` blocks as `requiredPluginsBlocks` returns them. */
export function pluginEntriesHcl(blocks: string[]): PluginRequirement[] {
  const entries: PluginRequirement[] = []
  for (const block of blocks) {
    const body = block.slice(block.indexOf('{') + 1)
    for (const match of body.matchAll(/([A-Za-z_][\w-]*)\s*=\s*\{([^{}]*)\}/g)) {
      const attribute = (name: string): string =>
        new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(match[2])?.[1] ?? ''
      entries.push({
        localName: match[1],
        source: attribute('source'),
        version: attribute('version')
      })
    }
  }
  return entries
}

/** The entries of the `required_plugins` of a `.pkr.json` template. */
export function pluginEntriesJson(text: string): PluginRequirement[] {
  return requiredPluginsValues(text)
    .filter(isObject)
    .flatMap((plugins) =>
      Object.entries(plugins)
        .filter((entry): entry is [string, Record<string, unknown>] => isObject(entry[1]))
        .map(([localName, entry]) => ({
          localName,
          source: typeof entry.source === 'string' ? entry.source : '',
          version: typeof entry.version === 'string' ? entry.version : ''
        }))
    )
}

/**
 * What the template's files declare in `required_plugins`, in file order, each file read once:
 * the blocks as text (what the plugin cache key hashes) and their entries.
 */
export function pluginDeclarations(paths: ResolvedPaths): {
  blocks: string[]
  requirements: PluginRequirement[]
} {
  const blocks: string[] = []
  const requirements: PluginRequirement[] = []
  for (const file of templateFiles(paths)) {
    const text = readFileSync(file, 'utf8')
    if (file.endsWith('.pkr.json')) {
      blocks.push(...requiredPluginsJson(text))
      requirements.push(...pluginEntriesJson(text))
    } else {
      const found = requiredPluginsBlocks(text)
      blocks.push(...found)
      requirements.push(...pluginEntriesHcl(found))
    }
  }
  return { blocks, requirements }
}

export function pluginCacheKey(
  platform: string,
  arch: string,
  packerVersion: string,
  blocks: string[]
): string {
  const hash = createHash('sha256').update(blocks.join('\n')).digest('hex').slice(0, 16)
  return `packer-plugins-${platform}-${arch}-packer-${packerVersion}-${hash}`
}

/**
 * The key a plugin directory is saved under: the constraints' key followed by a hash of the plugin
 * files installed (each name carries the plugin's resolved version and protocol), so two runs that
 * resolved different versions never share an entry, and a run restores the newest entry saved for
 * its constraints without asking any release server which versions exist.
 */
export function installedPluginsKey(prefix: string, files: string[]): string {
  const hash = createHash('sha256')
    .update([...files].sort().join('\n'))
    .digest('hex')
    .slice(0, 16)
  return `${prefix}-${hash}`
}

/** The plugin binaries under a plugin directory that carry a `_SHA256SUM`, relative to it. */
export async function installedPluginFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [] as string[])
  const names = new Set(entries.map(String))
  return [...names]
    .filter(
      (name) => /(^|[\\/])packer-plugin-[^\\/]+$/.test(name) && names.has(`${name}_SHA256SUM`)
    )
    .map((name) => name.split(path.sep).join('/'))
    .sort()
}

export interface CacheApi {
  isFeatureAvailable(): boolean
  restoreCache(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>
  saveCache(paths: string[], key: string): Promise<number>
}

export async function loadCache(): Promise<CacheApi> {
  return (await import('@actions/cache')) as CacheApi
}

export type CacheOutcome =
  | { kind: 'hit'; key: string }
  | { kind: 'miss'; key: string }
  | { kind: 'unavailable'; reason: string }

/** Restores the newest plugin directory saved for these constraints (`installedPluginsKey`). */
export async function restorePlugins(
  cache: CacheApi,
  dir: string,
  prefix: string
): Promise<CacheOutcome> {
  if (!cache.isFeatureAvailable())
    return { kind: 'unavailable', reason: 'the cache service is not available on this runner' }
  try {
    const hit = await cache.restoreCache([dir], prefix, [`${prefix}-`])
    return hit ? { kind: 'hit', key: hit } : { kind: 'miss', key: prefix }
  } catch (error) {
    return { kind: 'unavailable', reason: getErrorMessage(error) }
  }
}
