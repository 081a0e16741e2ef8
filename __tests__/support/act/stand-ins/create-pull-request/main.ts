/**
 * Stand-in for peter-evans/create-pull-request. It commits the changes under `add-paths` on
 * `branch` (from `base`), force-pushes it to the workspace's `origin` (a local bare repository)
 * and records the pull request it would open or update in the JSON file PIA_ACT_PULLS. The real one
 * opens it through the GitHub API (labels, reviewers, signing, forks); this only records it.
 */
import * as core from '@actions/core'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export interface RecordedPull {
  number: number
  state: 'open'
  head: string
  base: string
  title: string
  body: string
  labels: string[]
  commit: string
  /**
   * SHA-256 (hex) of the `token` input, which the real one pushes and calls the API with: which
   * token reached it, without the token written down.
   */
  tokenSha256: string
}

const COMMITTER = [
  '-c',
  'user.name=github-actions[bot]',
  '-c',
  'user.email=41898282+github-actions[bot]@users.noreply.github.com'
]

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: process.env.GITHUB_WORKSPACE, encoding: 'utf8' }).trim()
}

function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

function run(): void {
  const pullsFile = process.env.PIA_ACT_PULLS
  if (!pullsFile) throw new Error('create-pull-request stand-in: PIA_ACT_PULLS is not set')
  const branch = core.getInput('branch')
  const base = core.getInput('base') || git('rev-parse', '--abbrev-ref', 'HEAD')
  const paths = list(core.getInput('add-paths'))
  const changed = git('status', '--porcelain', '--', ...(paths.length ? paths : ['.']))
  const none = (): void => {
    core.info('No changes to propose; no pull request is opened or updated.')
    core.setOutput('pull-request-operation', 'none')
  }
  if (!changed) return none()
  git('fetch', '--quiet', 'origin')
  git('checkout', '--quiet', '-B', branch, `origin/${base}`)
  git('add', '--', ...(paths.length ? paths : ['.']))
  git(...COMMITTER, 'commit', '--quiet', '-m', core.getInput('commit-message'))
  const commit = git('rev-parse', 'HEAD')
  const remote = git('ls-remote', 'origin', `refs/heads/${branch}`).split(/\s/)[0]
  const same =
    remote !== '' && git('rev-parse', `${remote}^{tree}`) === git('rev-parse', 'HEAD^{tree}')
  if (!same) git('push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`)
  git('checkout', '--quiet', base)
  const pulls: RecordedPull[] = existsSync(pullsFile)
    ? JSON.parse(readFileSync(pullsFile, 'utf8'))
    : []
  const bodyPath = core.getInput('body-path')
  const fields = {
    base,
    title: core.getInput('title'),
    body: bodyPath ? readFileSync(bodyPath, 'utf8') : '',
    labels: list(core.getInput('labels')),
    commit: same ? remote : commit,
    tokenSha256: createHash('sha256').update(core.getInput('token')).digest('hex')
  }
  let pull = pulls.find((p) => p.head === branch && p.state === 'open')
  let operation = 'updated'
  if (same && pull) {
    // As the real one: the branch is up to date, so nothing is pushed and the pull request stays.
    core.info(`Branch ${branch} is up to date; pull request #${pull.number} is unchanged.`)
    operation = 'none'
  } else if (pull) Object.assign(pull, fields)
  else {
    pull = { number: pulls.length + 1, state: 'open', head: branch, ...fields }
    pulls.push(pull)
    operation = 'created'
  }
  if (operation !== 'none') writeFileSync(pullsFile, JSON.stringify(pulls, null, 2))
  const url = `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}/pull/${pull.number}`
  core.info(`Pull request #${pull.number} ${operation}: ${url}`)
  core.setOutput('pull-request-number', String(pull.number))
  core.setOutput('pull-request-url', url)
  core.setOutput('pull-request-operation', operation)
  core.setOutput('pull-request-branch', branch)
  core.setOutput('pull-request-head-sha', pull.commit)
}

try {
  run()
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error))
}
