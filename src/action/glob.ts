/**
 * File patterns for inputs that name files (`manifests`): `*` and `?` within one path segment,
 * `**` for any number of segments. A pattern without wildcards names one file, which must exist.
 */
import { readdirSync, statSync } from 'node:fs'
import * as path from 'node:path'

const WILDCARD = /[*?]/

/** The pattern as a regular expression over `/`-separated paths. Pure. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  const segments = pattern.split('/')
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1
    if (segment === '**') {
      re += last ? '.*' : '(?:[^/]+/)*'
      return
    }
    for (const c of segment) {
      if (c === '*') re += '[^/]*'
      else if (c === '?') re += '[^/]'
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
    if (!last) re += '/'
  })
  return new RegExp(`^${re}$`)
}

/** The fixed directory a pattern starts from: its segments before the first wildcard. */
export function patternBase(pattern: string): string {
  const segments = pattern.split('/')
  const first = segments.findIndex((s) => WILDCARD.test(s))
  return segments.slice(0, first < 0 ? segments.length - 1 : first).join('/') || '.'
}

function walk(dir: string, into: string[]): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, into)
    else if (entry.isFile()) into.push(full)
  }
}

/**
 * The files the patterns name, absolute, each once, in pattern order and then by name. `missing`
 * lists the patterns that matched nothing, and `folders` those of them that name a folder.
 */
export function expandPatterns(
  patterns: string[],
  cwd: string
): { files: string[]; missing: string[]; folders: string[] } {
  const files: string[] = []
  const missing: string[] = []
  const folders: string[] = []
  for (const raw of patterns) {
    const pattern = raw.replace(/\\/g, '/')
    const absolute = path.resolve(cwd, pattern)
    if (!WILDCARD.test(pattern)) {
      let stat
      try {
        stat = statSync(absolute)
      } catch {
        stat = undefined
      }
      if (stat?.isFile()) files.push(absolute)
      else missing.push(raw)
      if (stat?.isDirectory()) folders.push(raw)
      continue
    }
    const base = path.resolve(cwd, patternBase(pattern))
    const matcher = globToRegExp(path.resolve(cwd, pattern).split(path.sep).join('/'))
    const found: string[] = []
    walk(base, found)
    const matched = found
      .filter((f) => matcher.test(f.split(path.sep).join('/')))
      .sort((a, b) => a.localeCompare(b))
    if (matched.length === 0) missing.push(raw)
    files.push(...matched)
  }
  return { files: [...new Set(files)], missing, folders }
}
