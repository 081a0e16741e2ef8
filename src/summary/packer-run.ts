/**
 * The job summary of a Packer command (and of the builds a merged manifest holds). Pure: the
 * caller writes the result with `core.summary.addRaw(markdown).write()`.
 */
import type { Artifact, BuildResult, BuildStatus, Finding } from '../packer/types.js'
import { code, formatDuration, inline, pre, table } from './markdown.js'

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
  /** The files `packer fmt` rewrote (relative to the repository root). */
  formatted?: string[]
  /** Why the run failed, when it did; shown as it stands (escaped). */
  error?: string
}

const STATUS: Record<BuildStatus, string> = {
  succeeded: '✓ succeeded',
  failed: '✗ failed',
  cancelled: '⊘ cancelled'
}

function statusText(status: BuildStatus): string {
  return STATUS[status] ?? inline(String(status))
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
    // What packer validate said, and the diagnostics of packer build.
    sections.push(
      report.command === 'build' ? '#### Diagnostics' : '#### Validation',
      findingsTable(validateFindings)
    )
  }
  if (fmtFindings.length) {
    sections.push('#### Formatting', findingsTable(fmtFindings))
  }
  const formatted = report.formatted ?? []
  if (formatted.length) {
    sections.push(
      '#### Formatted',
      table(
        ['Rewritten by packer fmt'],
        formatted.map((f) => [code(f)])
      )
    )
  }
  if (
    !report.builds.length &&
    !validateFindings.length &&
    !fmtFindings.length &&
    !formatted.length &&
    !report.error
  ) {
    sections.push('No builds and no findings.')
  }
  return sections.join('\n\n') + '\n'
}
