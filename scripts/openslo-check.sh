#!/usr/bin/env bash
# Validates the OpenSLO export against a JSON Schema written from the
# OpenSLO v1 specification (scripts/openslo/openslo-v1.schema.json; the
# project's own `oslo validate` needs a Go toolchain and module proxy this
# build cannot reach): both examples, a 50-service model, and the v1 files
# written by hand for the import tests. Writes into target/openslo/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/openslo
rm -rf "$out" && mkdir -p "$out"
cargo build -q -p slo-cli
slo=target/debug/slo
"$slo" example scale --services 50 > "$out/scale-50.json"
for model in examples/workbook-api.json examples/seed-chain.json "$out/scale-50.json"; do
  "$slo" export --format openslo "$model" -o "$out/$(basename "$model" .json).yaml"
done
python3 scripts/openslo/check.py "$out"/*.yaml \
  core/tests/openslo/rolling-occurrences.yaml \
  core/tests/openslo/calendar-timeslices.yaml \
  core/tests/openslo/windows-and-methods.yaml
