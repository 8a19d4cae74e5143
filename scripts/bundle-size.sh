#!/usr/bin/env bash
# Reports the size of the release bundle in dist/ (the whole first load; the
# JSON Schema, fetched only on demand, is left out), raw
# and gzipped (-9), per file and in total. Run scripts/build.sh first.
# With --max-gzip BYTES it fails when the gzipped total is larger.
set -euo pipefail
cd "$(dirname "$0")/.."
max=""
[ "${1:-}" = "--max-gzip" ] && max="${2:?--max-gzip needs a number of bytes}"
[ -d dist ] || { echo "no dist/: run scripts/build.sh first" >&2; exit 1; }
total_raw=0; total_gz=0
printf '%-56s %10s %10s\n' file bytes gzipped
while IFS= read -r f; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-56s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done < <(find dist -type f -not -path 'dist/.stage/*' -not -name '*.json' | sort)
printf '%-56s %10d %10d\n' total "$total_raw" "$total_gz"
if [ -n "$max" ] && [ "$total_gz" -gt "$max" ]; then
  echo "the first load is $total_gz bytes gzipped, over the budget of $max" >&2
  exit 1
fi
