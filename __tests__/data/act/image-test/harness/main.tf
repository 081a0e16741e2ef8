# A stand-in for templates/terraform/image-test that needs no provider download: the same
# variables, and a terraform_data "instance" whose creation authorizes the job's key on the local
# sshd (its file comes from TF_VAR_authorized_keys) and whose destruction takes it away again.
variable "region" {
  type = string
}

variable "ami_id" {
  type = string
}

variable "instance_type" {
  type = string
}

variable "subnet_id" {
  type = string
}

variable "allowed_cidr" {
  type = string
}

variable "run_id" {
  type = string
}

variable "public_key" {
  type = string
}

variable "authorized_keys" {
  type = string
}

resource "terraform_data" "instance" {
  input = {
    key  = trimspace(var.public_key)
    file = var.authorized_keys
  }

  provisioner "local-exec" {
    command = "printf '%s\\n' \"$KEY\" >> \"$FILE\""
    environment = {
      KEY  = self.input.key
      FILE = self.input.file
    }
  }

  provisioner "local-exec" {
    when    = destroy
    command = "grep -vxF \"$KEY\" \"$FILE\" > \"$FILE.new\"; mv \"$FILE.new\" \"$FILE\""
    environment = {
      KEY  = self.input.key
      FILE = self.input.file
    }
  }
}

output "public_ip" {
  value = "127.0.0.1"
}

output "instance_id" {
  value = "i-${substr(replace(terraform_data.instance.id, "-", ""), 0, 17)}"
}
