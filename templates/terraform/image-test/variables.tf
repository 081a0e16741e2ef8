variable "region" {
  description = "Region of the AMI under test."
  type        = string
}

variable "ami_id" {
  description = "The AMI under test."
  type        = string

  validation {
    condition     = can(regex("^ami-[0-9a-f]{8,17}$", var.ami_id))
    error_message = "ami_id must look like ami-0123456789abcdef0."
  }
}

variable "instance_type" {
  description = "Instance type of the test instance."
  type        = string
  default     = "t3.micro"
}

variable "subnet_id" {
  description = "Subnet for the test instance; empty uses a default subnet of the default VPC. It needs a route to the internet and public IPs so the runner can reach port 22."
  type        = string
  default     = ""
}

variable "public_key" {
  description = "OpenSSH public key of the throw-away key pair the job generated; its private half never leaves the runner."
  type        = string
}

variable "allowed_cidr" {
  description = "The only source allowed to reach SSH: the runner's public address as a /32."
  type        = string

  validation {
    condition     = can(cidrhost(var.allowed_cidr, 0)) && endswith(var.allowed_cidr, "/32")
    error_message = "allowed_cidr must be a single IPv4 address as a /32, such as 203.0.113.7/32."
  }
}

variable "ssh_port" {
  description = "SSH port of the image, opened to allowed_cidr."
  type        = number
  default     = 22
}

variable "run_id" {
  description = "Identifier of the workflow run, used in names and tags so leftovers can be traced to their run."
  type        = string
  default     = "local"
}
