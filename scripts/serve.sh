#!/usr/bin/env bash
# Builds the site and serves it at http://127.0.0.1:8080/ (rebuilds on change).
# It opens on the example: 99.9 % over four weeks, 3,000,000 requests.
# Extra arguments go to `trunk serve`, e.g. --release or --port 9000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve "$@"
