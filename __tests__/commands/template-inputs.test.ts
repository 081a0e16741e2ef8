import { describe, expect, it } from '@jest/globals'
import {
  parseOnError,
  readBuildInputs,
  readFmtInputs,
  readInitInputs,
  readTemplateInputs,
  readValidateInputs
} from '../../src/commands/template-inputs.js'

function reader(values: Record<string, string>) {
  return (name: string): string => values[name] ?? ''
}

/** The input names a reader asks for. */
function namesRead(readInputs: (read: (name: string) => string) => unknown): string[] {
  const names = new Set<string>()
  readInputs((name) => {
    names.add(name)
    return ''
  })
  return [...names].sort()
}

describe('defaults', () => {
  it('of build, for empty inputs', () => {
    expect(readBuildInputs(reader({}))).toEqual({
      workingDirectory: '.',
      template: '.',
      githubToken: '',
      cachePlugins: true,
      installOfficialPlugins: true,
      variables: [],
      sensitiveVariables: [],
      varFiles: [],
      only: [],
      except: [],
      onError: 'cleanup',
      parallelBuilds: undefined,
      force: false,
      uploadArtifact: ''
    })
  })

  it('of validate and fmt: fmt-check is on', () => {
    expect(readValidateInputs(reader({})).fmtCheck).toBe(true)
    expect(readFmtInputs(reader({}))).toEqual({
      workingDirectory: '.',
      template: '.',
      fmtCheck: true
    })
  })

  it('of init', () => {
    expect(readInitInputs(reader({ 'github-token': ' ghs_x \n' }))).toEqual({
      workingDirectory: '.',
      template: '.',
      githubToken: 'ghs_x',
      cachePlugins: true,
      installOfficialPlugins: true
    })
  })
})

describe('what each template command reads', () => {
  const template = ['template', 'working-directory']
  const init = [...template, 'cache-plugins', 'github-token', 'install-official-plugins']
  const variables = ['except', 'only', 'sensitive-variables', 'var-files', 'variables']

  it.each([
    ['fmt', readFmtInputs, [...template, 'fmt-check']],
    ['init', readInitInputs, init],
    ['validate', readValidateInputs, [...init, ...variables, 'fmt-check']],
    [
      'build',
      readBuildInputs,
      [...init, ...variables, 'force', 'on-error', 'parallel-builds', 'upload-artifact']
    ]
  ])('%s', (_command, readInputs, expected) => {
    expect(namesRead(readInputs)).toEqual([...expected].sort())
  })

  it('so fmt ignores what only a build uses, even where it is invalid', () => {
    const values = {
      'on-error': 'ask',
      'parallel-builds': 'many',
      only: 'a',
      except: 'b',
      'upload-artifact': 'a/b',
      variables: 'x=1\nx=2'
    }
    expect(readFmtInputs(reader(values))).toEqual(readFmtInputs(reader({})))
    expect(() => readBuildInputs(reader(values))).toThrow()
  })

  it('and the template inputs are the same for every one', () => {
    const values = { 'working-directory': ' images ', template: 'aws.pkr.hcl' }
    const expected = { workingDirectory: 'images', template: 'aws.pkr.hcl' }
    expect(readTemplateInputs(reader(values))).toEqual(expected)
    for (const readInputs of [readFmtInputs, readInitInputs, readValidateInputs, readBuildInputs]) {
      expect(readInputs(reader(values))).toMatchObject(expected)
    }
  })
})

describe('variables and build selection (validate and build)', () => {
  it.each([readValidateInputs, readBuildInputs])('are read by %p', (readInputs) => {
    expect(
      readInputs(
        reader({
          variables: 'region=eu-west-1\nname=a=b c',
          'sensitive-variables': 'password=hunter22',
          'var-files': 'a.pkrvars.hcl\n\nb.pkrvars.hcl',
          only: 'a.x, b.y\nc.z'
        })
      )
    ).toMatchObject({
      variables: [
        { name: 'region', value: 'eu-west-1' },
        { name: 'name', value: 'a=b c' }
      ],
      sensitiveVariables: [{ name: 'password', value: 'hunter22' }],
      varFiles: ['a.pkrvars.hcl', 'b.pkrvars.hcl'],
      only: ['a.x', 'b.y', 'c.z'],
      except: []
    })
  })

  it.each([
    [{ only: 'a', except: 'b' }, "Inputs 'only' and 'except' cannot both be set"],
    [
      { variables: 'region=a\nregion=b' },
      "Variable 'region' is given twice in 'variables' / 'sensitive-variables'"
    ],
    [
      { variables: 'password=x', 'sensitive-variables': 'password=hunter22' },
      "Variable 'password' is given twice in 'variables' / 'sensitive-variables'"
    ],
    [
      { 'sensitive-variables': 'secret=Q7' },
      "Input 'sensitive-variables': the value of 'secret' has 2 character(s)"
    ],
    [{ variables: '9lives=x' }, "Input 'variables', line 1: '9lives' is not a variable name"]
  ])('refuses %j with validate and build', (values, message) => {
    expect(() => readValidateInputs(reader(values))).toThrow(message)
    expect(() => readBuildInputs(reader(values))).toThrow(message)
  })
})

describe('build', () => {
  it('reads its own options', () => {
    expect(
      readBuildInputs(
        reader({
          'on-error': 'abort',
          'parallel-builds': '2',
          force: 'yes',
          'upload-artifact': 'packer-log'
        })
      )
    ).toMatchObject({
      onError: 'abort',
      parallelBuilds: 2,
      force: true,
      uploadArtifact: 'packer-log'
    })
  })

  it('says that 0 parallel builds is no limit', () => {
    expect(() => readBuildInputs(reader({ 'parallel-builds': 'many' }))).toThrow(
      "Input 'parallel-builds' is 'many'; expected a whole number from 0 to 1000 (0: no limit)"
    )
  })

  it.each(['a/b', 'a:b', 'log*', 'a\\b'])('refuses the artifact name %p', (name) => {
    expect(() => readBuildInputs(reader({ 'upload-artifact': name }))).toThrow(
      `Input 'upload-artifact' is '${name}'; an artifact name cannot contain " < > : | * ? \\ / or a newline`
    )
  })

  it.each([
    ['force', 'maybe', "Input 'force' is 'maybe'; expected true or false"],
    ['cache-plugins', 'sometimes', "Input 'cache-plugins' is 'sometimes'; expected true or false"]
  ])('names a bad boolean %s', (input, value, message) => {
    expect(() => readBuildInputs(reader({ [input]: value }))).toThrow(message)
  })
})

describe('parseOnError', () => {
  it.each([
    ['', 'cleanup'],
    [' abort ', 'abort'],
    ['run-cleanup-provisioner', 'run-cleanup-provisioner']
  ])('%p → %p', (value, expected) => {
    expect(parseOnError(value)).toBe(expected)
  })

  it('refuses ask, which would hang the job', () => {
    expect(() => parseOnError('ask')).toThrow(
      "Input 'on-error' is 'ask', which waits for an answer on a terminal and would hang the job; expected one of: cleanup, abort, run-cleanup-provisioner"
    )
  })

  it('refuses anything else, naming the choices', () => {
    expect(() => parseOnError('retry')).toThrow(
      "Input 'on-error' is 'retry'; expected one of: cleanup, abort, run-cleanup-provisioner"
    )
  })
})
