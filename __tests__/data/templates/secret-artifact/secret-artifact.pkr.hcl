# A build that succeeds with the sensitive value in its artifact: the file builder's artifact id
# is its target path, which the manifest and the artifacts output carry.
variable "secret" {
  type      = string
  sensitive = true
}

source "file" "leak" {
  content = "x"
  target  = "out/${var.secret}.txt"
}

build {
  sources = ["source.file.leak"]
}
