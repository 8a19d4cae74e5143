#!/usr/bin/env bash
# The first load of every page, gzipped, against its size budget: one line per
# page (scripts/bundle-size.sh DIR lists a page's files). Fails when a page is
# over its budget. Run scripts/build.sh first.
#
# The budgets: the Budget page stays within 160 KiB (the lightest peer
# calculator we measured). The workshop pages' goal is 250 KB each (issue 11);
# until it is met, each page's budget is its size when it got its own bundle
# (and the importer moved to a worker) plus about 4 KB, so no page grows
# unnoticed.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A budget=(
  [dist]=163840
  [dist/workshop]=354000
  [dist/workshop/dependencies]=340000
  [dist/workshop/burn]=451000
  [dist/workshop/policy]=338500
  [dist/workshop/document]=369500
)
pages=(dist dist/workshop dist/workshop/dependencies dist/workshop/burn dist/workshop/policy dist/workshop/document)
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
exit "$status"
