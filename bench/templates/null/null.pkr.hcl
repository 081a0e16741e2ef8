# The wrapper-overhead benchmark's template: a null build with a local provisioner, so that what is
# timed is Packer's own start-up and run, with and without the action around it.
source "null" "bench" {
  communicator = "none"
}

build {
  sources = ["source.null.bench"]

  provisioner "shell-local" {
    inline = ["echo benchmark"]
  }
}
