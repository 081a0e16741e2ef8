# The example this action runs with no cloud account: the `file` builder writes an artifact file
# and the `null` builder runs a local provisioner. Both, like the `shell-local` provisioner and the
# `manifest` post-processor, are built into Packer (1.10 and later too), so it needs no
# `required_plugins`.

variable "greeting" {
  type    = string
  default = "Hello from packer-image-action"
}

variable "output_dir" {
  type    = string
  default = "output"
}

source "file" "greeting" {
  content = "${var.greeting}\n"
  target  = "${var.output_dir}/greeting.txt"
}

source "null" "smoke" {
  communicator = "none"
}

build {
  sources = ["source.file.greeting", "source.null.smoke"]

  provisioner "shell-local" {
    only   = ["null.smoke"]
    inline = ["echo provisioning ${source.name}"]
  }

  post-processor "manifest" {
    output = "packer-manifest.json"
  }
}
