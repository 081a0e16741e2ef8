# Prints the token Packer received as PACKER_GITHUB_API_TOKEN (shell-local inherits Packer's
# environment), so the test can see it was passed, and masked.
source "null" "token" {
  communicator = "none"
}

build {
  sources = ["source.null.token"]

  provisioner "shell-local" {
    inline = ["echo \"plugin token: $PACKER_GITHUB_API_TOKEN\""]
  }
}
