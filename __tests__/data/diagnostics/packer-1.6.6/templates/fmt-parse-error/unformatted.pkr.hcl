locals {
  answer=42
}
