/**
 * The job summary of a run, as GitHub-flavoured markdown with inline HTML. Pure: the caller
 * writes the result with `core.summary.addRaw(markdown).write()`.
 *
 * Every value that came from Packer or the user goes through `escapeHtml`, which also neutralises
 * the characters markdown would act on (`|` would split a table cell, a backtick open a code span,
 * `[` start a link, `*` emphasis). Long texts go in `<pre>` blocks, never in fenced code blocks,
 * whose content cannot be escaped.
 */
import type { Artifact, BuildResult, BuildStatus, Finding } from './packer/types.js'

export interface SummaryReport {
  /** The action's command: `build`, `validate`, `fmt`, … */
  command: string
  /** The Packer version that ran, when known. */
  packerVersion?: string
  /** The template path(s), relative to the repository root. */
  templates: string[]
  status: BuildStatus
  /** Milliseconds the whole run took. */
  durationMs?: number
  builds: BuildResult[]
  /** Findings of `packer validate`, and diagnostics of `packer build`. */
  validateFindings?: Finding[]
  /** Findings of `packer fmt -check`. */
  fmtFindings?: Finding[]
  /** Why the run failed, when it did; shown as it stands (escaped). */
  error?: string
}

/** Rows shown per table; the rest are counted, the log has them all. */
export const MAX_ROWS = 50
/** Characters shown of one error text. */
export const MAX_TEXT = 4000

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '|': '&#124;',
  '`': '&#96;',
  '\\': '&#92;',
  '[': '&#91;',
  ']': '&#93;',
  '*': '&#42;',
  _: '&#95;',
  '~': '&#126;'
}

/** Text made inert in both HTML and markdown: it renders as the characters it holds. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'|`\\[\]*_~]/g, (c) => ENTITIES[c])
}

/** Escaped, on one line: for table cells, where a newline would end the table. */
export function inline(value: string): string {
  return escapeHtml(value.replace(/\r\n?/g, '\n').trim()).replace(/\n/g, '<br>')
}

export function code(value: string): string {
  return `<code>${inline(value)}</code>`
}

/** `1m 05s`, `42s`, `2h 03m 07s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '—'
  const total = Math.round(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number): string => String(n).padStart(2, '0')
  if (h > 0) return `${h}h ${pad(m)}m ${pad(s)}s`
  if (m > 0) return `${m}m ${pad(s)}s`
  return `${s}s`
}

const STATUS: Record<BuildStatus, string> = {
  succeeded: '✓ succeeded',
  failed: '✗ failed',
  cancelled: '⊘ cancelled'
}

function statusText(status: BuildStatus): string {
  return STATUS[status] ?? inline(String(status))
}

/** A markdown table of cells already escaped; at most MAX_ROWS rows, the rest counted. */
export function table(headers: string[], rows: string[][]): string {
  const shown = rows.slice(0, MAX_ROWS)
  const lines = [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...shown.map((cells) => `| ${cells.map((c) => c || '—').join(' | ')} |`)
  ]
  if (rows.length > shown.length) {
    lines.push('', `…and ${rows.length - shown.length} more; the step log has them all.`)
  }
  return lines.join('\n')
}

function pre(text: string): string {
  const clipped =
    text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n… (cut; the step log has it all)` : text
  return `<pre>${escapeHtml(clipped.replace(/\r\n?/g, '\n').trimEnd())}</pre>`
}

/** The rows of one artifact: one per AMI region, image, tag or file list. */
function artifactRows(artifact: Artifact): string[][] {
  const build = inline(artifact.build)
  const row = (kind: string, where: string | undefined, id: string): string[] => [
    build,
    kind,
    where ? inline(where) : '',
    code(id)
  ]
  const parsed = artifact.parsed
  const rows: string[][] = []
  switch (parsed.kind) {
    case 'amazon':
      for (const [region, ami] of Object.entries(parsed.amis)) rows.push(row('AMI', region, ami))
      break
    case 'azure':
      if (parsed.managedImageId || parsed.managedImageName) {
        rows.push(
          row(
            'Managed image',
            parsed.managedImageResourceGroup,
            (parsed.managedImageId ?? parsed.managedImageName)!
          )
        )
      }
      if (parsed.galleryImageVersionId) {
        rows.push(row('Gallery image version', undefined, parsed.galleryImageVersionId))
      }
      if (parsed.vhdUri) rows.push(row('VHD', undefined, parsed.vhdUri))
      break
    case 'googlecompute':
      rows.push(row('Image', parsed.project, parsed.image))
      break
    case 'docker':
      if (parsed.imageId) rows.push(row('Image', undefined, parsed.imageId))
      if (parsed.repositoryTag) rows.push(row('Tag', undefined, parsed.repositoryTag))
      break
    case 'files': {
      const files = parsed.files.slice(0, 20).map(code)
      if (parsed.files.length > files.length) files.push(`…and ${parsed.files.length - 20} more`)
      if (files.length) rows.push([build, 'Files', '', files.join('<br>')])
      break
    }
    default:
      break
  }
  if (rows.length === 0 && (artifact.id || artifact.description)) {
    rows.push(
      row(
        inline(artifact.builderType || 'Artifact'),
        undefined,
        artifact.id || artifact.description
      )
    )
  }
  return rows
}

function location(finding: Finding): string {
  if (!finding.file) return ''
  return code(finding.line === undefined ? finding.file : `${finding.file}:${finding.line}`)
}

function findingsTable(findings: Finding[]): string {
  return table(
    ['Severity', 'Location', 'Message'],
    findings.map((f) => [
      f.severity === 'warning' ? 'warning' : 'error',
      location(f),
      f.title ? `<strong>${inline(f.title)}</strong>: ${inline(f.message)}` : inline(f.message)
    ])
  )
}

/** The job summary of one run. */
export function renderSummary(report: SummaryReport): string {
  const validateFindings = report.validateFindings ?? []
  const fmtFindings = report.fmtFindings ?? []
  const artifacts = report.builds.flatMap((b) => b.artifacts)
  const sections: string[] = []

  sections.push(`### Packer ${inline(report.command)}: ${statusText(report.status)}`)
  sections.push(
    table(
      ['Packer', 'Template', 'Duration'],
      [
        [
          report.packerVersion ? inline(report.packerVersion) : '',
          report.templates.map(code).join('<br>'),
          formatDuration(report.durationMs)
        ]
      ]
    )
  )
  if (report.error) sections.push(`**Error**\n\n${pre(report.error)}`)

  if (report.builds.length) {
    sections.push(
      '#### Builds',
      table(
        ['Build', 'Builder', 'Status', 'Duration', 'Artifacts'],
        report.builds.map((b) => [
          inline(b.name),
          inline(b.builderType),
          statusText(b.status),
          formatDuration(b.durationMs),
          String(b.artifacts.length)
        ])
      )
    )
    for (const b of report.builds.filter((b) => b.errors.length)) {
      sections.push(`**Errors of ${inline(b.name)}**\n\n${pre(b.errors.join('\n'))}`)
    }
  }

  const artifactTable = artifacts.flatMap(artifactRows)
  if (artifactTable.length) {
    sections.push('#### Artifacts', table(['Build', 'Artifact', 'Where', 'ID'], artifactTable))
  }
  if (validateFindings.length) {
    sections.push('#### Validation', findingsTable(validateFindings))
  }
  if (fmtFindings.length) {
    sections.push('#### Formatting', findingsTable(fmtFindings))
  }
  if (!report.builds.length && !validateFindings.length && !fmtFindings.length && !report.error) {
    sections.push('No builds and no findings.')
  }
  return sections.join('\n\n') + '\n'
}
