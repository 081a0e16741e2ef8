# A container image built with the docker builder: a Debian base, provisioned with a shell script,
# committed, and tagged with the version it was built from.
#
# Packer 1.10 and later no longer ship the Docker builder (1.7 to 1.9 still bundle it and warn that
# they do): add a `required_plugins` block for
# `github.com/hashicorp/docker` (see templates/packer/README.md) and run `packer init`. It is left
# out here so the template also validates with Packer 1.6.6, which knows no `required_plugins`.

packer {
  required_version = ">= 1.6.6"
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
