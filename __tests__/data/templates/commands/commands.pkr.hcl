# Output that the runner would take for workflow commands: a provisioner's lines (Packer prefixes
# them, but the legacy ##[...] form counts anywhere in a line), and a template line that
# `packer fmt -diff` shows at the start of a line once the diff's leading blank is trimmed.
source "null" "commands" {
  communicator = "none"
}

build {
  sources = ["source.null.commands"]

  provisioner "shell-local" {
    inline = [
      "echo 'output with ##[error]a legacy command in it'",
      "echo '##[set-output name=ami-id;]ami-0injected0000000'",
    ]
  }
}

locals {
  note = <<EOT
::error file=README.md,line=1::a line of the template, in the diff
EOT
    misindented = "fmt moves this line"
}
