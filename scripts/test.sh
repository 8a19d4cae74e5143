#!/usr/bin/env bash
# Runs every test: the code's shape (core's layers and no import cycle,
# files under 400 lines and functions under 80, rustfmt, clippy), core and
# CLI (unit, property, doc), the browser tests in headless Chromium
# (wasm-bindgen-test), then the end-to-end journeys with Playwright against
# the release build served under /slo-planner/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"

# Each step names itself and the disk left, so a run that dies of a full
# disk says so.
step() {
  printf '\033[1m==> %s\033[0m\n' "$*"
  printf '    (disk free: %s)\n' "$(df -h --output=avail . | tail -1 | tr -d ' ')"
}

step "code shape: core imports only downwards and in no circle, files and functions small, rustfmt, clippy (warnings are errors)"
python3 scripts/module_layers.py core/src
python3 scripts/code_shape.py
cargo fmt --all --check
(cd fuzz && cargo fmt --check)
cargo clippy --workspace --all-targets --all-features -- -D warnings
cargo clippy -p slo-planner --target wasm32-unknown-unknown --all-targets -- -D warnings

step "core, charts and CLI tests"
cargo test -p slo-core -p slo-cli -p slo-charts --all-features

step "Prometheus rules: promtool check rules, and promtool test rules on the generated unit tests"
bash scripts/promtool-check.sh

step "OpenSLO: the export validates against the JSON Schema written from the v1 specification"
bash scripts/openslo-check.sh

step "the shipped JSON Schema accepts the examples (python-jsonschema)"
python3 scripts/check-schema.py

step "fuzzing smoke (cargo-fuzz, 20 s per target; the long run is in the README)"
bash scripts/fuzz.sh 20

step "benchmarks compile"
cargo bench -p slo-core --all-features --no-run --quiet

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test -p slo-planner --target wasm32-unknown-unknown

step "release build under /slo-planner/ (the Budget page and the workshop app)"
SKIP_SETUP=1 bash scripts/build.sh /slo-planner/

step "end-to-end journeys (Playwright, Chromium, against dist/)"
# The 5- and 50-service models the scale journeys import (the generator the core tests use).
mkdir -p target
for services in 5 50; do
  cargo run -q -p slo-cli -- example scale --services "$services" > "target/scale-$services.json"
done
npx playwright test --config e2e/playwright.config.mjs

step "bundle size: the workshop runtime, each page's first load and every chunk against its ceiling (scripts/bundle-pages.sh)"
bash scripts/bundle-size.sh dist
bash scripts/bundle-pages.sh
