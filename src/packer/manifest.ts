/**
 * The manifest format of Packer's `manifest` post-processor: reading one Packer wrote, writing one
 * for this run, merging several (matrix legs), and turning entries back into artifacts. Pure code.
 */
import { makeArtifact } from './artifacts.js'
import type { Artifact, Manifest, ManifestBuild } from './types.js'
import { dictionary, isObject } from '../action/dictionary.js'

export interface RunManifestOptions {
  /** The `packer_run_uuid` of every entry and the `last_run_uuid`. */
  runUuid: string
  /** Unix seconds. */
  buildTime: number
  /** Size in bytes of an artifact file (paths as Packer printed them); 0 when not given. */
  fileSize?: (name: string) => number
  customData?: Record<string, string>
  /**
   * Per build, the AMI made in the build's own region (Packer lists the regions sorted, so the
   * first is not always it): kept as `custom_data.primary_ami`, so that a merge of manifests can
   * tell it too.
   */
  primaryAmis?: Record<string, string>
}

/** Where a manifest entry keeps the AMI its build made in its own region. */
export const PRIMARY_AMI_KEY = 'primary_ami'

/**
 * A manifest for this run, one entry per artifact as Packer's post-processor writes them. Entries
 * carry the full build name (`amazon-ebs.example`), not only the source name Packer's
 * post-processor writes for HCL2 templates, so they match the action's outputs.
 */
export function manifestFromArtifacts(
  artifacts: Artifact[],
  options: RunManifestOptions
): Manifest {
  const builds = artifacts.map((artifact): ManifestBuild => {
    const primary = options.primaryAmis?.[artifact.build]
    const own =
      primary !== undefined &&
      artifact.parsed.kind === 'amazon' &&
      Object.values(artifact.parsed.amis).includes(primary)
    const customData = own
      ? { ...(options.customData ?? {}), [PRIMARY_AMI_KEY]: primary }
      : (options.customData ?? null)
    return {
      name: artifact.build,
      builder_type: artifact.builderType,
      build_time: options.buildTime,
      files:
        artifact.files.length === 0
          ? null
          : artifact.files.map((name) => ({ name, size: options.fileSize?.(name) ?? 0 })),
      artifact_id: artifact.id,
      packer_run_uuid: options.runUuid,
      custom_data: customData
    }
  })
  return { builds, last_run_uuid: options.runUuid }
}

/** Per build, the AMI made in its own region, as manifest entries of this action record it. */
export function primaryAmisOf(manifest: Manifest): Record<string, string> {
  const primary = dictionary<string>()
  for (const b of manifest.builds) {
    const ami = b.custom_data?.[PRIMARY_AMI_KEY]
    if (typeof ami === 'string' && ami) primary[b.name] = ami
  }
  return primary
}

/**
 * The entries of a merged manifest that the outputs read: where several sources made a build of
 * the same name (two templates with the same source name, say), only the last source's, rather
 * than one build that seems to hold the images of both.
 */
export function lastSourceOfEachBuild(merged: Manifest): Manifest {
  const lastSource = new Map<string, unknown>()
  for (const b of merged.builds) lastSource.set(b.name, b.custom_data?.merged_from)
  return {
    ...merged,
    builds: merged.builds.filter((b) => b.custom_data?.merged_from === lastSource.get(b.name))
  }
}

/** One manifest to merge, and where it came from (a file path, a matrix leg). */
export interface ManifestSource {
  source: string
  manifest: Manifest
}

/**
 * The last run of each manifest (matrix legs, in order) as one manifest of one run: every entry
 * gets `runUuid`, which is also the `last_run_uuid`, so that a reader applying the manifest rule
 * (only entries of the last run count) sees them all. Where an entry came from stays in its
 * `custom_data` (`merged_from`, `source_run_uuid`).
 */
export function mergeManifests(sources: ManifestSource[], runUuid: string): Manifest {
  const builds = sources.flatMap(({ source, manifest }) =>
    lastRunOf(manifest).builds.map((b): ManifestBuild => ({
      ...b,
      packer_run_uuid: runUuid,
      custom_data: {
        ...(b.custom_data ?? {}),
        merged_from: source,
        source_run_uuid: b.packer_run_uuid
      }
    }))
  )
  return { builds, last_run_uuid: runUuid }
}

/** Build names that more than one source produced: their outputs would overwrite each other. */
export function duplicateBuilds(sources: ManifestSource[]): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  for (const { source, manifest } of sources) {
    for (const name of new Set(lastRunOf(manifest).builds.map((b) => b.name))) {
      seen.set(name, [...(seen.get(name) ?? []), source])
    }
  }
  return new Map([...seen].filter(([, where]) => where.length > 1))
}

/** Reads a manifest file's text. Throws an Error that names the offending entry and field. */
export function parseManifest(text: string): Manifest {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new Error(`The manifest is not valid JSON: ${(error as Error).message}`)
  }
  if (!isObject(value)) throw new Error('The manifest is not a JSON object')
  if (!Array.isArray(value.builds)) throw new Error('The manifest has no "builds" array')
  const lastRun = value.last_run_uuid ?? ''
  if (typeof lastRun !== 'string')
    throw new Error('The manifest\'s "last_run_uuid" is not a string')
  return { builds: value.builds.map(readBuild), last_run_uuid: lastRun }
}

/** Only the entries of the manifest's last run (Packer appends every run to the same file). */
export function lastRunOf(manifest: Manifest): Manifest {
  return {
    builds: manifest.builds.filter((b) => b.packer_run_uuid === manifest.last_run_uuid),
    last_run_uuid: manifest.last_run_uuid
  }
}

/**
 * Manifest entries as artifacts, so outputs can come from a manifest as well as from the stream.
 * A manifest has no builder id: the artifact id is read by the builder type.
 */
export function manifestToArtifacts(manifest: Manifest): Artifact[] {
  return manifest.builds.map((b) =>
    makeArtifact(
      b.name,
      '',
      b.artifact_id,
      '',
      (b.files ?? []).map((f) => f.name),
      b.builder_type
    )
  )
}

function readBuild(value: unknown, index: number): ManifestBuild {
  const where = `The manifest's builds[${index}]`
  if (!isObject(value)) throw new Error(`${where} is not an object`)
  const text = (field: string, required: boolean): string => {
    const v = value[field]
    if (v === undefined && !required) return ''
    if (typeof v !== 'string') throw new Error(`${where}.${field} is not a string`)
    return v
  }
  const buildTime = value.build_time ?? 0
  if (typeof buildTime !== 'number') throw new Error(`${where}.build_time is not a number`)

  let files: ManifestBuild['files'] = null
  if (value.files !== null && value.files !== undefined) {
    if (!Array.isArray(value.files)) throw new Error(`${where}.files is not a list`)
    files = value.files.map((f: unknown, i: number) => {
      if (!isObject(f) || typeof f.name !== 'string') {
        throw new Error(`${where}.files[${i}].name is not a string`)
      }
      const size = f.size ?? 0
      if (typeof size !== 'number') throw new Error(`${where}.files[${i}].size is not a number`)
      return { name: f.name, size }
    })
  }

  const build: ManifestBuild = {
    name: text('name', true),
    builder_type: text('builder_type', true),
    build_time: buildTime,
    files,
    artifact_id: text('artifact_id', true),
    packer_run_uuid: text('packer_run_uuid', false)
  }
  if ('custom_data' in value) {
    const custom = value.custom_data
    if (custom !== null && !isObject(custom))
      throw new Error(`${where}.custom_data is not an object`)
    build.custom_data = custom === null ? null : stringValues(custom)
  }
  return build
}

function stringValues(value: Record<string, unknown>): Record<string, string> {
  const out = dictionary<string>()
  for (const [key, v] of Object.entries(value)) out[key] = typeof v === 'string' ? v : String(v)
  return out
}
