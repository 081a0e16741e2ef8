# A build that fails with the sensitive value inside Packer's own error message: the file builder
# cannot create its target under /proc, and Packer prints the path, secret and all.
variable "secret" {
  type = string
}

source "file" "leak" {
  content = "x"
  target  = "/proc/no-such-${var.secret}.txt"
}

build {
  sources = ["source.file.leak"]
}
