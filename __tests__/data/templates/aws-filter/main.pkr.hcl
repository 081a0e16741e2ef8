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

source "amazon-ebs" "filtered" {
  region        = "us-east-1"
  instance_type = "t3.micro"
  ami_name      = "filtered-e2e"
  communicator  = "none"

  source_ami_filter {
    filters = {
      name                = "al2023-ami-2023.*-x86_64"
      virtualization-type = "hvm"
      root-device-type    = "ebs"
    }
    owners      = ["amazon"]
    most_recent = true
  }

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
  sources = ["source.amazon-ebs.filtered"]
}
