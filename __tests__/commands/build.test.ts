import { describe, expect, it, jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { buildNamesFromInspect } = await import('../../src/commands/build.js')

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
