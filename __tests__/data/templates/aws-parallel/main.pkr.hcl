packer {
  required_plugins {
    # The external plugin, placed in PACKER_PLUGIN_PATH by the tests as packer init would.
    amazon = {
      version = "= 1.2.9"
      source  = "github.com/hashicorp/amazon"
    }
  }
}

variable "endpoint" {
  type        = string
  description = "EC2 endpoint: the tests' EC2 double"
}

variable "source_ami" {
  type = string
}

source "amazon-ebs" "web" {
  region        = "us-east-1"
  source_ami    = var.source_ami
  instance_type = "t3.micro"
  ami_name      = "web-e2e"
  communicator  = "none"

  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true

  aws_polling {
    delay_seconds = 1
    max_attempts  = 120
  }
}

source "amazon-ebs" "db" {
  region        = "us-east-1"
  source_ami    = var.source_ami
  instance_type = "t3.small"
  ami_name      = "db-e2e"
  ami_regions   = ["us-west-2"]
  communicator  = "none"

  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true

  aws_polling {
    delay_seconds = 1
    max_attempts  = 120
  }
}

build {
  sources = ["source.amazon-ebs.web", "source.amazon-ebs.db"]
}
