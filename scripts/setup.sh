#!/usr/bin/env bash
# Installs what slo-planner needs, only what is missing: the wasm target,
# the pinned nightly toolchain with rust-src (scripts/nightly.sh), wasm-split-cli,
# wasm-bindgen-cli (the version Cargo.lock pins), trunk, the npm tools
# (wasm-opt, Playwright) and, with --browser, Debian's Chromium and ChromeDriver
# and Debian's prometheus (for promtool).
# Idempotent: a second run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=no
[ "${1:-}" = "--browser" ] && want_browser=yes

export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14
# wasm-split-cli: cuts a split page's bundle into chunks (scripts/split-page.sh).
WASM_SPLIT_VERSION=0.2.4

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# shellcheck source=scripts/nightly.sh
source scripts/nightly.sh
ensure_nightly

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component (the tests check format and lints)"
    rustup component add "$component"
  fi
done

cargo fetch --quiet

# The wasm-bindgen CLI must be exactly the version the lockfile pins.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version\$"; then
  say "installing wasm-bindgen-cli $wbg_version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -x node_modules/.bin/playwright ]; then
  say "installing npm tools (wasm-opt, esbuild, Playwright; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "$want_browser" = yes ] && ! python3 -c "import jsonschema, yaml" 2>/dev/null; then
  say "installing python-jsonschema and PyYAML (check the shipped JSON Schema and the OpenSLO export)"
  python3 -m pip install --quiet --disable-pip-version-check jsonschema pyyaml
fi

if [ "$want_browser" = yes ] && ! command -v promtool >/dev/null; then
  say "installing Debian's prometheus (promtool checks the generated rules)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

if [ "$want_browser" = yes ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; }; then
  say "installing Debian's chromium and chromium-driver"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null
fi
