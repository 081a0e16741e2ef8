packer {
  required_plugins {
    amazon = {
      version = ">= 1.2.0, < 2.0.0"
      source  = "github.com/hashicorp/amazon"
    }
    docker = {
      version = "~> 1.0"
      source  = "github.com/hashicorp/docker"
    }
  }
}

source "null" "check" {
  communicator = "none"
}

build {
  sources = ["source.null.check"]
}
