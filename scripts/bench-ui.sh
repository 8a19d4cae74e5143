#!/usr/bin/env bash
# The workshop at workshop scale, measured in headless Chromium against the
# release build: builds the site (skip with SKIP_BUILD=1), writes the 50- and
# 500-service models (`slo example scale`, the generator the tests use), and
# prints the import, switching between the pages in the app (real clicks),
# and a real key press to its updated figure (median and worst), each beside
# its target (e2e/bench-ui.mjs). A benchmark, not a test: it never fails on
# a figure; what one key press does is counted by e2e/key_cost.spec.mjs.
# It also prints how much of the machine's CPU time the host took (steal,
# from /proc/stat) during the run: on a shared virtual machine that moves
# every figure, and only runs with little of it compare.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  bash scripts/build.sh /slo-planner/
fi
mkdir -p target
for services in 50 500; do
  cargo run -q --release -p slo-cli -- example scale --services "$services" > "target/scale-$services.json"
done
# The CPU times in jiffies: everything, and the host's steal.
cpu_times() { awk '/^cpu / { t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9 }' /proc/stat; }
read -r total0 steal0 < <(cpu_times)
PORT="${PORT:-8098}" node e2e/bench-ui.mjs target/scale-50.json target/scale-500.json
read -r total1 steal1 < <(cpu_times)
echo "the host took $(( (steal1 - steal0) * 100 / (total1 - total0 + 1) ))% of this machine's CPU time during the run (steal in /proc/stat): figures compare only between runs with little of it"
