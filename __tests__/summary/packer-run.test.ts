import { describe, expect, it } from '@jest/globals'
import type { Artifact, BuildResult } from '../../src/packer/types.js'
import { escapeHtml, formatDuration, MAX_ROWS } from '../../src/summary/markdown.js'
import { renderSummary, type SummaryReport } from '../../src/summary/packer-run.js'

const HOSTILE = `<img src=x onerror=alert(1)>|\`x\`[a](http://e)*b*'"&`
const HOSTILE_ESCAPED =
  '&lt;img src=x onerror=alert(1)&gt;&#124;&#96;x&#96;&#91;a&#93;(http://e)&#42;b&#42;&#39;&quot;&amp;'

function amazon(build: string, amis: Record<string, string>): Artifact {
  return {
    build,
    builderType: 'amazon-ebs',
    builderId: 'mitchellh.amazonebs',
    id: Object.entries(amis)
      .map(([r, a]) => `${r}:${a}`)
      .join(','),
    description: 'AMIs were created',
    files: [],
    parsed: { kind: 'amazon', amis }
  }
}

function report(overrides: Partial<SummaryReport> = {}): SummaryReport {
  return {
    command: 'build',
    packerVersion: '1.11.2',
    templates: ['templates/packer/ubuntu.pkr.hcl'],
    status: 'succeeded',
    durationMs: 65_000,
    builds: [],
    ...overrides
  }
}

/** Raw `<` and `>` are only those of the tags the renderer writes itself. */
function tagsOf(markdown: string): string[] {
  return [...new Set(markdown.match(/<\/?[a-z]+>?/g) ?? [])].sort()
}

describe('escapeHtml', () => {
  it('escapes HTML and the markdown characters that would act', () => {
    expect(escapeHtml(HOSTILE)).toBe(HOSTILE_ESCAPED)
    expect(escapeHtml('a\\b _c_ ~d~')).toBe('a&#92;b &#95;c&#95; &#126;d&#126;')
  })
})

describe('formatDuration', () => {
  it('formats like 1m 05s', () => {
    expect(formatDuration(65_000)).toBe('1m 05s')
    expect(formatDuration(42_400)).toBe('42s')
    expect(formatDuration(400)).toBe('0s')
    expect(formatDuration(59_600)).toBe('1m 00s')
    expect(formatDuration(2 * 3600_000 + 3 * 60_000 + 7_000)).toBe('2h 03m 07s')
    expect(formatDuration(undefined)).toBe('—')
  })
})

describe('renderSummary', () => {
  it('renders a multi-region amazon build: one row per region', () => {
    const md = renderSummary(
      report({
        builds: [
          {
            name: 'amazon-ebs.ubuntu',
            builderType: 'amazon-ebs',
            status: 'succeeded',
            durationMs: 725_000,
            errors: [],
            artifacts: [
              amazon('amazon-ebs.ubuntu', { 'us-east-1': 'ami-0abc', 'us-east-2': 'ami-0def' })
            ]
          }
        ]
      })
    )
    expect(md).toContain('### Packer build: ✓ succeeded')
    expect(md).toContain('| 1.11.2 | <code>templates/packer/ubuntu.pkr.hcl</code> | 1m 05s |')
    expect(md).toContain('| amazon-ebs.ubuntu | amazon-ebs | ✓ succeeded | 12m 05s | 1 |')
    expect(md).toContain('| Build | Artifact | Where | ID |')
    expect(md).toContain('| amazon-ebs.ubuntu | AMI | us-east-1 | <code>ami-0abc</code> |')
    expect(md).toContain('| amazon-ebs.ubuntu | AMI | us-east-2 | <code>ami-0def</code> |')
    expect(md).not.toContain('Error')
  })

  it('renders a failed build with its error and the run error', () => {
    const md = renderSummary(
      report({
        status: 'failed',
        error: '1 of 2 build(s) failed: amazon-ebs.example',
        builds: [
          {
            name: 'amazon-ebs.example',
            builderType: 'amazon-ebs',
            status: 'failed',
            durationMs: 2_414,
            errors: [
              "Error: AMI Name: 'base-v0-7-2' is used by an existing AMI: ami-0daaeb3aa7ff3b270"
            ],
            artifacts: []
          },
          {
            name: 'docker.app',
            builderType: 'docker',
            status: 'succeeded',
            errors: [],
            artifacts: [
              {
                build: 'docker.app',
                builderType: 'docker',
                builderId: 'packer.post-processor.docker-tag',
                id: 'setevoy/ubuntu_nginx:1.0',
                description: '',
                files: [],
                parsed: {
                  kind: 'docker',
                  imageId: 'sha256:c3f6',
                  repositoryTag: 'setevoy/ubuntu_nginx:1.0'
                }
              }
            ]
          }
        ]
      })
    )
    expect(md).toContain('### Packer build: ✗ failed')
    expect(md).toContain('**Error**\n\n<pre>1 of 2 build(s) failed: amazon-ebs.example</pre>')
    expect(md).toContain('| amazon-ebs.example | amazon-ebs | ✗ failed | 2s | 0 |')
    expect(md).toContain('| docker.app | docker | ✓ succeeded | — | 1 |')
    expect(md).toContain(
      '**Errors of amazon-ebs.example**\n\n<pre>Error: AMI Name: &#39;base-v0-7-2&#39; is used by an existing AMI: ami-0daaeb3aa7ff3b270</pre>'
    )
    expect(md).toContain('| docker.app | Image | — | <code>sha256:c3f6</code> |')
    expect(md).toContain('| docker.app | Tag | — | <code>setevoy/ubuntu&#95;nginx:1.0</code> |')
  })

  it('renders the validate findings table and the fmt findings', () => {
    const md = renderSummary(
      report({
        command: 'validate',
        status: 'failed',
        validateFindings: [
          {
            severity: 'error',
            title: 'Unsupported argument',
            message: 'An argument named "efi_boot" is not expected here.',
            file: 'templates/ubuntu.pkr.hcl',
            line: 73
          },
          {
            severity: 'error',
            title: 'Unset variable "release"',
            message: 'A used variable must be set.'
          },
          { severity: 'warning', message: 'Undefined variable' }
        ],
        fmtFindings: [
          {
            severity: 'error',
            title: 'Not formatted',
            message: 'templates/a.pkr.hcl is not formatted; run `packer fmt`',
            file: 'templates/a.pkr.hcl',
            line: 2
          }
        ]
      })
    )
    expect(md).toContain(
      '#### Validation\n\n| Severity | Location | Message |\n| --- | --- | --- |'
    )
    expect(md).toContain(
      '| error | <code>templates/ubuntu.pkr.hcl:73</code> | <strong>Unsupported argument</strong>: An argument named &quot;efi&#95;boot&quot; is not expected here. |'
    )
    expect(md).toContain(
      '| error | — | <strong>Unset variable &quot;release&quot;</strong>: A used variable must be set. |'
    )
    expect(md).toContain('| warning | — | Undefined variable |')
    expect(md).toContain(
      '#### Formatting\n\n| Severity | Location | Message |\n| --- | --- | --- |\n| error | <code>templates/a.pkr.hcl:2</code> | <strong>Not formatted</strong>: templates/a.pkr.hcl is not formatted; run &#96;packer fmt&#96; |'
    )
    expect(md).not.toContain('#### Builds')
  })

  it('heads the findings of a build Diagnostics: they hold packer build errors too', () => {
    const finding = { severity: 'error' as const, message: 'context canceled' }
    expect(renderSummary(report({ validateFindings: [finding] }))).toContain('#### Diagnostics')
    expect(renderSummary(report({ command: 'validate', validateFindings: [finding] }))).toContain(
      '#### Validation'
    )
  })

  it('renders an empty run', () => {
    const md = renderSummary(
      report({
        command: 'validate',
        packerVersion: undefined,
        templates: [],
        durationMs: undefined
      })
    )
    expect(md).toBe(
      [
        '### Packer validate: ✓ succeeded',
        '',
        '| Packer | Template | Duration |',
        '| --- | --- | --- |',
        '| — | — | — |',
        '',
        'No builds and no findings.',
        ''
      ].join('\n')
    )
  })

  it('escapes a hostile value in every place it appears', () => {
    const build: BuildResult = {
      name: HOSTILE,
      builderType: HOSTILE,
      status: 'failed',
      errors: [`${HOSTILE}\n</pre><script>alert(2)</script>`],
      artifacts: [
        amazon(HOSTILE, { [HOSTILE]: HOSTILE }),
        {
          build: HOSTILE,
          builderType: HOSTILE,
          builderId: 'x',
          id: HOSTILE,
          description: HOSTILE,
          files: [HOSTILE],
          parsed: { kind: 'other' }
        },
        {
          build: HOSTILE,
          builderType: 'azure-arm',
          builderId: 'Azure.ResourceManagement.VMImage',
          id: HOSTILE,
          description: '',
          files: [],
          parsed: {
            kind: 'azure',
            managedImageId: HOSTILE,
            managedImageResourceGroup: HOSTILE,
            galleryImageVersionId: HOSTILE,
            vhdUri: HOSTILE
          }
        },
        {
          build: HOSTILE,
          builderType: 'googlecompute',
          builderId: 'packer.googlecompute',
          id: HOSTILE,
          description: '',
          files: [],
          parsed: { kind: 'googlecompute', image: HOSTILE, project: HOSTILE }
        },
        {
          build: HOSTILE,
          builderType: 'docker',
          builderId: 'packer.docker',
          id: HOSTILE,
          description: '',
          files: [],
          parsed: { kind: 'docker', imageId: HOSTILE, repositoryTag: HOSTILE }
        },
        {
          build: HOSTILE,
          builderType: 'qemu',
          builderId: 'transcend.qemu',
          id: 'VM',
          description: '',
          files: [HOSTILE, `${HOSTILE}2`],
          parsed: { kind: 'files', files: [HOSTILE, `${HOSTILE}2`] }
        }
      ]
    }
    const finding = {
      severity: 'error' as const,
      title: HOSTILE,
      message: HOSTILE,
      file: HOSTILE,
      line: 1
    }
    const md = renderSummary({
      command: HOSTILE,
      packerVersion: HOSTILE,
      templates: [HOSTILE, HOSTILE],
      status: 'failed',
      builds: [build],
      validateFindings: [finding],
      fmtFindings: [finding],
      error: HOSTILE
    })
    // Only the renderer's own tags survive: no img, no script, no stray closing pre.
    expect(tagsOf(md)).toEqual([
      '</code>',
      '</pre>',
      '</strong>',
      '<br>',
      '<code>',
      '<pre>',
      '<strong>'
    ])
    expect(md.match(/<pre>/g)).toHaveLength(md.match(/<\/pre>/g)!.length)
    // The only markdown syntax left is the renderer's own `**` labels.
    expect(md.replace(/\*\*(?:Error|Errors of [^*\n]+)\*\*/g, '')).not.toMatch(/[`[\]*'"]/)
    // No raw pipe inside a cell: every table row has exactly its column count.
    for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
      const columns = line.split('|').length - 2
      expect([3, 4, 5]).toContain(columns)
    }
    const count = (s: string): number => md.split(s).length - 1
    expect(count(HOSTILE_ESCAPED)).toBeGreaterThanOrEqual(
      // heading, version, 2 templates, error, build name and builder, build errors heading and text,
      // amazon region + AMI, other, azure (group, image, gallery, vhd), gce image + project,
      // docker id + tag, files, 2 findings x (title, message, file)
      1 + 1 + 2 + 1 + 2 + 2 + 2 + 1 + 4 + 2 + 2 + 2 + 6
    )
    expect(md).toContain(`### Packer ${HOSTILE_ESCAPED}: ✗ failed`)
    expect(md).toContain(
      `<pre>${HOSTILE_ESCAPED}\n&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</pre>`
    )
    expect(md).toContain(
      `| ${HOSTILE_ESCAPED} | AMI | ${HOSTILE_ESCAPED} | <code>${HOSTILE_ESCAPED}</code> |`
    )
    expect(md).toContain(`<code>${HOSTILE_ESCAPED}:1</code>`)
  })

  it('keeps a long table and a long error compact', () => {
    const findings = Array.from({ length: MAX_ROWS + 7 }, (_, i) => ({
      severity: 'error' as const,
      message: `m${i}`
    }))
    const md = renderSummary(
      report({ status: 'failed', validateFindings: findings, error: 'x'.repeat(10_000) })
    )
    expect(md).toContain('| error | — | m49 |')
    expect(md).not.toContain('| error | — | m50 |')
    expect(md).toContain('…and 7 more; the step log has them all.')
    expect(md).toContain('… (cut; the step log has it all)</pre>')
    expect(md.length).toBeLessThan(10_000)
  })

  it('renders a cancelled run', () => {
    expect(renderSummary(report({ status: 'cancelled' }))).toContain(
      '### Packer build: ⊘ cancelled'
    )
  })
})
