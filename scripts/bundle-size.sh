#!/usr/bin/env bash
# Reports the size of a page's first load, raw and gzipped (-9), per file and
# in total. Run scripts/build.sh first.
# Usage: scripts/bundle-size.sh [--max-gzip BYTES] [DIR]
#   DIR is a page's folder in dist/: dist/ (the Budget calculator, the
#   default), dist/workshop/ (the Model page), dist/workshop/burn/ and so on.
#   Other pages' folders inside DIR and what loads only on demand (the JSON
#   Schema, the workers: importer*, formats*, a split page's chunks: lazy-*)
#   are left out. With --max-gzip it fails when the
#   gzipped total is larger.
set -euo pipefail
cd "$(dirname "$0")/.."
max=""
if [ "${1:-}" = "--max-gzip" ]; then
  max="${2:?--max-gzip needs a number of bytes}"
  shift 2
fi
dir="${1:-dist}"
dir="${dir%/}"
[ -d "$dir" ] || { echo "no $dir/: run scripts/build.sh first" >&2; exit 1; }
# Folders inside DIR that are pages of their own (they have an index.html).
prune=(-path "$dir/.stage")
while IFS= read -r page; do
  prune+=(-o -path "$(dirname "$page")")
done < <(find "$dir" -mindepth 2 -name index.html)
total_raw=0; total_gz=0
printf '%-56s %10s %10s\n' "file ($dir/)" bytes gzipped
while IFS= read -r f; do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-56s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" \( "${prune[@]}" \) -prune -o -type f -not -name '*.json' -not -name 'importer*' -not -name 'formats*' -not -name 'lazy-*' -print | sort)
printf '%-56s %10d %10d\n' total "$total_raw" "$total_gz"
if [ -n "$max" ] && [ "$total_gz" -gt "$max" ]; then
  echo "$dir/ is $total_gz bytes gzipped, over the budget of $max" >&2
  exit 1
fi
