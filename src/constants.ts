/** Every name of the action's interface, written once. */
export enum Inputs {
  Command = 'command',
  PackerVersion = 'packer-version',
  ReleasesUrl = 'releases-url',
  ReleasesSigningKey = 'releases-signing-key'
}

export enum Outputs {
  PackerVersion = 'packer-version',
  PackerPath = 'packer-path'
}

export enum State {
  IsPost = 'isPost'
}

export const TOOL_NAME = 'packer'
export const DEFAULT_RELEASES_URL = 'https://releases.hashicorp.com'

export const COMMANDS = ['install'] as const
export type Command = (typeof COMMANDS)[number]
export const DEFAULT_COMMAND: Command = 'install'
