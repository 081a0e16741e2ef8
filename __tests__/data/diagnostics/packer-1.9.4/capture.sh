#!/bin/sh
# Re-captures the Packer 1.9.4 outputs in this folder, on the same templates as the 1.6.6 captures
# (../packer-1.6.6/templates). Run it from anywhere with the binary as PACKER (default: the one
# `.ci/tools packer` builds). Each output is stdout and stderr together, as a CI log shows them; the
# exit code of each command goes to exit-codes.txt. Packer runs with __tests__/data/diagnostics as
# its working directory, so the paths it prints start with packer-1.6.6/templates/ (or ./ for the
# qemu template that sits next to the copied samples). PACKER_PLUGIN_PATH is an empty folder, so
# only the plugins bundled into Packer are used.
set -u
cd "$(dirname "$0")/.." || exit 1
PACKER=${PACKER:-$(../../../.ci/tools packer | cut -d' ' -f2)}
P=packer-1.9.4
T=packer-1.6.6/templates
: >"$P/exit-codes.txt"

capture() {
  name=$1
  shift
  "$PACKER" "$@" >"$P/$name.txt" 2>&1
  echo "$name $?" >>"$P/exit-codes.txt"
}

export CHECKPOINT_DISABLE=1
PACKER_PLUGIN_PATH=$(mktemp -d)
export PACKER_PLUGIN_PATH
capture version -machine-readable version
capture validate-unsupported-argument validate $T/unsupported-argument
capture validate-unset-variable validate $T/unset-variable
capture validate-syntax-error validate $T/syntax-error
capture validate-attribute-redefined validate $T/attribute-redefined
capture validate-undefined-variable-warning validate -var-file=$T/undefined-variable/values.pkrvars.hcl $T/undefined-variable
capture validate-json-unknown-key validate $T/json-unknown-key/template.json
capture validate-json-provisioner validate $T/json-provisioner/template.json
capture validate-json-syntax validate $T/json-syntax/template.json
capture validate-json-root-key validate $T/json-root-key/template.json
capture validate-json-required-variable validate $T/json-required-variable/template.json
capture validate-json-unknown-builder validate $T/json-unknown-builder/template.json
capture mr-validate-attribute-redefined -machine-readable validate $T/attribute-redefined
capture mr-build-unset-variable -machine-readable build $T/unset-variable
capture build-unsupported-argument build $T/unsupported-argument
capture fmt-check-diff fmt -check -diff $T/fmt-unformatted
capture fmt-check fmt -check $T/fmt-unformatted
capture fmt-check-diff-parse-error fmt -check -diff $T/fmt-parse-error
capture fmt-check-diff-recursive fmt -check -diff -recursive $T/fmt-unformatted
rmdir "$PACKER_PLUGIN_PATH"
