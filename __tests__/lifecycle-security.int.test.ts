/**
 * Hostile or mistaken input to the lifecycle commands, end to end through the committed dist/ on
 * Node 24: tag names that collide with the action's own, keys that are Object's own property names,
 * and a pull request's symlinks that point out of the workspace.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from './support/ec2/index.js'
import { createRunnerDirs, errors, runStep } from './support/runner.js'

const AMI = 'ami-0123456789abcdef0'

describe('against the EC2 double', () => {
  let double: Ec2Double
  beforeAll(async () => {
    double = await startEc2Double({ delayMs: 0 })
  })
  afterAll(async () => {
    await double.close()
  })
  beforeEach(() => {
    double.world.regions.clear()
    double.calls.length = 0
    double.clearFaults()
  })
  const awsEnv = (): Record<string, string> => ({
    AWS_ACCESS_KEY_ID: 'AKIDSECURITYE2E',
    AWS_SECRET_ACCESS_KEY: 'security-e2e-secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_EC2: double.url,
    AWS_MAX_ATTEMPTS: '2'
  })

  it.each(['promoted-at', 'promoted-by-run'])(
    'refuses a stage-tag that is a tag promote writes itself (%s), and tags nothing',
    async (stageTag) => {
      const image = double.seedImage({ region: 'us-east-1', name: 'web-new' })
      const result = await runStep({
        inputs: {
          command: 'promote',
          'ami-ids': JSON.stringify({ 'amazon-ebs.web': { 'us-east-1': image.imageId } }),
          stage: 'production',
          'stage-tag': stageTag
        },
        env: awsEnv()
      })
      expect(result.exitCode).toBe(1)
      expect(errors(result)).toBe(
        `Input 'stage-tag' is '${stageTag}', a tag that promote writes itself (promoted-at, promoted-by-run); name another tag to hold the stage, such as status`
      )
      expect(result.outputs.promoted).toBeUndefined()
      expect(double.callsOf('CreateTags')).toHaveLength(0)
    }
  )

  it.each(['constructor', '__proto__', 'toString'])(
    'cleans up by an image tag named %s like any other tag',
    async (key) => {
      const tagged = ['web-1', 'web-2', 'web-3'].map((name, i) =>
        double.seedImage({
          region: 'us-east-1',
          name,
          creationDate: new Date(Date.now() - (i + 1) * 86_400_000),
          tags: { [key]: 'x' }
        })
      )
      const other = double.seedImage({ region: 'us-east-1', name: 'db-1', tags: { app: 'db' } })
      const result = await runStep({
        inputs: { command: 'cleanup', 'image-tags': `${key}=x`, keep: '1', 'dry-run': 'true' },
        env: awsEnv()
      })
      expect(errors(result)).toBe('')
      expect(result.exitCode).toBe(0)
      const deleted = JSON.parse(result.outputs.deleted) as { imageId: string }[]
      expect(deleted.map((d) => d.imageId).sort()).toEqual(
        [tagged[1].imageId, tagged[2].imageId].sort()
      )
      expect(result.outputs.deleted).not.toContain(other.imageId)
    }
  )
})

describe('outputs of the lifecycle commands', () => {
  let double: Ec2Double
  beforeAll(async () => {
    double = await startEc2Double({ delayMs: 0 })
  })
  afterAll(async () => {
    await double.close()
  })

  // The second holds characters the summary's Markdown escapes: it must be redacted before that.
  it.each([['TopSecretImageWord'], ['Top_Secret_Image_Word']])(
    'redacts a sensitive value (%s) in the deleted and kept outputs and the summary, as in the log',
    async (secret) => {
      const region = secret.includes('_') ? 'us-west-2' : 'us-east-1'
      for (const [i, name] of [`web-${secret}-1`, `web-${secret}-2`].entries()) {
        double.seedImage({
          region,
          name,
          creationDate: new Date(Date.now() - (i + 1) * 86_400_000)
        })
      }
      const result = await runStep({
        inputs: {
          command: 'cleanup',
          'image-name-filter': 'web-*',
          keep: '1',
          'dry-run': 'true',
          'sensitive-variables': `word=${secret}`
        },
        env: {
          AWS_ACCESS_KEY_ID: 'AKIDSECURITYE2E',
          AWS_SECRET_ACCESS_KEY: 'security-e2e-secret',
          AWS_REGION: region,
          AWS_ENDPOINT_URL_EC2: double.url
        }
      })
      expect(errors(result)).toBe('')
      expect(JSON.parse(result.outputs.deleted).map((d: { name: string }) => d.name)).toEqual([
        'web-***-2'
      ])
      expect(JSON.parse(result.outputs.kept).map((k: { name: string }) => k.name)).toEqual([
        'web-***-1'
      ])
      expect(result.stdout.replace(`::add-mask::${secret}\n`, '')).not.toContain(secret)
      // Neither the value nor an escaped form of it (`Top&#95;Secret…`).
      expect(result.summary).toContain('web-')
      expect(result.summary).not.toContain('Secret')
    }
  )
})

describe('files outside the workspace', () => {
  /** A file outside the workspace, as a runner user's credentials would be. */
  function outsideFile(content: string): string {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pia-outside-')), 'credentials')
    writeFileSync(file, content)
    return file
  }

  it('tfvars refuses to write through a symlink that leads out of the workspace', async () => {
    const dirs = createRunnerDirs()
    const target = outsideFile('ami_id = "ami-0aaaaaaaaaaaaaaaa"\n')
    symlinkSync(target, path.join(dirs.workspace, 'images.auto.tfvars'))
    const result = await runStep({
      dirs,
      inputs: {
        command: 'tfvars',
        'tfvars-file': 'images.auto.tfvars',
        'ami-ids': JSON.stringify({ 'amazon-ebs.web': { 'us-east-1': AMI } })
      }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /^Input 'tfvars-file' is 'images\.auto\.tfvars', which resolves to .*credentials, outside the workspace \(.*\); /
    )
    expect(readFileSync(target, 'utf8')).toBe('ami_id = "ami-0aaaaaaaaaaaaaaaa"\n')
    expect(lstatSync(path.join(dirs.workspace, 'images.auto.tfvars')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(path.join(dirs.workspace, 'images.auto.tfvars'))).toBe(target)
  })

  it('tfvars still writes through a symlink to a file inside the workspace', async () => {
    const dirs = createRunnerDirs()
    mkdirSync(path.join(dirs.workspace, 'env'))
    writeFileSync(path.join(dirs.workspace, 'env', 'real.tfvars'), 'ami_id = "old"\n')
    symlinkSync(path.join('env', 'real.tfvars'), path.join(dirs.workspace, 'link.tfvars'))
    const result = await runStep({
      dirs,
      inputs: {
        command: 'tfvars',
        'tfvars-file': 'link.tfvars',
        'ami-ids': JSON.stringify({ 'amazon-ebs.web': { 'us-east-1': AMI } })
      }
    })
    expect(errors(result)).toBe('')
    expect(readFileSync(path.join(dirs.workspace, 'env', 'real.tfvars'), 'utf8')).toContain(AMI)
    expect(lstatSync(path.join(dirs.workspace, 'link.tfvars')).isSymbolicLink()).toBe(true)
  })

  it('tfvars refuses a read-only file, as cp would, and leaves it as it was', async () => {
    const dirs = createRunnerDirs()
    const file = path.join(dirs.workspace, 'images.auto.tfvars')
    writeFileSync(file, 'ami_id = "ami-0aaaaaaaaaaaaaaaa"\n')
    chmodSync(file, 0o444)
    const result = await runStep({
      dirs,
      inputs: {
        command: 'tfvars',
        'tfvars-file': 'images.auto.tfvars',
        'ami-ids': JSON.stringify({ 'amazon-ebs.web': { 'us-east-1': AMI } })
      }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      `Cannot write tfvars file ${file}: it is read-only (mode 444); make it writable to let tfvars update it`
    )
    expect(readFileSync(file, 'utf8')).toBe('ami_id = "ami-0aaaaaaaaaaaaaaaa"\n')
    expect(lstatSync(file).mode & 0o777).toBe(0o444)
  })

  it('merge-manifests refuses a manifest symlinked from outside the workspace, and shows none of it', async () => {
    const dirs = createRunnerDirs()
    const secretLine = 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
    const target = outsideFile(`[default]\n${secretLine}\n`)
    mkdirSync(path.join(dirs.workspace, 'legs'))
    symlinkSync(target, path.join(dirs.workspace, 'legs', 'manifest.json'))
    const result = await runStep({
      dirs,
      inputs: { command: 'merge-manifests', manifests: 'legs/manifest.json' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /^Input 'manifests' names 'legs\/manifest\.json', which resolves to .*credentials, outside the workspace \(.*\) and RUNNER_TEMP \(.*\); /
    )
    expect(result.stdout + result.summary).not.toContain('wJalrXUtnFEMI')
  })
})
