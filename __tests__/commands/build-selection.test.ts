import { describe, expect, it } from '@jest/globals'
import {
  buildNamesFromInspect,
  matchesBuild,
  noBuildSelected,
  selectedBuilds
} from '../../src/commands/build-selection.js'

describe('buildNamesFromInspect', () => {
  it('reads the sources of named and unnamed HCL2 builds (Packer 1.6.6 and 1.9.4 alike)', () => {
    const output = [
      '1795529676,,ui,say,Packer Inspect: HCL2 mode\\n',
      '1795529676,,ui,say,> input-variables:\\n\\nvar.plain: "<unknown>"\\n\\n> local-variables:\\n\\n',
      '1795529676,,ui,say,> builds:\\n\\n  > web:\\n\\n    sources:\\n\\n      file.plain\\n\\n    provisioners:\\n\\n      <no provisioner>\\n\\n    post-processors:\\n\\n      <no post-processor>\\n\\n  > <unnamed build 1>:\\n\\n    sources:\\n\\n      file.plain\\n\\n      file.secret\\n\\n    provisioners:\\n\\n      shell-local\\n'
    ].join('\n')
    expect(buildNamesFromInspect(output)).toEqual(['web.file.plain', 'file.plain', 'file.secret'])
  })

  it("reads a legacy JSON template's builders", () => {
    const output = [
      '1795529677,,ui,say,Builders:\\n',
      '1795529677,,template-builder,file,file',
      '1795529677,,ui,say,  file',
      '1795529677,,template-builder,one,null'
    ].join('\n')
    expect(buildNamesFromInspect(output)).toEqual(['file', 'one'])
  })

  it('finds nothing in output it does not know', () => {
    expect(buildNamesFromInspect('Error: something\n')).toEqual([])
  })
})

describe('matchesBuild', () => {
  it.each([
    ['amazon-ebs.ubuntu', 'amazon-ebs.ubuntu', true],
    ['amazon-ebs.ubuntu', 'amazon-ebs.ubuntu2', false],
    ['amazon-ebs.*', 'amazon-ebs.ubuntu', true],
    ['*.ubuntu', 'amazon-ebs.ubuntu', true],
    ['*.ubuntu', 'docker.debian', false],
    ['docker.deb?an', 'docker.debian', true],
    ['docker.[de]ebian', 'docker.debian', true],
    ['docker.[!d]ebian', 'docker.debian', false],
    ['file.ok', 'file.ok', true],
    ['file.ok', 'fileXok', false],
    // A named build's source also answers to its name without the build's prefix.
    ['file.plain', 'web.file.plain', true],
    ['web.file.plain', 'web.file.plain', true],
    ['other.file.plain', 'web.file.plain', false],
    ['nope', 'file.ok', false],
    ['one', 'one', true]
  ])('%s against %s: %s', (pattern, name, expected) => {
    expect(matchesBuild(pattern, name)).toBe(expected)
  })

  it('errs towards a match on a pattern it cannot read whole', () => {
    expect(matchesBuild('{a', 'file.ok')).toBe(true)
    expect(matchesBuild('[ab', 'file.ok')).toBe(true)
  })
})

describe('selectedBuilds and noBuildSelected', () => {
  const names = ['file.ok', 'null.broken']

  it('keeps what only matches, and what except leaves', () => {
    expect(selectedBuilds(names, { only: ['null.*'], except: [] })).toEqual(['null.broken'])
    expect(selectedBuilds(names, { only: [], except: ['file.ok'] })).toEqual(['null.broken'])
    expect(selectedBuilds(names, { only: ['nope'], except: [] })).toEqual([])
    expect(selectedBuilds(names, { only: [], except: ['file.ok', 'null.broken'] })).toEqual([])
    expect(selectedBuilds(names, { only: [], except: [] })).toEqual(names)
  })

  it('names the input, its values and the builds there are', () => {
    expect(noBuildSelected({ only: ['nope'], except: [] }, names, 'so nothing was built')).toBe(
      "Input 'only' (nope) matches none of the template's builds, so nothing was built; its builds: file.ok, null.broken"
    )
    expect(noBuildSelected({ only: [], except: ['*'] }, [], 'so a build would build nothing')).toBe(
      "Input 'except' (*) leaves none of the template's builds, so a build would build nothing; packer inspect could not list them"
    )
  })
})
