/**
 * image-retention.yml under act, called by the unchanged templates/workflows/retention.yml: a
 * scheduled run is a dry run that deletes nothing, and a manual run with dry-run unticked
 * deregisters exactly what the dry run listed, with its snapshots, in the EC2 double.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from '../support/ec2/index.js'
import { createCallerRepo, expectExit, jobOutputs, runAct } from '../support/act/index.js'
import { ROOT } from '../support/runner.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(180_000)

const DAY = 86_400_000
let ec2: Ec2Double
const actionCache = mkdtempSync(path.join(tmpdir(), 'pia-act-cache-'))

beforeAll(async () => {
  ec2 = await startEc2Double({ delayMs: 0 })
})

afterAll(async () => {
  await ec2?.close()
})

interface Deleted {
  region: string
  imageId: string
  snapshotIds: string[]
}

describe('image-retention.yml under act (templates/workflows/retention.yml)', () => {
  const repo = createCallerRepo({
    '.github/workflows/retention.yml': readFileSync(
      path.join(ROOT, 'templates/workflows/retention.yml'),
      'utf8'
    )
  })
  const expected: string[] = []
  let dryRunDeleted: Deleted[]

  beforeAll(() => {
    // Per region: seven web-base images 1 to 40 days old, and one other image the filter leaves out.
    for (const region of ['eu-west-1', 'us-east-1']) {
      for (const [i, days] of [1, 2, 3, 5, 20, 30, 40].entries()) {
        const image = ec2.seedImage({
          region,
          name: `web-base-${i}`,
          creationDate: new Date(Date.now() - days * DAY),
          tags: { 'managed-by': 'packer' }
        })
        // keep: 5 keeps the five newest; the two older (30 and 40 days, past min-age 14d) go.
        if (days >= 30) expected.push(`${region} ${image.imageId}`)
      }
      ec2.seedImage({ region, name: 'db-1', creationDate: new Date(Date.now() - 90 * DAY) })
    }
    expected.sort()
  })

  const retention = (event: string, payload: Record<string, unknown> = {}) =>
    runAct({
      repo,
      workflow: '.github/workflows/retention.yml',
      event,
      payload,
      actionCache,
      hostEnv: { PIA_ACT_EC2_URL: ec2.url },
      timeoutMs: 120_000
    })

  it('a scheduled run is a dry run: it lists the old images and deletes nothing', async () => {
    const run = await retention('schedule')
    expectExit(run, 0)
    expect(run.log).toContain('image retention (dry run)')
    const outputs = jobOutputs(run.log, 'image retention (dry run)')
    dryRunDeleted = JSON.parse(outputs.deleted) as Deleted[]
    expect(dryRunDeleted.map((d) => `${d.region} ${d.imageId}`).sort()).toEqual(expected)
    expect(ec2.callsOf('DeregisterImage')).toEqual([])
    expect(ec2.callsOf('DeleteSnapshot')).toEqual([])
  })

  it('a manual run with dry-run unticked deletes exactly those images and their snapshots', async () => {
    const run = await retention('workflow_dispatch', { inputs: { 'dry-run': false } })
    expectExit(run, 0)
    const deleted = JSON.parse(jobOutputs(run.log, 'image retention').deleted) as Deleted[]
    expect(deleted.map((d) => `${d.region} ${d.imageId}`).sort()).toEqual(expected)
    const left = ['eu-west-1', 'us-east-1'].flatMap((r) =>
      ec2.images(r).map((i) => `${r} ${i.imageId}`)
    )
    for (const gone of expected) expect(left).not.toContain(gone)
    expect(left).toHaveLength(12)
    const snapshots = dryRunDeleted.flatMap((d) => d.snapshotIds)
    expect(snapshots).toHaveLength(4)
    const remaining = ['eu-west-1', 'us-east-1'].flatMap((r) =>
      ec2.snapshots(r).map((s) => s.snapshotId)
    )
    for (const s of snapshots) expect(remaining).not.toContain(s)
  })
})
