/**
 * Deregistering an AMI and deleting its snapshots: the one way the action removes an image, for
 * the leftovers of a failed build and for `cleanup` alike. Thin I/O on the SDK.
 */
import { DeleteSnapshotCommand, DeregisterImageCommand, type EC2Client } from '@aws-sdk/client-ec2'

export interface DeregisterFailure {
  /** The image, or the snapshot, that could not be removed. */
  resourceId: string
  error: unknown
}

export interface DeregisterResult {
  deregistered: boolean
  /** The snapshots actually deleted. */
  deletedSnapshots: string[]
  /** Every refusal, in order: the image's, or else each snapshot's. */
  failures: DeregisterFailure[]
}

/**
 * Deregisters the image, then deletes each of its snapshots. An image that cannot be deregistered
 * keeps its snapshots (EC2 would refuse them as in use anyway); a snapshot that cannot be deleted
 * is recorded and the others still go, so that as little as possible is left orphaned.
 */
export async function deregisterWithSnapshots(
  client: EC2Client,
  imageId: string,
  snapshotIds: readonly string[]
): Promise<DeregisterResult> {
  try {
    await client.send(new DeregisterImageCommand({ ImageId: imageId }))
  } catch (error) {
    return { deregistered: false, deletedSnapshots: [], failures: [{ resourceId: imageId, error }] }
  }
  const deletedSnapshots: string[] = []
  const failures: DeregisterFailure[] = []
  for (const snapshotId of snapshotIds) {
    try {
      await client.send(new DeleteSnapshotCommand({ SnapshotId: snapshotId }))
      deletedSnapshots.push(snapshotId)
    } catch (error) {
      failures.push({ resourceId: snapshotId, error })
    }
  }
  return { deregistered: true, deletedSnapshots, failures }
}
