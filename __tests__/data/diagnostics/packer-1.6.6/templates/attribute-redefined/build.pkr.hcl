source "null" "example" {
  communicator = "none"
  communicator = "ssh"
}

build {
  sources = ["source.null.example"]
}
