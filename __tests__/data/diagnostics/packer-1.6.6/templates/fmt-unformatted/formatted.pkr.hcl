variable "ok" {
  type    = string
  default = "x"
}
