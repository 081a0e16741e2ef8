# An Ubuntu AMI built with amazon-ebs, copied to every region in `ami_regions`, tagged with the
# version and commit it was built from, and recorded in a manifest for the action's outputs.

packer {
  # required_plugins and `packer init` arrived in Packer 1.7.
  required_version = ">= 1.7.0"

  required_plugins {
    amazon = {
      source = "github.com/hashicorp/amazon"
      # 1.2.2 is the first whose amazon-ebs takes `imds_support` (below).
      version = ">= 1.2.2, < 2.0.0"
    }
  }
}

variable "region" {
  type        = string
  description = "Region the AMI is built in."
  default     = "us-east-1"
}

variable "ami_regions" {
  type        = list(string)
  description = "Further regions the finished AMI is copied to."
  default     = []
}

variable "image_name" {
  type        = string
  description = "Name of the image; AMI names are <image_name>-<version>-<timestamp>."
  default     = "web-base"
}

variable "version" {
  type        = string
  description = "Version of the image, e.g. the release tag or the commit."
  default     = "0.0.0-dev"
}

variable "commit" {
  type        = string
  description = "Commit the template was built from (pass github.sha)."
  default     = "unknown"
}

variable "instance_type" {
  type    = string
  default = "t3.small"
}

variable "subnet_id" {
  type        = string
  description = "Subnet to build in; empty lets Packer pick one in the default VPC."
  default     = ""
}

locals {
  # Packer's timestamp() is RFC 3339, which has characters AMI names refuse.
  build_time = formatdate("YYYYMMDDhhmmss", timestamp())

  tags = {
    Name         = var.image_name
    version      = var.version
    commit       = var.commit
    "managed-by" = "packer"
  }
}

source "amazon-ebs" "ubuntu" {
  region        = var.region
  ami_regions   = var.ami_regions
  instance_type = var.instance_type
  subnet_id     = var.subnet_id
  ssh_username  = "ubuntu"

  ami_name        = "${var.image_name}-${var.version}-${local.build_time}"
  ami_description = "${var.image_name} ${var.version} (${var.commit})"

  # The newest Ubuntu 24.04 image published by Canonical, so each rebuild picks up its updates.
  source_ami_filter {
    filters = {
      name                = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    owners      = ["099720109477"]
    most_recent = true
  }

  # The retention workflow finds images by these tags; the snapshots carry them too so that
  # their cost can be traced to the image.
  tags          = merge(local.tags, { source_ami = "{{ .SourceAMI }}" })
  snapshot_tags = local.tags
  run_tags      = merge(local.tags, { Name = "packer-build-${var.image_name}" })

  encrypt_boot = true

  # The build instance answers only IMDSv2 (session-token) metadata requests, and instances
  # launched from the AMI default to the same. Remove `imds_support` if software on the image
  # still needs IMDSv1.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  imds_support = "v2.0"
}

build {
  sources = ["source.amazon-ebs.ubuntu"]

  provisioner "shell" {
    inline = [
      "cloud-init status --wait",
      "sudo apt-get update -q",
      "sudo DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade",
    ]
  }

  # The SSH settings the InSpec baseline in templates/inspec checks (sshd-01).
  provisioner "shell" {
    inline = [
      "printf '%s\\n' 'PasswordAuthentication no' 'PermitRootLogin no' 'PermitEmptyPasswords no' 'X11Forwarding no' 'MaxAuthTries 3' | sudo tee /etc/ssh/sshd_config.d/10-image-baseline.conf",
      "sudo sshd -t",
    ]
  }

  # Runs last: whatever the image gets from the steps above, it must not carry this build's
  # machine identity, host keys or logs into every instance launched from it.
  provisioner "shell" {
    inline = [
      "sudo apt-get clean",
      "sudo rm -rf /var/lib/apt/lists/* /tmp/* /var/tmp/*",
      "sudo rm -f /etc/ssh/ssh_host_*",
      "sudo truncate -s 0 /etc/machine-id",
      "sudo cloud-init clean --logs --seed",
      "rm -f ~/.bash_history",
    ]
  }

  # Runs only when a provisioner above fails, before the instance is deleted (unless on-error
  # is abort, which keeps the instance and skips it): what cloud-init and apt were doing ends up
  # in the job log.
  error-cleanup-provisioner "shell" {
    inline = [
      "cloud-init status --long || true",
      "sudo tail -n 50 /var/log/cloud-init-output.log || true",
      "sudo tail -n 30 /var/log/apt/term.log || true",
    ]
  }

  post-processor "manifest" {
    output     = "packer-manifest.json"
    strip_path = true
    custom_data = {
      version = var.version
      commit  = var.commit
    }
  }
}
