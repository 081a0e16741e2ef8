/**
 * Stand-in for actions/checkout. The real one fetches from GitHub over HTTPS with a token; this
 * fetches the caller's repository from its local bare `origin`, or copies another repository from
 * the local folder the test maps it to. Both come from PIA_ACT_REPOSITORIES
 * (`{"owner/name": "/bare.git", "owner/name@ref": "/dir"}`).
 */
import * as core from '@actions/core'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync } from 'node:fs'
import * as path from 'node:path'

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] })
}

function run(): void {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const repository = core.getInput('repository') || process.env.GITHUB_REPOSITORY || ''
  const ref = core.getInput('ref')
  const target = path.resolve(workspace, core.getInput('path'))
  const sparse = core.getMultilineInput('sparse-checkout')
  const map = JSON.parse(process.env.PIA_ACT_REPOSITORIES ?? '{}') as Record<string, string>
  mkdirSync(target, { recursive: true })
  if (repository === process.env.GITHUB_REPOSITORY) {
    const origin = map[repository]
    if (!origin) throw new Error(`checkout stand-in: no local origin for ${repository}`)
    // As the real one: the event's commit unless a ref is given; a branch is checked out as one.
    const want = ref || process.env.GITHUB_SHA || 'main'
    git(target, 'init', '--quiet')
    git(target, 'remote', 'add', 'origin', origin)
    git(target, 'fetch', '--quiet', 'origin', '+refs/heads/*:refs/remotes/origin/*')
    const branch = execFileSync('git', ['-C', target, 'branch', '-r', '--list', `origin/${want}`], {
      encoding: 'utf8'
    }).trim()
    if (branch) git(target, 'checkout', '--quiet', '-B', want, `origin/${want}`)
    else git(target, 'checkout', '--quiet', '--detach', want)
    core.setOutput('ref', want)
    return
  }
  const key = `${repository}@${ref}`
  const source = map[key]
  if (!source) throw new Error(`checkout stand-in: no local directory for ${key}`)
  for (const sub of sparse.length > 0 ? sparse : ['.']) {
    const from = path.join(source, sub)
    if (!existsSync(from)) throw new Error(`checkout stand-in: ${key} has no ${sub}`)
    cpSync(from, path.join(target, sub), { recursive: true })
  }
  core.setOutput('ref', ref)
}

try {
  run()
} catch (error) {
  core.setFailed(error instanceof Error ? error.message : String(error))
}
