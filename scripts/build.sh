#!/usr/bin/env bash
# Release build of the static site into dist/, for hosting under a sub-path.
# Usage: scripts/build.sh [/public-url/]   (default /slo-planner/; use / at a domain root)
# Two bundles: the Budget calculator at the root (the first load) and the
# workshop pages (Model, Policy, Document) under workshop/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
base="${1:-/slo-planner/}"
trunk build --release --public-url "$base"
trunk build --release --public-url "${base}workshop/" --dist dist/workshop workshop/index.html
# The Content-Security-Policy <meta>, with the hash of Trunk's inline loader.
python3 scripts/csp.py dist/index.html dist/workshop/index.html
