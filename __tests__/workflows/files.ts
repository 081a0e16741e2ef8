/**
 * The workflow files under test, parsed once, and the name under which the action and its reusable
 * workflows are published: the README's usage section is what users copy, so the workflows must
 * call the action by that same owner and major tag.
 */
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const REPO_NAME = 'packer-image-action'
export const WORKFLOW_DIRS = ['.github/workflows', 'templates/workflows']
export const FIXTURES = path.join(ROOT, '__tests__/data/workflows')

export type Permissions = string | Record<string, string>

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, unknown>
  env?: Record<string, unknown>
  'timeout-minutes'?: number | string
  'working-directory'?: string
}

export interface Job {
  name?: string
  uses?: string
  needs?: string | string[]
  if?: string
  permissions?: Permissions
  outputs?: Record<string, string>
  steps?: Step[]
  with?: Record<string, unknown>
  secrets?: string | Record<string, string>
  'timeout-minutes'?: number | string
  strategy?: unknown
  environment?: unknown
}

export interface CallInput {
  type?: string
  required?: boolean
  default?: unknown
  description?: string
}

export interface WorkflowCall {
  inputs?: Record<string, CallInput>
  outputs?: Record<string, { description?: string; value?: string }>
  secrets?: Record<string, { description?: string; required?: boolean }>
}

export interface Workflow {
  name?: string
  on?: Record<string, unknown> & { workflow_call?: WorkflowCall | null }
  permissions?: Permissions
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean | string } | string
  jobs: Record<string, Job>
}

export interface WorkflowFile {
  /** Path relative to the repository root (or the fixture folder), with forward slashes. */
  rel: string
  text: string
  doc: Workflow
}

export interface ActionYml {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>
  outputs: Record<string, { description?: string }>
}

export function readWorkflowFile(abs: string, rel: string): WorkflowFile {
  const text = readFileSync(abs, 'utf8')
  return { rel, text, doc: parse(text) as Workflow }
}

export function workflowPaths(): string[] {
  return WORKFLOW_DIRS.flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => `${dir}/${name}`)
  )
}

export function loadWorkflows(): WorkflowFile[] {
  return workflowPaths().map((rel) => readWorkflowFile(path.join(ROOT, rel), rel))
}

export function fixturePaths(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
}

export function loadFixture(name: string): WorkflowFile {
  return readWorkflowFile(path.join(FIXTURES, name), `__tests__/data/workflows/${name}`)
}

export function readActionYml(): ActionYml {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml
}

/** `org` in the README's `uses: org/packer-image-action@v1`, and the `v1`. */
export function publishedName(): { owner: string; major: string } {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const match = new RegExp(`uses: ([\\w.-]+)/${REPO_NAME}@(v\\d+)\\b`).exec(readme)
  if (!match) throw new Error(`README.md shows no 'uses: <owner>/${REPO_NAME}@vN'`)
  return { owner: match[1], major: match[2] }
}

export function isReusable(file: WorkflowFile): boolean {
  return file.doc.on !== undefined && 'workflow_call' in file.doc.on
}

/**
 * packer-build.yml with the merge job's download pattern mistyped, so that it matches no artifact
 * the legs upload: a runtime defect that neither linter reports (lint.test.ts and
 * language-service.test.ts show it) and the run under act catches (act/packer-build.int.test.ts).
 */
export function withMistypedDownloadPattern(packerBuildYml: string): string {
  const pattern = 'pattern: ${{ inputs.artifact-prefix }}-manifest-*'
  const found = packerBuildYml.split(pattern).length - 1
  if (found !== 1) throw new Error(`packer-build.yml: expected '${pattern}' once, found ${found}`)
  return packerBuildYml.replace(pattern, 'pattern: ${{ inputs.artifact-prefix }}-manifests-*')
}

/** A fenced YAML example in the docs, as users copy it. */
export interface DocExample {
  /** `file:line` of the fence. */
  where: string
  text: string
}

/** Every ```yaml block of README.md and the Markdown under docs/ and templates/. */
export function loadDocExamples(): DocExample[] {
  const files = ['README.md', ...markdownBelow('docs'), ...markdownBelow('templates')]
  return files.flatMap((rel) => {
    const lines = readFileSync(path.join(ROOT, rel), 'utf8').split('\n')
    const examples: DocExample[] = []
    for (let i = 0; i < lines.length; i++) {
      if (!/^```ya?ml\s*$/.test(lines[i])) continue
      const end = lines.indexOf('```', i + 1)
      if (end < 0) throw new Error(`${rel}:${i + 1}: a YAML block that is never closed`)
      examples.push({ where: `${rel}:${i + 1}`, text: lines.slice(i + 1, end).join('\n') + '\n' })
      i = end
    }
    return examples
  })
}

function markdownBelow(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${dir}/${name.split(path.sep).join('/')}`)
}
