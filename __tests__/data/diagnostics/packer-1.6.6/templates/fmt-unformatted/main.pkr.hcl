variable "region" {
  type = string
  default = "us-east-1"
}

variable "instance_type" {
  type    = string
  default = "t3.micro"
}

source "null" "example" {
  communicator = "none"
}

build {
  sources = ["source.null.example"]

  provisioner "shell-local" {
      inline = ["echo ${var.region} ${var.instance_type}"]
  }
}
