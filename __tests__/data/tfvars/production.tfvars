# Production web tier. Values below are read by ../../envs/production/main.tf.
# The AMI ids are written by the image pipeline: do not edit them by hand.

environment   = "production"
region        = "eu-west-1" # primary region
instance_type = "m6i.large"

ami_id = "ami-0a1b2c3d4e5f60718" // replaced by packer-image-action

/*
 * Regional images for the DR stack. The map is keyed by region, and
 * terraform fmt aligns the "=" of each line.
 */
ami_ids = {
  "eu-west-1"    = "ami-0f1e2d3c4b5a69788"
  "eu-central-1" = "ami-04d23aca8bdd36e30"
}

availability_zone_names = [
  "eu-west-1a",
  "eu-west-1b", # b is the busiest
  "eu-west-1c",
]

# Strings that look like syntax must not confuse the reader.
connection_string = "Server=db.internal;Port=5432;Options=-c search_path=app # not a comment"
log_format        = "{\"level\":\"%s\",\"msg\":\"%s\"}"
greeting          = "Hello, $${name}: literal dollar-brace, and a ${upper("template")} with a \"}\""
windows_path      = "C:\\Program Files\\App\\bin"

tags = {
  Team        = "platform"
  CostCenter  = "cc-1234"
  "Owner:Key" = "ops=oncall" # a key with a colon has to be quoted
}

user_data = <<EOT
#!/bin/bash
# this is shell, not HCL: ami_id = "ami-00000000" must stay as it is
echo "ami_ids = {" > /tmp/not-tfvars
cat <<'INNER'
}
INNER
EOT

iam_policy = <<-EOT
  {
    "Version": "2012-10-17",
    "Statement": [{ "Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*" }]
  }
  EOT

autoscaling = {
  min = 2
  max = 10
  schedules = [
    {
      name       = "scale-down-at-night"
      recurrence = "0 22 * * *" # cron: minute hour dom month dow
      desired    = 1
    },
  ]
  health_check = { type = "ELB", grace_period = 300 }
}

enable_monitoring = true
