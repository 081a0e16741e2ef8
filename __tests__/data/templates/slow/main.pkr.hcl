source "null" "slow" {
  communicator = "none"
}

build {
  sources = ["source.null.slow"]

  provisioner "shell-local" {
    inline = ["echo provisioner-started", "sleep 127", "echo provisioner-finished"]
  }
}
