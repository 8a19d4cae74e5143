#!/usr/bin/env bash
# The first load of every page, gzipped, against its size budget: one line per
# page (scripts/bundle-size.sh DIR lists a page's files). Fails when a page is
# over its budget. Run scripts/build.sh first.
#
# The budgets: issue 11's goals, 150 KB for the Budget page and 250 KB for
# each workshop page (a split page's chunks, loaded once it is up, are
# listed below and not counted: scripts/split-page.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A budget=(
  [dist]=150000
  [dist/workshop]=250000
  [dist/workshop/dependencies]=250000
  [dist/workshop/tradeoffs]=250000
  [dist/workshop/burn]=250000
  [dist/workshop/policy]=250000
  [dist/workshop/document]=250000
)
pages=(dist dist/workshop dist/workshop/dependencies dist/workshop/tradeoffs dist/workshop/burn dist/workshop/policy dist/workshop/document)
status=0
printf '%-30s %10s %10s %10s\n' page bytes gzipped budget
for page in "${pages[@]}"; do
  read -r _ raw gz < <(bash scripts/bundle-size.sh "$page" | tail -1)
  mark=""
  if [ "$gz" -gt "${budget[$page]}" ]; then mark="  OVER"; status=1; fi
  printf '%-30s %10d %10d %10d%s\n' "${page#dist}/" "$raw" "$gz" "${budget[$page]}" "$mark"
done
# Loaded only when a file or link is opened, by any workshop page.
raw=0; gz=0
for f in dist/workshop/importer*; do
  raw=$((raw + $(wc -c <"$f"))); gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
done
printf '%-30s %10d %10d %10s\n' "importer (on demand)" "$raw" "$gz" "-"
# Loaded only when OpenSLO is opened or a format other than JSON exported.
raw=0; gz=0
for f in dist/workshop/formats*; do
  raw=$((raw + $(wc -c <"$f"))); gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
done
printf '%-30s %10d %10d %10s\n' "formats worker (on demand)" "$raw" "$gz" "-"
# A split page's chunks (scripts/split-page.sh), loaded once the page is up.
for f in dist/workshop/*/lazy-*.wasm; do
  [ -e "$f" ] || continue
  page=$(basename "$(dirname "$f")")
  printf '%-30s %10d %10d %10s\n' "$page: ${f##*/lazy-}" "$(wc -c <"$f")" "$(gzip -9 -c "$f" | wc -c)" "-"
done
exit "$status"
