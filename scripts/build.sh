#!/usr/bin/env bash
# Release build of the static site into dist/, for hosting under a sub-path.
# Usage: scripts/build.sh [/public-url/]   (default /slo-planner/; use / at a domain root)
# Two apps: the Budget calculator at the root (a light bundle of its own),
# and the workshop, one app at workshop/ and workshop/<page>/ (see PAGES)
# whose first load is its shared runtime and the page's chunk.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_SETUP:-}" = 1 ] || bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
base="${1:-/slo-planner/}"
# The workshop is one app (src/bin/workshop.rs) with an address per page:
# workshop/index.html (the Model page) is copied into workshop/<page>/ with
# the page's title and description, every copy starting the same app from
# the same files under workshop/ (its <base>), which shows the page its
# address names.
declare -A TITLE=([dependencies]=Dependencies [tradeoffs]=Trade-offs [burn]=Burn [policy]=Policy [document]=Document)
declare -A DESCRIPTION=(
  [dependencies]="the dependency graph, composite availability and each SLO's ceiling."
  [tradeoffs]="candidate targets weighed against the team's own incident history: periods met, chance of meeting, pages and release freezes."
  [burn]="how incidents burn the error budget, which alerts fire and which policy clauses apply."
  [policy]="the error budget policy."
  [document]="the agreed SLO document and error budget policy, to export and share."
)
PAGES="dependencies tradeoffs burn policy document"
# Size: the site is built with the pinned nightly (scripts/nightly.sh), the
# standard library rebuilt for it with panics as immediate aborts: no panic
# messages, locations or their formatting in the wasm, about 28 KB gzipped off
# each page. A panic is then a WebAssembly trap, which shows the same banner
# (browser::panic). Each flag set has a target dir of its own; trunk's own
# cargo run below each build then finds its binary built.
# shellcheck source=scripts/nightly.sh
source scripts/nightly.sh
export RUSTUP_TOOLCHAIN="$NIGHTLY" CARGO_UNSTABLE_BUILD_STD=std,panic_abort
size_flags="-Zunstable-options -Cpanic=immediate-abort"
# The Budget page: a few small components, each kept as its own type.
export RUSTFLAGS="$size_flags" CARGO_TARGET_DIR="$PWD/target/site"
cargo build --release --target wasm32-unknown-unknown -p slo-planner --bin slo-planner
trunk build --release --public-url "$base"
# The workshop is large views: Leptos's `erase_components` (every
# component's view type-erased) takes about 9 KB gzipped off it, where it
# adds 9 KB to the Budget page. `slo_split` turns on the split points.
export RUSTFLAGS="--cfg erase_components --cfg slo_split $size_flags"
export CARGO_TARGET_DIR="$PWD/target/site-erased"
# The two workers (the importer and the formats worker), and the app linked
# keeping its relocations, which wasm-split-cli reads to cut it into the
# shared runtime and the chunks (scripts/split-page.sh, in place of trunk's
# Rust step for it).
cargo build --release --target wasm32-unknown-unknown -p slo-planner --bin importer --bin formats
cargo rustc --release --target wasm32-unknown-unknown -p slo-planner --bin workshop -- -Clink-args=--emit-relocs
trunk build --release --public-url "${base}workshop/" --dist dist/workshop workshop/index.html
bash scripts/split-page.sh workshop "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/workshop.wasm" \
  dist/workshop "${base}workshop/"
pages=(dist/index.html dist/workshop/index.html)
for page in $PAGES; do
  mkdir -p "dist/workshop/$page"
  TITLE="${TITLE[$page]}" DESCRIPTION="SLO workshop: ${DESCRIPTION[$page]}" python3 - dist/workshop/index.html "dist/workshop/$page/index.html" <<'PY'
import os, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
html, titles = re.subn(r"<title>slo-planner: SLO workshop, [^<]*</title>",
                       f"<title>slo-planner: SLO workshop, {os.environ['TITLE']}</title>", html)
html, descriptions = re.subn(r'<meta name="description" content="[^"]*" />',
                             f'<meta name="description" content="{os.environ["DESCRIPTION"]}" />', html)
if titles != 1 or descriptions != 1:
    sys.exit(f"{sys.argv[1]}: no title or description to fill in")
open(sys.argv[2], "w", encoding="utf-8").write(html)
PY
  pages+=("dist/workshop/$page/index.html")
done
# The Content-Security-Policy <meta>, with the hash of each inline script.
# The service worker (offline after one visit), registered from every page before the CSP hashes the pages' scripts.
python3 scripts/service-worker.py dist "$base"
python3 scripts/csp.py "${pages[@]}"
