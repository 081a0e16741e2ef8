/**
 * Captures the amazon-ebs transcripts of this folder: Packer 1.9.4 with the external amazon plugin
 * 1.2.9 (both built by `.ci/tools`) building ../../templates/aws-regions against the tests' EC2
 * double, as the 1.6.6 capture was made. Not a test; run it with esbuild (see ../README.md):
 *   npx esbuild __tests__/data/packer/captured-1.9.4/capture-amazon-ebs.ts --bundle \
 *     --platform=node --format=esm --outfile=/tmp/capture-amazon-ebs.mjs && node /tmp/capture-amazon-ebs.mjs [name…]
 * Names: amazon-ebs-double (the whole build), amazon-ebs-cancel-copies (SIGINT once both copies
 * to other regions were started and are slow). No name: both.
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startEc2Double, type Ec2Double } from '../../../support/ec2/index.js'
import { placePluginLikeInit } from '../../../support/plugin-dir.js'
import { tool } from '../../../support/tools.js'

const here = path.join(process.cwd(), '__tests__/data/packer/captured-1.9.4')

/** Runs the build (asynchronously: the EC2 double answers from this process). */
async function capture(
  name: string,
  during?: (ec2: Ec2Double, interrupt: () => void) => Promise<void>
): Promise<void> {
  const ec2 = await startEc2Double({ delayMs: 300 })
  try {
    const { imageId } = ec2.seedImage({
      name: 'al2023-ami-2023.6.20261101.0-x86_64',
      ownerId: '137112412989',
      creationDate: '2026-11-01T00:00:00Z',
      volumeSizes: [8]
    })
    const work = mkdtempSync(path.join(tmpdir(), 'capture-'))
    cpSync(path.join(process.cwd(), '__tests__/data/templates/aws-regions'), work, {
      recursive: true
    })
    const plugins = path.join(work, 'plugins')
    placePluginLikeInit(plugins, 'amazon')
    const child = spawn(
      tool('packer'),
      [
        'build',
        '-machine-readable',
        `-var=endpoint=${ec2.url}`,
        `-var=source_ami=${imageId}`,
        'main.pkr.hcl'
      ],
      {
        cwd: work,
        // Its own process group, signalled as a whole as a terminal's Ctrl-C (and the action) does.
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          PATH: process.env.PATH,
          HOME: work,
          CHECKPOINT_DISABLE: '1',
          PACKER_PLUGIN_PATH: plugins,
          AWS_ACCESS_KEY_ID: 'AKIAE2EDOUBLE0000000',
          AWS_SECRET_ACCESS_KEY: 'e2e/secret/for/the/double'
        }
      }
    )
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    if (during) await during(ec2, () => process.kill(-child.pid!, 'SIGINT'))
    const code = await exited
    writeFileSync(path.join(here, `${name}.txt`), stdout)
    process.stdout.write(`${name}: exit ${code}\n`)
  } finally {
    await ec2.close()
  }
}

const wanted = process.argv.slice(2)
const want = (name: string): boolean => wanted.length === 0 || wanted.includes(name)
if (want('amazon-ebs-double')) await capture('amazon-ebs-double')
if (want('amazon-ebs-cancel-copies')) {
  await capture('amazon-ebs-cancel-copies', async (ec2, interrupt) => {
    await ec2.waitForCall('CreateImage')
    // The image in us-east-1 is already scheduled; only the copies become slow.
    ec2.setDelays({ imageAvailable: 60_000 })
    await ec2.waitForCall('CopyImage', (c) => c.region === 'eu-central-1')
    await ec2.waitForCall('CopyImage', (c) => c.region === 'us-west-2')
    interrupt()
  })
}
