/**
 * packer-validate.yml under act: one leg per template running the committed action with Packer,
 * each leg's result through act's artifact server into the summary job, whose `result` output
 * the caller reads.
 */
import { beforeAll, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { createSigningKey, MIRROR_VERSION, startMirror } from '../support/mirror.js'
import {
  actionCacheWithPacker,
  createCallerRepo,
  jobOutputs,
  reportJob,
  expectExit,
  runAct,
  type ActResult
} from '../support/act/index.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(200_000)

let actionCache: string

beforeAll(async () => {
  actionCache = await actionCacheWithPacker()
}, 300_000)

/** A template `packer fmt -check` and `packer validate` accept, with no variables. */
const CLEAN = `source "file" "hello" {
  content = "hello"
  target  = "hello.txt"
}

build {
  sources = ["source.file.hello"]
}
`

function caller(templates: string[], extra = ''): string {
  return `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  validate:
    uses: org/packer-image-action/.github/workflows/packer-validate.yml@v1
    permissions:
      contents: read
    with:
      working-directory: packer
      templates: '${JSON.stringify(templates)}'
${extra || `      packer-version: '${MIRROR_VERSION}'\n`}${reportJob('report', ['validate'])}`
}

function validate(templates: string[]): Promise<ActResult> {
  const repo = createCallerRepo(
    { '.github/workflows/caller.yml': caller(templates), 'packer/clean/main.pkr.hcl': CLEAN },
    {
      'packer/hcl-error': '__tests__/data/templates/hcl-error',
      'packer/unformatted': '__tests__/data/templates/unformatted'
    }
  )
  return runAct({ repo, workflow: '.github/workflows/caller.yml', actionCache, timeoutMs: 150_000 })
}

/** The summary table rows the summary job wrote, as act prints the step summary. */
function summaryRows(log: string): string[] {
  return log.split('\n').filter((line) => /^\| `[^`]+` \|/.test(line))
}

describe('packer-validate.yml under act', () => {
  it('installs Packer from the mirror its releases-url names, verified with its releases-signing-key', async () => {
    const key = await createSigningKey()
    const mirror = await startMirror({ signWith: key })
    try {
      const armored = key.armoredPublic
        .trim()
        .split('\n')
        .map((line) => `        ${line}`)
        .join('\n')
      const repo = createCallerRepo({
        '.github/workflows/caller.yml': caller(
          ['clean'],
          [
            "      packer-version: '~1.9'",
            `      releases-url: ${mirror.url}`,
            '      releases-signing-key: |',
            armored,
            ''
          ].join('\n')
        ),
        'packer/clean/main.pkr.hcl': CLEAN
      })
      // A runner whose tool cache is empty: Packer must come from the mirror.
      const run = await runAct({
        repo,
        workflow: '.github/workflows/caller.yml',
        actionCache: mkdtempSync(path.join(tmpdir(), 'pia-act-cache-')),
        timeoutMs: 150_000
      })
      expectExit(run, 0)
      expect(run.results).toMatchObject({
        report: { validate: { outputs: { result: 'success' } } }
      })
      expect(mirror.paths()).toEqual(
        expect.arrayContaining([
          '/packer/index.json',
          `/packer/${MIRROR_VERSION}/packer_${MIRROR_VERSION}_SHA256SUMS`
        ])
      )
      expect(run.log).toContain(`good signature by`)
    } finally {
      await mirror.close()
    }
  })

  it('passes a clean template and reports success to the caller', async () => {
    const run = await validate(['clean'])
    expectExit(run, 0)
    expect(run.results).toMatchObject({
      report: { validate: { result: 'success', outputs: { result: 'success' } } }
    })
    expect(summaryRows(run.log)).toEqual([`| \`clean\` | ✅ valid | ${MIRROR_VERSION} |`])
  })

  it('fails on an unformatted and a broken template, with annotations, and lists all three', async () => {
    const run = await validate(['clean', 'unformatted', 'hcl-error'])
    // act stops the caller once a called workflow fails, so the summary job's output is read from
    // the log: the caller's report job does not run.
    expectExit(run, 1)
    expect(jobOutputs(run.log, 'Packer validate summary')).toMatchObject({ result: 'failure' })
    expect(summaryRows(run.log).sort()).toEqual(
      [
        `| \`clean\` | ✅ valid | ${MIRROR_VERSION} |`,
        `| \`unformatted\` | ❌ failure | ${MIRROR_VERSION} |`,
        `| \`hcl-error\` | ❌ failure | ${MIRROR_VERSION} |`
      ].sort()
    )
    // The annotations the runner turns into PR comments, at file and line.
    expect(run.log).toMatch(
      /::error title=[^\n]*file=packer\/hcl-error\/main\.pkr\.hcl,line=\d+::[^\n]*Unsupported argument/
    )
    expect(run.log).toMatch(
      /::error title=Not formatted,file=packer\/unformatted\/main\.pkr\.hcl,line=\d+::/
    )
    // The summary step fails the run. (Its last `::error::` line is not asserted: act sometimes
    // drops the final output line of a step that exits at once.)
    expect(run.log).toContain('❌  Failure - Main Write one summary for every template')
  })
})
