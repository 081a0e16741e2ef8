import { describe, expect, it } from '@jest/globals'
import {
  parseAccountIds,
  planPromotion,
  promotedOutput,
  runUrlOf,
  type PromotionOptions
} from '../../src/lifecycle/promotion.js'
import type { Image } from '../../src/lifecycle/retention.js'

const NOW = new Date('2026-03-01T12:00:00.000Z')
const RUN = 'https://github.com/acme/images/actions/runs/987654321'
const EAST = 'ami-0123456789abcdef0'
const WEST = 'ami-0fedcba9876543210'
const ARM = 'ami-00aa11bb22cc33dd4'

function image(id: string, region: string, extra: Partial<Image> = {}): Image {
  return {
    id,
    name: `web-${id}`,
    region,
    creationDate: '2026-02-28T10:00:00.000Z',
    state: 'available',
    tags: { Name: 'web' },
    snapshotIds: [`snap-${id.slice(4)}`],
    owner: '123456789012',
    ...extra
  }
}

const options = (extra: Partial<PromotionOptions> = {}): PromotionOptions => ({
  amiIds: { 'amazon-ebs.web': { 'us-west-2': WEST, 'us-east-1': EAST } },
  stage: 'staging',
  runUrl: RUN,
  now: NOW,
  images: [
    image(EAST, 'us-east-1'),
    image(WEST, 'us-west-2', { snapshotIds: ['snap-2', 'snap-1'] })
  ],
  ...extra
})

describe('planPromotion', () => {
  it('tags every AMI and its snapshots with the stage, the time and the run', () => {
    expect(planPromotion(options({ shareWith: ['210987654321'] }))).toEqual([
      {
        build: 'amazon-ebs.web',
        region: 'us-east-1',
        imageId: EAST,
        snapshotIds: [`snap-${EAST.slice(4)}`],
        changed: true,
        tags: {
          status: 'staging',
          'promoted-at': '2026-03-01T12:00:00.000Z',
          'promoted-by-run': RUN
        },
        shareWith: ['210987654321']
      },
      {
        build: 'amazon-ebs.web',
        region: 'us-west-2',
        imageId: WEST,
        snapshotIds: ['snap-1', 'snap-2'],
        changed: true,
        tags: {
          status: 'staging',
          'promoted-at': '2026-03-01T12:00:00.000Z',
          'promoted-by-run': RUN
        },
        shareWith: ['210987654321']
      }
    ])
  })

  it('is idempotent: an AMI already at the stage is not re-tagged, another stage is', () => {
    const images = [
      image(EAST, 'us-east-1', { tags: { stage: 'production', 'promoted-at': 'earlier' } }),
      image(WEST, 'us-west-2', { tags: { stage: 'staging' } })
    ]
    const plan = planPromotion(options({ images, stage: 'production', stageTag: 'stage' }))
    expect(plan.map((p) => [p.imageId, p.changed, p.tags])).toEqual([
      [EAST, false, {}],
      [
        WEST,
        true,
        { stage: 'production', 'promoted-at': NOW.toISOString(), 'promoted-by-run': RUN }
      ]
    ])
    expect(promotedOutput(plan, 'production')).toEqual([
      {
        build: 'amazon-ebs.web',
        region: 'us-east-1',
        ami: EAST,
        snapshots: [`snap-${EAST.slice(4)}`],
        stage: 'production',
        changed: false,
        sharedWith: []
      },
      expect.objectContaining({ ami: WEST, changed: true })
    ])
  })

  it('refuses the whole promotion, naming each AMI, when any is missing or not available', () => {
    const amiIds = {
      'amazon-ebs.web': { 'us-east-1': EAST, 'us-west-2': WEST },
      'amazon-ebs.arm': { 'us-east-1': ARM }
    }
    const images = [
      image(EAST, 'us-east-1', { state: 'pending' }),
      // The right id in the wrong region does not count.
      image(WEST, 'us-east-1')
    ]
    expect(() => planPromotion(options({ amiIds, images }))).toThrow(
      'Refusing to promote to "staging": ' +
        `AMI ${ARM} (build "amazon-ebs.arm") does not exist in us-east-1 or is not visible to this account; ` +
        `AMI ${EAST} (build "amazon-ebs.web") in us-east-1 is "pending"; expected "available"; ` +
        `AMI ${WEST} (build "amazon-ebs.web") does not exist in us-west-2 or is not visible to this account. ` +
        'No AMI was tagged.'
    )
    expect(() =>
      planPromotion(
        options({
          images: [image(EAST, 'us-east-1', { state: 'deregistered' }), image(WEST, 'us-west-2')]
        })
      )
    ).toThrow(`AMI ${EAST} (build "amazon-ebs.web") does not exist in us-east-1`)
  })

  it('lists an AMI named by two builds once', () => {
    const amiIds = { a: { 'us-east-1': EAST }, b: { 'us-east-1': EAST } }
    expect(planPromotion(options({ amiIds })).map((p) => [p.build, p.imageId])).toEqual([
      ['a', EAST]
    ])
  })

  it.each([
    [{ stage: '' }, 'stage is empty'],
    [{ stage: 'prod;rm' }, 'The value "prod;rm" of tag "status" is not a valid EC2 tag value'],
    [{ stage: 'x'.repeat(257) }, 'is not a valid EC2 tag value; expected up to 256'],
    [
      { stageTag: 'aws:stage' },
      `Input 'stage-tag' is "aws:stage", which starts with "aws:", a prefix AWS reserves`
    ],
    [{ stageTag: '' }, `Input 'stage-tag' is "", which is not a valid EC2 tag key`],
    [{ shareWith: ['12345'] }, 'share-with: "12345" is not an AWS account id; expected 12 digits'],
    [{ amiIds: {} }, 'ami-ids holds no AMI id to promote']
  ])('refuses %j', (extra, message) => {
    expect(() => planPromotion(options(extra as Partial<PromotionOptions>))).toThrow(message)
  })
})

describe('runUrlOf and parseAccountIds', () => {
  it('builds the run URL, with the attempt after a re-run', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://ghe.example.com',
      GITHUB_REPOSITORY: 'acme/images',
      GITHUB_RUN_ID: '42'
    }
    expect(runUrlOf(env)).toBe('https://ghe.example.com/acme/images/actions/runs/42')
    expect(runUrlOf({ ...env, GITHUB_RUN_ATTEMPT: '1' })).toBe(
      'https://ghe.example.com/acme/images/actions/runs/42'
    )
    expect(runUrlOf({ ...env, GITHUB_RUN_ATTEMPT: '3' })).toBe(
      'https://ghe.example.com/acme/images/actions/runs/42/attempts/3'
    )
    expect(() => runUrlOf({})).toThrow(/GITHUB_REPOSITORY and GITHUB_RUN_ID are not set/)
  })

  it('reads account ids separated by commas or newlines, once each', () => {
    expect(parseAccountIds('111111111111, 222222222222\n\n111111111111\r\n')).toEqual([
      '111111111111',
      '222222222222'
    ])
    expect(() => parseAccountIds('111111111111,acme')).toThrow('"acme" is not an AWS account id')
  })
})
