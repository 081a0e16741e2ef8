import { describe, expect, it } from '@jest/globals'
import { parseMachineReadableLine } from '../../../src/packer/machine-readable/line.js'
import {
  DEFAULT_MAX_LINE_LENGTH,
  MachineReadableParser
} from '../../../src/packer/machine-readable/parser.js'
import type { MachineReadableLine } from '../../../src/packer/types.js'
import { fixture, parseMachineReadable, TRANSCRIPTS } from './transcripts.js'

/** Feeds `chunks` to a parser and returns what it reported. */
function run(chunks: (string | Buffer)[], maxLineLength?: number) {
  const lines: MachineReadableLine[] = []
  const truncated: boolean[] = []
  const other: string[] = []
  const parser = new MachineReadableParser(
    (line, cut) => {
      lines.push(line)
      truncated.push(cut)
    },
    { maxLineLength, onOtherLine: (text) => other.push(text) }
  )
  for (const chunk of chunks) parser.push(chunk)
  parser.end()
  return { lines, truncated, other, parser }
}

describe('MachineReadableParser', () => {
  const transcript = fixture('captured/multi-build-run1.txt')
  const whole = parseMachineReadable(transcript)

  it('reads every line of a real transcript', () => {
    expect(whole).toHaveLength(45)
    expect(whole[0]).toEqual({
      timestamp: 1795338286,
      target: '',
      type: 'ui',
      data: ['say', '==> file.greeting: Running post-processor:  (type manifest)']
    })
  })

  it('gives the same lines whatever byte a chunk boundary falls on', () => {
    const bytes = Buffer.from(transcript)
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { lines } = run([bytes.subarray(0, cut), bytes.subarray(cut)])
      expect(lines).toEqual(whole)
    }
  })

  it('keeps multi-byte characters whole across chunk boundaries', () => {
    const text = '1,,ui,say,==> docker: Überprüfung → fertig ✓\n2,,ui,say,ok\n'
    const bytes = Buffer.from(text)
    const expected = ['==> docker: Überprüfung → fertig ✓', 'ok']
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { lines } = run([bytes.subarray(0, cut), bytes.subarray(cut)])
      expect(lines.map((l) => l.data[1])).toEqual(expected)
    }
  })

  it('reads a stream fed one byte at a time', () => {
    const bytes = Buffer.from(transcript)
    const chunks: Buffer[] = []
    for (let i = 0; i < bytes.length; i++) chunks.push(bytes.subarray(i, i + 1))
    expect(run(chunks).lines).toEqual(whole)
  })

  it('reads CRLF line endings', () => {
    const crlf = transcript.replaceAll('\n', '\r\n')
    const { lines, other } = run([crlf.slice(0, 1000), crlf.slice(1000)])
    expect(lines).toEqual(whole)
    expect(other).toEqual([])
  })

  it('flushes a last line without a newline at end()', () => {
    const { lines } = run(['1,,ui,say,first\n2,,ui,say,last'])
    expect(lines.map((l) => l.data[1])).toEqual(['first', 'last'])
  })

  it('reports other lines, without their CR, and skips blank ones', () => {
    const { lines, other, parser } = run([
      fixture('mr-hcl2-ui-error-diagnostic-issue11402.txt').replaceAll('\n', '\r\n')
    ])
    expect(other).toEqual([
      '$ packer validate . ',
      'The configuration is valid.',
      '$',
      '$ packer build -machine-readable packer-build.json.pkr.hcl'
    ])
    expect(parser.otherLines).toBe(4)
    expect(lines).toHaveLength(1)
    expect(parser.lines).toBe(1)
  })

  it('cuts a line longer than the limit and keeps reading after it', () => {
    const long = `1,,ui,say,${'x'.repeat(500)}`
    const { lines, truncated, parser } = run([`${long}\n2,,ui,say,after\n`], 100)
    expect(lines).toHaveLength(2)
    expect(lines[0].data[1]).toBe('x'.repeat(90))
    expect(truncated).toEqual([true, false])
    expect(lines[1].data[1]).toBe('after')
    expect(parser.truncatedLines).toBe(1)
  })

  it('reads lines longer than one decoding slice, split anywhere', () => {
    const long = `1,,ui,message,    docker: ${'ü'.repeat(40_000)}`
    const text = `${long}\n2,,ui,say,short\n${long}\n`
    const bytes = Buffer.from(text)
    for (const cut of [1, 65_535, 65_536, 65_537, 80_040, bytes.length - 1]) {
      const { lines, truncated } = run([bytes.subarray(0, cut), bytes.subarray(cut)])
      expect(lines.map((l) => l.data[1].length)).toEqual([40_012, 5, 40_012])
      expect(truncated).toEqual([false, false, false])
    }
  })

  it('cuts a line fed as Buffers at the limit in bytes', () => {
    const { lines, truncated, parser } = run(
      [Buffer.from('7,,ui,say,'), Buffer.alloc(300, 'z'), Buffer.from('zz\n8,,ui,say,ok\n')],
      50
    )
    expect(lines.map((l) => l.data[1])).toEqual(['z'.repeat(40), 'ok'])
    expect(truncated).toEqual([true, false])
    expect(parser.truncatedLines).toBe(1)
    expect(parser.buffered).toBe(0)
  })

  it('holds at most the limit of a huge line spread over many chunks', () => {
    const lines: MachineReadableLine[] = []
    const parser = new MachineReadableParser((line) => lines.push(line))
    const held = () => parser.buffered
    const chunk = Buffer.alloc(64 * 1024, 'y')
    parser.push('1,,ui,say,')
    let most = 0
    for (let i = 0; i < 80; i++) {
      // 5 MiB without a newline
      parser.push(chunk)
      most = Math.max(most, held())
    }
    parser.push('\n3,,ui,say,next\n')
    parser.end()
    expect(most).toBe(DEFAULT_MAX_LINE_LENGTH)
    expect(held()).toBe(0)
    expect(parser.truncatedLines).toBe(1)
    expect(lines).toHaveLength(2)
    expect(lines[0].data[1]).toHaveLength(DEFAULT_MAX_LINE_LENGTH - '1,,ui,say,'.length)
    expect(lines[1]).toEqual({ timestamp: 3, target: '', type: 'ui', data: ['say', 'next'] })
  })
})

describe('parsing in place, within the decoded chunk', () => {
  it.each(TRANSCRIPTS)('reads %s whole as it reads it line by line', (file) => {
    const text = fixture(file)
    const oneByOne = text
      .split('\n')
      .map((line) => parseMachineReadableLine(line))
      .filter((line) => line !== undefined)
    expect(run([text]).lines).toEqual(oneByOne)
    expect(run([Buffer.from(text)]).lines).toEqual(oneByOne)
  })

  it('never reads past the end of a line into the next one', () => {
    // `ui,s` cut short, then a line that starts with what would complete `say,`.
    const { lines } = run([Buffer.from('1,,ui,s\ny,2,ui,message,x\n3,,ui,e\nor,\n')])
    expect(lines[0]).toEqual({ timestamp: 1, target: '', type: 'ui', data: ['s'] })
    expect(lines[1]).toEqual({ timestamp: 3, target: '', type: 'ui', data: ['e'] })
    expect(run(['7,,ui\n,say,x\n']).lines).toEqual([
      { timestamp: 7, target: '', type: 'ui', data: [] }
    ])
  })

  it('does not take an escape of a later line for one of this line', () => {
    const text = '1,,ui,say,plain\n2,,ui,say,a%!(PACKER_COMMA)b\\nc\n3,,ui,say,plain too\n'
    expect(run([text]).lines.map((l) => l.data[1])).toEqual(['plain', 'a,b\nc', 'plain too'])
  })
})
