data "aws_subnet" "selected" {
  count = var.subnet_id == "" ? 0 : 1
  id    = var.subnet_id
}

data "aws_vpc" "default" {
  count   = var.subnet_id == "" ? 1 : 0
  default = true
}

data "aws_subnets" "default" {
  count = var.subnet_id == "" ? 1 : 0

  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.default[0].id]
  }

  filter {
    name   = "default-for-az"
    values = ["true"]
  }
}

locals {
  subnet_id = var.subnet_id != "" ? var.subnet_id : sort(data.aws_subnets.default[0].ids)[0]
  vpc_id    = var.subnet_id != "" ? data.aws_subnet.selected[0].vpc_id : data.aws_vpc.default[0].id
  name      = "image-test-${var.run_id}"
}

resource "aws_key_pair" "test" {
  key_name_prefix = "${local.name}-"
  public_key      = var.public_key
}

resource "aws_security_group" "test" {
  name_prefix = "${local.name}-"
  description = "SSH from the GitHub runner testing ${var.ami_id} only"
  vpc_id      = local.vpc_id

  ingress {
    description = "SSH from the runner"
    from_port   = var.ssh_port
    to_port     = var.ssh_port
    protocol    = "tcp"
    cidr_blocks = [var.allowed_cidr]
  }

  # The profile may check package mirrors or time sync, which need outbound access.
  egress {
    description = "Outbound"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_instance" "test" {
  ami                         = var.ami_id
  instance_type               = var.instance_type
  subnet_id                   = local.subnet_id
  vpc_security_group_ids      = [aws_security_group.test.id]
  key_name                    = aws_key_pair.test.key_name
  associate_public_ip_address = true

  # A failed test must not leave a running bill behind if the destroy step itself is interrupted.
  instance_initiated_shutdown_behavior = "terminate"

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted             = true
    delete_on_termination = true
  }

  tags = {
    Name = local.name
  }
}
