#!/usr/bin/env bash
# The workshop at workshop scale, measured in headless Chromium against the
# release build: builds the site (skip with SKIP_BUILD=1), writes the
# 50-service model (`slo example scale`, the generator the tests use), and
# prints the import, opening each page, and keystroke to updated figure
# (median and worst). A benchmark, not a test: it never fails on a figure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  bash scripts/build.sh /slo-planner/
fi
mkdir -p target
cargo run -q --release -p slo-cli -- example scale --services 50 > target/scale-50.json
node e2e/bench-ui.mjs target/scale-50.json "${PORT:-8098}"
