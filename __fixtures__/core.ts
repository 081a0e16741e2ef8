/**
 * Typed mocks of @actions/core, shared by every unit test that needs them. Use with
 * `jest.unstable_mockModule('@actions/core', () => core)` before importing the module under test.
 */
import { jest } from '@jest/globals'
import type * as coreModule from '@actions/core'

export const debug = jest.fn<typeof coreModule.debug>()
export const info = jest.fn<typeof coreModule.info>()
export const notice = jest.fn<typeof coreModule.notice>()
export const warning = jest.fn<typeof coreModule.warning>()
export const error = jest.fn<typeof coreModule.error>()
export const getInput = jest.fn<typeof coreModule.getInput>()
export const setOutput = jest.fn<typeof coreModule.setOutput>()
export const setFailed = jest.fn<typeof coreModule.setFailed>()
export const setSecret = jest.fn<typeof coreModule.setSecret>()
export const addPath = jest.fn<typeof coreModule.addPath>()
export const exportVariable = jest.fn<typeof coreModule.exportVariable>()
export const saveState = jest.fn<typeof coreModule.saveState>()
export const getState = jest.fn<typeof coreModule.getState>()
export const isDebug = jest.fn<typeof coreModule.isDebug>(() => false)
export const startGroup = jest.fn<typeof coreModule.startGroup>()
export const endGroup = jest.fn<typeof coreModule.endGroup>()
export const group = jest.fn(async <T>(_name: string, fn: () => Promise<T>): Promise<T> => fn())

/** Everything `info` was called with, one string. */
export function infoText(): string {
  return info.mock.calls.map((c) => String(c[0])).join('\n')
}
