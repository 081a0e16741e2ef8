import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { Inputs } from '../../src/action/constants.js'
import {
  checkInside,
  parseReleasesUrl,
  parseVariables,
  parseVersionSpec,
  readInstallerInputs,
  readSharedInputs,
  resolvePaths
} from '../../src/action/inputs.js'

function reader(values: Record<string, string>) {
  return (name: string): string => values[name] ?? ''
}

describe('readSharedInputs', () => {
  it('applies defaults for empty inputs', () => {
    expect(readSharedInputs(reader({}))).toEqual({
      command: 'build',
      summary: true,
      sensitiveVariables: [],
      githubToken: ''
    })
  })

  it('refuses an unknown command and names the choices', () => {
    expect(() => readSharedInputs(reader({ command: 'deploy' }))).toThrow(
      "Input 'command' is 'deploy'; expected one of: build, validate, fmt, init, install"
    )
  })

  it.each(['build', 'cleanup', 'merge-manifests'])(
    'refuses a sensitive value too short to redact whatever the command (%s)',
    (command) => {
      expect(() =>
        readSharedInputs(reader({ command, 'sensitive-variables': 'secret=Q7' }))
      ).toThrow(
        "Input 'sensitive-variables': the value of 'secret' has 2 character(s); a value under 3 characters cannot be redacted"
      )
    }
  )

  it('keeps an empty sensitive value, which has nothing to hide', () => {
    expect(
      readSharedInputs(reader({ 'sensitive-variables': 'empty=\nlong=abc' })).sensitiveVariables
    ).toEqual([
      { name: 'empty', value: '' },
      { name: 'long', value: 'abc' }
    ])
  })

  it('reads no input of a command', () => {
    const read: string[] = []
    readSharedInputs((name) => {
      read.push(name)
      return ''
    })
    expect(read.sort()).toEqual(['command', 'github-token', 'sensitive-variables', 'summary'])
  })
})

describe('readInstallerInputs', () => {
  it('applies defaults for empty inputs', () => {
    expect(readInstallerInputs(reader({}))).toEqual({
      packerVersion: 'latest',
      releasesUrl: 'https://releases.hashicorp.com',
      releasesSigningKey: ''
    })
  })

  it('names a bad packer-version', () => {
    expect(() => readInstallerInputs(reader({ 'packer-version': 'banana' }))).toThrow(
      "Input 'packer-version' is 'banana'"
    )
  })
})

describe('parseVersionSpec', () => {
  it.each([
    ['', 'latest'],
    ['LATEST', 'latest'],
    ['1.11.2', '1.11.2'],
    ['v1.11.2', '1.11.2'],
    [' 1.7.0-rc1 ', '1.7.0-rc1'],
    ['~1.11', '~1.11'],
    ['1.x', '1.x'],
    ['>=1.10 <1.12', '>=1.10 <1.12']
  ])('%p → %p', (input, expected) => {
    expect(parseVersionSpec(input)).toBe(expected)
  })

  it.each(['banana', '1.2.3.4', '>>1'])('refuses %p', (input) => {
    expect(() => parseVersionSpec(input)).toThrow(`Input 'packer-version' is '${input}'`)
  })

  it.each(['>=1.0 <1.1 ||', '||1.6.6', '1.5.x ||  || 1.7.x'])(
    'refuses %p, whose empty alternative semver reads as any version',
    (input) => {
      expect(() => parseVersionSpec(input)).toThrow(
        `Input 'packer-version' is '${input}': an alternative between '||' is empty`
      )
    }
  )

  it('keeps a range with real alternatives', () => {
    expect(parseVersionSpec('1.5.x || 1.7.x')).toBe('1.5.x || 1.7.x')
  })
})

describe('parseReleasesUrl', () => {
  it('drops trailing slashes', () => {
    expect(parseReleasesUrl('https://mirror.example/hashicorp/')).toBe(
      'https://mirror.example/hashicorp'
    )
  })

  it.each([
    ['not a url', /expected an http\(s\) URL such as/],
    ['ftp://mirror.example', /expected an http\(s\) URL, not ftp:/],
    ['https://user:pw@mirror.example', /carries credentials/],
    ['https://mirror.example/?token=abc', /has a query or fragment; expected a base URL/],
    ['https://mirror.example/hashicorp#x', /has a query or fragment/],
    ['https://mirror.example/?', /has a query or fragment/]
  ])('refuses %p', (input, message) => {
    expect(() => parseReleasesUrl(input)).toThrow(message)
  })

  it.each(['https://user:s3cret@mirror.example', 'https://mirror.example/?token=s3cret'])(
    'never echoes credentials back: %p',
    (input) => {
      expect(() => parseReleasesUrl(input)).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('s3cret') })
      )
    }
  )
})

describe('parseVariables', () => {
  it('names a bad variable name of a plain input, and hides it for a secret one', () => {
    expect(() => parseVariables('9lives=x', 'variables')).toThrow(
      "Input 'variables', line 1: '9lives' is not a variable name"
    )
    let message = ''
    try {
      parseVariables('ok=1\nabc+/def==', 'sensitive-variables', true)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/^Input 'sensitive-variables', line 2: the text before the first =/)
    expect(message).not.toContain('abc')
  })
})

describe('checkInside', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'pia-inside-'))
  const workspace = path.join(base, 'workspace')
  mkdirSync(path.join(workspace, 'sub'), { recursive: true })
  writeFileSync(path.join(base, 'outside.txt'), 'x')
  writeFileSync(path.join(workspace, 'sub', 'inside.txt'), 'x')
  symlinkSync(path.join(base, 'outside.txt'), path.join(workspace, 'out-link'))
  symlinkSync(path.join(workspace, 'sub', 'inside.txt'), path.join(workspace, 'in-link'))
  symlinkSync(base, path.join(workspace, 'up'))
  const roots = [{ name: 'the workspace', dir: workspace }]

  it.each(['sub/inside.txt', 'in-link', 'sub/not-yet-there.tfvars', 'new/dir/file'])(
    'accepts %s, which stays inside',
    (given) => {
      expect(() =>
        checkInside(path.join(workspace, given), Inputs.TfvarsFile, given, roots)
      ).not.toThrow()
    }
  )

  it.each(['out-link', 'up/outside.txt', 'up/not-yet-there.tfvars', '../outside.txt'])(
    'refuses %s, which leads out',
    (given) => {
      expect(() =>
        checkInside(path.join(workspace, given), Inputs.TfvarsFile, given, roots)
      ).toThrow(
        new RegExp(
          `^Input 'tfvars-file' is '${given.replace(/[.]/g, '\\.')}', which resolves to .*, outside the workspace \\(`
        )
      )
    }
  )

  it('accepts a second root', () => {
    expect(() =>
      checkInside(path.join(workspace, 'out-link'), Inputs.Manifests, 'out-link', [
        ...roots,
        { name: 'RUNNER_TEMP', dir: base }
      ])
    ).not.toThrow()
  })
})

describe('resolvePaths and symlinks below a template folder', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'pia-fmt-'))
  const workspace = path.join(base, 'workspace')
  mkdirSync(path.join(workspace, 'images', 'sub'), { recursive: true })
  writeFileSync(path.join(workspace, 'images', 'main.pkr.hcl'), '')
  writeFileSync(path.join(base, 'outside.hcl'), 'x = 1\n')
  symlinkSync(path.join(base, 'outside.hcl'), path.join(workspace, 'images', 'sub', 'x.pkr.hcl'))

  const inputs = { workingDirectory: '.', template: 'images', varFiles: [] }

  it('refuses one that packer fmt -recursive would follow', () => {
    expect(() => resolvePaths(inputs, workspace, true)).toThrow(
      /^Input 'template' names 'images\/sub\/x\.pkr\.hcl', which resolves to .*outside\.hcl, outside the workspace/
    )
  })

  it('ignores it where Packer does not look below the folder', () => {
    expect(resolvePaths(inputs, workspace, false).kind).toBe('hcl2-dir')
  })
})
