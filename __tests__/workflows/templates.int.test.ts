/**
 * The templates users copy: the Packer templates pass `packer validate` with Packer 1.9.4 (built by
 * `.ci/tools`, with only the plugins bundled into it),
 * the Terraform harness parses as HCL and declares what inspec-test.yml feeds it, and the InSpec
 * profile has the metadata InSpec requires and Ruby that compiles.
 */
import { describe, expect, it } from '@jest/globals'
import { convertFiles, parse as parse_hcl } from '@cdktf/hcl2json'
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { tool } from '../support/tools.js'
import { readWorkflowFile, ROOT } from './files.js'

const run = promisify(execFile)
const PACKER = tool('packer')
/** An empty plugin directory: no plugin installed on this machine changes what is validated. */
const PLUGINS = mkdtempSync(path.join(tmpdir(), 'pia-no-plugins-'))
/** Packer 1.9's warning for a template without required_plugins that uses a bundled plugin. */
const BUNDLED_PLUGINS_WARNING =
  /^Warning: Bundled plugins used\n\nThis template relies on the use of plugins bundled into the Packer binary\.\n[\s\S]*?\nThen run 'packer init' to manage installation of the plugins\n\n\n/
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
      env: { ...process.env, CHECKPOINT_DISABLE: '1', PACKER_PLUGIN_PATH: PLUGINS }
    })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

describe('Packer templates', () => {
  // A full validate, not -syntax-only: it runs each builder's own checks (required settings,
  // source image choice) and none of them needs cloud credentials or the network.
  it.each(['aws', 'multi-cloud', 'docker'])(
    'templates/packer/%s passes packer validate and fmt -check with Packer 1.9.4',
    async (folder) => {
      const cwd = path.join(ROOT, 'templates/packer', folder)
      const { code, output } = await exec(PACKER, ['validate', '.'], cwd)
      // The templates leave required_plugins out so that they validate with Packer 1.6.6 too, so
      // 1.9.4 warns that they use its bundled plugins; nothing else may be said.
      expect({ code, output: output.replace(BUNDLED_PLUGINS_WARNING, '') }).toEqual({
        code: 0,
        output: 'The configuration is valid.\n'
      })
      expect((await exec(PACKER, ['fmt', '-check', '.'], cwd)).code).toBe(0)
    }
  )

  it('validation is real: a missing required setting fails', async () => {
    // The AMI template without its source image filter is a template amazon-ebs cannot build.
    const dir = mkdtempSync(path.join(tmpdir(), 'pia-packer-'))
    try {
      const text = readFileSync(path.join(ROOT, 'templates/packer/aws/aws.pkr.hcl'), 'utf8')
      const broken = text.replace(/ {2}source_ami_filter \{[\s\S]*?\n {2}\}\n/, '')
      expect(broken).not.toBe(text)
      writeFileSync(path.join(dir, 'aws.pkr.hcl'), broken)
      const result = await exec(PACKER, ['validate', '.'], dir)
      expect(result.code).not.toBe(0)
      expect(result.output).toMatch(/source_ami/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(['aws', 'multi-cloud', 'docker'])(
    'templates/packer/%s writes a manifest with the version and commit',
    (folder) => {
      const dir = path.join(ROOT, 'templates/packer', folder)
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
