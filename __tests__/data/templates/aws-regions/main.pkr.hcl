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

variable "ami_name" {
  type    = string
  default = "app-e2e"
}

source "amazon-ebs" "app" {
  region        = "us-east-1"
  source_ami    = var.source_ami
  instance_type = "t3.micro"
  ami_name      = var.ami_name
  ami_regions   = ["us-west-2", "eu-central-1"]
  communicator  = "none"

  ami_users      = ["210987654321"]
  snapshot_users = ["210987654321"]

  custom_endpoint_ec2        = var.endpoint
  skip_credential_validation = true
  skip_metadata_api_check    = true
  skip_region_validation     = true

  aws_polling {
    delay_seconds = 1
    max_attempts  = 120
  }

  tags = {
    Name    = var.ami_name
    Builder = "packer-image-action"
  }
  snapshot_tags = {
    Name = "${var.ami_name}-disk"
  }
}

build {
  sources = ["source.amazon-ebs.app"]

  post-processor "manifest" {
    output = "packer-manifest.json"
  }
}
