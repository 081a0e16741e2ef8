/**
 * Stand-in for hashicorp/setup-terraform. The real one downloads Terraform `terraform_version` from
 * releases.hashicorp.com (not reachable here) and by default wraps it; this puts the OpenTofu
 * found on the runner's PATH (built by `.ci/tools tofu`) first on the PATH under the name
 * `terraform`, whatever version is asked for. It fails where the wrapper is asked for, which it
 * does not reproduce, and where no `tofu` is on the PATH.
 */
import * as core from '@actions/core'
import { accessSync, constants, mkdirSync, symlinkSync } from 'node:fs'
import * as path from 'node:path'

function run(): void {
  if (core.getBooleanInput('terraform_wrapper')) {
    throw new Error('the terraform wrapper is not reproduced here; pass terraform_wrapper: false')
  }
  const tofu = (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((dir) => path.join(dir, 'tofu'))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK)
        return true
      } catch {
        return false
      }
    })
  if (!tofu) throw new Error('no tofu on the PATH to stand in for Terraform')
  const bin = path.join(process.env.RUNNER_TEMP ?? '/tmp', 'setup-terraform-stand-in')
  mkdirSync(bin, { recursive: true })
  symlinkSync(tofu, path.join(bin, 'terraform'))
  core.addPath(bin)
  core.info(
    `terraform is OpenTofu (${tofu}), in place of Terraform ${core.getInput('terraform_version')}`
  )
}

try {
  run()
} catch (error) {
  core.setFailed(
    `setup-terraform stand-in: ${error instanceof Error ? error.message : String(error)}`
  )
}
