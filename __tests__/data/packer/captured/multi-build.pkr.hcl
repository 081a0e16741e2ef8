# Two sources that succeed and one that fails, with the manifest post-processor.
source "file" "greeting" {
  content = "hello, world"
  target  = "out/greeting.txt"
}

source "null" "ok" {
  communicator = "none"
}

source "null" "broken" {
  communicator = "none"
}

build {
  sources = ["source.file.greeting", "source.null.ok", "source.null.broken"]

  provisioner "shell-local" {
    only   = ["null.ok", "null.broken"]
    inline = ["echo 'provisioning, with a comma'"]
  }

  provisioner "shell-local" {
    only   = ["null.broken"]
    inline = ["exit 1"]
  }

  post-processor "manifest" {
    output = "out/manifest.json"
  }
}
