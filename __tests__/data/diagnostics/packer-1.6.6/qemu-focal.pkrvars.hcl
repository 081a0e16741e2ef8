ubuntu_version  = "20.04.5"
ubuntu_iso_file = "ubuntu-20.04.5-live-server-amd64.iso"
