# One build finishes after two seconds; the other is still sleeping when the run is interrupted.
source "null" "quick" {
  communicator = "none"
}

source "null" "slow" {
  communicator = "none"
}

build {
  sources = ["source.null.quick", "source.null.slow"]

  provisioner "shell-local" {
    only   = ["null.quick"]
    inline = ["sleep 2", "echo done"]
  }

  provisioner "shell-local" {
    only   = ["null.slow"]
    inline = ["sleep 60"]
  }
}
