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
  Summary = 'summary',
  UploadArtifact = 'upload-artifact'
}

export enum Outputs {
  PackerVersion = 'packer-version',
  PackerPath = 'packer-path',
  AmiId = 'ami-id',
  AmiIds = 'ami-ids',
  Artifacts = 'artifacts',
  Manifest = 'manifest',
  ExitCode = 'exit-code'
}

export enum State {
  IsPost = 'isPost'
}

export const TOOL_NAME = 'packer'
export const DEFAULT_RELEASES_URL = 'https://releases.hashicorp.com'

export const COMMANDS = ['build', 'validate', 'fmt', 'init', 'install'] as const
export type Command = (typeof COMMANDS)[number]
export const DEFAULT_COMMAND: Command = 'build'

export const ON_ERROR = ['cleanup', 'abort', 'run-cleanup-provisioner'] as const
export type OnError = (typeof ON_ERROR)[number]
