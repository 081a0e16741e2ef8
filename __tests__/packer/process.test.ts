import { describe, expect, it } from '@jest/globals'
import { signalFor } from '../../src/packer/process.js'

describe('signalFor', () => {
  it('sends SIGINT to the process group first, then SIGTERM', () => {
    expect([1, 2, 3].map((n) => signalFor(true, n))).toEqual(['SIGINT', 'SIGTERM', 'SIGTERM'])
  })

  it("leaves the first signal to the console on Windows, where a kill would skip Packer's cleanup", () => {
    expect([1, 2].map((n) => signalFor(false, n))).toEqual([undefined, 'SIGTERM'])
  })
})
