/**
 * The tool-cache layout that `@actions/tool-cache` reads and writes: `<root>/<tool>/<version>/<arch>`,
 * complete when `<arch>.complete` exists. The installer and the warm path (src/warm.ts) both go
 * through it, so this module must stay on Node's built-ins: the warm path pays for every import.
 */
import { existsSync } from 'node:fs'
import * as path from 'node:path'

/** An exact version, with or without a leading `v`; capture 1 is the version without it. */
const EXACT_VERSION = /^v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/

/** The version a spec names exactly (`1.9.4`, `v1.9.4`, `1.10.0-rc1`), or undefined for a range. */
export function exactVersion(spec: string): string | undefined {
  return EXACT_VERSION.exec(spec)?.[1]
}

/** Where the tool cache keeps one version of a tool for one architecture. */
export function toolCachePath(root: string, tool: string, version: string, arch: string): string {
  return path.join(root, tool, version, arch)
}

/** The marker that says the folder at `dir` is complete. */
export function completeMarker(dir: string): string {
  return `${dir}.complete`
}

/** The folder of a complete install of that version, or undefined when the cache lacks it. */
export function findInToolCache(
  root: string,
  tool: string,
  version: string,
  arch: string
): string | undefined {
  const dir = toolCachePath(root, tool, version, arch)
  return existsSync(dir) && existsSync(completeMarker(dir)) ? dir : undefined
}
