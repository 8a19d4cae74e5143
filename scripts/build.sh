#!/usr/bin/env bash
# Release build of the static site into dist/, for hosting under a sub-path.
# Usage: scripts/build.sh [/public-url/]   (default /slo-planner/; use / at a domain root)
# One bundle per page, so a first load carries only its page: the Budget
# calculator at the root, the workshop's Model page under workshop/ and each
# other workshop page under workshop/<page>/ (see PAGES).
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
base="${1:-/slo-planner/}"
# The workshop pages besides the Model page (each workshop/<page>/index.html).
PAGES="dependencies burn policy document"
# Every bundle in one cargo run, so the link-time optimisation of the six
# binaries runs in parallel; each trunk build below then finds its binary built.
cargo build --release --target wasm32-unknown-unknown -p slo-planner --bins
trunk build --release --public-url "$base"
trunk build --release --public-url "${base}workshop/" --dist dist/workshop workshop/index.html
pages=(dist/index.html dist/workshop/index.html)
for page in $PAGES; do
  trunk build --release --public-url "${base}workshop/$page/" --dist "dist/workshop/$page" "workshop/$page/index.html"
  pages+=("dist/workshop/$page/index.html")
done
# The Content-Security-Policy <meta>, with the hash of each inline script.
python3 scripts/csp.py "${pages[@]}"
