# A template that fails validation with the value of the `secret` variable in Packer's diagnostic,
# once whole ("with var.secret as …") and once in a sentence that Packer wraps at 78 columns, which
# splits a long value with spaces across two lines.
variable "secret" {
  type = string
}

source "file" "wrap" {
  content = file("${var.secret}")
  target  = "out/wrap.txt"
}

build {
  sources = ["source.file.wrap"]
}
