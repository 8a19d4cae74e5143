#!/usr/bin/env bash
# Reports the size of the release bundle in dist/, raw and gzipped (-9), per file
# and in total. Run scripts/build.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
total_raw=0; total_gz=0
printf '%-56s %10s %10s\n' file bytes gzipped
while IFS= read -r f; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-56s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \) | sort)
printf '%-56s %10d %10d\n' total "$total_raw" "$total_gz"
