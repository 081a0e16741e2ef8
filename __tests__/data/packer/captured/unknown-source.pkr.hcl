build {
  sources = ["source.null.missing"]
}
