import { describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { COMMANDS, PACKER_COMMANDS, type Command } from '../../src/action/constants.js'
import { COMMAND_DEFINITIONS } from '../../src/commands/registry.js'

/** Values that satisfy every command's required inputs. */
const REQUIRED: Record<string, string> = {
  manifests: 'manifest.json',
  'tfvars-file': 'images.auto.tfvars',
  'image-name-filter': 'web-*',
  stage: 'testing'
}

function reader(values: Record<string, string>) {
  return (name: string): string => values[name] ?? ''
}

function namesRead(command: Command): Set<string> {
  const names = new Set<string>()
  COMMAND_DEFINITIONS[command].readInputs((name) => {
    names.add(name)
    return REQUIRED[name] ?? ''
  })
  return names
}

describe('the registry', () => {
  it('defines every command, and installs Packer for the Packer commands only', () => {
    expect(Object.keys(COMMAND_DEFINITIONS).sort()).toEqual([...COMMANDS].sort())
    for (const command of COMMANDS) {
      expect({ command, needsPacker: COMMAND_DEFINITIONS[command].needsPacker }).toEqual({
        command,
        needsPacker: (PACKER_COMMANDS as readonly string[]).includes(command)
      })
    }
  })

  it('has each command read the inputs action.yml says are "with" it, and no other command', () => {
    const inputs = parse(readFileSync('action.yml', 'utf8')).inputs as Record<
      string,
      { description: string }
    >
    let checked = 0
    for (const [input, { description }] of Object.entries(inputs)) {
      const withCommands = /^(?:Required with|With) ((?:`[a-z-]+`(?:,| and| or)? ?)+):/.exec(
        description
      )
      if (!withCommands) continue
      const named = [...withCommands[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]).sort()
      const readers = COMMANDS.filter((command) => namesRead(command).has(input)).sort()
      expect({ input, readers }).toEqual({ input, readers: named })
      checked++
    }
    // manifests, tfvars-file, ami-ids, tfvars-mapping, the six of cleanup, the three of promote.
    expect(checked).toBe(13)
  })

  it('has install read no input of its own', () => {
    expect([...namesRead('install')]).toEqual([])
  })
})

describe('prepare', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'pia-registry-'))
  const workspace = path.join(base, 'workspace')
  mkdirSync(path.join(workspace, 'images', 'sub'), { recursive: true })
  writeFileSync(path.join(workspace, 'images', 'main.pkr.hcl'), '')
  writeFileSync(path.join(base, 'outside.hcl'), 'x = 1\n')
  symlinkSync(path.join(base, 'outside.hcl'), path.join(workspace, 'images', 'sub', 'x.pkr.hcl'))

  const prepare = (command: Command, values: Record<string, string>) => {
    const definition = COMMAND_DEFINITIONS[command]
    return definition.prepare(definition.readInputs(reader(values)), workspace)
  }

  it.each([
    ['fmt', 'true'],
    ['validate', 'true']
  ] as const)(
    'refuses a symlink below the template folder that packer fmt -recursive would follow (%s)',
    (command, fmtCheck) => {
      expect(() => prepare(command, { template: 'images', 'fmt-check': fmtCheck })).toThrow(
        /^Input 'template' names 'images\/sub\/x\.pkr\.hcl', which resolves to .*outside\.hcl, outside the workspace/
      )
    }
  )

  it.each([
    ['build', 'true'],
    ['validate', 'false'],
    ['init', 'true']
  ] as const)(
    'ignores it where Packer does not look below the folder (%s)',
    (command, fmtCheck) => {
      expect(prepare(command, { template: 'images', 'fmt-check': fmtCheck }).report).toEqual({
        kind: 'packer',
        report: {
          command,
          templates: ['images'],
          status: 'succeeded',
          builds: [],
          validateFindings: [],
          fmtFindings: []
        }
      })
    }
  )

  it('checks var-files for the commands that pass them to Packer only', () => {
    const values = { template: 'images/main.pkr.hcl', 'var-files': 'missing.pkrvars.hcl' }
    for (const command of ['validate', 'build'] as const) {
      expect(() => prepare(command, values)).toThrow(
        /^Input 'var-files' names 'missing\.pkrvars\.hcl', which is not a file/
      )
    }
    for (const command of ['init', 'fmt'] as const) {
      expect(prepare(command, values).report?.kind).toBe('packer')
    }
  })

  it('gives install no job summary', () => {
    expect(prepare('install', {}).report).toBeUndefined()
  })

  it('checks the working directory of the lifecycle commands that read files only', () => {
    const values = { ...REQUIRED, 'working-directory': 'nowhere' }
    for (const command of ['merge-manifests', 'tfvars'] as const) {
      expect(() => prepare(command, values)).toThrow(
        "Input 'working-directory' is 'nowhere', which is not a directory"
      )
    }
    for (const command of ['cleanup', 'promote'] as const) {
      expect(prepare(command, values).report).toEqual({ kind: 'lifecycle', command, report: {} })
    }
  })
})
