import { describe, expect, it } from '@jest/globals'
import type { ResolvedPaths } from '../../src/action/inputs.js'
import { readBuildInputs } from '../../src/commands/template-inputs.js'
import {
  packerEnvironment,
  passedToPacker,
  buildArgs,
  commandLine,
  fmtArgs,
  hasInit,
  pluginTokenEnv,
  sensitiveVarFileContent,
  templateArgument,
  validateArgs
} from '../../src/packer/args.js'

const paths: ResolvedPaths = {
  workingDirectory: '/repo/images',
  template: '/repo/images/aws',
  kind: 'hcl2-dir',
  varFiles: ['/repo/images/prod.pkrvars.hcl']
}

function inputs(values: Record<string, string>) {
  return readBuildInputs((name) => values[name] ?? '')
}

describe('buildArgs', () => {
  it('builds the full command line in order, with the template relative to the working directory', () => {
    expect(
      buildArgs(
        inputs({
          variables: 'region=eu-west-1\nname=a=b c',
          only: 'a.x, b.y',
          'parallel-builds': '2',
          force: 'true',
          'on-error': 'abort'
        }),
        paths,
        '/tmp/secret.pkrvars.json'
      )
    ).toEqual([
      'build',
      '-machine-readable',
      '-on-error=abort',
      '-parallel-builds=2',
      '-force',
      '-var',
      'region=eu-west-1',
      '-var',
      'name=a=b c',
      '-var-file=/repo/images/prod.pkrvars.hcl',
      '-var-file=/tmp/secret.pkrvars.json',
      '-only=a.x,b.y',
      'aws'
    ])
  })

  it('never puts a sensitive value on the command line', () => {
    const args = buildArgs(
      inputs({ 'sensitive-variables': 'token=hunter2-secret' }),
      paths,
      '/tmp/s.json'
    )
    expect(args.join(' ')).not.toContain('hunter2-secret')
    expect(
      validateArgs(
        inputs({ 'sensitive-variables': 'token=hunter2-secret' }),
        paths,
        '/tmp/s.json'
      ).join(' ')
    ).not.toContain('hunter2-secret')
  })

  it('passes except and the working directory itself as "."', () => {
    expect(
      buildArgs(inputs({ except: 'a\nb' }), { ...paths, template: '/repo/images', varFiles: [] })
    ).toEqual(['build', '-machine-readable', '-on-error=cleanup', '-except=a,b', '.'])
  })
})

describe('fmt and init by Packer version', () => {
  it('adds -recursive for folders from 1.7 on', () => {
    expect(fmtArgs(paths, '1.6.6', true)).toEqual(['fmt', '-check', '-diff', 'aws'])
    expect(fmtArgs(paths, '1.11.2', true)).toEqual(['fmt', '-check', '-diff', '-recursive', 'aws'])
    expect(
      fmtArgs({ ...paths, kind: 'hcl2-file', template: '/repo/images/a.pkr.hcl' }, '1.11.2', false)
    ).toEqual(['fmt', 'a.pkr.hcl'])
  })

  it('knows init came in 1.7', () => {
    expect(hasInit('1.6.6')).toBe(false)
    expect(hasInit('1.7.0')).toBe(true)
    expect(hasInit('1.12.0-rc1')).toBe(true)
  })
})

describe('helpers', () => {
  it('writes sensitive values as literal JSON', () => {
    expect(JSON.parse(sensitiveVarFileContent([{ name: 'p', value: 'a"b${x}\\' }]))).toEqual({
      p: 'a"b${x}\\'
    })
  })

  it.each([
    ['/repo/images', '.'],
    ['/repo/images/aws', 'aws'],
    ['/repo/images/-x.pkr.hcl', './-x.pkr.hcl'],
    ['/repo/images/-dir', './-dir'],
    ['/repo/images/a/-b.pkr.hcl', 'a/-b.pkr.hcl']
  ])('gives the template %s as %s, never as a flag', (template, argument) => {
    expect(templateArgument({ ...paths, template })).toBe(argument)
  })

  it('quotes arguments with spaces or quotes in the logged command line', () => {
    expect(commandLine('/bin/packer', ['build', '-var', 'a=b c', '.'])).toBe(
      '/bin/packer build -var "a=b c" .'
    )
  })
})

describe('pluginTokenEnv', () => {
  it('hands packer init the token on github.com and where no server is named (a local run)', () => {
    for (const server of [
      'https://github.com',
      'https://github.com/',
      'https://GitHub.com',
      '',
      undefined
    ]) {
      expect(pluginTokenEnv('ghs_token', server)).toEqual({
        env: { PACKER_GITHUB_API_TOKEN: 'ghs_token' }
      })
    }
  })

  it('keeps a GitHub Enterprise Server token from api.github.com, and says why', () => {
    const result = pluginTokenEnv('ghs_token', 'https://ghes.example.com')
    expect(result.env).toEqual({})
    expect(result.skipped).toContain('https://ghes.example.com')
    expect(result.skipped).not.toContain('ghs_token')
  })

  it('hands nothing when there is no token', () => {
    expect(pluginTokenEnv('', 'https://github.com')).toEqual({ env: {} })
  })
})

describe('packerEnvironment', () => {
  it('withholds inputs, state, runner tokens and file-command paths, and keeps the rest', () => {
    const env = packerEnvironment(
      {
        PATH: '/usr/bin',
        'INPUT_GITHUB-TOKEN': 't',
        'INPUT_SENSITIVE-VARIABLES': 's',
        input_lower: 'x',
        STATE_isPost: 'true',
        ACTIONS_RUNTIME_TOKEN: 'r',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'o',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'u',
        ACTIONS_RUNNER_DEBUG: 'true',
        GITHUB_OUTPUT: '/o',
        GITHUB_ENV: '/e',
        GITHUB_REPOSITORY: 'octo/x',
        GITHUB_TOKEN: 'set by the workflow itself',
        AWS_SECRET_ACCESS_KEY: 'k',
        MY_INPUT_DIR: 'kept: INPUT_ is a prefix only'
      },
      '/plugins'
    )
    expect(env).toEqual({
      PATH: '/usr/bin',
      ACTIONS_RUNNER_DEBUG: 'true',
      GITHUB_REPOSITORY: 'octo/x',
      GITHUB_TOKEN: 'set by the workflow itself',
      AWS_SECRET_ACCESS_KEY: 'k',
      MY_INPUT_DIR: 'kept: INPUT_ is a prefix only',
      CHECKPOINT_DISABLE: '1',
      PACKER_PLUGIN_PATH: '/plugins'
    })
  })

  it.each(['GITHUB_PATH', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY', 'ACTIONS_CACHE_URL'])(
    'withholds %s',
    (name) => {
      expect(passedToPacker(name)).toBe(false)
    }
  )
})
