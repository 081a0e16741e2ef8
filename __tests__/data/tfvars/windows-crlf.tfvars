# Windows build agents write this file with CRLF line endings.
project = "payments"
ami_id  = "ami-fa43559c"   # eu-west-1, old-style 8-digit id

ami_ids = {
	"eu-west-1" = "ami-fa43559c"
}

tags = {
	Owner = "payments-team"
}
