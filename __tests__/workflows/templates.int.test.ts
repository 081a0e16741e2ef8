/**
 * The templates users copy: the aws and docker Packer templates pass a full `packer validate`
 * through the committed dist/ on Node 24 with Packer 1.9.4 (built by `.ci/tools`), the action
 * installing the official plugins they require (amazon 1.2.9, docker 1.0.8) verified from a release
 * mirror on 127.0.0.1; the Terraform harness parses as HCL and declares what inspec-test.yml feeds
 * it, and the InSpec profile has the metadata InSpec requires and Ruby that compiles.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { convertFiles, parse as parse_hcl } from '@cdktf/hcl2json'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import {
  createSigningKey,
  PLUGINS,
  startMirror,
  startTrapProxy,
  type ReleaseMirror,
  type SigningKey
} from '../support/mirror.js'
import { installPackerOnce, type PackerFixture } from '../support/packer.js'
import { createRunnerDirs, type Annotation } from '../support/runner.js'
import { tool } from '../support/tools.js'
import { readWorkflowFile, ROOT } from './files.js'

const run = promisify(execFile)
const PACKER = tool('packer')
/** An empty plugin directory: no plugin installed on this machine changes what is checked. */
const NO_PLUGINS = mkdtempSync(path.join(tmpdir(), 'pia-no-plugins-'))
const TEMPLATES = path.join(ROOT, 'templates/packer')
const HARNESS = path.join(ROOT, 'templates/terraform/image-test')
const PROFILE = path.join(ROOT, 'templates/inspec')

function which(tool: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, tool)
    if (dir && existsSync(candidate)) return candidate
  }
  return undefined
}

async function exec(file: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PACKER_PLUGIN_PATH: NO_PLUGINS }
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

/** The errors and warnings the step annotated. */
function problems(annotations: Annotation[]): string[] {
  return annotations
    .filter((a) => a.level === 'error' || a.level === 'warning')
    .map((a) => `${a.level}: ${a.message}`)
}

/** A template's text with `cut` taken out; throws when it is not there to take out. */
function without(text: string, cut: RegExp, what: string): string {
  const out = text.replace(cut, '')
  if (out === text) throw new Error(`${what} is not in the template any more: update this test`)
  return out
}

describe('Packer templates', () => {
  let packer: PackerFixture
  let key: SigningKey
  let mirror: ReleaseMirror
  let trap: Awaited<ReturnType<typeof startTrapProxy>>

  beforeAll(async () => {
    ;[packer, key, trap] = await Promise.all([
      installPackerOnce(),
      createSigningKey(),
      startTrapProxy()
    ])
    mirror = await startMirror({ signWith: key, plugins: true })
  })

  afterAll(async () => {
    await Promise.all([mirror?.close(), trap?.close()])
  })

  /**
   * `command: validate` (packer init, fmt -check, a full packer validate) through the action, on a
   * workspace holding `files` (a folder of the repository) or the files `write` puts there, with
   * the mirror as releases-url and a fresh plugin directory. Anything that tried to reach GitHub or
   * HashiCorp would go through the trap proxy.
   */
  async function validate(source: { files: string } | { write: Record<string, string> }) {
    const dirs = createRunnerDirs(undefined, packer.toolCache)
    if ('write' in source)
      for (const [name, text] of Object.entries(source.write))
        writeFileSync(path.join(dirs.workspace, name), text)
    const pluginDir = mkdtempSync(path.join(tmpdir(), 'pia-plugins-'))
    const attemptsBefore = trap.attempts.length
    const requestsBefore = mirror.paths().length
    const result = await packer
      .step({
        dirs,
        files: 'files' in source ? source.files : undefined,
        inputs: {
          command: 'validate',
          'fmt-check': 'true',
          'releases-url': mirror.url,
          'releases-signing-key': key.armoredPublic
        },
        env: {
          PACKER_PLUGIN_PATH: pluginDir,
          https_proxy: trap.url,
          HTTPS_PROXY: trap.url,
          http_proxy: trap.url,
          HTTP_PROXY: trap.url,
          NO_PROXY: '127.0.0.1',
          no_proxy: '127.0.0.1'
        }
      })
      .finally(() => rmSync(pluginDir, { recursive: true, force: true }))
    rmSync(dirs.root, { recursive: true, force: true })
    return {
      ...result,
      problems: problems(result.annotations),
      trapped: trap.attempts.slice(attemptsBefore),
      /** The plugins the action fetched from the mirror for this step. */
      fetched: [
        ...new Set(
          mirror
            .paths()
            .slice(requestsBefore)
            .map((p) => /^\/packer-plugin-([a-z]+)\//.exec(p)?.[1])
            .filter(Boolean)
        )
      ].sort()
    }
  }

  // A full validate, not -syntax-only: each builder's own checks run (required settings, the
  // source image choice, metadata_options, imds_support), in the plugin version the template
  // requires, and none of them needs cloud credentials or the network.
  it.each([
    ['aws', ['amazon']],
    ['docker', ['docker']]
  ] as const)(
    "templates/packer/%s passes the action's validate with the official plugins it requires, installed verified",
    async (folder, plugins) => {
      const result = await validate({ files: `templates/packer/${folder}` })
      expect(result.problems).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.fetched).toEqual(plugins)
      for (const plugin of plugins)
        expect(result.stdout).toContain(
          `${PLUGINS[plugin].source} ${PLUGINS[plugin].version}: installed from releases-url, signature and checksum verified`
        )
      // Packer loaded the installed plugins, not the ones built into it.
      expect(result.stdout + result.stderr).not.toMatch(/Bundled plugins used/)
      expect(result.stdout).toContain('The template is valid.')
      expect(result.trapped).toEqual([])
    }
  )

  it('validation is real: a missing required setting fails', async () => {
    // The AMI template without its source image filter is a template amazon-ebs cannot build.
    const text = readFileSync(path.join(TEMPLATES, 'aws/aws.pkr.hcl'), 'utf8')
    const broken = without(text, / {2}source_ami_filter \{[\s\S]*?\n {2}\}\n/, 'source_ami_filter')
    const result = await validate({ write: { 'aws.pkr.hcl': broken } })
    expect(result.exitCode).toBe(1)
    expect(result.fetched).toEqual(['amazon'])
    expect(result.problems.join('\n')).toMatch(/source_ami/)
  })

  // azure and googlecompute are not built here, and `packer validate` refuses a template whose
  // required plugins are not all installed: the whole template gets the syntax check and fmt, and
  // its amazon-ebs source the full validate, with the Azure and Google Cloud parts cut out.
  it('templates/packer/multi-cloud passes packer validate -syntax-only and fmt -check with Packer 1.9.4', async () => {
    const cwd = path.join(TEMPLATES, 'multi-cloud')
    expect(await exec(PACKER, ['validate', '-syntax-only', '.'], cwd)).toEqual({
      code: 0,
      output: 'Syntax-only check passed. Everything looks okay.\n'
    })
    expect(await exec(PACKER, ['fmt', '-check', '.'], cwd)).toEqual({ code: 0, output: '' })
  })

  it('the syntax check is real: a block left open in multi-cloud is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-packer-'))
    const text = readFileSync(path.join(TEMPLATES, 'multi-cloud/multi-cloud.pkr.hcl'), 'utf8')
    writeFileSync(path.join(dir, 'multi-cloud.pkr.hcl'), without(text, /\n\}\n$/, 'the last brace'))
    const result = await exec(PACKER, ['validate', '-syntax-only', '.'], dir).finally(() =>
      rmSync(dir, { recursive: true, force: true })
    )
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(/Unclosed configuration block/)
  })

  it("templates/packer/multi-cloud's amazon-ebs source passes the action's validate without the Azure and Google Cloud parts", async () => {
    let text = readFileSync(path.join(TEMPLATES, 'multi-cloud/multi-cloud.pkr.hcl'), 'utf8')
    for (const plugin of ['azure', 'googlecompute'])
      text = without(text, new RegExp(`\\n {4}${plugin} = \\{\\n[\\s\\S]*?\\n {4}\\}`), plugin)
    for (const type of ['azure-arm', 'googlecompute']) {
      text = without(
        text,
        new RegExp(`\\nsource "${type}" "ubuntu" \\{\\n[\\s\\S]*?\\n\\}\\n`),
        type
      )
      text = without(text, new RegExp(`\\n {4}"source\\.${type}\\.ubuntu",`), `source.${type}`)
    }
    text = without(
      text,
      /\n {2}provisioner "shell" \{\n {4}only {3}= \["azure-arm\.ubuntu"\][\s\S]*?\n {2}\}\n/,
      'the Azure-only provisioner'
    )
    expect(text).toContain('source "amazon-ebs" "ubuntu"')
    const result = await validate({ write: { 'multi-cloud.pkr.hcl': text } })
    expect(result.problems).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.fetched).toEqual(['amazon'])
    expect(result.stdout).toContain('The template is valid.')
  })

  it.each(['aws', 'multi-cloud', 'docker'])(
    'templates/packer/%s writes a manifest with the version and commit',
    (folder) => {
      const dir = path.join(TEMPLATES, folder)
      const text = readdirSync(dir)
        .map((name) => readFileSync(path.join(dir, name), 'utf8'))
        .join('\n')
      expect(text).toMatch(
        /post-processor "manifest" \{[^}]*custom_data = \{\s*version = var\.version\s*commit\s+= var\.commit/
      )
    }
  )
})

describe('Terraform test harness', () => {
  interface Harness {
    resource: Record<string, Record<string, Record<string, unknown>[]>>
    output: Record<string, unknown>
    variable: Record<string, { default?: unknown }[]>
  }
  const files = readdirSync(HARNESS).filter((name) => name.endsWith('.tf'))

  it.each(files)('%s parses as HCL', async (name) => {
    const parsed = await parse_hcl(name, readFileSync(path.join(HARNESS, name), 'utf8'))
    expect(Object.keys(parsed).length).toBeGreaterThan(0)
  })

  it('the parser is real: a block left open is refused', async () => {
    await expect(
      parse_hcl('broken.tf', 'resource "aws_instance" "test" {\n  ami = "x"\n')
    ).rejects.toBeDefined()
  })

  it('opens SSH only to one address, uses the given public key and outputs what the workflow reads', async () => {
    const tf = (await convertFiles(HARNESS)) as Harness
    const sg = tf.resource.aws_security_group.test[0] as { ingress: unknown[] }
    expect(sg.ingress).toEqual([
      expect.objectContaining({
        from_port: '${var.ssh_port}',
        to_port: '${var.ssh_port}',
        protocol: 'tcp',
        cidr_blocks: ['${var.allowed_cidr}']
      })
    ])
    expect(tf.resource.aws_key_pair.test[0].public_key).toBe('${var.public_key}')
    expect(Object.keys(tf.output).sort()).toEqual(['instance_id', 'public_ip'])
    expect(JSON.stringify(tf.variable.allowed_cidr)).toContain(
      'endswith(var.allowed_cidr, \\"/32\\")'
    )
  })

  it('declares every variable inspec-test.yml sets, and needs no other', async () => {
    const tf = (await convertFiles(HARNESS)) as Harness
    const variables = tf.variable
    const { doc } = readWorkflowFile(
      path.join(ROOT, '.github/workflows/inspec-test.yml'),
      'inspec-test.yml'
    )
    const apply = (doc.jobs.test.steps ?? []).find((step) => step.id === 'apply')
    const set = new Set([
      ...Object.keys(apply?.env ?? {})
        .filter((name) => name.startsWith('TF_VAR_'))
        .map((name) => name.slice('TF_VAR_'.length)),
      ...[...(apply?.run ?? '').matchAll(/export TF_VAR_(\w+)=/g)].map((m) => m[1])
    ])
    expect(set.size).toBeGreaterThan(3)
    for (const name of set) expect(Object.keys(variables)).toContain(name)
    const required = Object.entries(variables)
      .filter(([, [spec]]) => spec.default === undefined)
      .map(([name]) => name)
    expect([...set]).toEqual(expect.arrayContaining(required))
  })

  it('is formatted as terraform fmt writes it (when terraform is installed)', async () => {
    const terraform = which('terraform')
    if (!terraform) {
      console.log('terraform is not installed: skipping terraform fmt -check')
      return
    }
    expect((await exec(terraform, ['fmt', '-check', '-diff', '.'], HARNESS)).code).toBe(0)
  })
})

describe('InSpec profile', () => {
  const metadata = parse(readFileSync(path.join(PROFILE, 'inspec.yml'), 'utf8')) as Record<
    string,
    unknown
  >
  const controls = readdirSync(path.join(PROFILE, 'controls')).filter((name) =>
    name.endsWith('.rb')
  )

  it('has the metadata InSpec requires and a semantic version', () => {
    for (const key of ['name', 'title', 'maintainer', 'summary', 'license', 'version', 'supports'])
      expect({ key, present: Boolean(metadata[key]) }).toEqual({ key, present: true })
    expect(metadata.name).toMatch(/^[a-z0-9-]+$/)
    expect(metadata.version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Array.isArray(metadata.supports)).toBe(true)
  })

  it('has controls for packages, services, ports and sshd', () => {
    expect(controls.sort()).toEqual(['packages.rb', 'ports.rb', 'services.rb', 'sshd.rb'])
  })

  it('declares every input the controls read', () => {
    const declared = (metadata.inputs as { name: string }[]).map((input) => input.name)
    for (const name of controls) {
      const text = readFileSync(path.join(PROFILE, 'controls', name), 'utf8')
      for (const m of text.matchAll(/input\('(\w+)'\)/g)) expect(declared).toContain(m[1])
    }
  })

  it('has Ruby that compiles (when ruby is installed)', async () => {
    const ruby = which('ruby')
    if (!ruby) {
      console.log('ruby is not installed: skipping ruby -c of the InSpec controls')
      return
    }
    for (const name of controls) {
      const result = await exec(ruby, ['-c', path.join('controls', name)], PROFILE)
      expect({ name, ...result }).toEqual({ name, code: 0, output: 'Syntax OK\n' })
    }
  })
})
