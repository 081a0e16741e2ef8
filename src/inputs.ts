import * as core from '@actions/core'
import semver from 'semver'
import {
  COMMANDS,
  type Command,
  DEFAULT_COMMAND,
  DEFAULT_RELEASES_URL,
  Inputs
} from './constants.js'
import { ActionError } from './errors.js'

/** Every input of the action, read once and validated. */
export interface ActionInputs {
  command: Command
  /** `latest`, an exact version without a leading `v`, or a semver range. */
  packerVersion: string
  /** Base URL of the release server, without a trailing slash. */
  releasesUrl: string
  /** ASCII-armored OpenPGP public key to trust instead of HashiCorp's; empty for HashiCorp's. */
  releasesSigningKey: string
}

export type InputReader = (name: string) => string

/** Reads and validates every input; throws an ActionError that names the bad value. */
export function parseInputs(read: InputReader): ActionInputs {
  return {
    command: parseCommand(read(Inputs.Command)),
    packerVersion: parseVersionSpec(read(Inputs.PackerVersion)),
    releasesUrl: parseReleasesUrl(read(Inputs.ReleasesUrl)),
    releasesSigningKey: read(Inputs.ReleasesSigningKey).trim()
  }
}

export function getInputs(): ActionInputs {
  return parseInputs((name) => core.getInput(name))
}

export function parseCommand(value: string): Command {
  const command = value.trim() || DEFAULT_COMMAND
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new ActionError(
      `Input '${Inputs.Command}' is '${command}'; expected one of: ${COMMANDS.join(', ')}`
    )
  }
  return command as Command
}

export function parseVersionSpec(value: string): string {
  const spec = value.trim() || 'latest'
  if (spec.toLowerCase() === 'latest') return 'latest'
  const exact = semver.valid(semver.clean(spec) ?? '')
  if (exact) return exact
  if (semver.validRange(spec)) return spec
  throw new ActionError(
    `Input '${Inputs.PackerVersion}' is '${spec}'; expected 'latest', an exact version such as ` +
      `'1.11.2', or a semver range such as '~1.11', '1.x' or '>=1.10 <1.12'`
  )
}

export function parseReleasesUrl(value: string): string {
  const raw = value.trim() || DEFAULT_RELEASES_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ActionError(
      `Input '${Inputs.ReleasesUrl}' is '${raw}'; expected an http(s) URL such as ${DEFAULT_RELEASES_URL}`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ActionError(
      `Input '${Inputs.ReleasesUrl}' is '${raw}'; expected an http(s) URL, not ${url.protocol}`
    )
  }
  if (url.username || url.password) {
    throw new ActionError(
      `Input '${Inputs.ReleasesUrl}' carries credentials; put them in a netrc or proxy setting instead`
    )
  }
  return url.toString().replace(/\/+$/, '')
}
