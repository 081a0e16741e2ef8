import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse as parseHcl } from '@cdktf/hcl2json'
import { updateTfvars } from '../../src/tfvars/hcl.js'
import type { TfvarsValues } from '../../src/tfvars/values.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../data/tfvars/${name}`, import.meta.url), 'utf8')

/** What Terraform would read: the HashiCorp HCL parser (via hcl2json), not ours. */
const hcl = async (text: string): Promise<Record<string, unknown>> =>
  (await parseHcl('test.tfvars', text)) as Record<string, unknown>

const AMI_A = 'ami-0123456789abcdef0'
const AMI_B = 'ami-0fedcba9876543210'
const AMI_C = 'ami-00aa11bb22cc33dd4'

/** Lines of `before` that `after` kept unchanged at both ends, and the lines in between. */
function lineDiff(
  before: string,
  after: string
): { head: number; tail: number; removed: string[] } {
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail++
  }
  return { head, tail, removed: a.slice(head, a.length - tail) }
}

describe('updateTfvars on a real-world shaped file', () => {
  const original = fixture('production.tfvars')
  const lines = original.split('\n')
  // Top-level attribute lines of the fixture; checked against HashiCorp's parser below so that
  // the round-trip property has a trustworthy notion of "the lines of one variable".
  const attributeLines = lines
    .map((line, index) => ({ name: /^([A-Za-z_][\w-]*)\s*=/.exec(line)?.[1], index }))
    .filter((a): a is { name: string; index: number } => a.name !== undefined)

  it('the fixture is valid HCL and the attribute lines found by regex are exactly its variables', async () => {
    const parsed = await hcl(original)
    expect(attributeLines.map((a) => a.name).sort()).toEqual(Object.keys(parsed).sort())
  })

  it.each(attributeLines.map((a) => a.name))(
    'setting %s changes only its own lines, and Terraform reads the rest unchanged',
    async (name) => {
      const { text, changed } = updateTfvars(original, { [name]: AMI_A })
      expect(changed).toBe(true)
      expect(await hcl(text)).toEqual({ ...(await hcl(original)), [name]: AMI_A })

      const at = attributeLines.findIndex((a) => a.name === name)
      const first = attributeLines[at].index
      const next = attributeLines[at + 1]?.index ?? lines.length
      const { head, tail } = lineDiff(original, text)
      // Everything before the attribute's line and from the next attribute on is byte-equal.
      expect(head).toBeGreaterThanOrEqual(first)
      expect(lines.length - tail).toBeLessThanOrEqual(next)
      const newLine = text.split('\n')[first]
      expect(newLine.startsWith(lines[first].slice(0, lines[first].indexOf('=') + 2))).toBe(true)
    }
  )

  it('keeps the `=` alignment and the trailing comment of the replaced line', () => {
    const { text } = updateTfvars(original, { ami_id: AMI_B, region: 'us-east-2' })
    const after = text.split('\n')
    expect(after).toContain(`ami_id = "${AMI_B}" // replaced by packer-image-action`)
    expect(after).toContain('region        = "us-east-2" # primary region')
    expect(lineDiff(original, text).removed).toEqual([
      'region        = "eu-west-1" # primary region',
      'instance_type = "m6i.large"',
      '',
      'ami_id = "ami-0a1b2c3d4e5f60718" // replaced by packer-image-action'
    ])
  })

  it('writes a map as terraform fmt would: quoted keys, aligned `=`, the file indentation', async () => {
    const amiIds = { 'ap-southeast-2': AMI_A, 'eu-west-1': AMI_B, 'us-east-1': AMI_C }
    const { text } = updateTfvars(original, { ami_ids: amiIds })
    expect(text).toContain(
      [
        'ami_ids = {',
        `  "ap-southeast-2" = "${AMI_A}"`,
        `  "eu-west-1"      = "${AMI_B}"`,
        `  "us-east-1"      = "${AMI_C}"`,
        '}',
        '',
        'availability_zone_names = ['
      ].join('\n')
    )
    expect((await hcl(text)).ami_ids).toEqual(amiIds)
  })

  it('leaves a value that is already equal untouched, even in another layout or key order', () => {
    const same = updateTfvars(original, {
      ami_id: 'ami-0a1b2c3d4e5f60718',
      ami_ids: { 'eu-central-1': 'ami-04d23aca8bdd36e30', 'eu-west-1': 'ami-0f1e2d3c4b5a69788' },
      tags: { CostCenter: 'cc-1234', 'Owner:Key': 'ops=oncall', Team: 'platform' }
    })
    expect(same).toEqual({ text: original, changed: false })
  })

  it('is idempotent: the second run with the same values changes nothing', () => {
    const values: TfvarsValues = {
      ami_ids: { 'us-east-1': AMI_A, 'us-west-2': AMI_B },
      web_ami: AMI_C,
      note: 'a ${literal} with "quotes", %{ directives } and a \\ backslash'
    }
    const first = updateTfvars(original, values)
    expect(first.changed).toBe(true)
    expect(updateTfvars(first.text, values)).toEqual({ text: first.text, changed: false })
  })

  it('appends missing variables after the last line, keeping the final newline', async () => {
    const { text } = updateTfvars(original, {
      web_ami: AMI_A,
      region_amis: { 'us-east-1': AMI_B }
    })
    expect(text.startsWith(original)).toBe(true)
    expect(text.slice(original.length)).toBe(
      `web_ami = "${AMI_A}"\nregion_amis = {\n  "us-east-1" = "${AMI_B}"\n}\n`
    )
    const parsed = await hcl(text)
    expect(parsed.web_ami).toBe(AMI_A)
    expect(parsed.region_amis).toEqual({ 'us-east-1': AMI_B })
  })

  it('does not mistake text inside heredocs, strings or comments for an attribute', () => {
    // The fixture's user_data heredoc contains the line `ami_id = "ami-00000000"`.
    const { text } = updateTfvars(original, { ami_id: AMI_B })
    expect(text).toContain('# this is shell, not HCL: ami_id = "ami-00000000" must stay as it is')
    expect(text.split(AMI_B)).toHaveLength(2)
  })
})

describe('updateTfvars on other files', () => {
  it('keeps CRLF line endings and tab indentation', async () => {
    const original = fixture('windows-crlf.tfvars')
    const values = { ami_id: AMI_A, ami_ids: { 'eu-west-1': AMI_A, 'us-east-1': AMI_B } }
    const { text, changed } = updateTfvars(original, values)
    expect(changed).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(text).toContain(`ami_id  = "${AMI_A}"   # eu-west-1, old-style 8-digit id\r\n`)
    expect(text).toContain(
      `ami_ids = {\r\n\t"eu-west-1" = "${AMI_A}"\r\n\t"us-east-1" = "${AMI_B}"\r\n}\r\n`
    )
    expect(await hcl(text)).toMatchObject(values)
    expect(updateTfvars(text, values).changed).toBe(false)
  })

  it('appends to a file without a final newline without adding one', () => {
    const original = fixture('no-final-newline.tfvars')
    const { text } = updateTfvars(original, { ami_id: AMI_A })
    expect(text).toBe(`${original}\nami_id = "${AMI_A}"`)
  })

  it('creates the content of an empty file', () => {
    expect(updateTfvars('', { ami_id: AMI_A })).toEqual({
      text: `ami_id = "${AMI_A}"\n`,
      changed: true
    })
  })

  it('reads maps with bare keys, commas and colons as equal values', () => {
    const text = `ami_ids = { us-east-1 = "${AMI_A}", "eu-west-1": "${AMI_B}" }\n`
    expect(updateTfvars(text, { ami_ids: { 'eu-west-1': AMI_B, 'us-east-1': AMI_A } })).toEqual({
      text,
      changed: false
    })
  })

  it('replaces a value that is an expression rather than a literal', () => {
    const text = 'ami_id = "${data.aws_ami.web.id}" # set by hand\nami_name = lookup(var.m, "k")\n'
    const { text: out } = updateTfvars(text, { ami_id: AMI_A, ami_name: 'web' })
    expect(out).toBe(`ami_id = "${AMI_A}" # set by hand\nami_name = "web"\n`)
  })

  it('indents a map under an indented attribute and leaves comments before `=` alone', () => {
    const text = '  ami_ids /* per region */ = "old"\n'
    expect(updateTfvars(text, { ami_ids: { 'us-east-1': AMI_A } }).text).toBe(
      `  ami_ids /* per region */ = {\n    "us-east-1" = "${AMI_A}"\n  }\n`
    )
  })

  it('takes the indentation step from real brackets, not from braces inside a heredoc', () => {
    const text = [
      'policy = <<EOT',
      '{',
      '        "Version": "2012-10-17"',
      '}',
      'EOT',
      'tags = {',
      '    Team = "web"',
      '}',
      ''
    ].join('\n')
    expect(updateTfvars(text, { ami_ids: { 'us-east-1': AMI_A } }).text).toBe(
      `${text}ami_ids = {\n    "us-east-1" = "${AMI_A}"\n}\n`
    )
  })

  it.each([
    ['name = "unterminated\nother = 1\n', 'line 1, column 8: unterminated string'],
    ['a = 1\nuser_data = <<EOT\necho hi\nEO\n', 'line 2, column 13: heredoc <<EOT is never closed'],
    ['tags = {\n  a = "b"\n\nami_id = "x"\n', 'line 1, column 8: "{" is never closed'],
    ['list = [1, 2}\n', 'line 1, column 13: "}" does not close the "[" opened at line 1, column 8'],
    ['/* header\nami_id = "x"\n', 'line 1, column 1: unterminated /* comment'],
    ['a = 1\nvariable "x" {\n}\n', 'line 2, column 10: expected "=" after "variable"'],
    ['a = "${x + 1\n', 'line 1, column 6: "${" is never closed'],
    ['a = "${x"\n', 'line 1, column 9: unterminated string'],
    ['a = "\\q"\n', 'line 1, column 6: invalid escape "\\q" in string'],
    ['ami_id = "a"\r\nami_id = "b"\r\n', 'line 2, column 1: "ami_id" is already set on line 1'],
    ['ami_id =\n', 'line 1, column 1: "ami_id" has no value after "="'],
    ['"s3cr3t-password"\n', 'line 1, column 1: expected a variable name, found a quoted string']
  ])('refuses a file that does not parse, saying where: %j', (text, message) => {
    expect(() => updateTfvars(text, { ami_id: AMI_A })).toThrow(
      `The tfvars file does not parse: ${message}`
    )
  })

  it('refuses a variable name that is not a Terraform identifier', () => {
    expect(() => updateTfvars('', { 'ami id': AMI_A })).toThrow(
      '"ami id" is not a valid Terraform variable name'
    )
  })
})
