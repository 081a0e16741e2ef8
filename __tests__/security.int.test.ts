/**
 * What a hostile or careless build can reach, end to end through the committed dist/ on Node 24
 * with the real Packer: the environment its processes get, and every file the action writes.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { installPackerOnce, type PackerFixture } from './support/packer.js'
import { createRunnerDirs, errors, FAKE_GITHUB_TOKEN } from './support/runner.js'

let packer: PackerFixture

beforeAll(async () => {
  packer = await installPackerOnce()
})

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
}

describe('the environment of build processes', () => {
  it('holds no INPUT_*, STATE_*, runner token or file-command variable, and no secret value', async () => {
    const secret = 'env-secret value 0123456789'
    const runtimeToken = 'runtime-token-0123456789abcdef'
    const idToken = 'id-token-request-0123456789abcdef'
    const result = await packer.step({
      files: '__tests__/data/templates/environment',
      inputs: { 'sensitive-variables': `unused=${secret}` },
      env: {
        ACTIONS_RUNTIME_TOKEN: runtimeToken,
        ACTIONS_RUNTIME_URL: 'http://127.0.0.1:9/runtime/',
        ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/results/',
        ACTIONS_CACHE_URL: 'http://127.0.0.1:9/cache/',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: idToken,
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/oidc',
        STATE_leftover: 'state of another step',
        // The user's own environment, which the build needs (credentials, region, settings).
        AWS_REGION: 'eu-west-1',
        MY_BUILD_SETTING: 'kept'
      }
    })
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    const text = readFileSync(path.join(result.dirs.workspace, 'out/env.txt'), 'utf8')
    const env = Object.fromEntries(
      text
        .split('\0')
        .filter(Boolean)
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
    )
    const names = Object.keys(env)
    expect(names.filter((n) => /^(INPUT|STATE)_/i.test(n))).toEqual([])
    for (const name of [
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RUNTIME_URL',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_CACHE_URL',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL',
      'GITHUB_OUTPUT',
      'GITHUB_ENV',
      'GITHUB_PATH',
      'GITHUB_STATE',
      'GITHUB_STEP_SUMMARY',
      'PACKER_GITHUB_API_TOKEN'
    ]) {
      expect({ name, value: env[name] }).toEqual({ name, value: undefined })
    }
    for (const value of [FAKE_GITHUB_TOKEN, secret, runtimeToken, idToken]) {
      expect(text).not.toContain(value)
    }
    expect(env).toMatchObject({
      AWS_REGION: 'eu-west-1',
      MY_BUILD_SETTING: 'kept',
      GITHUB_REPOSITORY: 'octo-org/images',
      CHECKPOINT_DISABLE: '1'
    })
    expect(env.PATH).toBeTruthy()
    expect(env.HOME).toBeTruthy()
  })
})

describe('files the action writes', () => {
  it('redacts a sensitive value in the manifest, as in the artifacts output and the log', async () => {
    const secret = 'Manifest_Secret_0123456789'
    const result = await packer.step({
      files: '__tests__/data/templates/secret-artifact',
      inputs: { 'sensitive-variables': `secret=${secret}` }
    })
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.outputs.artifacts).toContain('out/***.txt')
    const manifestFile = result.outputs.manifest
    expect(manifestFile.startsWith(result.dirs.temp)).toBe(true)
    const manifest = readFileSync(manifestFile, 'utf8')
    // The file builder's artifact is the file it wrote; its size is still that of the real file.
    expect(JSON.parse(manifest).builds[0].files).toEqual([{ name: 'out/***.txt', size: 1 }])
    // Nothing the action left under RUNNER_TEMP, nor the job's files, holds the value.
    for (const file of [...filesUnder(result.dirs.temp), ...Object.values(result.dirs.files)]) {
      expect({ file, leaked: readFileSync(file, 'utf8').includes(secret) }).toEqual({
        file,
        leaked: false
      })
    }
  })
})

describe('secrets in diagnostics', () => {
  // Made-up words, so that any one of them in the output is a piece of the secret.
  const secret = 'zulu7q yankee7q xray7q whiskey7q victor7q uniform7q tango7q sierra7q romeo7q'

  it.each(['validate', 'build'])(
    'keeps a secret that Packer wraps across lines out of the log and summary (%s)',
    async (command) => {
      const result = await packer.step({
        files: '__tests__/data/templates/secret-wrap',
        inputs: { command, 'sensitive-variables': `secret=${secret}`, 'fmt-check': 'false' }
      })
      expect(result.exitCode).toBe(1)
      expect(errors(result)).toMatch(/Call to function "file" failed: no file exists at \*\*\*/)
      expect(result.stdout).toContain(`::add-mask::${secret}\n`)
      const everything = [
        result.stdout.replace(`::add-mask::${secret}\n`, ''),
        result.stderr,
        result.summary,
        JSON.stringify(result.outputs),
        ...filesUnder(result.dirs.temp).map((f) => readFileSync(f, 'utf8'))
      ].join('\n')
      for (const word of secret.split(' ')) {
        expect({ word, found: everything.includes(word) }).toEqual({ word, found: false })
      }
    }
  )

  it('refuses a sensitive value too short to redact, naming the variable but not the value', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/vars',
      inputs: { variables: 'plain=x', 'sensitive-variables': 'secret=Q7' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toBe(
      "Input 'sensitive-variables': the value of 'secret' has 2 character(s); a value under 3 characters cannot be redacted without blanking ordinary text in the log, so it cannot be kept secret: pass it in 'variables', or use a longer secret"
    )
    expect(result.stdout).not.toContain('Q7')
    expect(result.stdout).not.toContain('[command]')
    // The summary says so too, without the value.
    expect(result.summary).toContain('### Packer build: ✗ failed')
    expect(result.summary).toContain('the value of &#39;secret&#39; has 2 character(s)')
    expect(result.summary).not.toContain('Q7')
  })

  it('writes no summary for refused inputs when summary is false', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/vars',
      inputs: { summary: 'false', 'on-error': 'ask' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.summary).toBe('')
  })
})

describe('symlinks out of the workspace', () => {
  it('refuses a var-file that a symlink leads out of the workspace, before Packer reads it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'pia-outside-'))
    writeFileSync(
      path.join(outside, 'credentials'),
      'aws_secret_access_key = "wJalrXUtnFEMIK7MDENG"\n'
    )
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    mkdirSync(path.join(dirs.workspace, 'vars'))
    symlinkSync(
      path.join(outside, 'credentials'),
      path.join(dirs.workspace, 'vars', 'extra.pkrvars.hcl')
    )
    const result = await packer.step({
      dirs,
      files: '__tests__/data/templates/vars',
      inputs: { variables: 'plain=x', 'var-files': 'vars/extra.pkrvars.hcl' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /^Input 'var-files' names 'vars\/extra\.pkrvars\.hcl', which resolves to .*credentials, outside the workspace \(.*\); /
    )
    expect(result.stdout).not.toContain('[command]')
    expect(result.stdout + result.summary).not.toContain('wJalrXUtnFEMIK7MDENG')
  })

  it('refuses a template folder holding a symlink that Packer would read from outside', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'pia-outside-'))
    writeFileSync(path.join(outside, 'secret.hcl'), 'plain = "outside-0123456789"\n')
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    symlinkSync(path.join(outside, 'secret.hcl'), path.join(dirs.workspace, 'x.auto.pkrvars.hcl'))
    const result = await packer.step({ dirs, files: '__tests__/data/templates/vars' })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /^Input 'template' names 'x\.auto\.pkrvars\.hcl', which resolves to .*secret\.hcl, outside the workspace \(.*\); /
    )
    expect(result.stdout).not.toContain('[command]')
    expect(result.stdout + result.summary).not.toContain('outside-0123456789')
  })
})

describe('build selection', () => {
  it.each([
    ['only', 'file.plian', 'vars', '.', 'file.plain, file.secret'],
    ['except', 'file.*', 'vars', '.', 'file.plain, file.secret'],
    ['only', 'legacy-fiel', 'legacy', 'template.json', 'legacy-file, legacy-null']
  ])(
    'fails when %s (%s) leaves no build to run, naming the builds there are',
    async (input, value, folder, template, builds) => {
      const result = await packer.step({
        files: `__tests__/data/templates/${folder}`,
        inputs: {
          template,
          [input]: value,
          ...(folder === 'vars' ? { variables: 'plain=x\nsecret=y' } : {})
        }
      })
      expect(result.exitCode).toBe(1)
      // Packer 1.7 and later fail on their own as well ("No builds to run"), in an annotation of
      // their own; the step's error is the action's.
      expect(errors(result).split('\n').pop()).toBe(
        `Input '${input}' (${value}) ${input === 'only' ? 'matches none of' : 'leaves none of'} the template's builds, so nothing was built; its builds: ${builds}`
      )
      expect(result.summary).toContain('✗ failed')
    }
  )

  it.each([
    ['only', 'nope', 'matches none of'],
    ['except', 'file.ok,null.broken', 'leaves none of'],
    ['except', '*', 'leaves none of']
  ])(
    'validate fails too when %s (%s) leaves no build, which Packer validates',
    async (input, value, says) => {
      const result = await packer.step({
        files: '__tests__/data/templates/partial-failure',
        inputs: { command: 'validate', 'fmt-check': 'false', [input]: value }
      })
      expect(result.exitCode).toBe(1)
      expect(errors(result).split('\n').pop()).toBe(
        `Input '${input}' (${value.split(',').join(', ')}) ${says} the template's builds, so a build would build nothing; its builds: file.ok, null.broken`
      )
      expect(result.stdout).not.toContain('The template is valid.')
    }
  )

  it.each([
    ['only', 'file.ok'],
    ['only', 'nope,null.*'],
    ['except', 'file.ok']
  ])('validate passes when %s (%s) leaves a build', async (input, value) => {
    const result = await packer.step({
      files: '__tests__/data/templates/partial-failure',
      inputs: { command: 'validate', 'fmt-check': 'false', [input]: value }
    })
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('The template is valid.')
  })
})

describe('symlinks that packer fmt would follow', () => {
  it('refuses a var-file symlinked from outside that fmt -check -diff would print', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'pia-outside-'))
    // Unformatted, so that the diff would show it.
    writeFileSync(path.join(outside, 'secret.hcl'), 'token="fmt-outside-0123456789"\n')
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    symlinkSync(path.join(outside, 'secret.hcl'), path.join(dirs.workspace, 'extra.pkrvars.hcl'))
    const result = await packer.step({
      dirs,
      files: '__tests__/data/templates/vars',
      inputs: { command: 'validate' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /^Input 'template' names 'extra\.pkrvars\.hcl', which resolves to .*secret\.hcl, outside the workspace \(.*\); /
    )
    expect(result.stdout + result.summary).not.toContain('fmt-outside-0123456789')
  })
})
