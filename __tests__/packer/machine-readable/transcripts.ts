/** The Packer transcripts the machine-readable tests read (see __tests__/data/packer/README.md). */
import { readFileSync } from 'node:fs'
import {
  BuildTracker,
  type RunSummary
} from '../../../src/packer/machine-readable/build-tracker.js'
import { MachineReadableParser } from '../../../src/packer/machine-readable/parser.js'
import type { MachineReadableLine } from '../../../src/packer/types.js'

export const fixture = (name: string): string =>
  readFileSync(new URL(`../../data/packer/${name}`, import.meta.url), 'utf8')

/** Every whole transcript: what parsing in place, within the decoded chunk, must read as line by line. */
export const TRANSCRIPTS = [
  'captured/amazon-ebs-double.txt',
  'captured/cancel.txt',
  'captured/legacy.txt',
  'captured/multi-build-run1.txt',
  'captured/unknown-source.txt',
  'captured-1.9.4/amazon-ebs-cancel-copies.txt',
  'captured-1.9.4/amazon-ebs-double.txt',
  'captured-1.9.4/cancel.txt',
  'captured-1.9.4/legacy.txt',
  'captured-1.9.4/multi-build-run1.txt',
  'captured-1.9.4/unknown-source.txt',
  'constructed/amazon-ebs-multi-region.txt',
  'constructed/azure-arm-managed-image.txt',
  'constructed/docker-commit-docker-tag.txt',
  'constructed/googlecompute.txt',
  'constructed/qemu-files.txt',
  'mr-amazon-ebs-authfailure-error.log',
  'mr-hcl2-ui-error-diagnostic-issue11402.txt'
]

/** Every machine-readable line of a whole transcript, in order. */
export function parseMachineReadable(text: string): MachineReadableLine[] {
  const lines: MachineReadableLine[] = []
  const parser = new MachineReadableParser((line) => lines.push(line))
  parser.push(text)
  parser.end()
  return lines
}

/** A whole transcript through the parser and the build tracker, as the action reads Packer's output. */
export function summarizeTranscript(text: string): RunSummary {
  const tracker = new BuildTracker()
  const parser = new MachineReadableParser((line, _truncated, raw) => tracker.consume(line, raw))
  parser.push(text)
  parser.end()
  return tracker.result()
}
