/**
 * inspec-test.yml under act with `auditor: goss`: OpenTofu (built by .ci/tools) applies a harness
 * that needs no provider and points at a real sshd on 127.0.0.1, goss (built by .ci/tools, on the
 * runner's PATH, so no install) is copied over SSH and run there, the summary is built from its
 * JSON report, the report is uploaded to act's artifact server, and the harness is destroyed
 * whether the checks pass or fail.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import {
  ciTool,
  createCallerRepo,
  jobOutputs,
  reportJob,
  expectExit,
  runAct,
  type ActResult
} from '../support/act/index.js'
import { startSshd, type LocalSshd } from '../support/act/sshd.js'
import { ROOT } from '../support/runner.js'

// Above the harness's limit on each act run, so a stuck run is stopped by the harness, with its log.
jest.setTimeout(240_000)

const AMI = 'ami-0123456789abcdef0'
const JOB = `goss ${AMI}`
let sshd: LocalSshd
let tools: string[]
const actionCache = mkdtempSync(path.join(tmpdir(), 'pia-act-cache-'))

beforeAll(async () => {
  tools = [path.dirname(ciTool('tofu')), path.dirname(ciTool('goss'))]
  sshd = await startSshd()
}, 1_200_000)

afterAll(async () => {
  await sshd?.close()
})

function caller(profile: string, auditor = 'goss', sshWaitMinutes = 1): string {
  return `name: caller
on: workflow_dispatch
permissions: {}
jobs:
  test:
    uses: org/packer-image-action/.github/workflows/inspec-test.yml@v1
    permissions:
      contents: read
      id-token: write
    with:
      ami-id: ${AMI}
      ssh-user: ${sshd.user}
      ssh-port: ${sshd.port}
      allowed-cidr: 127.0.0.1/32
      auditor: ${auditor}
      profile: ${profile}
      harness-directory: test/harness
      terraform-command: tofu
      ssh-wait-minutes: ${sshWaitMinutes}
${reportJob('report', ['test'])}`
}

function imageTest(
  profile: string,
  runId: number,
  auditor = 'goss',
  env: Record<string, string> = {},
  sshWaitMinutes = 1
): Promise<ActResult> {
  const repo = createCallerRepo(
    { '.github/workflows/caller.yml': caller(profile, auditor, sshWaitMinutes) },
    { test: '__tests__/data/act/image-test', 'test/inspec': 'templates/inspec' }
  )
  return runAct({
    repo,
    workflow: '.github/workflows/caller.yml',
    actionCache,
    runId,
    path: [...tools, path.join(ROOT, '__tests__/support/act/bin')],
    hostEnv: { TF_VAR_authorized_keys: sshd.authorizedKeys, ...env },
    timeoutMs: 180_000
  })
}

/** A report file the job uploaded to act's artifact server. */
function uploaded(run: ActResult, runId: number, artifact: string, file: string): string {
  const zip = path.join(run.artifacts, String(runId), artifact, `${artifact}.zip`)
  return execFileSync('unzip', ['-p', zip, file], { encoding: 'utf8' })
}

function uploadedReport(run: ActResult, runId: number, artifact: string): unknown {
  return JSON.parse(uploaded(run, runId, artifact, 'goss.json'))
}

interface GossReport {
  results: {
    'resource-type': string
    'resource-id': string
    property: string
    successful: boolean
  }[]
  summary: { 'failed-count': number; 'test-count': number }
}

function summaryRows(log: string): string[] {
  return log.split('\n').filter((line) => /^\| `(File|Command) [^`]+` \|/.test(line))
}

describe('inspec-test.yml under act, with goss, OpenTofu and a local sshd', () => {
  it('passes an image whose checks hold, from the JSON report, and destroys the harness', async () => {
    const logBefore = sshd.log().length
    const run = await imageTest('test/goss.yaml', 7001)
    expectExit(run, 0)
    const outputs = (run.results.report as { test: { outputs: Record<string, string> } }).test
      .outputs
    expect(outputs).toEqual({ passed: 'true', 'report-artifact': `inspec-report-${AMI}-1` })
    // SSH ran for real: the job's key logged in to the local sshd.
    expect(sshd.log().slice(logBefore)).toMatch(
      new RegExp(`Accepted publickey for ${sshd.user} from 127\\.0\\.0\\.1`)
    )
    const report = uploadedReport(run, 7001, outputs['report-artifact']) as GossReport
    expect(report.summary).toMatchObject({ 'failed-count': 0 })
    expect(report.results.length).toBe(report.summary['test-count'])
    expect(summaryRows(run.log)).toHaveLength(report.results.length)
    expect(summaryRows(run.log)).toContain('| `File /usr/sbin/sshd` | exists | ✅ passed |')
    // The JUnit report beside it, as for InSpec: one test case per check, none failed.
    const junit = uploaded(run, 7001, outputs['report-artifact'], 'goss.junit.xml')
    expect(junit).toMatch(/<testsuite [^>]*tests="(\d+)"[^>]*failures="0"/)
    expect(junit.match(/<testcase /g)).toHaveLength(report.results.length)
    // tofu destroy ran: the "instance" took the job's key away again.
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
  })

  it('fails an image whose check fails, says which, and still destroys the harness', async () => {
    const run = await imageTest('test/goss-failing.yaml', 7002)
    expectExit(run, 1)
    expect(jobOutputs(run.log, JOB)).toMatchObject({ passed: 'false' })
    expect(run.log).toContain('❌  Failure - Main Run the profile')
    const report = uploadedReport(run, 7002, `inspec-report-${AMI}-1`) as GossReport
    expect(report.summary['failed-count']).toBe(1)
    expect(summaryRows(run.log)).toContain(
      '| `File /etc/packer-image-action/not-on-this-image` | exists | ❌ failed |'
    )
    expect(run.log).toContain('✅  Success - Main Destroy the test instance')
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
  })

  it('refuses an ssh-wait-minutes that would leave the destroy step no time, launching nothing', async () => {
    const run = await imageTest('test/goss.yaml', 7005, 'goss', {}, 21)
    expectExit(run, 1)
    expect(run.log).toContain(
      "ssh-wait-minutes must be a whole number from 1 to 20 (the job's time limit leaves the destroy step its turn), not '21'"
    )
    expect(run.log).not.toContain('Main Launch the test instance')
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
  })

  const REPLAY = path.join(ROOT, '__tests__/data/act/image-test')
  const inspecRows = (log: string): string[] =>
    log.split('\n').filter((line) => /^\| `(packages|ports|sshd)-\d+` \|/.test(line))

  it('cinc-auditor path (replayed report): summary from its JSON, skipped controls do not fail', async () => {
    const logBefore = sshd.log().length
    const run = await imageTest('test/inspec', 7003, 'cinc-auditor', {
      PIA_INSPEC_REPLAY: path.join(REPLAY, 'inspec-report.json')
    })
    expectExit(run, 0)
    // Installing would need the internet, so a success here is the skip.
    expect(run.log).toContain('✅  Success - Main Install the auditor')
    const outputs = (run.results.report as { test: { outputs: Record<string, string> } }).test
      .outputs
    expect(outputs.passed).toBe('true')
    expect(sshd.log().slice(logBefore)).toMatch(/Accepted publickey/)
    expect(inspecRows(run.log)).toEqual([
      '| `packages-01` | Required packages are installed | 0.7 | ✅ passed |',
      '| `packages-03` | No security updates are pending | 0.5 | ⏭️ skipped |',
      '| `ports-01` | Only allowed ports listen on the network | 0.7 | ✅ passed |',
      '| `sshd-01` | SSH accepts keys only, and no root login with a password | 1 | ✅ passed |'
    ])
    const artifact = outputs['report-artifact']
    expect(uploaded(run, 7003, artifact, 'inspec.json')).toBe(
      readFileSync(path.join(REPLAY, 'inspec-report.json'), 'utf8')
    )
    expect(uploaded(run, 7003, artifact, 'inspec.junit.xml')).toContain('<testsuites>')
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
  })

  it('cinc-auditor path (replayed report): a failed control fails the test', async () => {
    const run = await imageTest('test/inspec', 7004, 'cinc-auditor', {
      PIA_INSPEC_REPLAY: path.join(REPLAY, 'inspec-report-failing.json')
    })
    expectExit(run, 1)
    expect(jobOutputs(run.log, `cinc-auditor ${AMI}`)).toMatchObject({ passed: 'false' })
    expect(run.log).toContain('❌  Failure - Main Run the profile')
    expect(inspecRows(run.log)).toContain(
      '| `sshd-01` | SSH accepts keys only, and no root login with a password | 1 | ❌ failed |'
    )
    expect(readFileSync(sshd.authorizedKeys, 'utf8')).toBe('')
  })
})
