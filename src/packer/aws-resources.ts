/**
 * The temporary AWS resources a running amazon-ebs build has created, read from what Packer prints
 * (`Creating temporary keypair: packer_…`, `Creating temporary security group for this instance:
 * packer_…`, `Instance ID: i-…`). The main step saves them as they appear, so that if the runner
 * kills Packer (and the action) outright, the post step knows what this run left behind. Pure code.
 */
import type { MachineReadableLine } from './types.js'

export interface AwsResources {
  /** Regions to look in, in order. */
  regions: string[]
  instances: string[]
  keyPairs: string[]
  securityGroups: string[]
}

export function emptyResources(): AwsResources {
  return { regions: [], instances: [], keyPairs: [], securityGroups: [] }
}

export function hasResources(r: AwsResources): boolean {
  return r.instances.length + r.keyPairs.length + r.securityGroups.length > 0
}

const PATTERNS: [keyof Omit<AwsResources, 'regions'>, RegExp][] = [
  ['keyPairs', /Creating temporary key ?pair: (\S+)/i],
  ['securityGroups', /Creating temporary security group for this instance: (\S+)/i],
  ['instances', /Instance ID: (i-[0-9a-f]+)/]
]

const CREATED_AMI = /\bAMI: (ami-[0-9a-f]+)/
const BUILD_PREFIX = /^\s*(?:==> )?([^\s:]+): /

export class AwsResourceTracker {
  private readonly resources = emptyResources()
  /** Per build, the AMI created in the build's own region (before any copy to other regions). */
  readonly primaryAmis: Record<string, string> = {}

  /**
   * Packer does not print the build's region; the runner's (AWS_REGION, AWS_DEFAULT_REGION, as
   * aws-actions/configure-aws-credentials sets them) is where the post step looks.
   */
  constructor(regions: string[] = []) {
    this.resources.regions = [...new Set(regions.filter(Boolean))]
  }

  /** Follows one machine-readable line; true when a resource was added. */
  consume(line: MachineReadableLine): boolean {
    if (line.type !== 'ui' || line.data.length < 2) return false
    const text = line.data[1]
    const ami = CREATED_AMI.exec(text)?.[1]
    // `ui` lines carry the build in the text (`    amazon-ebs.app: AMI: ami-…`), not the target.
    const build = line.target || BUILD_PREFIX.exec(text)?.[1]
    if (ami && build && !(build in this.primaryAmis)) this.primaryAmis[build] = ami
    let added = false
    for (const [kind, pattern] of PATTERNS) {
      const match = pattern.exec(text)
      if (match && !this.resources[kind].includes(match[1])) {
        this.resources[kind].push(match[1])
        added = true
      }
    }
    return added
  }

  get current(): AwsResources {
    return {
      regions: [...this.resources.regions],
      instances: [...this.resources.instances],
      keyPairs: [...this.resources.keyPairs],
      securityGroups: [...this.resources.securityGroups]
    }
  }
}

/** Reads the saved state back; anything malformed counts as nothing saved. */
export function parseResources(text: string | undefined): AwsResources {
  if (!text) return emptyResources()
  try {
    const value = JSON.parse(text) as Partial<AwsResources>
    const list = (v: unknown): string[] =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
    return {
      regions: list(value.regions),
      instances: list(value.instances),
      keyPairs: list(value.keyPairs),
      securityGroups: list(value.securityGroups)
    }
  } catch {
    return emptyResources()
  }
}
