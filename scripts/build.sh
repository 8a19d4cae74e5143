#!/usr/bin/env bash
# Release build of the static site into dist/, for hosting under a sub-path.
# Usage: scripts/build.sh [/public-url/]   (default /slo-planner/; use / for a domain root)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --public-url "${1:-/slo-planner/}"
