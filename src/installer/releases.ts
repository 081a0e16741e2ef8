import semver from 'semver'
import { ActionError } from '../action/errors.js'
import type { ReleasePlatform } from './platform.js'

/** One file of a release, as `index.json` lists it. Only the file name is used, never its `url`. */
export interface ReleaseBuild {
  os: string
  arch: string
  filename: string
}

export interface Release {
  version: string
  shasums: string
  shasumsSignatures: string[]
  builds: ReleaseBuild[]
}

/** The product's `index.json`: versions by their exact version string. */
export type ReleaseIndex = Map<string, Release>

const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/

function fileName(value: unknown, what: string): string {
  if (typeof value !== 'string' || !SAFE_FILE_NAME.test(value)) {
    throw new ActionError(`index.json has an unusable ${what}: ${JSON.stringify(value)}`)
  }
  return value
}

/**
 * Reads `<releases-url>/<product>/index.json` as HashiCorp's release server writes it. Entries whose
 * version is not semver are skipped; file names must be plain names (no path), since every URL is
 * built from the configured base rather than from the absolute `url` fields a mirror copies unchanged.
 */
export function parseIndex(document: unknown, product = 'packer'): ReleaseIndex {
  const versions = (document as { versions?: unknown } | null)?.versions
  if (typeof versions !== 'object' || versions === null) {
    throw new ActionError('index.json has no "versions" object')
  }
  const index: ReleaseIndex = new Map()
  for (const [key, raw] of Object.entries(versions as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue
    const entry = raw as Record<string, unknown>
    const version = semver.valid(typeof entry.version === 'string' ? entry.version : key)
    if (!version) continue
    const signatures = Array.isArray(entry.shasums_signatures)
      ? entry.shasums_signatures
      : entry.shasums_signature
        ? [entry.shasums_signature]
        : []
    index.set(version, {
      version,
      shasums: fileName(entry.shasums ?? `${product}_${version}_SHA256SUMS`, 'shasums file name'),
      shasumsSignatures: signatures.map((s) => fileName(s, 'signature file name')),
      builds: (Array.isArray(entry.builds) ? entry.builds : []).map(
        (b: Record<string, unknown>) => ({
          os: String(b.os),
          arch: String(b.arch),
          filename: fileName(b.filename, 'build file name')
        })
      )
    })
  }
  return index
}

function newest(versions: string[], count: number): string {
  const list = semver.rsort([...versions]).slice(0, count)
  return list.join(', ') + (versions.length > count ? `, … (${versions.length} in all)` : '')
}

/**
 * Resolves `latest`, an exact version or a semver range against the versions that exist.
 * `latest` and ranges never pick a prerelease; an exact prerelease may be asked for by name.
 */
export function resolveVersion(available: Iterable<string>, spec: string, source: string): string {
  const versions = [...available]
  const stable = versions.filter((v) => semver.prerelease(v) === null)
  if (versions.length === 0) {
    throw new ActionError(`${source} lists no Packer versions`)
  }
  if (spec === 'latest') {
    const latest = semver.maxSatisfying(stable, '*')
    if (!latest) throw new ActionError(`${source} lists no stable Packer release`)
    return latest
  }
  const exact = semver.valid(spec)
  if (exact) {
    const found = versions.find((v) => semver.eq(v, exact))
    if (!found) {
      throw new ActionError(
        `Packer version '${spec}' does not exist in ${source}; the newest releases are ${newest(stable, 8)}`
      )
    }
    return found
  }
  const match = semver.maxSatisfying(stable, spec)
  if (!match) {
    throw new ActionError(
      `No Packer release satisfies '${spec}' in ${source}; the newest releases are ${newest(stable, 8)}`
    )
  }
  return match
}

/**
 * Checks that the files a release's entry names are that release's: HashiCorp names each after
 * the product, version, OS and architecture, and the signature covers the checksums, not the entry
 * of index.json (which is not signed). Without this, a mirror could list an older signed release's
 * files under a newer version, and the older Packer would pass every check as the newer one.
 */
export function checkReleaseFiles(
  product: string,
  release: Release,
  build: ReleaseBuild,
  signature: string
): void {
  const sums = `${product}_${release.version}_SHA256SUMS`
  const zip = `${product}_${release.version}_${build.os}_${build.arch}.zip`
  const wrong = [
    release.shasums === sums ? '' : `checksums '${release.shasums}' (expected '${sums}')`,
    build.filename === zip ? '' : `archive '${build.filename}' (expected '${zip}')`,
    signature.startsWith(`${sums}.`) ? '' : `signature '${signature}' (expected '${sums}.…sig')`
  ].filter(Boolean)
  if (wrong.length > 0) {
    throw new ActionError(
      `index.json lists files for ${product} ${release.version} that are not named for that version, OS and architecture: ${wrong.join(', ')}`
    )
  }
}

export function selectBuild(
  release: Release,
  platform: ReleasePlatform,
  what = `Packer ${release.version}`
): ReleaseBuild {
  const build = release.builds.find((b) => b.os === platform.os && b.arch === platform.arch)
  if (!build) {
    const offered = release.builds.map((b) => `${b.os}/${b.arch}`).join(', ') || 'none'
    throw new ActionError(
      `${what} has no build for ${platform.os}/${platform.arch}; it is released for: ${offered}`
    )
  }
  return build
}

/**
 * Chooses the signature file to check: one named for a trusted key (`..._SHA256SUMS.72D7468F.sig`)
 * when the release lists one, else the generic `.sig`.
 */
export function selectSignatureFile(release: Release, trustedKeyIds: string[]): string {
  const ids = trustedKeyIds.map((id) => id.slice(-8).toUpperCase())
  const named = release.shasumsSignatures.find((name) =>
    ids.some((id) => name.toUpperCase().endsWith(`.${id}.SIG`))
  )
  if (named) return named
  const generic = `${release.shasums}.sig`
  if (release.shasumsSignatures.includes(generic) || release.shasumsSignatures.length === 0) {
    return generic
  }
  return release.shasumsSignatures[0]
}

export function indexUrl(base: string, product: string): string {
  return `${base}/${product}/index.json`
}

export function releaseFileUrl(
  base: string,
  product: string,
  version: string,
  name: string
): string {
  return `${base}/${product}/${encodeURIComponent(version)}/${name}`
}
