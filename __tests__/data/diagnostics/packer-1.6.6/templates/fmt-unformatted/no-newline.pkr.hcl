locals {
  name="no-newline"
}