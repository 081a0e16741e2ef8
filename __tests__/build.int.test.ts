/** `command: build` end to end: the committed dist/ on Node 24 running the real Packer 1.9.4. */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { MIRROR_VERSION } from './support/mirror.js'
import { installPackerOnce, type PackerFixture } from './support/packer.js'
import { createRunnerDirs, errors, FAKE_GITHUB_TOKEN, ROOT, startStep } from './support/runner.js'

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
    // The example declares no required_plugins, so there is nothing for packer init to do.
    expect(result.stdout).toContain('Skipping packer init: no template declares required_plugins')
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
    // The job summary: the outcome, a row per build, and the file the file builder wrote.
    expect(result.summary).toContain('### Packer build: ✓ succeeded')
    expect(result.summary).toMatch(/\| file\.greeting \| file \| ✓ succeeded \|/)
    expect(result.summary).toMatch(/\| null\.smoke \| null \| ✓ succeeded \|/)
    expect(result.summary).toContain('<code>output/greeting.txt</code>')
    expect(result.summary).toMatch(/\| 1\.9\.4 \| <code>\.<\/code> \| \d+s \|/)
  })

  it('writes no job summary when summary is false', async () => {
    const result = await packer.step({
      files: 'templates/packer/example',
      inputs: { summary: 'false' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.summary).toBe('')
  })
})

describe('variables', () => {
  const hostile = `a"b'c \`id\` $(id) \${x} %{y} \\\\n = é ✓ ; rm -rf / #`

  it('passes values byte for byte, and no secret reaches the log, summary or outputs', async () => {
    const secret = 'Sup3r,S3cret=value$(id)'
    const result = await packer.step({
      files: '__tests__/data/templates/vars',
      inputs: {
        variables: `plain=${hostile}\n`,
        'sensitive-variables': `secret=${secret}`
      }
    })
    expect(result.annotations.filter((a) => a.level === 'error')).toEqual([])
    expect(readFileSync(path.join(result.dirs.workspace, 'out/plain.txt'), 'utf8')).toBe(hostile)
    expect(readFileSync(path.join(result.dirs.workspace, 'out/secret.txt'), 'utf8')).toBe(secret)
    const everything = [
      result.stdout,
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs)
    ].join('\n')
    for (const form of [secret, secret.replace(/,/g, '%!(PACKER_COMMA)'), FAKE_GITHUB_TOKEN]) {
      expect(everything.split(form).length - 1).toBe(
        form === secret || form === FAKE_GITHUB_TOKEN ? countMasks(result.stdout, form) : 0
      )
    }
    // The secret is registered with the runner, and never on Packer's command line.
    expect(result.stdout).toContain(`::add-mask::${secret}`)
    const command = result.stdout
      .split('\n')
      .find((l) => l.includes('[command]') && l.includes(' build '))
    expect(command).toMatch(/-var-file=\S+sensitive\.pkrvars\.json/)
    expect(command).not.toContain('S3cret')
    // The temporary var-file is gone.
    expect(readdirSync(result.dirs.temp).filter((f) => f.startsWith('packer-vars-'))).toEqual([])
  })

  it('keeps a secret out of the summary even when Packer prints it in an error', async () => {
    // Characters that escaping for the summary would change (`_`, `*`) and a comma, which Packer
    // escapes in machine-readable output.
    const secret = 'leak_me*now,please'
    const result = await packer.step({
      files: '__tests__/data/templates/secret-error',
      inputs: { 'sensitive-variables': `secret=${secret}` }
    })
    expect(result.exitCode).toBe(1)
    expect(result.summary).toContain('### Packer build: ✗ failed')
    expect(result.summary).toContain('no-such-&#42;&#42;&#42;.txt')
    expect(errors(result)).toContain('no-such-***.txt')
    expect(countMasks(result.stdout, secret)).toBe(1)
    // Apart from the runner's own mask command, no form of the value anywhere.
    const everything = [
      result.stdout.replace(`::add-mask::${secret}\n`, ''),
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs)
    ].join('\n')
    for (const form of ['leak_me', 'leak&#95;me', 'now%!(PACKER_COMMA)please', 'now,please']) {
      expect(everything).not.toContain(form)
    }
  })

  it('keeps the github-token from the build and its scripts, and never prints it', async () => {
    // The token is for packer init's plugin downloads (this template requires no plugin, so init
    // is skipped; the environment init gets is unit-tested in args.test.ts).
    const result = await packer.step({ files: '__tests__/data/templates/token' })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toMatch(/plugin token:$/m)
    expect(result.stdout).toContain(`::add-mask::${FAKE_GITHUB_TOKEN}`)
    const elsewhere = [
      result.stdout.replace(`::add-mask::${FAKE_GITHUB_TOKEN}\n`, ''),
      result.stderr,
      result.summary,
      JSON.stringify(result.outputs)
    ].join('\n')
    expect(elsewhere).not.toContain(FAKE_GITHUB_TOKEN)
  })

  it.each([
    [
      'secret=x\ntopsecretvalue',
      "Input 'sensitive-variables', line 2: expected name=value, found no '='",
      'topsecretvalue'
    ],
    [
      'abc+/def==',
      "Input 'sensitive-variables', line 1: the text before the first = (not shown, as the line may be a secret) is not a variable name (letters, digits, _ and -, not starting with a digit)",
      'abc+/def'
    ]
  ])(
    'refuses a sensitive line that is not name=value without showing it: %j',
    async (line, error, hidden) => {
      const result = await packer.step({
        files: '__tests__/data/templates/vars',
        inputs: { 'sensitive-variables': line }
      })
      expect(result.exitCode).toBe(1)
      expect(errors(result)).toBe(error)
      expect(result.stdout + result.stderr).not.toContain(hidden)
    }
  )

  it('warns of a value that starts with white space, as `name = value` gives', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/vars',
      inputs: { variables: 'plain = x\nsecret=y', 'fmt-check': 'false' }
    })
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    const warnings = result.annotations.filter((a) => a.level === 'warning').map((a) => a.message)
    expect(warnings).toContain(
      "Variable 'plain' in 'variables' starts with white space, which Packer gets as part of the value (' x'); write plain=x if that is not meant"
    )
    expect(warnings.filter((w) => w.includes("'secret'"))).toEqual([])
  })
})

describe('workflow commands', () => {
  it('takes nothing a provisioner prints for a workflow command', async () => {
    const result = await packer.step({ files: '__tests__/data/templates/commands' })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('output with ##[error]a legacy command in it')
    expect(result.annotations.filter((a) => a.level !== 'debug')).toEqual([])
    expect(result.outputs['ami-id']).toBe('')
  })

  it('takes no line of a template that the fmt diff shows for a workflow command', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/commands',
      inputs: { command: 'validate' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(' ::error file=README.md,line=1::a line of the template')
    expect(
      result.annotations.filter((a) => a.level !== 'debug').map((a) => a.properties.file)
    ).toEqual(['commands.pkr.hcl'])
    expect(errors(result)).not.toContain('a line of the template')
  })
})

describe('workflow commands in inputs', () => {
  it('takes no variable value that the command line shows for a workflow command', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/vars',
      inputs: {
        variables: 'plain=x ##[set-output name=injected;]yes\nsecret=y ##[error]injected annotation'
      }
    })
    expect(errors(result)).toBe('')
    expect(result.exitCode).toBe(0)
    // The value is printed, as given, in the [command] lines of validate and build.
    expect(result.stdout).toContain('plain=x ##[set-output name=injected;]yes')
    expect(result.outputs.injected).toBeUndefined()
    expect(result.annotations.filter((a) => a.level !== 'debug')).toEqual([])
  })
})

describe('template paths', () => {
  it.each(['-x.pkr.hcl', '-dir'])(
    'gives a template named %s to Packer as a path, not a flag',
    async (name) => {
      const dirs = createRunnerDirs(undefined, packer.toolCache)
      const source =
        'source "null" "dash" {\n  communicator = "none"\n}\n\nbuild {\n  sources = ["source.null.dash"]\n}\n'
      if (name.endsWith('.pkr.hcl')) writeFileSync(path.join(dirs.workspace, name), source)
      else {
        mkdirSync(path.join(dirs.workspace, name))
        writeFileSync(path.join(dirs.workspace, name, 'main.pkr.hcl'), source)
      }
      const result = await packer.step({ dirs, inputs: { command: 'validate', template: name } })
      expect(errors(result)).toBe('')
      expect(result.exitCode).toBe(0)
      expect(result.stdout).toContain(` ./${name}\n`)
    }
  )
})

describe('failures', () => {
  it('builds nothing when one source of the template is invalid', async () => {
    const result = await packer.step({ files: '__tests__/data/templates/half-invalid' })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(/packer validate failed/)
    expect(errors(result)).toMatch(/target/)
    expect(result.stdout).not.toContain('the valid build ran')
    expect(result.summary).toContain('### Packer build: ✗ failed')
    // No image, in outputs that a later `if: always()` step can still read with fromJSON.
    expect(result.outputs).toMatchObject({ 'ami-id': '', 'ami-ids': '{}', artifacts: '[]' })
    expect(result.outputs.manifest).toBeUndefined()
  })

  it('annotates an HCL error at its file and line, relative to the repository', async () => {
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    cpSync(
      path.join(ROOT, '__tests__/data/templates/hcl-error'),
      path.join(dirs.workspace, 'images'),
      { recursive: true }
    )
    const result = await packer.step({ dirs, inputs: { 'working-directory': 'images' } })
    expect(result.exitCode).toBe(1)
    const annotation = result.annotations.find((a) => a.level === 'error' && a.properties.file)
    expect(annotation?.properties).toMatchObject({ file: 'images/main.pkr.hcl', line: '8' })
    expect(annotation?.message).toContain('no_such')
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.summary).toContain('### Packer build: ✗ failed')
    expect(result.summary).toContain('<code>images/main.pkr.hcl:8</code>')
  })

  it('passes validate with a warning annotation and lists the warning in the summary', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/warning',
      inputs: { command: 'validate', 'var-files': 'extra.pkrvars.hcl' }
    })
    expect(result.exitCode).toBe(0)
    const warnings = result.annotations.filter((a) => a.level === 'warning')
    expect(warnings.map((w) => w.message).join('\n')).toContain(
      'The variable "undeclared_setting" was set but was not declared as an input variable.'
    )
    expect(result.summary).toContain('### Packer validate: ✓ succeeded')
    expect(result.summary).toMatch(/\| warning \|.*Undefined variable/)
  })

  it('fails validate on an unformatted template, with an annotation per file', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/unformatted',
      inputs: { command: 'validate' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        properties: expect.objectContaining({ file: 'main.pkr.hcl' })
      })
    )
    expect(errors(result)).toMatch(/1 file\(s\) are not formatted: main\.pkr\.hcl/)
    expect(result.stdout).toContain('communicator =    "none"')
  })

  it('rewrites the files with fmt-check false, and names them in the log and the summary', async () => {
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    cpSync(
      path.join(ROOT, '__tests__/data/templates/unformatted'),
      path.join(dirs.workspace, 'img'),
      {
        recursive: true
      }
    )
    const inputs = { command: 'fmt', 'fmt-check': 'false', 'working-directory': 'img' }
    const first = await packer.step({ dirs, inputs })
    expect(errors(first)).toBe('')
    expect(first.exitCode).toBe(0)
    expect(first.stdout).toContain('packer fmt rewrote 1 file(s): img/main.pkr.hcl')
    expect(first.summary).toContain('#### Formatted')
    expect(first.summary).toContain('| <code>img/main.pkr.hcl</code> |')
    expect(readFileSync(path.join(dirs.workspace, 'img/main.pkr.hcl'), 'utf8')).not.toContain(
      'communicator =    "none"'
    )
    const again = await packer.step({ dirs, inputs })
    expect(again.stdout).toContain('packer fmt found every file formatted already')
    expect(again.summary).toContain('No builds and no findings.')
  })

  it('checks the formatting of nested folders too (packer fmt -recursive)', async () => {
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    cpSync(path.join(ROOT, '__tests__/data/templates/unformatted'), dirs.workspace, {
      recursive: true
    })
    mkdirSync(path.join(dirs.workspace, 'vars'))
    writeFileSync(path.join(dirs.workspace, 'vars/prod.pkrvars.hcl'), 'region="eu-west-1"\n')
    const result = await packer.step({ dirs, inputs: { command: 'validate' } })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /2 file\(s\) are not formatted: main\.pkr\.hcl, vars\/prod\.pkrvars\.hcl/
    )
    expect(result.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        properties: expect.objectContaining({ file: 'vars/prod.pkrvars.hcl', line: '1' })
      })
    )
    expect(result.stdout).toContain('+region = "eu-west-1"')
  })

  it('sets the outputs of the build that succeeded, then fails the step', async () => {
    const result = await packer.step({ files: '__tests__/data/templates/partial-failure' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['exit-code']).not.toBe('0')
    const artifacts = JSON.parse(result.outputs.artifacts)
    expect(artifacts.map((a: { build: string }) => a.build)).toEqual(['file.ok'])
    expect(errors(result)).toMatch(/1 of 2 build\(s\) failed: null\.broken/)
  })

  it('refuses on-error=ask before installing anything', async () => {
    const result = await packer.step({
      files: 'templates/packer/example',
      inputs: { 'on-error': 'ask' }
    })
    expect(result.exitCode).toBe(1)
    expect(errors(result)).toMatch(
      /'ask', which waits for an answer on a terminal and would hang the job/
    )
  })

  it('refuses a missing template and a missing var-file', async () => {
    const missing = await packer.step({ inputs: { template: 'nope.pkr.hcl' } })
    expect(errors(missing)).toMatch(/^Input 'template' is 'nope\.pkr\.hcl', which does not exist/)
    const noVarFile = await packer.step({
      files: 'templates/packer/example',
      inputs: { 'var-files': 'prod.pkrvars.hcl' }
    })
    expect(errors(noVarFile)).toMatch(
      /^Input 'var-files' names 'prod\.pkrvars\.hcl', which is not a file/
    )
  })
})

describe('templates and selection', () => {
  it('validates and builds an HCL2 template in JSON syntax, without packer fmt', async () => {
    const validated = await packer.step({
      files: '__tests__/data/templates/json-syntax',
      inputs: { command: 'validate' }
    })
    expect(validated.exitCode).toBe(0)
    expect(validated.stdout).toContain(
      'packer fmt skipped: the folder holds .pkr.json templates only, no HCL files'
    )
    const file = await packer.step({
      files: '__tests__/data/templates/json-syntax',
      inputs: { command: 'validate', template: 'main.pkr.json' }
    })
    expect(file.exitCode).toBe(0)
    expect(file.stdout).toContain('packer fmt skipped: main.pkr.json is HCL2 in JSON syntax')
    const built = await packer.step({ files: '__tests__/data/templates/json-syntax' })
    expect(built.exitCode).toBe(0)
    expect(built.stdout).toContain('built from JSON syntax')
  })

  it('builds a legacy JSON template', async () => {
    const result = await packer.step({
      files: '__tests__/data/templates/legacy',
      inputs: { template: 'template.json', variables: 'greeting=hi there' }
    })
    expect(result.exitCode).toBe(0)
    expect(readFileSync(path.join(result.dirs.workspace, 'out/legacy.txt'), 'utf8')).toBe(
      'hi there'
    )
    expect(
      JSON.parse(result.outputs.artifacts)
        .map((a: { build: string }) => a.build)
        .sort()
      // Packer 1.9 names a JSON template's builds type.name, as it does HCL2 sources.
    ).toEqual(['file.legacy-file', 'null.legacy-null'])
  })

  it('builds only what only names, and all but what except names', async () => {
    const only = await packer.step({
      files: 'templates/packer/example',
      inputs: { only: 'null.smoke' }
    })
    expect(JSON.parse(only.outputs.artifacts).map((a: { build: string }) => a.build)).toEqual([
      'null.smoke'
    ])
    const except = await packer.step({
      files: 'templates/packer/example',
      inputs: { except: 'null.smoke' }
    })
    expect(JSON.parse(except.outputs.artifacts).map((a: { build: string }) => a.build)).toEqual([
      'file.greeting'
    ])
  })
})

describe('cancellation', () => {
  it('passes the first SIGINT on to Packer, which cleans up; nothing is left running', async () => {
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    cpSync(path.join(ROOT, '__tests__/data/templates/slow'), dirs.workspace, { recursive: true })
    const step = startStep({
      dirs,
      inputs: { 'packer-version': MIRROR_VERSION, 'releases-url': 'http://127.0.0.1:9' }
    })
    await step.waitForOutput('provisioner-started')
    step.child.kill('SIGINT')
    const result = await step.done
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('Cleanly cancelled builds')
    expect(errors(result)).toMatch(/^Cancelled: packer build was cancelled/m)
    expect(result.stdout).not.toContain('provisioner-finished')
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(packer.toolCache) || l.includes('sleep 127'))
    expect(left).toEqual([])
  })
})

/** How often a value appears inside the runner's own `::add-mask::` commands, the one place it may. */
function countMasks(stdout: string, value: string): number {
  return stdout.split('\n').filter((l) => l === `::add-mask::${value}`).length
}
