/** What every action handler gets, and the filtering, paging and tag rendering they share. */
import { Ec2Error, invalidFilter, invalidParameterValue } from '../errors.js'
import type { Region, Tags } from '../model.js'
import { filters, wildcardMatch, type Params } from '../query.js'
import type { XmlValue } from '../xml.js'
import type { World } from '../world.js'

export interface Context {
  world: World
  region: Region
  params: Params
}

/** Returns the response's fields (without `requestId`), or throws an Ec2Error. */
export type Handler = (context: Context) => XmlValue

export type FilterFields<T> = Record<string, (item: T) => string | string[] | undefined>

/**
 * EC2 filter semantics: an item matches a filter when any of its values matches any of the filter's
 * values (with `*` and `?` wildcards); it must match every filter. Unknown filter names are refused.
 */
export function applyFilters<T>(
  items: T[],
  params: Params,
  fields: FilterFields<T>,
  tagsOf?: (item: T) => Tags
): T[] {
  const wanted = filters(params)
  for (const f of wanted) {
    const known =
      f.name in fields ||
      (tagsOf && (f.name.startsWith('tag:') || f.name === 'tag-key' || f.name === 'tag-value'))
    if (!known) throw invalidFilter(f.name)
  }
  return items.filter((item) =>
    wanted.every((f) => {
      let values: string[]
      if (f.name in fields) {
        const v = fields[f.name](item)
        values = v === undefined ? [] : Array.isArray(v) ? v : [v]
      } else {
        const tags = tagsOf!(item)
        if (f.name === 'tag-key') values = Object.keys(tags)
        else if (f.name === 'tag-value') values = Object.values(tags)
        else {
          const key = f.name.slice('tag:'.length)
          values = key in tags ? [tags[key]] : []
        }
      }
      return f.values.some((pattern) => values.some((v) => wildcardMatch(pattern, v)))
    })
  )
}

/** MaxResults / NextToken paging; the token is opaque to clients. */
export function paginate<T>(
  items: T[],
  params: Params,
  limits = { min: 5, max: 1000 }
): { page: T[]; nextToken?: string } {
  let start = 0
  if (params.NextToken) {
    const decoded = Number(Buffer.from(params.NextToken, 'base64url').toString('utf8'))
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw new Ec2Error('InvalidPaginationToken', `Invalid pagination token: ${params.NextToken}`)
    }
    start = decoded
  }
  if (params.MaxResults === undefined) return { page: items.slice(start) }
  const max = Number(params.MaxResults)
  if (!Number.isInteger(max) || max < limits.min || max > limits.max) {
    throw invalidParameterValue(
      `Value ( ${params.MaxResults} ) for parameter maxResults is invalid. Parameter must be between ${limits.min} and ${limits.max}.`
    )
  }
  const page = items.slice(start, start + max)
  const next = start + max
  return {
    page,
    nextToken: next < items.length ? Buffer.from(String(next)).toString('base64url') : undefined
  }
}

export function tagSet(tags: Tags): XmlValue {
  return Object.entries(tags).map(([key, value]) => ({ key, value }))
}

export function bool(value: string | undefined, fallback = false): boolean {
  if (value === undefined) return fallback
  return value.toLowerCase() === 'true'
}

export function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!Number.isInteger(n)) {
    throw invalidParameterValue(`Invalid value '${value}' for ${name}`)
  }
  return n
}
