import { describe, expect, it } from '@jest/globals'
import { parseMachineReadableLine, renderLine } from '../../../src/packer/machine-readable/line.js'

describe('parseMachineReadableLine', () => {
  it('splits timestamp, target, type and data', () => {
    expect(
      parseMachineReadableLine('1795338187,file.greeting,artifact,0,file,0,out/greeting.txt')
    ).toEqual({
      timestamp: 1795338187,
      target: 'file.greeting',
      type: 'artifact',
      data: ['0', 'file', '0', 'out/greeting.txt']
    })
  })

  it('unescapes data so an escaped comma stays inside its field', () => {
    expect(
      parseMachineReadableLine(
        '1,amazon-ebs,artifact,0,id,us-east-1:ami-1%!(PACKER_COMMA)us-west-2:ami-2'
      )?.data
    ).toEqual(['0', 'id', 'us-east-1:ami-1,us-west-2:ami-2'])
  })

  it('reads an empty target, empty trailing fields and lines without data', () => {
    expect(parseMachineReadableLine('1795338401,,version-prelease,')).toEqual({
      timestamp: 1795338401,
      target: '',
      type: 'version-prelease',
      data: ['']
    })
    expect(parseMachineReadableLine('1539967803,amazon-ebs,artifact,1,builder-id,')?.data).toEqual([
      '1',
      'builder-id',
      ''
    ])
    expect(parseMachineReadableLine('12,x,end')).toEqual({
      timestamp: 12,
      target: 'x',
      type: 'end',
      data: []
    })
  })

  it('tolerates leading blanks and a CRLF ending', () => {
    expect(parseMachineReadableLine('    1539967803,amazon-ebs,artifact-count,2\r')).toEqual({
      timestamp: 1539967803,
      target: 'amazon-ebs',
      type: 'artifact-count',
      data: ['2']
    })
  })

  it.each([
    '2018/10/19 09:50:03 waiting for all plugin processes to complete...',
    '    2018/10/19 09:50:03 waiting for all plugin processes to complete...',
    '',
    '   ',
    '$ packer build -machine-readable packer-build.json.pkr.hcl',
    'The configuration is valid.',
    '1637235687',
    '1637235687,',
    '1637235687,,',
    '1637235687,target,not a type,data',
    'abc,target,ui,say,hello',
    '==> amazon-ebs: Creating temporary keypair...'
  ])('returns undefined for %j', (line) => {
    expect(parseMachineReadableLine(line)).toBeUndefined()
  })
})

describe('renderLine', () => {
  it('gives the unescaped message of ui say, message and error lines', () => {
    const say = parseMachineReadableLine('1,,ui,say,==> amazon-ebs: Creating temporary keypair...')!
    expect(renderLine(say)).toBe('==> amazon-ebs: Creating temporary keypair...')
    expect(
      renderLine(parseMachineReadableLine('1,,ui,message,    null.ok: a%!(PACKER_COMMA) b')!)
    ).toBe('    null.ok: a, b')
    expect(renderLine(parseMachineReadableLine('1,,ui,error,\\n==> Some builds')!)).toBe(
      '\n==> Some builds'
    )
  })

  it('gives undefined for machine-only lines', () => {
    expect(renderLine(parseMachineReadableLine('1,x,artifact-count,1')!)).toBeUndefined()
    expect(renderLine(parseMachineReadableLine('1,,version,1.6.6')!)).toBeUndefined()
  })
})

describe('parseMachineReadableLine in place', () => {
  it('finds the escapes of each text when texts alternate', () => {
    const a = '1,,ui,say,x%!(PACKER_COMMA)y\\n'
    const b = '2,,ui,say,no escapes here at all'
    const c = `2,,ui,say,${'z'.repeat(a.length - 21)}`
    expect(parseMachineReadableLine(a)?.data[1]).toBe('x,y\n')
    expect(parseMachineReadableLine(b)?.data[1]).toBe('no escapes here at all')
    expect(parseMachineReadableLine(c)?.data[1]).toBe('z'.repeat(a.length - 21))
    expect(parseMachineReadableLine(a)?.data[1]).toBe('x,y\n')
    expect(parseMachineReadableLine(a, 0, 20)?.data[1]).toBe('x%!(PACKER')
    expect(parseMachineReadableLine(a, 0, 27)?.data[1]).toBe('x,')
  })
})
