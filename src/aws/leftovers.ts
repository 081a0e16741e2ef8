/**
 * Deletes AWS resources a build left behind (see aws/resources.ts): after the runner killed
 * Packer (the post step), and the AMIs Packer leaves registered after a cancel or a failure (the
 * main step). Thin I/O on the SDK. It never throws: what it cannot delete is named in a warning so
 * that a person can, and returned.
 */
import * as core from '@actions/core'
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  TerminateInstancesCommand,
  waitUntilInstanceTerminated
} from '@aws-sdk/client-ec2'
import { awsErrorMessage } from '../action/errors.js'
import { deregisterWithSnapshots } from './deregister.js'
import { emptyResources, hasResources, type AwsResources } from './resources.js'

/** How long to wait for instances to terminate before their security group can go. */
const TERMINATE_WAIT_SECONDS = 300

function regionsToSearch(resources: AwsResources, env: NodeJS.ProcessEnv): string[] {
  return [
    ...new Set([...resources.regions, env.AWS_REGION ?? '', env.AWS_DEFAULT_REGION ?? ''])
  ].filter(Boolean)
}

/** The instances of the list that exist in the client's region: all of them, and those not terminated. */
async function instancesIn(
  client: EC2Client,
  ids: string[]
): Promise<{ found: string[]; running: string[] }> {
  if (ids.length === 0) return { found: [], running: [] }
  const answer = await client.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: ids }] })
  )
  const instances = (answer.Reservations ?? []).flatMap((r) => r.Instances ?? [])
  return {
    found: instances.flatMap((i) => (i.InstanceId ? [i.InstanceId] : [])),
    running: instances.flatMap((i) =>
      i.InstanceId && i.State?.Name !== 'terminated' ? [i.InstanceId] : []
    )
  }
}

/** Clocks differ: an AMI created this long before the run started may still be the run's. */
const CLOCK_SKEW_MS = 10 * 60 * 1000

/**
 * Deregisters the AMIs of the list that exist in the client's region, then their snapshots; returns
 * the ids it is done with. Only the account's own AMIs created since the run started are touched:
 * any other is named and left alone, whatever put its id in the list.
 */
async function deregisterIn(
  client: EC2Client,
  region: string,
  ids: string[],
  since: string | undefined
): Promise<string[]> {
  if (ids.length === 0) return []
  const found = await client.send(
    new DescribeImagesCommand({ Owners: ['self'], Filters: [{ Name: 'image-id', Values: ids }] })
  )
  const earliest = since ? Date.parse(since) - CLOCK_SKEW_MS : Number.NaN
  const done: string[] = []
  for (const image of found.Images ?? []) {
    if (!image.ImageId) continue
    const created = Date.parse(image.CreationDate ?? '')
    if (!Number.isNaN(earliest) && !(created >= earliest)) {
      core.info(
        `Left ${image.ImageId} in ${region} alone: it was created ${image.CreationDate ?? 'at an unknown time'}, before this run`
      )
      done.push(image.ImageId)
      continue
    }
    const snapshots = (image.BlockDeviceMappings ?? []).flatMap((m) =>
      m.Ebs?.SnapshotId ? [m.Ebs.SnapshotId] : []
    )
    const result = await deregisterWithSnapshots(client, image.ImageId, snapshots)
    // A refused deregistration stops this region's AMIs; the image stays listed, so the warning
    // names it.
    if (!result.deregistered) throw result.failures[0].error
    done.push(image.ImageId)
    core.info(
      `Deregistered ${image.ImageId} in ${region}${result.deletedSnapshots.length ? ` and deleted snapshot(s) ${result.deletedSnapshots.join(', ')}` : ''}`
    )
    // The image is gone; a snapshot EC2 kept is billed on its own, so it is named here.
    if (result.failures.length > 0) {
      core.warning(
        `Deregistered ${image.ImageId} in ${region}, but could not delete its snapshot(s); delete them by hand: ${result.failures.map((f) => `${f.resourceId} (${awsErrorMessage(f.error)})`).join(', ')}`,
        { title: 'Packer build left AWS resources' }
      )
    }
  }
  return done
}

/**
 * Deletes what `resources` names, region by region; returns what is still there (or could not be
 * checked). `why` opens the log line, e.g. why the resources were left.
 */
export async function deleteLeftovers(
  resources: AwsResources,
  env: NodeJS.ProcessEnv,
  why: string
): Promise<AwsResources> {
  const regions = regionsToSearch(resources, env)
  const left = {
    instances: new Set(resources.instances),
    keyPairs: new Set(resources.keyPairs),
    securityGroups: new Set(resources.securityGroups),
    amis: new Map(resources.amis.map((a) => [a.id, a]))
  }
  core.info(`${why}; deleting: ${describe(resources)}`)
  const problems: string[] = []
  if (regions.length === 0 && resources.amis.some((a) => !a.region)) {
    problems.push('no region is configured (AWS_REGION)')
  }
  // AMI copies name their own region; the build's own resources are in one of `regions`.
  const search = [...new Set([...regions, ...resources.amis.map((a) => a.region).filter(Boolean)])]
  for (const region of search) {
    const client = new EC2Client({ region })
    // Each kind on its own, instances first: they cost the most, and one failure (an AMI that
    // cannot be deregistered yet, say) must not keep the others.
    const attempt = async (step: () => Promise<void>): Promise<void> => {
      try {
        await step()
      } catch (error) {
        problems.push(`${region}: ${awsErrorMessage(error)}`)
      }
    }
    const own = regions.includes(region)
    try {
      if (own) {
        await attempt(async () => {
          const { found, running } = await instancesIn(client, [...left.instances])
          for (const id of found) if (!running.includes(id)) left.instances.delete(id)
          if (running.length > 0) {
            await client.send(new TerminateInstancesCommand({ InstanceIds: running }))
            core.info(`Terminating ${running.join(', ')} in ${region}`)
            await waitUntilInstanceTerminated(
              { client, maxWaitTime: TERMINATE_WAIT_SECONDS, minDelay: 1, maxDelay: 10 },
              { InstanceIds: running }
            )
            core.info(`Terminated ${running.join(', ')} in ${region}`)
          }
          for (const id of running) left.instances.delete(id)
        })
      }
      await attempt(async () => {
        const amis = [...left.amis.values()]
          .filter((a) => a.region === region || (!a.region && own))
          .map((a) => a.id)
        for (const id of await deregisterIn(client, region, amis, resources.since)) {
          left.amis.delete(id)
        }
      })
      if (!own) continue
      await attempt(async () => {
        if (left.securityGroups.size === 0) return
        const groups = await client.send(
          new DescribeSecurityGroupsCommand({
            Filters: [{ Name: 'group-name', Values: [...left.securityGroups] }]
          })
        )
        for (const group of groups.SecurityGroups ?? []) {
          if (!group.GroupId || !group.GroupName) continue
          await client.send(new DeleteSecurityGroupCommand({ GroupId: group.GroupId }))
          left.securityGroups.delete(group.GroupName)
          core.info(`Deleted security group ${group.GroupName} (${group.GroupId}) in ${region}`)
        }
      })
      await attempt(async () => {
        if (left.keyPairs.size === 0) return
        // DeleteKeyPair succeeds for a name that does not exist: only those found are deleted.
        const pairs = await client.send(
          new DescribeKeyPairsCommand({
            Filters: [{ Name: 'key-name', Values: [...left.keyPairs] }]
          })
        )
        for (const pair of pairs.KeyPairs ?? []) {
          if (!pair.KeyName) continue
          await client.send(new DeleteKeyPairCommand({ KeyName: pair.KeyName }))
          left.keyPairs.delete(pair.KeyName)
          core.info(`Deleted key pair ${pair.KeyName} in ${region}`)
        }
      })
    } finally {
      client.destroy()
    }
  }
  // What no searched region showed is not known to be gone (the build may have run in another
  // region): it is named, not dropped.
  const remaining: AwsResources = {
    ...emptyResources(),
    regions: resources.regions,
    ...(resources.since ? { since: resources.since } : {}),
    instances: [...left.instances],
    keyPairs: [...left.keyPairs],
    securityGroups: [...left.securityGroups],
    amis: [...left.amis.values()]
  }
  if (hasResources(remaining)) {
    core.warning(
      `Could not delete everything the build left, or did not find it in ${search.join(', ') || 'any region'}; check and delete by hand: ${describe(remaining)}` +
        (problems.length ? ` (${problems.join('; ')})` : ''),
      { title: 'Packer build left AWS resources' }
    )
  }
  return remaining
}

export function describe(r: AwsResources): string {
  const parts = [
    r.instances.length ? `instances ${r.instances.join(', ')}` : '',
    r.keyPairs.length ? `key pairs ${r.keyPairs.join(', ')}` : '',
    r.securityGroups.length ? `security groups ${r.securityGroups.join(', ')}` : '',
    r.amis.length
      ? `AMIs ${r.amis.map((a) => (a.region ? `${a.id} (${a.region})` : a.id)).join(', ')}`
      : ''
  ].filter(Boolean)
  return `${parts.join('; ') || 'nothing'}${r.regions.length ? ` (regions ${r.regions.join(', ')})` : ''}`
}
