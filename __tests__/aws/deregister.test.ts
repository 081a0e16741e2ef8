import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { EC2Client } from '@aws-sdk/client-ec2'
import { deregisterWithSnapshots } from '../../src/aws/deregister.js'
import { ec2Client } from '../../src/aws/images.js'
import { startEc2Double, type Ec2Double } from '../support/ec2/index.js'

const REGION = 'eu-central-1'
let double: Ec2Double
let client: EC2Client

beforeAll(async () => {
  double = await startEc2Double({ delayMs: 0 })
  client = ec2Client(REGION, {
    endpoint: double.url,
    credentials: { accessKeyId: 'AKIDDEREGISTERTEST', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1
  })
})
afterAll(async () => {
  client.destroy()
  await double.close()
})

const live = (ids: string[]): string[] =>
  double
    .snapshots(REGION)
    .map((s) => s.snapshotId)
    .filter((id) => ids.includes(id))

describe('deregisterWithSnapshots', () => {
  it('deregisters the image and deletes every snapshot', async () => {
    const a = double.seedSnapshot({ region: REGION }).snapshotId
    const b = double.seedSnapshot({ region: REGION }).snapshotId
    const image = double.seedImage({ region: REGION, name: 'web-1', snapshotIds: [a, b] })
    const result = await deregisterWithSnapshots(client, image.imageId, [a, b])
    expect(result).toEqual({ deregistered: true, deletedSnapshots: [a, b], failures: [] })
    expect(double.images(REGION).map((i) => i.imageId)).not.toContain(image.imageId)
    expect(live([a, b])).toEqual([])
  })

  it('records a snapshot another image still uses, and deletes the others', async () => {
    const shared = double.seedSnapshot({ region: REGION }).snapshotId
    const own = double.seedSnapshot({ region: REGION }).snapshotId
    const image = double.seedImage({ region: REGION, name: 'web-2', snapshotIds: [shared, own] })
    double.seedImage({ region: REGION, name: 'web-3', snapshotIds: [shared] })
    const result = await deregisterWithSnapshots(client, image.imageId, [shared, own])
    expect(result.deregistered).toBe(true)
    expect(result.deletedSnapshots).toEqual([own])
    expect(result.failures.map((f) => f.resourceId)).toEqual([shared])
    expect(String(result.failures[0].error)).toContain('InUse')
    expect(live([shared, own])).toEqual([shared])
  })

  it('leaves the snapshots of an image it cannot deregister', async () => {
    const snapshot = double.seedSnapshot({ region: REGION }).snapshotId
    double.seedImage({ region: REGION, name: 'web-4', snapshotIds: [snapshot] })
    const deletesBefore = double.callsOf('DeleteSnapshot', REGION).length
    const result = await deregisterWithSnapshots(client, 'ami-0000000000000dead', [snapshot])
    expect(result.deregistered).toBe(false)
    expect(result.deletedSnapshots).toEqual([])
    expect(result.failures.map((f) => f.resourceId)).toEqual(['ami-0000000000000dead'])
    expect(double.callsOf('DeleteSnapshot', REGION)).toHaveLength(deletesBefore)
    expect(live([snapshot])).toEqual([snapshot])
  })
})
