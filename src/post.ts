/**
 * The post step. After a clean run it does nothing (no state, no AWS call). When the runner killed
 * Packer and the action before Packer could clean up, the main step's saved state names the
 * temporary instances, key pairs and security groups this run created, and they are deleted here.
 * It never fails the job: what it cannot delete is named in a warning so that a person can.
 */
import { State } from './action/constants.js'
import { hasResources, parseResources } from './aws/resources.js'

export async function runPost(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const resources = parseResources(env[`STATE_${State.AwsResources}`])
  if (!hasResources(resources)) return
  const { deleteLeftovers } = await import('./aws/leftovers.js')
  await deleteLeftovers(resources, env, 'The build was stopped before Packer could clean up')
}
