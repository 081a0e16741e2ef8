# A container image built with the docker builder: a Debian base, provisioned with a shell script,
# committed, and tagged with the version it was built from.

packer {
  # required_plugins and `packer init` arrived in Packer 1.7.
  required_version = ">= 1.7.0"

  required_plugins {
    docker = {
      source  = "github.com/hashicorp/docker"
      version = "~> 1.0"
    }
  }
}

variable "base_image" {
  type        = string
  description = "Image to start from; pin it by digest for builds that must repeat exactly."
  default     = "debian:bookworm-slim"
}

variable "repository" {
  type        = string
  description = "Repository the committed image is tagged into."
  default     = "ghcr.io/example/app-base"
}

variable "version" {
  type    = string
  default = "0.0.0-dev"
}

variable "commit" {
  type    = string
  default = "unknown"
}

source "docker" "debian" {
  image  = var.base_image
  commit = true
  changes = [
    "LABEL org.opencontainers.image.version=${var.version}",
    "LABEL org.opencontainers.image.revision=${var.commit}",
    "ENV LANG=C.UTF-8",
    "CMD [\"/bin/bash\"]",
  ]
}

build {
  sources = ["source.docker.debian"]

  provisioner "shell" {
    inline = [
      "apt-get update -q",
      "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ca-certificates curl",
      # Keep the layer small: the package lists are only needed during the build.
      "rm -rf /var/lib/apt/lists/*",
    ]
  }

  post-processors {
    post-processor "docker-tag" {
      repository = var.repository
      tags       = [var.version, "latest"]
    }
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
