import { describe, expect, it } from '@jest/globals'
import {
  inUseReasons,
  matchesNameFilter,
  parseImageTags,
  parseMinAge,
  planRetention,
  type Image,
  type RetentionOptions
} from '../../src/lifecycle/retention.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const DAY = 86_400_000

let serial = 0
/** An image created `daysAgo` days before NOW, with one snapshot of its own unless told. */
function image(region: string, daysAgo: number, extra: Partial<Image> = {}): Image {
  serial++
  const hex = serial.toString(16).padStart(17, '0')
  return {
    id: `ami-${hex}`,
    name: `web-${daysAgo}d`,
    region,
    creationDate: new Date(NOW - daysAgo * DAY).toISOString(),
    state: 'available',
    tags: { app: 'web' },
    snapshotIds: [`snap-${hex}`],
    owner: '123456789012',
    ...extra
  }
}

const plan = (images: Image[], options: Partial<RetentionOptions> = {}) =>
  planRetention({ images, inUse: new Map(), keep: 2, now: NOW, ...options })

describe('planRetention', () => {
  it('keeps the newest N per region and deletes the rest with their snapshots, oldest first', () => {
    // Given in a scrambled order: the plan must not depend on listing order.
    const east = [10, 1, 30, 20].map((d) => image('us-east-1', d))
    const west = [5, 3].map((d) => image('eu-west-1', d))
    const result = plan([east[2], west[0], east[0], east[3], west[1], east[1]])
    expect(result.keep.map((k) => [k.region, k.imageId, k.reason])).toEqual([
      ['eu-west-1', west[1].id, 'newest 2'],
      ['eu-west-1', west[0].id, 'newest 2'],
      ['us-east-1', east[1].id, 'newest 2'],
      ['us-east-1', east[0].id, 'newest 2']
    ])
    expect(result.delete).toEqual([
      {
        region: 'us-east-1',
        imageId: east[2].id,
        name: 'web-30d',
        creationDate: east[2].creationDate,
        snapshotIds: east[2].snapshotIds
      },
      {
        region: 'us-east-1',
        imageId: east[3].id,
        name: 'web-20d',
        creationDate: east[3].creationDate,
        snapshotIds: east[3].snapshotIds
      }
    ])
  })

  it('on a seeded history of 12 images in two regions deletes exactly the right set', () => {
    const sharedKept = 'snap-shared-with-kept'
    const sharedDeleted = 'snap-shared-by-two-deleted'
    const e = {
      newest: image('us-east-1', 1),
      second: image('us-east-1', 3),
      byInstance: image('us-east-1', 40),
      byTemplate: image('us-east-1', 50),
      oldA: image('us-east-1', 60, { snapshotIds: ['snap-a1', sharedDeleted] }),
      oldB: image('us-east-1', 70, { snapshotIds: [sharedDeleted, 'snap-b1'] }),
      otherApp: image('us-east-1', 90, { name: 'db-90d', snapshotIds: [sharedKept] }),
      oldC: image('us-east-1', 80, { snapshotIds: ['snap-c1', sharedKept] })
    }
    const w = {
      newest: image('eu-west-1', 2),
      second: image('eu-west-1', 5),
      young: image('eu-west-1', 6),
      old: image('eu-west-1', 30, { tags: { app: 'web', stage: 'dev' } })
    }
    const inUse = inUseReasons(
      [
        { instanceId: 'i-0bbb', imageId: e.byInstance.id },
        { instanceId: 'i-0aaa', imageId: e.byInstance.id }
      ],
      [{ launchTemplateId: 'lt-0123', version: 7, imageId: e.byTemplate.id }]
    )
    const result = plan([...Object.values(e), ...Object.values(w)], {
      inUse,
      minAgeMs: parseMinAge('1w'),
      nameFilter: 'web-*'
    })

    expect(result.delete.map((d) => [d.imageId, d.snapshotIds])).toEqual([
      [w.old.id, w.old.snapshotIds],
      [e.oldC.id, ['snap-c1']],
      [e.oldB.id, ['snap-b1']],
      [e.oldA.id, ['snap-a1', sharedDeleted]]
    ])
    expect(Object.fromEntries(result.keep.map((k) => [k.imageId, k.reason]))).toEqual({
      [e.newest.id]: 'newest 2',
      [e.second.id]: 'newest 2',
      [e.byInstance.id]: 'in use by instance i-0aaa; in use by instance i-0bbb',
      [e.byTemplate.id]: 'used by launch template lt-0123 version 7',
      [w.newest.id]: 'newest 2',
      [w.second.id]: 'newest 2',
      [w.young.id]: 'younger than min-age'
    })
    // Not matching the name filter: neither kept nor deleted, but its snapshot is protected.
    const mentioned = [...result.delete, ...result.keep].map((x) => x.imageId)
    expect(mentioned).not.toContain(e.otherApp.id)
    expect(result.delete.flatMap((d) => d.snapshotIds)).not.toContain(sharedKept)
  })

  it('keeps in-use and pending images even among the oldest, and counts them in the newest N', () => {
    const a = image('us-east-1', 1, { state: 'pending' })
    const b = image('us-east-1', 2)
    const c = image('us-east-1', 3)
    const d = image('us-east-1', 100)
    const result = plan([a, b, c, d], { inUse: new Map([[d.id, 'in use by instance i-0d']]) })
    expect(result.keep.map((k) => [k.imageId, k.reason])).toEqual([
      [a.id, 'pending'],
      [b.id, 'newest 2'],
      [d.id, 'in use by instance i-0d']
    ])
    expect(result.delete.map((x) => x.imageId)).toEqual([c.id])
  })

  it('gives failed images no place among the newest N, so they never push out working ones', () => {
    const failed = image('us-east-1', 1, { state: 'failed' })
    const disabled = image('us-east-1', 2, { state: 'disabled' })
    const older = image('us-east-1', 3)
    const oldest = image('us-east-1', 4)
    const dropped = image('us-east-1', 5)
    const result = plan([failed, disabled, older, oldest, dropped])
    expect(result.keep.map((k) => [k.imageId, k.reason])).toEqual([
      [disabled.id, 'disabled'],
      [older.id, 'newest 2'],
      [oldest.id, 'newest 2']
    ])
    expect(result.delete.map((x) => x.imageId).sort()).toEqual([failed.id, dropped.id].sort())
  })

  it('selects candidates by every tag, ignores deregistered images, and keeps 0 when asked', () => {
    const tagged = image('us-east-1', 10, { tags: { app: 'web', stage: 'dev' } })
    const otherStage = image('us-east-1', 20, { tags: { app: 'web', stage: 'prod' } })
    const gone = image('us-east-1', 30, {
      tags: { app: 'web', stage: 'dev' },
      state: 'deregistered'
    })
    const result = plan([tagged, otherStage, gone], { keep: 0, tags: { stage: 'dev', app: 'web' } })
    expect(result).toEqual({
      delete: [expect.objectContaining({ imageId: tagged.id })],
      keep: []
    })
  })

  it('breaks creation-date ties by image id', () => {
    const date = new Date(NOW - 10 * DAY).toISOString()
    const [x, y, z] = [image('us-east-1', 0), image('us-east-1', 0), image('us-east-1', 0)].map(
      (i) => ({ ...i, creationDate: date })
    )
    expect(plan([z, x, y], { keep: 1 }).keep.map((k) => k.imageId)).toEqual([x.id])
    expect(plan([y, z, x], { keep: 1 }).delete.map((k) => k.imageId)).toEqual([z.id, y.id])
  })

  it('refuses a bad keep or creation date', () => {
    expect(() => plan([], { keep: -1 })).toThrow(
      'keep must be a whole number of images, 0 or more; got -1'
    )
    expect(() => plan([], { keep: 1.5 })).toThrow(/got 1.5/)
    expect(() => plan([image('us-east-1', 1, { creationDate: 'yesterday' })])).toThrow(
      /has creation date "yesterday"; expected an ISO 8601 time/
    )
  })
})

describe('parseMinAge', () => {
  it.each([
    ['14d', 14 * DAY],
    ['12h', 12 * 3_600_000],
    ['30m', 30 * 60_000],
    ['2w', 14 * DAY],
    [' 1d12h ', 36 * 3_600_000],
    ['0d', 0]
  ])('%j is %d ms', (text, ms) => {
    expect(parseMinAge(text)).toBe(ms)
  })

  it.each(['14', 'd', '14 days', '-1d', '1.5d', ''])('refuses %j', (text) => {
    expect(() => parseMinAge(text)).toThrow(`min-age "${text}" is not a duration`)
  })
})

describe('matchesNameFilter', () => {
  it.each([
    ['web-2026-03-01', 'web-*', true],
    ['web-2026-03-01', 'web-????-03-*', true],
    ['api-2026', 'web-*', false],
    ['web.1', 'web?1', true],
    ['webx1', 'web.1', false],
    ['Web-1', 'web-*', false],
    ['a(b)[c]+', 'a(b)[c]+', true],
    ['prefix-web-1', 'web-*', false],
    ['multi\nline', 'multi*', true]
  ])('%j against %j is %s', (name, pattern, expected) => {
    expect(matchesNameFilter(name, pattern)).toBe(expected)
  })
})

describe('parseImageTags', () => {
  it('reads key=value lines, keeping = in values and allowing empty values', () => {
    expect(parseImageTags('app=web\r\n\n  query = a=b \nempty=\n')).toEqual({
      app: 'web',
      query: 'a=b',
      empty: ''
    })
  })

  it.each([
    ['app', 'image-tags line 1 ("app"): expected "key=value"'],
    ['ok=1\n=web', 'image-tags line 2 ("=web"): expected "key=value"'],
    ['app=web\napp=api', 'image-tags line 2: tag "app" is already required to be "web"']
  ])('refuses %j', (text, message) => {
    expect(() => parseImageTags(text)).toThrow(message)
  })
})
