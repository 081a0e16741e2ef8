import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { failureDetail } = await import('../../src/commands/packer-context.js')

const context = { workingDirectory: '/repo/images', workspace: '/repo', template: '.' }

describe('failureDetail', () => {
  it("gives a failed command's first error diagnostic", () => {
    const output = [
      'Error: Failed to install plugin',
      '',
      '  on main.pkr.hcl line 3:',
      '  (source code not available)',
      '',
      'Error: second'
    ].join('\n')
    expect(failureDetail(output, context)).toMatch(/^Failed to install plugin/)
  })

  it('else its last line of output, cut at 500 characters', () => {
    expect(
      failureDetail('starting\nGET api.github.com: 403 rate limit exceeded\n\n', context)
    ).toBe('GET api.github.com: 403 rate limit exceeded')
    expect(failureDetail(`x\n${'y'.repeat(600)}`, context)).toBe(`${'y'.repeat(500)}…`)
    expect(failureDetail('  \n', context)).toBeUndefined()
  })
})
