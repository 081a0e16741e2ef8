import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { Logger } = await import('../../src/action/logger.js')
const { Redactor } = await import('../../src/action/redact.js')

/** What reached stdout, in order: the logger's own writes and the commands core would issue. */
let seen: string[]

function logger(secrets: string[] = []): InstanceType<typeof Logger> {
  const redactor = new Redactor()
  for (const s of secrets) redactor.add(s)
  return new Logger(redactor, (text) => seen.push(text))
}

beforeEach(() => {
  seen = []
  jest.clearAllMocks()
  core.startGroup.mockImplementation((name) => seen.push(`[startGroup ${name}]`))
  core.endGroup.mockImplementation(() => seen.push('[endGroup]'))
  core.error.mockImplementation((m) => seen.push(`[error ${String(m)}]`))
  core.warning.mockImplementation((m) => seen.push(`[warning ${String(m)}]`))
  core.notice.mockImplementation((m) => seen.push(`[notice ${String(m)}]`))
  core.info.mockImplementation((m) => seen.push(`[info ${m}]`))
})

describe('Logger', () => {
  it("prints Packer's output with workflow commands stopped, once for a run of lines", () => {
    const log = logger()
    log.output('::set-output name=ami-id::ami-0evil')
    log.output('text with ##[error]in it')
    log.resume()
    const token = /^::stop-commands::(.+)\n$/.exec(seen[0])?.[1]
    expect(token).toMatch(/^[0-9a-f-]{36}$/)
    expect(seen).toEqual([
      `::stop-commands::${token}\n`,
      '::set-output name=ami-id::ami-0evil\n',
      'text with ##[error]in it\n',
      `::${token}::\n`
    ])
  })

  it('resumes commands before each command of its own, with a new token each time', () => {
    const log = logger()
    log.output('one')
    log.finding({ severity: 'error', message: 'bad', file: 'a.pkr.hcl', line: 3 })
    log.output('two')
    log.notice('note')
    log.output('three')
    log.warning('careful')
    log.output('four')
    log.startGroup('Build')
    log.output('five')
    log.endGroup()
    const stops = seen.filter((s) => s.startsWith('::stop-commands::'))
    expect(stops).toHaveLength(5)
    expect(new Set(stops).size).toBe(5)
    const commands = seen.filter((s) => s.startsWith('['))
    for (const command of commands) {
      // Every command of the action's comes with commands working: the last stop before it was
      // followed by its resume.
      const at = seen.indexOf(command)
      const lastStop = seen.slice(0, at).findLastIndex((s) => s.startsWith('::stop-commands::'))
      if (lastStop === -1) continue
      const token = seen[lastStop].slice('::stop-commands::'.length, -1)
      expect(seen.slice(lastStop, at)).toContain(`::${token}::\n`)
    }
    expect(commands).toEqual([
      '[error bad]',
      '[notice note]',
      '[warning careful]',
      '[startGroup Build]',
      '[endGroup]'
    ])
  })

  it('prints a message of its own that could read as a command with commands stopped', () => {
    const log = logger()
    log.info('[command]packer build -var "a=x ##[set-output name=injected;]yes" .')
    log.info('line one\n  ::error::from a path')
    log.info('plain text: nothing to stop')
    const stops = seen.filter((s) => s.startsWith('::stop-commands::'))
    expect(stops).toHaveLength(2)
    const [first, second] = stops.map((s) => s.slice('::stop-commands::'.length, -1))
    expect(seen).toEqual([
      `::stop-commands::${first}\n`,
      '[command]packer build -var "a=x ##[set-output name=injected;]yes" .\n',
      `::${first}::\n`,
      `::stop-commands::${second}\n`,
      'line one\n  ::error::from a path\n',
      `::${second}::\n`,
      '[info plain text: nothing to stop]'
    ])
  })

  it('keeps commands stopped for such a message in a run of Packer output', () => {
    const log = logger()
    log.output('packer line')
    log.info('##[warning]from a variable')
    log.output('next packer line')
    log.resume()
    expect(seen.filter((s) => s.startsWith('::stop-commands::'))).toHaveLength(1)
    expect(seen.slice(1, 4)).toEqual([
      'packer line\n',
      '##[warning]from a variable\n',
      'next packer line\n'
    ])
  })

  it('writes nothing to resume when commands were not stopped', () => {
    const log = logger()
    log.resume()
    log.info('plain')
    expect(seen).toEqual(['[info plain]'])
  })

  it('redacts secrets in output, messages and group names', () => {
    const log = logger(['hunter2'])
    log.output('password hunter2')
    log.notice('notice hunter2')
    log.startGroup('group hunter2\nsecond line')
    expect(seen.join('')).not.toContain('hunter2')
    expect(seen).toContain('[startGroup group *** second line]')
  })

  it('resumes commands when a group of its own ends in a throw', async () => {
    const log = logger()
    await expect(
      log.group('validate', async () => {
        log.output('printed by Packer')
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    const token = seen[1].slice('::stop-commands::'.length, -1)
    expect(seen).toEqual([
      '[startGroup validate]',
      `::stop-commands::${token}\n`,
      'printed by Packer\n',
      `::${token}::\n`,
      '[endGroup]'
    ])
  })
})
