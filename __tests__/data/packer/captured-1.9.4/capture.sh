#!/bin/sh
# Re-captures the Packer 1.9.4 machine-readable transcripts in this folder, on the templates in
# ../captured/ (the ones the 1.6.6 transcripts were taken on). Each command runs in an empty
# working directory with CHECKPOINT_DISABLE=1 and an empty PACKER_PLUGIN_PATH; standard output
# only. Run from anywhere; PACKER defaults to the binary `.ci/tools packer` builds.
# amazon-ebs-double.txt is captured by capture-amazon-ebs.ts (it needs the EC2 double).
set -u
here=$(cd "$(dirname "$0")" && pwd)
PACKER=${PACKER:-$("$here/../../../../.ci/tools" packer | cut -d' ' -f2)}
export CHECKPOINT_DISABLE=1
PACKER_PLUGIN_PATH=$(mktemp -d)
export PACKER_PLUGIN_PATH
work=$(mktemp -d)
cd "$work" || exit 1
cp "$here/../captured/multi-build.pkr.hcl" "$here/../captured/cancel.pkr.hcl" \
  "$here/../captured/legacy.json" "$here/../captured/unknown-source.pkr.hcl" .

"$PACKER" -machine-readable version >"$here/version.txt"
"$PACKER" build -machine-readable multi-build.pkr.hcl >"$here/multi-build-run1.txt"
echo "multi-build-run1 $?"
timeout -s INT -k 30 5 "$PACKER" build -machine-readable cancel.pkr.hcl >"$here/cancel.txt"
echo "cancel $?"
"$PACKER" build -machine-readable legacy.json >"$here/legacy.txt"
echo "legacy $?"
"$PACKER" build -machine-readable unknown-source.pkr.hcl >"$here/unknown-source.txt"
echo "unknown-source $?"
cd / && rm -rf "$work" "$PACKER_PLUGIN_PATH"
