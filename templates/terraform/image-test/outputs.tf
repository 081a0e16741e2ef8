output "public_ip" {
  description = "Public address InSpec connects to over SSH."
  value       = aws_instance.test.public_ip
}

output "instance_id" {
  description = "ID of the test instance."
  value       = aws_instance.test.id
}
