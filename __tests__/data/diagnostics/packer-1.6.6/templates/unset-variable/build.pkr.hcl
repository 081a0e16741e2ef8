variable "release" {
  type = string
}

source "null" "example" {
  communicator = "none"
}

build {
  name    = "release-${var.release}"
  sources = ["source.null.example"]
}
