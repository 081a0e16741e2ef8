/** Every name of the action's interface, written once. */
export enum Inputs {
  Command = 'command',
  PackerVersion = 'packer-version',
  ReleasesUrl = 'releases-url',
  ReleasesSigningKey = 'releases-signing-key',
  WorkingDirectory = 'working-directory',
  Template = 'template',
  Variables = 'variables',
  SensitiveVariables = 'sensitive-variables',
  VarFiles = 'var-files',
  Only = 'only',
  Except = 'except',
  OnError = 'on-error',
  ParallelBuilds = 'parallel-builds',
  Force = 'force',
  FmtCheck = 'fmt-check',
  GithubToken = 'github-token',
  CachePlugins = 'cache-plugins',
  InstallOfficialPlugins = 'install-official-plugins',
  Summary = 'summary',
  UploadArtifact = 'upload-artifact',
  Manifests = 'manifests',
  TfvarsFile = 'tfvars-file',
  AmiIds = 'ami-ids',
  TfvarsMapping = 'tfvars-mapping',
  AwsRegions = 'aws-regions',
  ImageNameFilter = 'image-name-filter',
  ImageTags = 'image-tags',
  Keep = 'keep',
  MinAge = 'min-age',
  DryRun = 'dry-run',
  Stage = 'stage',
  StageTag = 'stage-tag',
  ShareWith = 'share-with'
}

export enum Outputs {
  PackerVersion = 'packer-version',
  PackerPath = 'packer-path',
  AmiId = 'ami-id',
  AmiIds = 'ami-ids',
  Artifacts = 'artifacts',
  Manifest = 'manifest',
  ExitCode = 'exit-code',
  Changed = 'changed',
  TfvarsFile = 'tfvars-file',
  Deleted = 'deleted',
  Kept = 'kept',
  Promoted = 'promoted'
}

export enum State {
  IsPost = 'isPost',
  /** JSON of the temporary AWS resources a running build has created (see aws/resources.ts). */
  AwsResources = 'awsResources'
}

export const TOOL_NAME = 'packer'
export const DEFAULT_RELEASES_URL = 'https://releases.hashicorp.com'

/** Commands that run Packer (every one installs it first). */
export const PACKER_COMMANDS = ['build', 'validate', 'fmt', 'init', 'install'] as const
/** Commands on what builds produced: manifests, Terraform variables and the images in EC2. */
export const LIFECYCLE_COMMANDS = ['merge-manifests', 'tfvars', 'cleanup', 'promote'] as const
export const COMMANDS = [...PACKER_COMMANDS, ...LIFECYCLE_COMMANDS] as const
export type Command = (typeof COMMANDS)[number]
export type PackerCommand = (typeof PACKER_COMMANDS)[number]
export type LifecycleCommand = (typeof LIFECYCLE_COMMANDS)[number]

/** Set by a build (or merge) for later steps of the same job: the path of its manifest. */
export const MANIFEST_ENV = 'PACKER_IMAGE_ACTION_MANIFEST'
export const DEFAULT_COMMAND: Command = 'build'

export const ON_ERROR = ['cleanup', 'abort', 'run-cleanup-provisioner'] as const
export type OnError = (typeof ON_ERROR)[number]

/** The words a boolean input takes, in any case (YAML 1.1's, which workflow authors write). */
export const BOOLEAN_WORDS = {
  true: ['true', 'yes', 'on', '1'],
  false: ['false', 'no', 'off', '0']
} as const
