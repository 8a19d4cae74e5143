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
# The workshop pages besides the Model page: each workshop/<page>/index.html
# is workshop/page.html filled in with the page's folder, title and
# description (the Model page's workshop/index.html is its own).
declare -A TITLE=([dependencies]=Dependencies [tradeoffs]=Trade-offs [burn]=Burn [policy]=Policy [document]=Document)
declare -A DESCRIPTION=(
  [dependencies]="the dependency graph, composite availability and each SLO's ceiling."
  [tradeoffs]="candidate targets weighed against the team's own incident history: periods met, chance of meeting, pages and release freezes."
  [burn]="how incidents burn the error budget, which alerts fire and which policy clauses apply."
  [policy]="the error budget policy."
  [document]="the agreed SLO document and error budget policy, to export and share."
)
PAGES="dependencies tradeoffs burn policy document"
# Pages whose bundle is split into a first load and chunks loaded on demand
# (Leptos's #[lazy]): scripts/split-page.sh builds their wasm, not trunk.
SPLIT_PAGES="tradeoffs burn"
is_split() { [[ " $SPLIT_PAGES " == *" $1 "* ]]; }
for page in $PAGES; do
  mkdir -p "workshop/$page"
  rust_line=""
  is_split "$page" && rust_line='/data-trunk rel="rust"/d'
  sed -e "s|{{PAGE}}|$page|" -e "s|{{TITLE}}|${TITLE[$page]}|" \
    -e "s|{{DESCRIPTION}}|SLO workshop: ${DESCRIPTION[$page]}|" -e "$rust_line" \
    workshop/page.html >"workshop/$page/index.html"
done
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
# The workshop pages are large views: Leptos's `erase_components` (every
# component's view type-erased) takes about 9 KB gzipped off each, where it
# adds 9 KB to the Budget page. `slo_split` turns on the lazy functions
# (only the split pages link any).
export RUSTFLAGS="--cfg erase_components --cfg slo_split $size_flags"
export CARGO_TARGET_DIR="$PWD/target/site-erased"
# Every workshop bundle (and the importer worker) in one cargo run, so the
# link-time optimisation of the binaries runs in parallel.
workshop_bins=(--bin workshop --bin importer)
for page in $PAGES; do is_split "$page" || workshop_bins+=(--bin "workshop-$page"); done
cargo build --release --target wasm32-unknown-unknown -p slo-planner "${workshop_bins[@]}"
# A split page's binary is linked keeping its relocations, which
# wasm-split-cli reads to cut it (only there: they would stay in the others).
for page in $SPLIT_PAGES; do
  cargo rustc --release --target wasm32-unknown-unknown -p slo-planner --bin "workshop-$page" -- -Clink-args=--emit-relocs
done
trunk build --release --public-url "${base}workshop/" --dist dist/workshop workshop/index.html
pages=(dist/index.html dist/workshop/index.html)
for page in $PAGES; do
  trunk build --release --public-url "${base}workshop/$page/" --dist "dist/workshop/$page" "workshop/$page/index.html"
  if is_split "$page"; then
    bash scripts/split-page.sh "workshop-$page" "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/workshop-$page.wasm" \
      "dist/workshop/$page" "${base}workshop/$page/"
  fi
  pages+=("dist/workshop/$page/index.html")
done
# The Content-Security-Policy <meta>, with the hash of each inline script.
# The service worker (offline after one visit), registered from every page before the CSP hashes the pages' scripts.
python3 scripts/service-worker.py dist "$base"
python3 scripts/csp.py "${pages[@]}"
