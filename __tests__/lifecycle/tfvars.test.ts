import { readFileSync } from 'node:fs'
import { describe, expect, it } from '@jest/globals'
import { parse as parseHcl } from '@cdktf/hcl2json'
import {
  parseAmiIds,
  parseTfvarsMapping,
  selectTfvarsValues,
  updateTfvars,
  updateTfvarsJson,
  type TfvarsValues
} from '../../src/lifecycle/tfvars.js'

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

describe('parseTfvarsMapping', () => {
  it('reads variable=build and variable=build:region lines, skipping blanks and comments', () => {
    const text = [
      '# which AMI goes where',
      'web_ami = amazon-ebs.web',
      '',
      '  worker_ami_us=amazon-ebs.worker:us-east-1  ',
      'legacy-name = my-build.amazon-ebs.x:eu-west-1\r',
      ''
    ].join('\n')
    expect(parseTfvarsMapping(text)).toEqual([
      { variable: 'web_ami', build: 'amazon-ebs.web', line: 2 },
      { variable: 'worker_ami_us', build: 'amazon-ebs.worker', region: 'us-east-1', line: 4 },
      { variable: 'legacy-name', build: 'my-build.amazon-ebs.x', region: 'eu-west-1', line: 5 }
    ])
  })

  it.each([
    ['ami_id amazon-ebs.web', /line 1 \("ami_id amazon-ebs.web"\): expected "variable=build"/],
    ['1ami=amazon-ebs.web', /line 1: "1ami" is not a valid Terraform variable name/],
    ['ami id=amazon-ebs.web', /"ami id" is not a valid Terraform variable name/],
    ['=amazon-ebs.web', /"" is not a valid Terraform variable name/],
    ['ami_id=', /line 1 .*non-empty build/],
    ['ami_id=amazon-ebs.web:', /non-empty build and region/],
    ['a=x\n\nb=y\na=z', /line 4: variable "a" is already mapped on line 1/]
  ])('refuses %j', (text, message) => {
    expect(() => parseTfvarsMapping(text)).toThrow(message)
  })
})

describe('parseAmiIds', () => {
  it('reads the build step output, accepting 8- and 17-digit ids', () => {
    const json = JSON.stringify({
      'amazon-ebs.web': { 'us-east-1': AMI_A, 'eu-west-1': 'ami-fa43559c' }
    })
    expect(parseAmiIds(json)).toEqual({
      'amazon-ebs.web': { 'us-east-1': AMI_A, 'eu-west-1': 'ami-fa43559c' }
    })
  })

  it.each([
    [
      '{"b": {"us-east-1": "ami-0ABC0123456789DEF"}}',
      /"ami-0ABC0123456789DEF" \(build "b", region "us-east-1"\) is not an AMI id; expected "ami-" followed by 8 or 17/
    ],
    ['{"b": {"us-east-1": "ami-0abc"}}', /"ami-0abc" .* is not an AMI id/],
    ['{"b": {"us-east-1": "snap-0123456789abcdef0"}}', /"snap-0123456789abcdef0"/],
    ['{"b": {"us-east-1": 12}}', /12 \(build "b"/],
    ['{"b": "ami-0123456789abcdef0"}', /value of build "b" must be an object/],
    ['["ami-0123456789abcdef0"]', /must be a JSON object/],
    ['{"b": {"us-east-1": ', /ami-ids is not valid JSON/]
  ])('refuses %s', (json, message) => {
    expect(() => parseAmiIds(json)).toThrow(message)
  })
})

describe('selectTfvarsValues', () => {
  it('puts a single AMI into ami_id', () => {
    expect(selectTfvarsValues({ 'amazon-ebs.web': { 'us-east-1': AMI_A } })).toEqual({
      ami_id: AMI_A
    })
  })

  it('puts several AMIs into ami_ids keyed by region, sorted by region', () => {
    const values = selectTfvarsValues({
      'amazon-ebs.web': { 'us-west-2': AMI_A, 'eu-west-1': AMI_B },
      'amazon-ebs.arm': { 'ap-south-1': AMI_C },
      'docker.local': {}
    })
    expect(values).toEqual({
      ami_ids: { 'ap-south-1': AMI_C, 'eu-west-1': AMI_B, 'us-west-2': AMI_A }
    })
    expect(Object.keys(values.ami_ids as object)).toEqual(['ap-south-1', 'eu-west-1', 'us-west-2'])
  })

  it('refuses the default map when two builds made an AMI in the same region', () => {
    expect(() =>
      selectTfvarsValues({
        'amazon-ebs.web': { 'us-east-1': AMI_A },
        'amazon-ebs.worker': { 'us-east-1': AMI_B }
      })
    ).toThrow(
      /Builds "amazon-ebs.web" and "amazon-ebs.worker" both made an AMI in us-east-1.*set tfvars-mapping, e.g. "web_ami=amazon-ebs.web"/
    )
  })

  it('follows the mapping: a string for a one-region build, a map otherwise, or the named region', () => {
    const amiIds = {
      'amazon-ebs.web': { 'us-east-1': AMI_A },
      'amazon-ebs.worker': { 'us-east-1': AMI_B, 'eu-west-1': AMI_C }
    }
    const mapping = parseTfvarsMapping(
      'web_ami=amazon-ebs.web\nworker_amis=amazon-ebs.worker\nworker_eu=amazon-ebs.worker:eu-west-1'
    )
    expect(selectTfvarsValues(amiIds, mapping)).toEqual({
      web_ami: AMI_A,
      worker_amis: { 'eu-west-1': AMI_C, 'us-east-1': AMI_B },
      worker_eu: AMI_C
    })
  })

  it('names what exists when the mapping names a build or region that does not', () => {
    const amiIds = { 'amazon-ebs.web': { 'us-east-1': AMI_A, 'eu-west-1': AMI_B } }
    expect(() => selectTfvarsValues(amiIds, parseTfvarsMapping('x=amazon-ebs.api'))).toThrow(
      'tfvars-mapping line 1: build "amazon-ebs.api" has no AMI in ami-ids; builds with AMIs: "amazon-ebs.web"'
    )
    expect(() =>
      selectTfvarsValues(amiIds, parseTfvarsMapping('\nx=amazon-ebs.web:ap-south-1'))
    ).toThrow(
      'tfvars-mapping line 2: build "amazon-ebs.web" has no AMI in region "ap-south-1"; its regions: "us-east-1", "eu-west-1"'
    )
  })

  it('refuses an ami-ids without any AMI', () => {
    expect(() => selectTfvarsValues({ 'docker.x': {} })).toThrow(/holds no AMI id/)
  })
})

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

describe('updateTfvarsJson', () => {
  it('replaces a value in place in a 2-space file, every other byte unchanged', () => {
    const original = fixture('staging.tfvars.json')
    const { text, changed } = updateTfvarsJson(original, { ami_id: AMI_A })
    expect(changed).toBe(true)
    expect(text).toBe(original.replace('"ami-0a1b2c3d4e5f60718"', `"${AMI_A}"`))
  })

  it('appends a map after the last key in the file indentation, keeping key order', () => {
    const original = fixture('staging.tfvars.json')
    const { text } = updateTfvarsJson(original, {
      ami_ids: { 'us-east-1': AMI_A, 'us-west-2': AMI_B }
    })
    expect(Object.keys(JSON.parse(text))).toEqual([...Object.keys(JSON.parse(original)), 'ami_ids'])
    expect(text).toBe(
      original.replace(
        /\n {2}}\n}\n$/,
        `\n  },\n  "ami_ids": {\n    "us-east-1": "${AMI_A}",\n    "us-west-2": "${AMI_B}"\n  }\n}\n`
      )
    )
  })

  it('writes a nested map with the indentation of a 4-space file', () => {
    const original = fixture('production.tfvars.json')
    const amiIds = { 'eu-west-1': AMI_C, 'us-east-1': AMI_A }
    const { text } = updateTfvarsJson(original, { ami_ids: amiIds })
    expect(JSON.parse(text)).toEqual({ ...JSON.parse(original), ami_ids: amiIds })
    expect(text).toContain(
      `    "ami_ids": {\n        "eu-west-1": "${AMI_C}",\n        "us-east-1": "${AMI_A}"\n    },\n    "instance_count": 3,`
    )
    const { head, tail, removed } = lineDiff(original, text)
    expect(head).toBe(3)
    expect(removed).toHaveLength(2)
    expect(tail).toBe(original.split('\n').length - 5)
  })

  it('is idempotent, and treats a map in another key order as equal', () => {
    const original = fixture('production.tfvars.json')
    const equal = {
      ami_ids: { 'us-west-2': 'ami-04d23aca8bdd36e30', 'us-east-1': 'ami-0f1e2d3c4b5a69788' }
    }
    expect(updateTfvarsJson(original, equal)).toEqual({ text: original, changed: false })
    const values = { ami_id: AMI_A, ami_ids: { 'us-east-1': AMI_B } }
    const first = updateTfvarsJson(original, values)
    expect(updateTfvarsJson(first.text, values)).toEqual({ text: first.text, changed: false })
  })

  it('follows a compact file, CRLF, and empty files', () => {
    expect(updateTfvarsJson('{"a":"b"}', { ami_id: AMI_A }).text).toBe(
      `{"a":"b","ami_id":"${AMI_A}"}`
    )
    expect(updateTfvarsJson('{"a":"b"}', { ami_ids: { x: AMI_A } }).text).toBe(
      `{"a":"b","ami_ids":{"x":"${AMI_A}"}}`
    )
    expect(updateTfvarsJson('{\r\n  "a": 1\r\n}\r\n', { ami_id: AMI_A }).text).toBe(
      `{\r\n  "a": 1,\r\n  "ami_id": "${AMI_A}"\r\n}\r\n`
    )
    expect(updateTfvarsJson('{}\n', { ami_id: AMI_A }).text).toBe(`{\n  "ami_id": "${AMI_A}"\n}\n`)
    expect(updateTfvarsJson('', { ami_ids: { x: AMI_A } }).text).toBe(
      `{\n  "ami_ids": {\n    "x": "${AMI_A}"\n  }\n}\n`
    )
  })

  it.each([
    ['{\n  "a": 1,\n}\n', 'line 3, column 1: expected a property name, found "}"'],
    ['[1]', 'line 1, column 1: expected a JSON object ("{"), found "["'],
    ['{\n  "a": "b\n}', 'line 2, column 8: unterminated string'],
    ['{"a": 1, "a": 2}', 'line 1, column 10: "a" appears twice'],
    ['{"a": {"b": 1}', 'line 1, column 15: expected "," or "}", found the end of the file'],
    ['{"a": [1, 2}', 'line 1, column 12: expected "," or "]", found "}"'],
    ['{"a": {"b": 1 "c": 2}}', 'line 1, column 15: expected "," or "}", found """'],
    ['{"a": [1', 'line 1, column 9: expected "," or "]", found the end of the file'],
    ['{"a": tru}', 'line 1, column 7: expected a JSON value, found "t"'],
    ['{"a": 1} x', 'line 1, column 10: unexpected "x" after the object'],
    ['{"a": "tab\there"}', 'line 1, column 7: invalid string'],
    ['{"a": "\\x41"}', 'line 1, column 7: invalid string'],
    ['{\n  "a": {"b": [1,, 2]}\n}', 'line 2, column 17: expected a JSON value, found ","']
  ])('refuses invalid JSON, saying where: %j', (text, message) => {
    expect(() => updateTfvarsJson(text, { ami_id: AMI_A })).toThrow(
      `The tfvars JSON file does not parse: ${message}`
    )
  })
})
