# One valid source and one that Packer cannot prepare (a file source without its target):
# `packer build` alone would report the second and still run the first.
source "null" "valid" {
  communicator = "none"
}

source "file" "invalid" {
  content = "never written\n"
}

build {
  sources = ["source.null.valid", "source.file.invalid"]

  provisioner "shell-local" {
    only   = ["null.valid"]
    inline = ["echo the valid build ran"]
  }
}
