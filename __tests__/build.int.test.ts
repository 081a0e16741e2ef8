/** `command: build` end to end: the committed dist/ on Node 24 running the real Packer 1.6.6. */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { installPackerOnce, type PackerFixture } from './support/packer.js'

let packer: PackerFixture

beforeAll(async () => {
  packer = await installPackerOnce()
})

describe('build', () => {
  it('builds the example template and sets every output', async () => {
    const result = await packer.step({
      files: 'templates/packer/example',
      inputs: { template: '.' }
    })
    expect({
      errors: result.annotations.filter((a) => a.level === 'error'),
      stdout: result.stdout
    }).toMatchObject({ errors: [] })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['exit-code']).toBe('0')
    expect(result.outputs['ami-id']).toBe('')
    expect(JSON.parse(result.outputs['ami-ids'])).toEqual({})
    const artifacts = JSON.parse(result.outputs.artifacts)
    expect(artifacts.map((a: { build: string }) => a.build).sort()).toEqual([
      'file.greeting',
      'null.smoke'
    ])
    const manifest = JSON.parse(readFileSync(result.outputs.manifest, 'utf8'))
    expect(manifest.builds.map((b: { name: string }) => b.name).sort()).toEqual([
      'file.greeting',
      'null.smoke'
    ])
    expect(readFileSync(path.join(result.dirs.workspace, 'output/greeting.txt'), 'utf8')).toBe(
      'Hello from packer-image-action\n'
    )
  })
})
