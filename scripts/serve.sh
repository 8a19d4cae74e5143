#!/usr/bin/env bash
# Builds the site (both bundles, release) and serves it at http://127.0.0.1:8080/.
# It opens on the Budget calculator with an example; the workshop pages open on
# the SRE Workbook example model. Rebuild (run this again) after changing code.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh /
echo "serving on http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops)"
exec node e2e/serve.mjs "${PORT:-8080}" /
