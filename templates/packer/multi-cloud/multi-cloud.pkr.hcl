# One base image for three clouds from a single build: an AMI (amazon-ebs), an Azure managed image
# (azure-arm) and a Compute Engine image (googlecompute), provisioned by the same steps so that
# they stay alike. Build one cloud with `only: amazon-ebs.ubuntu` (or use packer-build.yml's `only`
# list to build each on its own runner).

packer {
  # required_plugins and `packer init` arrived in Packer 1.7.
  required_version = ">= 1.7.0"

  # `packer init` (and so the action's validate and build) installs all three, even for a build
  # with `only`: keep only the plugins of the sources you keep.
  required_plugins {
    amazon = {
      source = "github.com/hashicorp/amazon"
      # 1.2.2 is the first whose amazon-ebs takes `imds_support` (below).
      version = ">= 1.2.2, < 2.0.0"
    }
    azure = {
      source  = "github.com/hashicorp/azure"
      version = "~> 2.0"
    }
    googlecompute = {
      source  = "github.com/hashicorp/googlecompute"
      version = "~> 1.1"
    }
  }
}

variable "image_name" {
  type    = string
  default = "base"
}

variable "version" {
  type    = string
  default = "0.0.0-dev"
}

variable "commit" {
  type    = string
  default = "unknown"
}

variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "azure_subscription_id" {
  type        = string
  description = "Subscription of the managed image. Credentials come from the environment (ARM_* or the Azure CLI login)."
  default     = "00000000-0000-0000-0000-000000000000"
}

variable "azure_resource_group" {
  type        = string
  description = "Resource group the managed image is written to; it must exist."
  default     = "packer-images"
}

variable "azure_location" {
  type    = string
  default = "westeurope"
}

variable "gcp_project_id" {
  type        = string
  description = "Project of the image. Credentials come from Application Default Credentials."
  default     = "example-project"
}

variable "gcp_zone" {
  type    = string
  default = "europe-west1-b"
}

locals {
  build_time = formatdate("YYYYMMDDhhmmss", timestamp())
  # Azure and GCE image names allow fewer characters than AMI names: no dots.
  name = "${var.image_name}-${replace(var.version, ".", "-")}-${local.build_time}"
  labels = {
    version      = var.version
    commit       = var.commit
    "managed-by" = "packer"
  }
}

source "amazon-ebs" "ubuntu" {
  region        = var.aws_region
  instance_type = "t3.small"
  ssh_username  = "ubuntu"
  ami_name      = local.name

  source_ami_filter {
    filters = {
      name                = "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"
      root-device-type    = "ebs"
      virtualization-type = "hvm"
    }
    owners      = ["099720109477"]
    most_recent = true
  }

  tags          = local.labels
  snapshot_tags = local.labels

  # IMDSv2 only, for the build instance and for instances launched from the AMI (as in
  # templates/packer/aws).
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
  imds_support = "v2.0"
}

source "azure-arm" "ubuntu" {
  subscription_id = var.azure_subscription_id
  # The Azure CLI login of the job (azure/login with OIDC) supplies the credentials.
  use_azure_cli_auth = true

  location = var.azure_location
  vm_size  = "Standard_B2s"
  os_type  = "Linux"

  image_publisher = "Canonical"
  image_offer     = "ubuntu-24_04-lts"
  image_sku       = "server"

  managed_image_name                = local.name
  managed_image_resource_group_name = var.azure_resource_group

  azure_tags = local.labels
}

source "googlecompute" "ubuntu" {
  project_id          = var.gcp_project_id
  zone                = var.gcp_zone
  machine_type        = "e2-small"
  source_image_family = "ubuntu-2404-lts-amd64"
  ssh_username        = "packer"

  image_name   = local.name
  image_family = var.image_name
  # GCE label values allow only lowercase letters, digits, '-' and '_'.
  image_labels = {
    version      = lower(replace(var.version, ".", "-"))
    commit       = lower(var.commit)
    "managed-by" = "packer"
  }
}

build {
  sources = [
    "source.amazon-ebs.ubuntu",
    "source.azure-arm.ubuntu",
    "source.googlecompute.ubuntu",
  ]

  provisioner "shell" {
    inline = [
      "cloud-init status --wait || true",
      "sudo apt-get update -q",
      "sudo DEBIAN_FRONTEND=noninteractive apt-get -y -q upgrade",
    ]
  }

  # Azure images must be generalized by the agent as the very last step.
  provisioner "shell" {
    only   = ["azure-arm.ubuntu"]
    inline = ["sudo /usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync"]
  }

  provisioner "shell" {
    except = ["azure-arm.ubuntu"]
    inline = [
      "sudo apt-get clean",
      "sudo rm -f /etc/ssh/ssh_host_*",
      "sudo truncate -s 0 /etc/machine-id",
    ]
  }

  # Runs only when a provisioner above fails, before the machine is deleted (unless on-error is
  # abort, which keeps it and skips this): what cloud-init and apt were doing ends up in the log.
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
