/**
 * templates/workflows/pr-validate.yml under act, on pull_request events, calling packer-validate.yml
 * on the product's own example templates (templates/packer/aws and templates/packer/docker, copied
 * unchanged into the caller's `packer/`), whose variables all have defaults. Clean templates
 * pass; a pull request that breaks one and misformats the other fails, with file-and-line
 * annotations for both.
 *
 * Substituted in the caller, and why (everything else is the template's text as it is):
 * - `packer-version: '~1.11'` becomes `packer-version: '1.9.4'` (MIRROR_VERSION): a range is resolved
 *   against releases.hashicorp.com, which is not reachable here, and Packer 1.10 and later are
 *   BUSL and never built here. 1.9.4 is in the runner tool cache act gives its jobs.
 *
 * Plugins: the templates require the official amazon and docker plugins. The runner's home
 * (`HOME` of act and its host-mode jobs) has them in `~/.config/packer/plugins`, placed as
 * `packer init` leaves them (the binaries `.ci/tools` builds); the action finds them installed
 * and makes no request (src/installer/install-plugins.ts), and `packer init` has nothing left to
 * fetch. Every job's HTTP(S) proxy is a trap that refuses and records, so any request for
 * anything outside 127.0.0.1 would show.
 *
 * act 0.2.87 does not apply the `paths` filter of the pull_request trigger; the run is started
 * with a pull_request event whose changes are under `packer/`, which the filter would let through.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import * as path from 'node:path'
import { MIRROR_VERSION, startTrapProxy } from '../support/mirror.js'
import {
  actionCacheWithPacker,
  createCallerRepo,
  expectExit,
  jobOutputs,
  runAct,
  type CallerRepo
} from '../support/act/index.js'
import { callerTemplate, runnerHomeWithPlugins, trapProxyEnv } from '../support/act/callers.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(200_000)

const WORKFLOW = '.github/workflows/pr-validate.yml'

let actionCache: string
let trap: Awaited<ReturnType<typeof startTrapProxy>>
let home: string
let repo: CallerRepo

beforeAll(async () => {
  actionCache = await actionCacheWithPacker()
  trap = await startTrapProxy()
  home = runnerHomeWithPlugins(['amazon', 'docker']).home
  repo = createCallerRepo(
    {
      [WORKFLOW]: callerTemplate('pr-validate', [
        { from: "packer-version: '~1.11'", to: `packer-version: '${MIRROR_VERSION}'` }
      ])
    },
    { 'packer/aws': 'templates/packer/aws', 'packer/docker': 'templates/packer/docker' }
  )
}, 300_000)

afterAll(async () => {
  await trap?.close()
})

function pullRequest(number: number, head: string) {
  return runAct({
    repo,
    workflow: WORKFLOW,
    event: 'pull_request',
    payload: {
      number,
      pull_request: {
        number,
        head: { ref: head, sha: repo.git('rev-parse', 'HEAD') },
        base: { ref: 'main' }
      }
    },
    actionCache,
    hostEnv: {
      HOME: home,
      ...trapProxyEnv(trap.url)
    },
    timeoutMs: 150_000
  })
}

/** The summary table rows the summary job wrote, as act prints the step summary. */
function summaryRows(log: string): string[] {
  return log
    .split('\n')
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .sort()
}

describe('templates/workflows/pr-validate.yml under act', () => {
  it('passes the example aws and docker templates, with their plugins found installed', async () => {
    // A change under packer/, as the trigger's paths filter asks.
    repo.git('checkout', '--quiet', '-b', 'ci-version')
    writeFileSync(path.join(repo.dir, 'packer/NOTES.md'), 'Images built from these templates.\n')
    repo.git('add', 'packer/NOTES.md')
    repo.git('commit', '--quiet', '-m', 'Note what the templates are for')
    repo.git('push', '--quiet', 'origin', 'ci-version')
    const attempts = trap.attempts.length
    const run = await pullRequest(1, 'ci-version')
    expectExit(run, 0)
    expect(jobOutputs(run.log, 'Packer validate summary')).toMatchObject({ result: 'success' })
    expect(summaryRows(run.log)).toEqual(
      [
        `| \`aws\` | ✅ valid | ${MIRROR_VERSION} |`,
        `| \`docker\` | ✅ valid | ${MIRROR_VERSION} |`
      ].sort()
    )
    for (const plugin of ['amazon', 'docker']) {
      expect(run.log).toMatch(
        new RegExp(`github\\.com/hashicorp/${plugin} [\\d.]+: already installed`)
      )
    }
    expect(run.log).not.toContain('installed from releases-url')
    expect(trap.attempts.slice(attempts)).toEqual([])
  })

  it('fails a pull request that breaks one template and misformats the other, with annotations', async () => {
    repo.git('checkout', '--quiet', '-b', 'break-templates', 'main')
    // An argument amazon-ebs does not have, on a line of its own in the source block.
    const aws = path.join(repo.dir, 'packer/aws/aws.pkr.hcl')
    const lines = readFileSync(aws, 'utf8').split('\n')
    const at = lines.findIndex((l) => l.startsWith('  instance_type = var.instance_type'))
    expect(at).toBeGreaterThan(0)
    lines.splice(at + 1, 0, '  instance_typo = "t3.small"')
    writeFileSync(aws, lines.join('\n'))
    // Valid, but not as `packer fmt` writes it.
    const docker = path.join(repo.dir, 'packer/docker/docker.pkr.hcl')
    const text = readFileSync(docker, 'utf8')
    expect(text).toContain('  commit = true\n')
    writeFileSync(docker, text.replace('  commit = true\n', '  commit     =     true\n'))
    repo.git('commit', '--quiet', '-am', 'Break the templates')
    repo.git('push', '--quiet', 'origin', 'break-templates')
    const attempts = trap.attempts.length
    const run = await pullRequest(2, 'break-templates')
    // act stops the caller once a called workflow fails; the summary job's output is in the log.
    expectExit(run, 1)
    expect(jobOutputs(run.log, 'Packer validate summary')).toMatchObject({ result: 'failure' })
    expect(summaryRows(run.log)).toEqual(
      [
        `| \`aws\` | ❌ failure | ${MIRROR_VERSION} |`,
        `| \`docker\` | ❌ failure | ${MIRROR_VERSION} |`
      ].sort()
    )
    // The annotations GitHub shows on the pull request's diff, at file and line.
    expect(run.log).toMatch(
      new RegExp(
        `::error title=Unsupported argument,file=packer/aws/aws\\.pkr\\.hcl,line=${at + 2}::An argument named "instance_typo"`
      )
    )
    expect(run.log).toMatch(
      /::error title=Not formatted,file=packer\/docker\/docker\.pkr\.hcl,line=\d+::/
    )
    expect(run.log).toContain('❌  Failure - Main Write one summary for every template')
    expect(trap.attempts.slice(attempts)).toEqual([])
  })
})
