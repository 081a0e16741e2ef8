variable "plain" {
  type = string
}

variable "secret" {
  type      = string
  sensitive = true
}

source "file" "plain" {
  content = var.plain
  target  = "out/plain.txt"
}

source "file" "secret" {
  content = var.secret
  target  = "out/secret.txt"
}

build {
  sources = ["source.file.plain", "source.file.secret"]
}
