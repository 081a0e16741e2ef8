source "null" "a" {
  communicator = "none"
}

build {
  sources = ["source.null.a"]

  provisioner "shell-local" {
    inline  = ["echo hi"]
    no_such = true
  }
}
