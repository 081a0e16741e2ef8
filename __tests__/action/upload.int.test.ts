/**
 * `upload-artifact` end to end: the committed dist/ on Node 24 runs the real Packer and uploads the
 * manifest and the build log with @actions/artifact to the loopback results-service double.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { installPackerOnce, type PackerFixture } from '../support/packer.js'
import { createRunnerDirs, type StepResult } from '../support/runner.js'
import { type ResultsService, startResultsService } from '../support/results-service.js'

let packer: PackerFixture
let service: ResultsService

beforeAll(async () => {
  packer = await installPackerOnce()
})

beforeEach(async () => {
  service = await startResultsService()
})

afterEach(async () => {
  if (!service) return
  const unhandled = service.unhandled()
  await service.close()
  if (unhandled.length > 0)
    throw new Error(`requests the double does not implement: ${JSON.stringify(unhandled)}`)
})

/** The entries of a zip, by name, as text. */
function unzip(zip: Buffer): Record<string, string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pia-artifact-'))
  writeFileSync(path.join(dir, 'artifact.zip'), zip)
  const names = execFileSync('unzip', ['-Z1', path.join(dir, 'artifact.zip')], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
  return Object.fromEntries(
    names.map((name) => [
      name,
      execFileSync('unzip', ['-p', path.join(dir, 'artifact.zip'), name], { encoding: 'utf8' })
    ])
  )
}

function expectSucceeded(result: StepResult): void {
  if (result.exitCode !== 0)
    throw new Error(
      `the step exited with ${String(result.exitCode)}:\n${result.stdout}${result.stderr}`
    )
  expect(result.annotations.filter((a) => a.level === 'error' || a.level === 'warning')).toEqual([])
}

describe('upload-artifact', () => {
  it('uploads the manifest and the build log as the named artifact', async () => {
    const result = await packer.step({
      files: 'templates/packer/example',
      inputs: { 'upload-artifact': 'packer-run' },
      env: service.env
    })
    expectSucceeded(result)
    expect(result.annotations.filter((a) => a.level !== 'debug')).toEqual([])
    expect(result.stdout).toContain(
      "Uploaded artifact 'packer-run' (the manifest and the build log)"
    )

    const [artifact, ...others] = service.artifacts()
    expect(others).toEqual([])
    expect(artifact).toMatchObject({ name: 'packer-run', mimeType: 'application/zip' })
    const entries = unzip(artifact.bytes)
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', 'packer-build.log'])
    expect(entries['manifest.json']).toBe(readFileSync(result.outputs.manifest, 'utf8'))
    expect(entries['packer-build.log']).toMatch(/file\.greeting/)
    expect(entries['packer-build.log']).toMatch(/null\.smoke/)
  })

  it('leaves no sensitive-variables value in the uploaded log', async () => {
    const secret = 'Sup3r,S3cret=value$(id)'
    const result = await packer.step({
      files: '__tests__/data/templates/vars',
      inputs: {
        'upload-artifact': 'packer-run',
        variables: 'plain=x',
        'sensitive-variables': `secret=${secret}`
      },
      env: service.env
    })
    expectSucceeded(result)
    // The build ran with the secret: the file builder wrote it.
    expect(readFileSync(path.join(result.dirs.workspace, 'out/secret.txt'), 'utf8')).toBe(secret)

    const [artifact] = service.artifacts()
    const log = unzip(artifact.bytes)['packer-build.log']
    expect(log).toMatch(/file\.secret/)
    expect(log).not.toContain(secret)
  })

  it('redacts a secret that Packer prints from the uploaded log', async () => {
    const secret = 'Sup3r,S3cret=value'
    // Packer before 1.15.1 prints sensitive values that a provisioner echoes; only the action's
    // redaction keeps them out of the log.
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    writeFileSync(
      path.join(dirs.workspace, 'echo.pkr.hcl'),
      `variable "secret" {
  type      = string
  sensitive = true
}

source "null" "echo" {
  communicator = "none"
}

build {
  sources = ["source.null.echo"]

  provisioner "shell-local" {
    environment_vars = ["SECRET=\${var.secret}"]
    inline           = ["echo the secret is $SECRET"]
  }
}
`
    )
    const result = await packer.step({
      dirs,
      inputs: { 'upload-artifact': 'packer-run', 'sensitive-variables': `secret=${secret}` },
      env: service.env
    })
    expectSucceeded(result)

    const log = unzip(service.artifacts()[0].bytes)['packer-build.log']
    expect(log).toContain('the secret is ***')
    expect(log).not.toContain(secret)
    expect(log).not.toContain(secret.replace(/,/g, '%!(PACKER_COMMA)'))
  })

  it('warns, and still succeeds, when the service refuses the upload', async () => {
    const step = () =>
      packer.step({
        files: 'templates/packer/example',
        inputs: { 'upload-artifact': 'packer-run' },
        env: service.env
      })
    expectSucceeded(await step())
    // A second upload of the same name in the same run: the service answers 409.
    const again = await step()
    expect(again.exitCode).toBe(0)
    const warnings = again.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Artifact 'packer-run' not uploaded: .*already exists/)
    expect(service.artifacts()).toHaveLength(1)
  })

  it('succeeds with a notice when the runner has no artifact service', async () => {
    const result = await packer.step({
      files: 'templates/packer/example',
      inputs: { 'upload-artifact': 'packer-run' }
    })
    expectSucceeded(result)
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'notice',
        message:
          "Artifact 'packer-run' not uploaded: the artifact service is not available on this runner"
      })
    )
    expect(service.calls).toEqual([])
  })
})
