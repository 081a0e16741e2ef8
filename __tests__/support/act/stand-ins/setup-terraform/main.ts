/**
 * Stand-in for hashicorp/setup-terraform. The real one downloads and installs Terraform; this
 * installs nothing and fails if a step runs it (act prepares it for skipped steps too).
 */
import * as core from '@actions/core'

core.setFailed(
  `setup-terraform stand-in: Terraform ${core.getInput('terraform_version')} cannot be installed here; use terraform-command: tofu`
)
