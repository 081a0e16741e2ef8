/** action.yml, the constants, and the README describe one interface. */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { Inputs, Outputs } from '../src/action/constants.js'
// @ts-expect-error plain JS module without types
import { renderTables, updateReadme } from '../scripts/readme-tables.js'
import { readActionYml, ROOT } from './support/runner.js'

const action = readActionYml()

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs.using).toBe('node24')
    expect(action.runs.main).toBe('dist/index.js')
  })

  it('declares exactly the inputs the code reads, each with a description and a default', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort())
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect({ name, description: spec.description?.length > 20 }).toEqual({
        name,
        description: true
      })
      expect({ name, hasDefault: 'default' in spec }).toEqual({ name, hasDefault: true })
    }
  })

  it('declares exactly the outputs the code sets, each with a description', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort())
    for (const spec of Object.values(action.outputs))
      expect(spec.description.length).toBeGreaterThan(10)
  })
})

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const actionText = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')

  it('has inputs and outputs tables that match action.yml (npm run docs)', () => {
    expect(updateReadme(readme, renderTables(actionText))).toBe(readme)
  })

  it('the table check notices a stale README', () => {
    const stale = readme.replace('| `packer-version` |', '| `packer-versions` |')
    expect(updateReadme(stale, renderTables(actionText))).not.toBe(stale)
  })
})
