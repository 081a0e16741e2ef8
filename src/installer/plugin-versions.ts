/**
 * Pure rules for official plugins: which `required_plugins` entries are HashiCorp's, how Packer's
 * version constraints read (hashicorp/go-version, not npm's semver), and the file names Packer
 * gives an installed plugin and looks for when it loads one.
 */
import * as path from 'node:path'
import { ActionError } from '../action/errors.js'
import type { ReleasePlatform } from './platform.js'

/** One entry of a `required_plugins` block. */
export interface PluginRequirement {
  /** The entry's name in the block (`amazon = { … }`). */
  localName: string
  source: string
  /** The version constraint as written; empty when the entry has none. */
  version: string
}

/**
 * The plugin name of an official HashiCorp source (`github.com/hashicorp/amazon` gives `amazon`),
 * or undefined for any other source. Packer lower-cases the host and namespace.
 */
export function officialPluginName(source: string): string | undefined {
  const match = /^github\.com\/hashicorp\/([a-z0-9][a-z0-9-]*)$/i.exec(source.trim())
  if (!match) return undefined
  const name = match[1].toLowerCase()
  return name.startsWith('packer-plugin-') ? undefined : name
}

interface Version {
  segments: number[]
  /** How many segments were written (`1.2` has 2). */
  written: number
  prerelease: string
}

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/

function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim())
  if (!match) return undefined
  const parts = [match[1], match[2], match[3]]
  return {
    segments: parts.map((p) => Number(p ?? 0)),
    written: parts.filter((p) => p !== undefined).length,
    prerelease: match[4] ?? ''
  }
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) {
    if (a.segments[i] !== b.segments[i]) return a.segments[i] < b.segments[i] ? -1 : 1
  }
  if (a.prerelease === b.prerelease) return 0
  if (!a.prerelease) return 1
  if (!b.prerelease) return -1
  return a.prerelease < b.prerelease ? -1 : 1
}

type Check = (v: Version) => boolean

const OPERATORS: Record<string, (c: Version) => Check> = {
  '': (c) => (v) => compare(v, c) === 0,
  '=': (c) => (v) => compare(v, c) === 0,
  '!=': (c) => (v) => compare(v, c) !== 0,
  '>': (c) => (v) => compare(v, c) > 0,
  '<': (c) => (v) => compare(v, c) < 0,
  '>=': (c) => (v) => compare(v, c) >= 0,
  '<=': (c) => (v) => compare(v, c) <= 0,
  // go-version's pessimistic operator: every written segment but the last must match, and the
  // last must be at least the constraint's (`~> 1.2` is >= 1.2, < 2; `~> 1.2.3` is >= 1.2.3, < 1.3).
  '~>': (c) => (v) => {
    if (compare(v, c) < 0) return false
    for (let i = 0; i < c.written - 1; i++) if (v.segments[i] !== c.segments[i]) return false
    return true
  }
}

/**
 * Parses a Packer version constraint (`>= 1.2.0, < 2`, `~> 1.2`, `1.2.9`), as go-version does:
 * comma-separated, every part must hold. Throws an error naming the constraint when it is not one.
 */
export function parseConstraint(constraint: string, what: string): (version: string) => boolean {
  const checks: Check[] = []
  const parts = constraint.trim() === '' ? [] : constraint.split(',')
  for (const part of parts) {
    const match = /^\s*(~>|>=|<=|!=|=|>|<)?\s*(\S+)\s*$/.exec(part)
    const version = match ? parseVersion(match[2]) : undefined
    if (!match || !version) {
      throw new ActionError(
        `${what}: version constraint '${constraint}' is not one Packer reads ` +
          `(for example '>= 1.2.0', '~> 1.2' or '1.2.9')`
      )
    }
    checks.push(OPERATORS[match[1] ?? ''](version))
  }
  return (text) => {
    const version = parseVersion(text)
    return version !== undefined && checks.every((check) => check(version))
  }
}

/** Orders version strings newest first; strings that are not versions are left out. */
export function newestFirst(versions: string[]): string[] {
  return versions
    .map((text) => ({ text, version: parseVersion(text) }))
    .filter((v): v is { text: string; version: Version } => v.version !== undefined)
    .sort((a, b) => compare(b.version, a.version))
    .map((v) => v.text)
}

/**
 * The newest release (no prerelease) that satisfies the constraint. The error names the plugin,
 * the constraint and what the index offers.
 */
export function resolvePluginVersion(
  available: Iterable<string>,
  constraint: string,
  plugin: string,
  source: string
): string {
  const satisfies = parseConstraint(constraint, plugin)
  const releases = newestFirst([...available]).filter((v) => !parseVersion(v)!.prerelease)
  const match = releases.find(satisfies)
  if (match) return match
  const offered = releases.length
    ? releases.slice(0, 8).join(', ') +
      (releases.length > 8 ? `, … (${releases.length} in all)` : '')
    : 'no release'
  throw new ActionError(
    `No release of ${plugin} satisfies '${constraint || '(any version)'}' in ${source}; ` +
      `it offers ${offered}`
  )
}

/**
 * The name Packer gives an installed plugin binary and looks for when it loads one, the same from
 * Packer 1.7 through 1.16: `packer-plugin-amazon_v1.2.9_x5.0_linux_amd64` (`.exe` on Windows),
 * beside a `<name>_SHA256SUM` file holding the binary's SHA-256 in hex.
 */
export function installedPluginFileName(
  name: string,
  version: string,
  protocol: string,
  platform: ReleasePlatform
): string {
  const ext = platform.os === 'windows' ? '.exe' : ''
  return `packer-plugin-${name}_v${version}_x${protocol}_${platform.os}_${platform.arch}${ext}`
}

/** The version and protocol in an installed plugin's file name, or undefined when it is not one. */
export function parseInstalledPluginFileName(
  file: string,
  name: string,
  platform: ReleasePlatform
): { version: string; protocol: string } | undefined {
  const ext = platform.os === 'windows' ? '.exe' : ''
  const prefix = `packer-plugin-${name}_v`
  const suffix = `_${platform.os}_${platform.arch}${ext}`
  if (!file.startsWith(prefix) || !file.endsWith(suffix)) return undefined
  const match = /^(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)_x(\d+\.\d+)$/.exec(
    file.slice(prefix.length, file.length - suffix.length)
  )
  return match ? { version: match[1], protocol: match[2] } : undefined
}

/** The protocol version in a release's `_manifest.json` (`{"metadata":{"protocol_version":"5.0"}}`). */
export function manifestProtocol(document: unknown, what: string): string {
  const protocol = (document as { metadata?: { protocol_version?: unknown } } | null)?.metadata
    ?.protocol_version
  if (typeof protocol !== 'string' || !/^\d+\.\d+$/.test(protocol)) {
    throw new ActionError(
      `${what} has no usable metadata.protocol_version (found ${JSON.stringify(protocol ?? null)})`
    )
  }
  return protocol
}

/**
 * Checks what the plugin binary says of itself (`describe`) against what it was installed as:
 * Packer 1.11 and later ignore a plugin whose reported version or API version differs from its
 * file name, so such a binary is refused here rather than left for Packer to skip.
 */
export function checkDescribe(
  output: string,
  expected: { version: string; protocol: string },
  what: string
): void {
  let described: { version?: unknown; api_version?: unknown }
  try {
    described = JSON.parse(output) as typeof described
  } catch {
    throw new ActionError(`${what}: 'describe' did not print JSON`)
  }
  const version = typeof described.version === 'string' ? described.version : ''
  const api = typeof described.api_version === 'string' ? described.api_version : ''
  const same =
    parseVersion(version) && compare(parseVersion(version)!, parseVersion(expected.version)!) === 0
  if (!same || api !== `x${expected.protocol}`) {
    throw new ActionError(
      `${what} describes itself as version '${version}' with API '${api}', ` +
        `but the release is ${expected.version} with API x${expected.protocol}`
    )
  }
}

/**
 * The folder plugins are installed into, as the running Packer reads PACKER_PLUGIN_PATH: unset, the
 * user's `~/.config/packer/plugins`; one path, that path. Several paths (the platform's list
 * separator) were searched in turn through Packer 1.10, whose `packer init` installs into the last;
 * Packer 1.11 and later refuse them, so the action does too, naming each path.
 */
export function pluginDirectory(
  value: string | undefined,
  packerVersion: string,
  home: string,
  separator: string
): string {
  if (!value) return path.join(home, '.config', 'packer', 'plugins')
  if (!value.includes(separator)) return value
  const paths = value.split(separator)
  const [major, minor] = packerVersion.split('.').map(Number)
  if (major > 1 || (major === 1 && minor >= 11)) {
    throw new ActionError(
      `PACKER_PLUGIN_PATH holds several paths (${paths.join(', ')}); Packer ${packerVersion} reads ` +
        'one (multiple paths are no longer supported since Packer 1.11): set it to one of them'
    )
  }
  return paths[paths.length - 1]
}
