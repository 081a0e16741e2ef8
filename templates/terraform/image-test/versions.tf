# Throw-away test instance for an image under test: inspec-test.yml applies this, runs the InSpec
# profile over SSH, and always destroys it. State stays local to the job on purpose: nothing here
# outlives the job, so a remote backend would only add a place for leftovers to hide.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      "packer-image-action:purpose" = "image-test"
      "packer-image-action:run"     = var.run_id
    }
  }
}
