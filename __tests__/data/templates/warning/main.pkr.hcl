# A valid template; the var-file next to it sets a variable the template does not declare, which
# Packer reports as a warning while validation succeeds.
source "null" "ok" {
  communicator = "none"
}

build {
  sources = ["source.null.ok"]
}
