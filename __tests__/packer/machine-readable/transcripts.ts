/** The Packer transcripts the machine-readable tests read (see __tests__/data/packer/README.md). */
import { readFileSync } from 'node:fs'

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
