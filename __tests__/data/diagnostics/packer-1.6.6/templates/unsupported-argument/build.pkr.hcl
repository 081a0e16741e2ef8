source "null" "example" {
  communicator = "none"
  ssh_usernme  = "ubuntu"
}

build {
  sources = ["source.null.example"]
}
