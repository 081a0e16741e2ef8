/**
 * The post step through the committed dist/: when the runner kills Packer and the action outright
 * (SIGKILL, its last resort after a cancel), the temporary instance, key pair and security group
 * the build created are deleted by the post step, from the state the main step saved. After a
 * clean run it does nothing at all, and where it cannot reach EC2 it names what is left.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from './support/ec2/index.js'
import { MIRROR_VERSION, pluginRelease } from './support/mirror.js'
import { installPackerOnce, type PackerFixture } from './support/packer.js'
import { placePluginLikeInit } from './support/plugin-dir.js'
import { createRunnerDirs, ROOT, runStep, startStep, type RunnerDirs } from './support/runner.js'

const TEMPLATE = '__tests__/data/templates/aws-regions'

let packer: PackerFixture
let ec2: Ec2Double
let sourceAmi: string

beforeAll(async () => {
  packer = await installPackerOnce()
  // The template requires the external amazon plugin; it is where packer init would put it.
  placePluginLikeInit(packer.pluginDir, 'amazon')
})

beforeEach(async () => {
  ec2 = await startEc2Double({ delayMs: 300 })
  sourceAmi = ec2.seedImage({ name: 'base-image', ownerId: '137112412989' }).imageId
})

afterEach(async () => {
  await ec2.close()
})

function awsEnv(): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'AKIAPOSTSTEP00000000',
    AWS_SECRET_ACCESS_KEY: 'post/step/secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_EC2: ec2.url,
    AWS_MAX_ATTEMPTS: '2',
    PACKER_PLUGIN_PATH: packer.pluginDir
  }
}

function workspace(): RunnerDirs {
  const dirs = createRunnerDirs(undefined, packer.toolCache)
  cpSync(path.join(ROOT, TEMPLATE), dirs.workspace, { recursive: true })
  return dirs
}

const inputs = (): Record<string, string> => ({
  'packer-version': MIRROR_VERSION,
  'releases-url': 'http://127.0.0.1:9',
  variables: `endpoint=${ec2.url}\nsource_ami=${sourceAmi}`
})

/** Every process in the tree under `pid`, children first. */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
  const out: number[] = []
  const walk = (p: number): void => {
    for (const [child, parent] of table) {
      if (parent === p) {
        walk(child)
        out.push(child)
      }
    }
  }
  walk(pid)
  return out
}

/** The file name of a process's executable ('' once it has gone). */
function executable(pid: number): string {
  try {
    return path.basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0])
  } catch {
    return ''
  }
}

function live(): { instances: number; keyPairs: number; securityGroups: number } {
  return {
    instances: ec2.liveInstances().length,
    keyPairs: ec2.keyPairs().length,
    securityGroups: ec2.securityGroups().filter((g) => g.groupName.startsWith('packer_')).length
  }
}

describe('post step', () => {
  it('deletes what a build killed with SIGKILL left behind', async () => {
    // Slow enough that the kill lands while the instance is being waited for.
    ec2.setDelays({ instanceStart: 30_000 })
    const dirs = workspace()
    const step = startStep({ dirs, inputs: inputs(), env: awsEnv() })
    await step.waitForOutput(/Waiting for instance \(i-[0-9a-f]+\) to become ready/, 60_000)
    expect(live()).toEqual({ instances: 1, keyPairs: 1, securityGroups: 1 })
    const tree = descendants(step.child.pid!)
    // The build runs in the external amazon plugin's own process, under Packer.
    expect(tree.map(executable)).toContain(pluginRelease('amazon').binary)
    // The runner's last resort: the whole tree at once, no chance to clean up.
    for (const pid of [...tree, step.child.pid!]) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // already gone
      }
    }
    const main = await step.done
    expect(main.signal).toBe('SIGKILL')
    expect(JSON.parse(main.state.awsResources)).toMatchObject({
      regions: ['us-east-1'],
      instances: [expect.stringMatching(/^i-/)],
      keyPairs: [expect.stringMatching(/^packer_/)],
      securityGroups: [expect.stringMatching(/^packer_/)]
    })
    expect(live()).toEqual({ instances: 1, keyPairs: 1, securityGroups: 1 })

    ec2.setDelays({ instanceStart: 300 })
    const post = await runStep({ dirs, post: true, inputs: inputs(), env: awsEnv() })
    expect(post.exitCode).toBe(0)
    expect(post.annotations.filter((a) => a.level !== 'debug')).toEqual([])
    expect(live()).toEqual({ instances: 0, keyPairs: 0, securityGroups: 0 })
    const saved = JSON.parse(main.state.awsResources)
    expect(post.stdout).toContain(`Terminated ${saved.instances[0]} in us-east-1`)
    expect(post.stdout).toContain(`Deleted key pair ${saved.keyPairs[0]} in us-east-1`)
    expect(post.stdout).toContain(`Deleted security group ${saved.securityGroups[0]}`)
  })

  it('does nothing after a clean build: no state left, no EC2 call', async () => {
    const dirs = workspace()
    const main = await runStep({ dirs, inputs: inputs(), env: awsEnv() })
    expect(main.exitCode).toBe(0)
    expect(main.state.isPost).toBe('true')
    expect(main.state.awsResources).toBe('')
    const calls = ec2.calls.length
    const post = await runStep({ dirs, post: true, inputs: inputs(), env: awsEnv() })
    expect(post.exitCode).toBe(0)
    expect(post.stdout).toBe('')
    expect(ec2.calls.length).toBe(calls)
  })

  it('names what it cannot delete without credentials, without failing the job', async () => {
    const dirs = workspace()
    const resources = {
      regions: ['us-east-1'],
      instances: ['i-0fedcba9876543210'],
      keyPairs: ['packer_00000000-0000-0000-0000-000000000001'],
      securityGroups: ['packer_00000000-0000-0000-0000-000000000002']
    }
    writeFileSync(dirs.files.state, `isPost=true\nawsResources=${JSON.stringify(resources)}\n`)
    const post = await runStep({
      dirs,
      post: true,
      inputs: inputs(),
      // No keys, no profile, and no instance metadata to fall back on.
      env: {
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL_EC2: ec2.url,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
        AWS_CONFIG_FILE: '/nonexistent'
      }
    })
    expect(post.exitCode).toBe(0)
    const warning = post.annotations.find((a) => a.level === 'warning')
    expect(warning?.message).toMatch(/credential/i)
    for (const id of [...resources.instances, ...resources.keyPairs, ...resources.securityGroups])
      expect(warning?.message).toContain(id)
    expect(ec2.calls).toEqual([])
  })

  it('names an instance it did not find in the region it searched, rather than dropping it', async () => {
    const image = ec2.seedImage({ region: 'eu-west-1', name: 'base', volumeSizes: [8] })
    const elsewhere = ec2.seedInstance({ region: 'eu-west-1', imageId: image.imageId })
    const dirs = workspace()
    const resources = {
      regions: ['us-east-1'],
      instances: [elsewhere.instanceId],
      keyPairs: ['packer_00000000-0000-0000-0000-000000000003'],
      securityGroups: []
    }
    writeFileSync(dirs.files.state, `isPost=true\nawsResources=${JSON.stringify(resources)}\n`)
    const post = await runStep({ dirs, post: true, inputs: inputs(), env: awsEnv() })
    expect(post.exitCode).toBe(0)
    const warning = post.annotations.find((a) => a.level === 'warning')
    expect(warning?.message).toContain('did not find it in us-east-1')
    expect(warning?.message).toContain(elsewhere.instanceId)
    expect(warning?.message).toContain(resources.keyPairs[0])
    // Nothing was claimed deleted that was not there.
    expect(post.stdout).not.toMatch(/Deleted key pair/)
    expect(ec2.callsOf('DeleteKeyPair')).toEqual([])
  })

  it('names what it cannot delete when EC2 is out of reach, without failing the job', async () => {
    const dirs = workspace()
    const resources = {
      regions: ['us-east-1'],
      instances: ['i-0123456789abcdef0'],
      keyPairs: ['packer_6b0443f7-67a8-f917-07ec-8a59bb017256'],
      securityGroups: ['packer_6b0443f7-c536-84df-572d-75c80f6ed669']
    }
    writeFileSync(dirs.files.state, `isPost=true\nawsResources=${JSON.stringify(resources)}\n`)
    const post = await runStep({
      dirs,
      post: true,
      inputs: inputs(),
      env: { ...awsEnv(), AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9' }
    })
    expect(post.exitCode).toBe(0)
    const warning = post.annotations.find((a) => a.level === 'warning')
    expect(warning?.message).toMatch(/^Could not delete everything the build left/)
    for (const id of [...resources.instances, ...resources.keyPairs, ...resources.securityGroups])
      expect(warning?.message).toContain(id)
  })
})
