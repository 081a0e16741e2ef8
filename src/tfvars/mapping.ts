/**
 * Which AMI goes into which Terraform variable: the `tfvars-mapping` input, the `ami-ids` JSON of
 * the build step, and the values chosen from them. Pure code.
 */
import { ActionError } from '../action/errors.js'
import { dictionary } from '../action/dictionary.js'
import { isObject } from '../action/dictionary.js'
import { isTerraformIdentifier, type TfvarsValues } from './values.js'

/** Build name → region → AMI id, as the build step's `ami-ids` output holds them. */
export type AmiIds = Record<string, Record<string, string>>
export interface TfvarsMappingEntry {
  variable: string
  build: string
  /** When set, the variable receives this region's AMI id as a string. */
  region?: string
  /** 1-based line of the `tfvars-mapping` input, for messages. */
  line: number
}

// AWS issues AMI ids with 8 hex digits (before 2016) or 17.
const AMI_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/
const AMI_ID_EXPECTED = '"ami-" followed by 8 or 17 lowercase hexadecimal digits'

function isAmiId(value: string): boolean {
  return AMI_ID.test(value)
}

/** Reads `variable=build[:region]` lines; blank lines and `#` comment lines are skipped. */
export function parseTfvarsMapping(text: string): TfvarsMappingEntry[] {
  const entries: TfvarsMappingEntry[] = []
  const lineOf = new Map<string, number>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    const eq = trimmed.indexOf('=')
    if (eq < 0) {
      throw new ActionError(
        `Input 'tfvars-mapping', line ${line} ("${trimmed}"): expected "variable=build" or "variable=build:region"`
      )
    }
    const variable = trimmed.slice(0, eq).trim()
    const target = trimmed.slice(eq + 1).trim()
    if (!isTerraformIdentifier(variable)) {
      throw new ActionError(
        `Input 'tfvars-mapping', line ${line}: "${variable}" is not a valid Terraform variable name ` +
          '(expected a letter or underscore, then letters, digits, underscores or hyphens)'
      )
    }
    const previous = lineOf.get(variable)
    if (previous !== undefined) {
      throw new ActionError(
        `Input 'tfvars-mapping', line ${line}: variable "${variable}" is already mapped on line ${previous}`
      )
    }
    // Build names may contain colons only in theory (`source.type.name` uses dots), so the last
    // colon separates the region.
    const colon = target.lastIndexOf(':')
    const build = (colon < 0 ? target : target.slice(0, colon)).trim()
    const region = colon < 0 ? undefined : target.slice(colon + 1).trim()
    if (build === '' || region === '') {
      throw new ActionError(
        `Input 'tfvars-mapping', line ${line} ("${trimmed}"): expected "variable=build" or "variable=build:region" with a non-empty build${region === '' ? ' and region' : ''}`
      )
    }
    lineOf.set(variable, line)
    entries.push(
      region === undefined ? { variable, build, line } : { variable, build, region, line }
    )
  })
  return entries
}

/** Reads the `ami-ids` JSON (`{ "<build>": { "<region>": "ami-…" } }`), checking every id. */
export function parseAmiIds(json: string): AmiIds {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch (error) {
    throw new ActionError(
      `ami-ids is not valid JSON (${(error as Error).message}); expected {"<build>": {"<region>": "ami-…"}}`
    )
  }
  if (!isObject(value)) {
    throw new ActionError(`ami-ids must be a JSON object {"<build>": {"<region>": "ami-…"}}`)
  }
  const result: AmiIds = dictionary()
  for (const [build, regions] of Object.entries(value)) {
    if (!isObject(regions)) {
      throw new ActionError(
        `ami-ids: the value of build "${build}" must be an object {"<region>": "ami-…"}`
      )
    }
    const byRegion = dictionary<string>()
    for (const [region, ami] of Object.entries(regions)) {
      if (region.trim() === '')
        throw new ActionError(`ami-ids: build "${build}" has an empty region`)
      if (typeof ami !== 'string' || !isAmiId(ami)) {
        throw new ActionError(
          `ami-ids: ${JSON.stringify(ami)} (build "${build}", region "${region}") is not an AMI id; expected ${AMI_ID_EXPECTED}`
        )
      }
      byRegion[region] = ami
    }
    result[build] = byRegion
  }
  return result
}

/**
 * The variables to write. Without a mapping: one AMI overall goes to `ami_id`; several go to
 * `ami_ids`, a map keyed by region. With a mapping, `variable=build` receives a string when the
 * build made one AMI and a region map otherwise; `variable=build:region` receives that AMI.
 * Region maps are sorted by region so that the written file does not depend on JSON key order.
 */
export function selectTfvarsValues(amiIds: AmiIds, mapping?: TfvarsMappingEntry[]): TfvarsValues {
  const builds = Object.keys(amiIds).filter((b) => Object.keys(amiIds[b]).length > 0)
  if (builds.length === 0) {
    throw new ActionError('ami-ids holds no AMI id: there is nothing to write into the tfvars file')
  }
  if (!mapping || mapping.length === 0) return defaultValues(amiIds, builds)

  const values: TfvarsValues = dictionary()
  for (const entry of mapping) {
    const regions = amiIds[entry.build]
    if (!regions || Object.keys(regions).length === 0) {
      throw new ActionError(
        `Input 'tfvars-mapping', line ${entry.line}: build "${entry.build}" has no AMI in ami-ids; builds with AMIs: ${quoteList(builds)}`
      )
    }
    if (entry.region !== undefined) {
      const ami = regions[entry.region]
      if (ami === undefined) {
        throw new ActionError(
          `Input 'tfvars-mapping', line ${entry.line}: build "${entry.build}" has no AMI in region "${entry.region}"; its regions: ${quoteList(Object.keys(regions))}`
        )
      }
      values[entry.variable] = ami
      continue
    }
    const sorted = sortedMap(regions)
    const only = Object.values(sorted)
    values[entry.variable] = only.length === 1 ? only[0] : sorted
  }
  return values
}

function defaultValues(amiIds: AmiIds, builds: string[]): TfvarsValues {
  const byRegion = dictionary<string>()
  const buildOfRegion = dictionary<string>()
  let count = 0
  for (const build of builds) {
    for (const [region, ami] of Object.entries(amiIds[build])) {
      count++
      if (region in buildOfRegion) {
        throw new ActionError(
          `Builds "${buildOfRegion[region]}" and "${build}" both made an AMI in ${region}, so the ` +
            'default ami_ids map keyed by region would be ambiguous; set tfvars-mapping, e.g. ' +
            `"${suggestVariable(buildOfRegion[region])}=${buildOfRegion[region]}"`
        )
      }
      buildOfRegion[region] = build
      byRegion[region] = ami
    }
  }
  if (count === 1) return { ami_id: Object.values(byRegion)[0] }
  return { ami_ids: sortedMap(byRegion) }
}

function suggestVariable(build: string): string {
  const last = build.split('.').pop() ?? build
  const name = last.replace(/[^A-Za-z0-9_]/g, '_')
  return /^[A-Za-z_]/.test(name) ? `${name}_ami` : `ami_${name}`
}

function sortedMap(map: Record<string, string>): Record<string, string> {
  const sorted = dictionary<string>()
  for (const key of Object.keys(map).sort()) sorted[key] = map[key]
  return sorted
}

function quoteList(names: string[]): string {
  return names.length === 0 ? '(none)' : names.map((n) => `"${n}"`).join(', ')
}
