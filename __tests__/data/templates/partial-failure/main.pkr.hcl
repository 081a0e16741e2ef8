source "file" "ok" {
  content = "built\n"
  target  = "out/ok.txt"
}

source "null" "broken" {
  communicator = "none"
}

build {
  sources = ["source.file.ok", "source.null.broken"]

  provisioner "shell-local" {
    only   = ["null.broken"]
    inline = ["echo failing on purpose", "exit 3"]
  }
}
