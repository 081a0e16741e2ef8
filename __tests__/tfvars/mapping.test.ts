import { describe, expect, it } from '@jest/globals'
import { parseAmiIds, parseTfvarsMapping, selectTfvarsValues } from '../../src/tfvars/mapping.js'

const AMI_A = 'ami-0123456789abcdef0'
const AMI_B = 'ami-0fedcba9876543210'
const AMI_C = 'ami-00aa11bb22cc33dd4'

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
      `Input 'tfvars-mapping', line 1: build "amazon-ebs.api" has no AMI in ami-ids; builds with AMIs: "amazon-ebs.web"`
    )
    expect(() =>
      selectTfvarsValues(amiIds, parseTfvarsMapping('\nx=amazon-ebs.web:ap-south-1'))
    ).toThrow(
      `Input 'tfvars-mapping', line 2: build "amazon-ebs.web" has no AMI in region "ap-south-1"; its regions: "us-east-1", "eu-west-1"`
    )
  })

  it('refuses an ami-ids without any AMI', () => {
    expect(() => selectTfvarsValues({ 'docker.x': {} })).toThrow(/holds no AMI id/)
  })
})
