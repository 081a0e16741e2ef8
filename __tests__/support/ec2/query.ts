/**
 * Reading EC2 Query API parameters: flat `Name.N.Sub` keys as the SDKs serialise lists and
 * structures (`ImageId.1`, `Filter.1.Name`, `Filter.1.Value.2`, `TagSpecification.1.Tag.1.Key`).
 */
export type Params = Record<string, string>

/** Values of `prefix.1`, `prefix.2`, … in index order. */
export function list(params: Params, prefix: string): string[] {
  return indexed(params, prefix)
    .filter(([, rest]) => rest === '')
    .map(([, , key]) => params[key])
}

/** Sub-parameter maps of `prefix.N.*`, one per N in index order, keys relative to `prefix.N.`. */
export function structs(params: Params, prefix: string): Params[] {
  const byIndex = new Map<number, Params>()
  for (const [index, rest, key] of indexed(params, prefix)) {
    if (!rest.startsWith('.')) continue
    const struct = byIndex.get(index) ?? {}
    struct[rest.slice(1)] = params[key]
    byIndex.set(index, struct)
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, s]) => s)
}

/** Sub-parameters under `prefix.` (a structure that is not a list). */
export function struct(params: Params, prefix: string): Params {
  const found: Params = {}
  for (const key of Object.keys(params)) {
    if (key.startsWith(`${prefix}.`)) found[key.slice(prefix.length + 1)] = params[key]
  }
  return found
}

function indexed(params: Params, prefix: string): [number, string, string][] {
  const found: [number, string, string][] = []
  for (const key of Object.keys(params)) {
    if (!key.startsWith(`${prefix}.`)) continue
    const match = /^(\d+)(.*)$/.exec(key.slice(prefix.length + 1))
    if (match) found.push([Number(match[1]), match[2], key])
  }
  return found.sort(([a], [b]) => a - b)
}

export interface Filter {
  name: string
  values: string[]
}

export function filters(params: Params): Filter[] {
  return structs(params, 'Filter').map((f) => ({ name: f.Name, values: list(f, 'Value') }))
}

export interface Tag {
  key: string
  value: string
}

/** `Tag.N.Key` / `Tag.N.Value` under the given prefix. */
export function tags(params: Params, prefix = 'Tag'): Tag[] {
  return structs(params, prefix).map((t) => ({ key: t.Key, value: t.Value ?? '' }))
}

/** `TagSpecification.N` entries for one resource type. */
export function tagSpecifications(params: Params, resourceType: string): Tag[] {
  return structs(params, 'TagSpecification')
    .filter((spec) => spec.ResourceType === resourceType)
    .flatMap((spec) => tags(spec))
}

/** EC2 filter values: `*` any run of characters, `?` one character, `\` escapes either. */
export function wildcardMatch(pattern: string, value: string): boolean {
  let regex = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\' && i + 1 < pattern.length) regex += escapeRegex(pattern[++i])
    else if (c === '*') regex += '[\\s\\S]*'
    else if (c === '?') regex += '[\\s\\S]'
    else regex += escapeRegex(c)
  }
  return new RegExp(`^${regex}$`).test(value)
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}
