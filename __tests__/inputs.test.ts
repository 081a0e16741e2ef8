import { describe, expect, it } from '@jest/globals'
import { parseInputs, parseReleasesUrl, parseVersionSpec } from '../src/inputs.js'

function reader(values: Record<string, string>) {
  return (name: string): string => values[name] ?? ''
}

describe('parseInputs', () => {
  it('applies defaults for empty inputs', () => {
    expect(parseInputs(reader({}))).toMatchObject({
      command: 'build',
      packerVersion: 'latest',
      releasesUrl: 'https://releases.hashicorp.com',
      releasesSigningKey: '',
      workingDirectory: '.',
      template: '.',
      variables: [],
      onError: 'cleanup',
      fmtCheck: true,
      cachePlugins: true,
      summary: true,
      force: false
    })
  })

  it('refuses an unknown command and names the choices', () => {
    expect(() => parseInputs(reader({ command: 'deploy' }))).toThrow(
      "Input 'command' is 'deploy'; expected one of: build, validate, fmt, init, install"
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
    ['https://user:pw@mirror.example', /carries credentials/]
  ])('refuses %p', (input, message) => {
    expect(() => parseReleasesUrl(input)).toThrow(message)
  })

  it('never echoes credentials back', () => {
    expect(() => parseReleasesUrl('https://user:s3cret@mirror.example')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') })
    )
  })
})
