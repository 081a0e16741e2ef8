# The same null build with two seconds of provisioning, standing in for a build that does work:
# the action's fixed cost (Node's start, reading inputs, writing outputs and summary) against it.
source "null" "bench" {
  communicator = "none"
}

build {
  sources = ["source.null.bench"]

  provisioner "shell-local" {
    inline = ["sleep 2", "echo benchmark"]
  }
}
