import { describe, expect, it } from '@jest/globals'
import type { SummaryReport } from '../../src/summary/packer-run.js'
import { pre } from '../../src/summary/markdown.js'
import { renderCommandSummary } from '../../src/summary/report.js'

const packerReport = (): SummaryReport => ({
  command: 'validate',
  packerVersion: '1.9.4',
  templates: ['images'],
  status: 'succeeded',
  builds: [],
  validateFindings: [],
  fmtFindings: []
})

describe('renderCommandSummary of a Packer run', () => {
  it('shows success, with the duration of the whole run', () => {
    const markdown = renderCommandSummary(
      { kind: 'packer', report: packerReport() },
      undefined,
      65_000
    )
    expect(markdown).toMatch(/^### Packer validate: ✓ succeeded\n/)
    expect(markdown).toContain('| 1m 05s |')
    expect(markdown).not.toContain('**Error**')
  })

  it.each([
    [false, '✗ failed'],
    [true, '⊘ cancelled']
  ])('shows a failure (cancelled: %p) and its message', (cancelled, status) => {
    const markdown = renderCommandSummary(
      { kind: 'packer', report: packerReport() },
      { message: 'packer validate failed: <boom>', cancelled },
      1000
    )
    expect(markdown).toMatch(new RegExp(`^### Packer validate: ${status}\\n`))
    expect(markdown).toContain('**Error**')
    expect(markdown).toContain('packer validate failed: &lt;boom&gt;')
  })

  it('cleans what the command reported before rendering it', () => {
    const report = { ...packerReport(), templates: ['images/hunter22'] }
    const markdown = renderCommandSummary({ kind: 'packer', report }, undefined, 0, (value) =>
      JSON.parse(JSON.stringify(value).replaceAll('hunter22', 'REDACTED'))
    )
    expect(markdown).toContain('<code>images/REDACTED</code>')
    expect(markdown).not.toContain('hunter22')
  })
})

describe('renderCommandSummary of a lifecycle command', () => {
  it("gives the command's own markdown, and its failure", () => {
    const report = { markdown: '### Promoted to testing' }
    expect(
      renderCommandSummary({ kind: 'lifecycle', command: 'promote', report }, undefined, 0)
    ).toBe('### Promoted to testing\n')
    expect(
      renderCommandSummary(
        { kind: 'lifecycle', command: 'promote', report },
        { message: 'Cannot promote <ami>', cancelled: false },
        0
      )
    ).toBe('### Promoted to testing\n\n**Failed:** Cannot promote &lt;ami&gt;\n')
  })

  it('renders the builds of merge-manifests as a run of that command', () => {
    const markdown = renderCommandSummary(
      { kind: 'lifecycle', command: 'merge-manifests', report: { builds: [] } },
      { message: 'nothing matches', cancelled: false },
      2000
    )
    expect(markdown).toMatch(/^### Packer merge-manifests: ✗ failed\n/)
    expect(markdown).toContain('nothing matches')
  })
})

describe('renderCommandSummary of refused inputs', () => {
  it('names the command as given and shows the error, escaped', () => {
    const text = renderCommandSummary(
      { kind: 'inputs', command: 'bui<ld' },
      { message: "Input 'on-error' is 'ask', which <waits>", cancelled: false },
      5
    )
    expect(text).toBe(
      [
        '### Packer bui&lt;ld: ✗ failed',
        "The step's inputs were refused before anything was downloaded or run.",
        `**Error**\n\n${pre("Input 'on-error' is 'ask', which <waits>")}`
      ].join('\n\n') + '\n'
    )
    expect(text).not.toContain('<waits>')
  })
})
