#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo-fuzz, libFuzzer) of the readers people and
# files feed: model import, OpenSLO import, share-link decoding, the Budget page's form, and a
# scenario run from a model with fuzzed numbers.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every target)
# Installs the pinned nightly toolchain (scripts/nightly.sh) and cargo-fuzz
# when missing. A crash
# leaves its input in fuzz/artifacts/<target>/ and fails the run: turn it into
# a regression test in core/tests/robustness.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(model_import share_link calculator_form scenario_run openslo_import history_import)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# shellcheck source=scripts/nightly.sh
source scripts/nightly.sh
ensure_nightly
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (a few minutes, once)"
  cargo install cargo-fuzz --locked
fi

say "building the fuzz targets"
(cd fuzz && cargo +"$NIGHTLY" fuzz build -O)

status=0
for target in "${targets[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  say "fuzzing $target for ${seconds}s"
  log=$(mktemp)
  if (cd fuzz && cargo +"$NIGHTLY" fuzz run -O "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=4096 -timeout=20 -print_final_stats=1) >"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || echo "?")
    printf '%s: %s executions in %ss, corpus %s inputs, crashes: 0\n' \
      "$target" "$runs" "$seconds" "$(find "$corpus" -type f | wc -l)"
  else
    status=1
    tail -40 "$log"
    printf '%s: CRASH, input in fuzz/artifacts/%s/\n' "$target" "$target"
  fi
  rm -f "$log"
done
exit $status
