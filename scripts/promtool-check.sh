#!/usr/bin/env bash
# Checks the generated Prometheus rules with the real tool (Debian's
# `prometheus` package ships promtool): `promtool check rules` on the rules
# of both examples and of a calendar-month variant with an alert-after
# time, then `promtool test rules` on the unit tests `slo export
# --with-tests` writes (a full outage and a slow burn per SLO: each alert
# fires no earlier and no later than the alert table's detection time, to
# the evaluation interval). Writes into target/promtool/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/promtool
rm -rf "$out" && mkdir -p "$out"
cargo build -q -p slo-cli
slo=target/debug/slo

# The Workbook example's availability SLO over a calendar month in Berlin,
# its fast-burn page held 2 minutes before it fires (Prometheus `for`).
python3 - examples/workbook-api.json > "$out/month.json" <<'PY'
import json, sys
model = json.load(open(sys.argv[1]))
journey = model["services"][0]["journeys"][0]
journey["slis"] = journey["slis"][:1]
slo = journey["slis"][0]["slos"][0]
slo.update(window="month", timeZone="Europe/Berlin")
model["alertRules"][0]["alertAfter"] = "2m"
json.dump(model, sys.stdout, indent=2)
PY

for model in examples/workbook-api.json examples/seed-chain.json "$out/month.json"; do
  name=$(basename "$model" .json)
  "$slo" export --format prometheus "$model" -o "$out/$name.yml" --with-tests \
    --link "https://example.org/slo-planner/" 2> "$out/$name.skipped.txt"
  promtool check rules "$out/$name.yml" "$out/$name.twin.yml"
done
# The unit tests run two at a time (each is a few thousand evaluations).
printf '%s\n' workbook-api seed-chain month |
  xargs -P 2 -I{} sh -c 'cd "$1" && promtool test rules "$2.test.yml"' _ "$out" {}

# The range queries that export an SLI's past for the trade-off table
# (`slo tradeoffs --query STEP`), checked as PromQL: each becomes a
# recording rule of a rule file that `promtool check rules` must accept.
{
  echo "groups:"
  echo "  - name: slo-planner-history"
  echo "    rules:"
  n=0
  for sli in "API availability" "API latency (400 ms)" "API latency (850 ms)"; do
    n=$((n + 1))
    echo "      - record: slo_planner:history_events_$n:increase1m"
    echo "        expr: |"
    "$slo" tradeoffs examples/workbook-api.json --slo "$sli" --query 1m | sed 's/^/          /'
  done
} > "$out/history-queries.yml"
promtool check rules "$out/history-queries.yml"
