/**
 * The AWS resources a running amazon-ebs build has created and not yet handed over or cleaned up,
 * read from what Packer prints: the temporary key pair, security group and instance
 * (`Creating temporary keypair: packer_…`, `Creating temporary security group for this instance:
 * packer_…`, `Instance ID: i-…`), and the AMIs of a build that has not finished (`AMI: ami-…` in
 * the build's region, `Error waiting for AMI (ami-…) in region (…)` for copies Packer gave up on).
 * The main step saves them as they appear, so that if the runner kills Packer (and the action)
 * outright the post step knows what this run left behind; and after a cancelled or failed build
 * it deletes the AMIs Packer 1.x leaves registered (an AMI still pending, copies in other regions).
 *
 * A provisioner's output reaches the same stream (stdout as `ui,message` lines prefixed like
 * Packer's own, stderr as `ui,error`), and Packer's errors name AMIs that are not the build's
 * (`AMI Name: 'x' is used by an existing AMI: ami-…`), so only Packer's own lines count, and each
 * only where Packer prints it: the key pair and security group as `say` lines before the instance
 * is launched, the instance right after `Launching a source AWS instance…` (and before it is
 * ready), the AMI right after `Creating AMI … from instance …`, and abandoned copies only after
 * `Copying/Encrypting AMI …`, once the build has its AMI. The deletion checks again that an AMI
 * is the account's own and younger than the run (aws/leftovers.ts). Pure code.
 *
 * Packer 1.13 and later print what a plugin or provisioner passes to `ui.Message` as a `say` line
 * prefixed `==> <build>: ` (packer/ui.go: TargetedUI.Message calls Say), so `Instance ID: i-…` and
 * `AMI: ami-…` arrive as `say` lines too, and a provisioner's output looks like Packer's own: the
 * order above is then all that tells them apart, and is what is checked.
 */
import type { MachineReadableLine } from '../packer/types.js'
import { dictionary } from '../action/dictionary.js'

/** An AMI a build created; `region` is empty for the build's own region (Packer does not say). */
export interface CreatedAmi {
  id: string
  region: string
  build: string
}

export interface AwsResources {
  /** Regions to look in, in order. */
  regions: string[]
  /** When the tracking started (ISO 8601): an AMI created before it is not this run's. */
  since?: string
  instances: string[]
  keyPairs: string[]
  securityGroups: string[]
  /** AMIs of builds that have not finished, and that Packer has not deregistered. */
  amis: CreatedAmi[]
}

export function emptyResources(): AwsResources {
  return { regions: [], instances: [], keyPairs: [], securityGroups: [], amis: [] }
}

export function hasResources(r: AwsResources): boolean {
  return r.instances.length + r.keyPairs.length + r.securityGroups.length + r.amis.length > 0
}

type ListKind = 'instances' | 'keyPairs' | 'securityGroups'

/** Packer's `say` lines that name a temporary resource, after `==> <build>: `. */
const SAID: [ListKind, RegExp][] = [
  ['keyPairs', /^Creating temporary key ?pair: (\S+)$/i],
  ['securityGroups', /^Creating temporary security group for this instance: (\S+)$/i],
  ['instances', /^Waiting for instance \((i-[0-9a-f]+)\) to become ready/]
]
/** The `message` lines after `    <build>: `, and the `say` line each must follow. */
const INSTANCE_ID = /^Instance ID: (i-[0-9a-f]+)$/
const LAUNCHING = /^(?:Launching a (?:source|spot) AWS instance|Adding tags to source instance)/
const CREATED_AMI = /^AMI: (ami-[0-9a-f]+)$/
const CREATING_AMI = /^Creating (?:unencrypted )?AMI \S.* from instance i-[0-9a-f]+$/
const COPYING = /^Copying\/Encrypting AMI \(ami-[0-9a-f]+\) to other regions/
const ABANDONED_COPY = /Error waiting for AMI \((ami-[0-9a-f]+)\) in region \(([a-z0-9-]+)\)/g
const DEREGISTERED = /Deregistered AMI id: (ami-[0-9a-f]+)/
/**
 * What the amazon builders print with `ui.Message` around the lines above: a `say` line from
 * Packer 1.13 on, which must not stand for the `say` line before it.
 */
const MESSAGE_TEXT = /^(?:Instance ID|AMI|Public DNS|Public IP|Private IP): /
/** `==> build: text` (say, error) or `    build: text` (message). */
const SAY_LINE = /^==> ([^\s:]+): ([^]*)$/
const MESSAGE_LINE = /^ {4}([^\s:]+): ([^]*)$/
/** The builder is done and its artifact is final: post-processors start, or the build ends. */
const BUILDER_DONE = /^\s*(?:==> )?[^\s:]+: Running post-processor|^Build '[^']+' finished/
const BUILD_PREFIX = /^\s*(?:==> )?([^\s:]+): /
/** Words every line above contains. */
const RELEVANT = /AMI|temporary|Instance|post-processor|^Build '|^==> /
const BUILD_IN_LIFECYCLE = /^Build '([^']+)' finished/

export class AwsResourceTracker {
  private readonly resources = emptyResources()
  /** Per build, the AMI created in the build's own region (before any copy to other regions). */
  readonly primaryAmis: Record<string, string> = dictionary()
  /** Per build, the text of its last `say` line. */
  private readonly lastSay = new Map<string, string>()
  /** Builds that started copying their AMI to other regions. */
  private readonly copying = new Set<string>()
  /** Builds that launched their instance, and those whose instance Packer waited for. */
  private readonly launched = new Set<string>()
  private readonly waited = new Set<string>()

  /**
   * Packer does not print the build's region; the runner's (AWS_REGION, AWS_DEFAULT_REGION, as
   * aws-actions/configure-aws-credentials sets them) is where the post step looks.
   */
  constructor(regions: string[] = [], since: Date = new Date()) {
    this.resources.regions = [...new Set(regions.filter(Boolean))]
    this.resources.since = since.toISOString()
  }

  /** Follows one machine-readable line; true when what is saved should change. */
  consume(line: MachineReadableLine): boolean {
    if (line.type !== 'ui' || line.data.length < 2) return false
    const text = line.data[1]
    // Every line of a build passes here: one search rules out nearly all of them.
    if (!RELEVANT.test(text)) return false
    // `ui` lines carry the build in the text (`    amazon-ebs.app: AMI: ami-…`), not the target.
    const build = line.target || BUILD_PREFIX.exec(text)?.[1] || ''
    const kind = line.data[0]
    const said = kind === 'say' ? SAY_LINE.exec(text) : null
    const message = kind === 'message' ? MESSAGE_LINE.exec(text) : null
    let changed = false
    const add = (list: ListKind, id: string): void => {
      if (this.resources[list].includes(id)) return
      this.resources[list].push(id)
      changed = true
    }
    /** A `message` line, or (Packer 1.13+) a `say` line that was one. */
    const onMessage = (name: string, body: string): void => {
      const after = this.lastSay.get(name) ?? ''
      const instance =
        LAUNCHING.test(after) && !this.waited.has(name) ? INSTANCE_ID.exec(body)?.[1] : undefined
      if (instance) add('instances', instance)
      const created = CREATING_AMI.test(after) ? CREATED_AMI.exec(body)?.[1] : undefined
      if (created) {
        if (!(name in this.primaryAmis)) this.primaryAmis[name] = created
        changed = this.addAmi({ id: created, region: '', build: name }) || changed
      }
    }
    if (said) {
      const [, name, body] = said
      if (MESSAGE_TEXT.test(body)) {
        onMessage(name, body)
      } else {
        for (const [list, pattern] of SAID) {
          const match = pattern.exec(body)
          if (!match) continue
          if (list === 'instances') {
            // Only the instance the build launched, once.
            if (!this.launched.has(name) || this.waited.has(name)) continue
            this.waited.add(name)
          } else if (this.launched.has(name)) {
            continue // the key pair and security group come before the instance
          }
          add(list, match[1])
        }
        if (LAUNCHING.test(body)) this.launched.add(name)
        if (COPYING.test(body) && name in this.primaryAmis) this.copying.add(name)
        this.lastSay.set(name, body)
      }
    } else if (message) {
      onMessage(message[1], message[2])
    }
    // One message can list several copies (`2 error(s) occurred: * Error waiting for AMI …`):
    // Packer's own error, a say or error line, once the build is copying.
    if (kind !== 'message' && this.copying.has(build)) {
      for (const copy of text.matchAll(ABANDONED_COPY)) {
        changed = this.addAmi({ id: copy[1], region: copy[2], build }) || changed
      }
    }
    const deregistered = DEREGISTERED.exec(text)?.[1]
    if (deregistered) changed = this.dropAmis((a) => a.id === deregistered) || changed
    if (BUILDER_DONE.test(text)) {
      const done = BUILD_IN_LIFECYCLE.exec(text)?.[1] ?? build
      changed = this.dropAmis((a) => a.build === done) || changed
    }
    return changed
  }

  get current(): AwsResources {
    return {
      regions: [...this.resources.regions],
      ...(this.resources.since ? { since: this.resources.since } : {}),
      instances: [...this.resources.instances],
      keyPairs: [...this.resources.keyPairs],
      securityGroups: [...this.resources.securityGroups],
      amis: this.resources.amis.map((a) => ({ ...a }))
    }
  }

  private addAmi(ami: CreatedAmi): boolean {
    if (this.resources.amis.some((a) => a.id === ami.id)) return false
    this.resources.amis.push(ami)
    return true
  }

  private dropAmis(match: (ami: CreatedAmi) => boolean): boolean {
    const before = this.resources.amis.length
    this.resources.amis = this.resources.amis.filter((a) => !match(a))
    return this.resources.amis.length !== before
  }
}

/**
 * What Packer's own cleanup has taken care of once it exits on its own: the temporary key pair,
 * security group and instance. AMIs it left registered remain.
 */
export function afterPackerExit(resources: AwsResources): AwsResources {
  return { ...resources, instances: [], keyPairs: [], securityGroups: [] }
}

/** Reads the saved state back; anything malformed counts as nothing saved. */
export function parseResources(text: string | undefined): AwsResources {
  if (!text) return emptyResources()
  try {
    const value = JSON.parse(text) as Partial<AwsResources>
    const list = (v: unknown): string[] =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
    const amis = Array.isArray(value.amis)
      ? value.amis.filter(
          (a): a is CreatedAmi =>
            typeof a === 'object' &&
            a !== null &&
            typeof a.id === 'string' &&
            typeof a.region === 'string' &&
            typeof a.build === 'string'
        )
      : []
    return {
      regions: list(value.regions),
      ...(typeof value.since === 'string' ? { since: value.since } : {}),
      instances: list(value.instances),
      keyPairs: list(value.keyPairs),
      securityGroups: list(value.securityGroups),
      amis
    }
  } catch {
    return emptyResources()
  }
}
