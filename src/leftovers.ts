/** Deletes the temporary AWS resources a killed build left (see post.ts). Thin I/O on the SDK. */
import * as core from '@actions/core'
import {
  DeleteKeyPairCommand,
  DeleteSecurityGroupCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  EC2Client,
  TerminateInstancesCommand,
  waitUntilInstanceTerminated
} from '@aws-sdk/client-ec2'
import { awsErrorMessage } from './errors.js'
import type { AwsResources } from './packer/aws-resources.js'

/** How long to wait for instances to terminate before their security group can go. */
const TERMINATE_WAIT_SECONDS = 300

function regionsToSearch(resources: AwsResources, env: NodeJS.ProcessEnv): string[] {
  return [
    ...new Set([...resources.regions, env.AWS_REGION ?? '', env.AWS_DEFAULT_REGION ?? ''])
  ].filter(Boolean)
}

/** The instances of the list that exist in the client's region (terminated ones included). */
async function instancesIn(client: EC2Client, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const found = await client.send(
    new DescribeInstancesCommand({ Filters: [{ Name: 'instance-id', Values: ids }] })
  )
  return (found.Reservations ?? []).flatMap((r) =>
    (r.Instances ?? []).flatMap((i) =>
      i.InstanceId && i.State?.Name !== 'terminated' ? [i.InstanceId] : []
    )
  )
}

export async function deleteLeftovers(
  resources: AwsResources,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const regions = regionsToSearch(resources, env)
  const left = {
    instances: new Set(resources.instances),
    keyPairs: new Set(resources.keyPairs),
    securityGroups: new Set(resources.securityGroups)
  }
  core.info(
    `The build was stopped before Packer could clean up; deleting what it created: ${describe(resources)}`
  )
  const problems: string[] = []
  if (regions.length === 0) {
    problems.push('no region is configured (AWS_REGION)')
  }
  for (const region of regions) {
    const client = new EC2Client({ region })
    try {
      const running = await instancesIn(client, [...left.instances])
      if (running.length > 0) {
        await client.send(new TerminateInstancesCommand({ InstanceIds: running }))
        core.info(`Terminating ${running.join(', ')} in ${region}`)
        await waitUntilInstanceTerminated(
          { client, maxWaitTime: TERMINATE_WAIT_SECONDS, minDelay: 1, maxDelay: 10 },
          { InstanceIds: running }
        )
        core.info(`Terminated ${running.join(', ')} in ${region}`)
      }
      // Found and now terminated, or already gone in this region.
      for (const id of resources.instances) {
        if (running.includes(id)) left.instances.delete(id)
      }

      if (left.securityGroups.size > 0) {
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
      }
      for (const name of [...left.keyPairs]) {
        // DeleteKeyPair succeeds for a name that does not exist, so only the first region takes it.
        await client.send(new DeleteKeyPairCommand({ KeyName: name }))
        left.keyPairs.delete(name)
        core.info(`Deleted key pair ${name} in ${region}`)
      }
    } catch (error) {
      problems.push(`${region}: ${awsErrorMessage(error)}`)
    } finally {
      client.destroy()
    }
  }
  // Instances that no region knew of were never started or are long gone.
  const remaining = {
    regions,
    instances: [] as string[],
    keyPairs: [...left.keyPairs],
    securityGroups: [...left.securityGroups]
  }
  if (problems.length > 0 || remaining.keyPairs.length + remaining.securityGroups.length > 0) {
    const stillThere =
      problems.length > 0 ? { ...remaining, instances: [...left.instances] } : remaining
    core.warning(
      `Could not delete everything the stopped build created; delete by hand: ${describe(stillThere)}` +
        (problems.length ? ` (${problems.join('; ')})` : ''),
      { title: 'Packer build left AWS resources' }
    )
  }
}

function describe(r: AwsResources): string {
  const parts = [
    r.instances.length ? `instances ${r.instances.join(', ')}` : '',
    r.keyPairs.length ? `key pairs ${r.keyPairs.join(', ')}` : '',
    r.securityGroups.length ? `security groups ${r.securityGroups.join(', ')}` : ''
  ].filter(Boolean)
  return `${parts.join('; ') || 'nothing'}${r.regions.length ? ` (regions ${r.regions.join(', ')})` : ''}`
}
