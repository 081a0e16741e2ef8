/** Shared shapes of what Packer tells us. Pure data: no I/O here. */

/** One line of `packer -machine-readable` output, its data fields already unescaped. */
export interface MachineReadableLine {
  /** Unix seconds. */
  timestamp: number
  /** The build name (`amazon-ebs.example`, `docker`), or '' for messages about the whole run. */
  target: string
  /** `ui`, `artifact`, `artifact-count`, `error-count`, `error`, `version`, … */
  type: string
  /** The remaining comma-separated fields, with `%!(PACKER_COMMA)` → `,`, `\n` → newline, `\r` → CR. */
  data: string[]
}

/** The builder-specific reading of an artifact id. */
export type ParsedArtifact =
  | { kind: 'amazon'; amis: Record<string, string> }
  | {
      kind: 'azure'
      managedImageId?: string
      managedImageName?: string
      managedImageResourceGroup?: string
      galleryImageVersionId?: string
      vhdUri?: string
    }
  | { kind: 'googlecompute'; image: string; project?: string }
  | { kind: 'docker'; imageId?: string; repositoryTag?: string }
  | { kind: 'files'; files: string[] }
  | { kind: 'other' }

export interface Artifact {
  /** Build name as Packer prints it in the machine-readable target column. */
  build: string
  /** `amazon-ebs`, `docker`, … derived from the build name or the builder id. */
  builderType: string
  /** e.g. `mitchellh.amazonebs`, `packer.post-processor.docker-tag`. */
  builderId: string
  /** The raw artifact id as Packer printed it (`us-east-1:ami-1,us-west-2:ami-2`). */
  id: string
  /** Packer's human description of the artifact. */
  description: string
  files: string[]
  parsed: ParsedArtifact
}

export type BuildStatus = 'succeeded' | 'failed' | 'cancelled'

export interface BuildResult {
  name: string
  builderType: string
  status: BuildStatus
  /** Milliseconds from the build's first line to its last, when the stream shows both. */
  durationMs?: number
  /** Errors Packer reported for this build. */
  errors: string[]
  artifacts: Artifact[]
}

/** The manifest post-processor's file format, which the action also writes for every run. */
export interface Manifest {
  builds: ManifestBuild[]
  last_run_uuid: string
}

export interface ManifestBuild {
  name: string
  builder_type: string
  build_time: number
  files: { name: string; size: number }[] | null
  artifact_id: string
  packer_run_uuid: string
  custom_data?: Record<string, string> | null
}

/** An annotation to raise with `core.error` / `core.warning`. */
export interface Finding {
  severity: 'error' | 'warning'
  title?: string
  message: string
  /** Path relative to the repository root (GITHUB_WORKSPACE), when Packer named a file. */
  file?: string
  line?: number
  column?: number
  endLine?: number
  endColumn?: number
}
