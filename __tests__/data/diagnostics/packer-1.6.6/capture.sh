#!/bin/sh
# Re-captures the Packer 1.6.6 outputs in this folder. Run it from anywhere with the binary as
# PACKER (default /usr/bin/packer). Each output is stdout and stderr together, as a CI log shows
# them; the exit code of each command goes to exit-codes.txt. Packer runs with
# __tests__/data/diagnostics as its working directory, so the paths it prints start with
# packer-1.6.6/ (or ./ for the qemu template that sits next to the copied samples).
set -u
PACKER=${PACKER:-/usr/bin/packer}
cd "$(dirname "$0")/.." || exit 1
P=packer-1.6.6
T=$P/templates
: >"$P/exit-codes.txt"

capture() {
  name=$1
  shift
  "$PACKER" "$@" >"$P/$name.txt" 2>&1
  echo "$name $?" >>"$P/exit-codes.txt"
}

export CHECKPOINT_DISABLE=1
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
capture validate-qemu-efi-unsupported-x3 validate -var host_distro=debian -var-file=./$P/qemu-focal.pkrvars.hcl ./template-hcl2-qemu-uefi-paired-validate-error.pkr.hcl
capture mr-validate-attribute-redefined -machine-readable validate $T/attribute-redefined
capture mr-build-unset-variable -machine-readable build $T/unset-variable
capture build-unsupported-argument build $T/unsupported-argument
capture fmt-check-diff fmt -check -diff $T/fmt-unformatted
capture fmt-check fmt -check $T/fmt-unformatted
capture fmt-check-diff-parse-error fmt -check -diff $T/fmt-parse-error
capture fmt-check-diff-recursive-unsupported fmt -check -diff -recursive $T/fmt-unformatted
