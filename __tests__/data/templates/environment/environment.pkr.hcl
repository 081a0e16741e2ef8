# Writes the environment a build process gets to out/env.txt, NUL-separated. bash passes on
# variables whose names have a hyphen (INPUT_GITHUB-TOKEN), where dash would drop them.
source "null" "env" {
  communicator = "none"
}

build {
  sources = ["source.null.env"]

  provisioner "shell-local" {
    inline          = ["true"]
    execute_command = ["/bin/bash", "-c", "mkdir -p out && env -0 > out/env.txt"]
  }
}
