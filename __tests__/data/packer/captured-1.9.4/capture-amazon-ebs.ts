/**
 * Captures amazon-ebs-double.txt: Packer 1.9.4 with the external amazon plugin 1.2.9 (both built by
 * `.ci/tools`) building ../../templates/aws-regions against the tests' EC2 double, as the 1.6.6
 * capture was made. Not a test; run it with esbuild (see ../README.md):
 *   npx esbuild __tests__/data/packer/captured-1.9.4/capture-amazon-ebs.ts --bundle \
 *     --platform=node --format=esm --outfile=/tmp/capture-amazon-ebs.mjs && node /tmp/capture-amazon-ebs.mjs
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { startEc2Double } from '../../../support/ec2/index.js'
import { placePluginLikeInit } from '../../../support/plugin-dir.js'
import { tool } from '../../../support/tools.js'

const here = path.join(process.cwd(), '__tests__/data/packer/captured-1.9.4')
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
  // Asynchronously: the EC2 double answers from this process.
  const result = await promisify(execFile)(
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
  writeFileSync(path.join(here, 'amazon-ebs-double.txt'), result.stdout)
  process.stdout.write('exit 0\n')
} finally {
  await ec2.close()
}
