locals {
  nested="only seen with -recursive"
}
