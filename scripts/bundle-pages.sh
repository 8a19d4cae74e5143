#!/usr/bin/env bash
# Each page's first load, gzipped (-9), against its size ceiling and target,
# and every chunk of the workshop app. Fails when anything is over its
# ceiling. Run scripts/build.sh first.
#
# What is measured:
# - the Budget page, a bundle of its own;
# - the workshop's shared runtime (dist/workshop/ without its chunks and
#   workers: the page, the style, the app's JavaScript and main wasm, the
#   chunk loader);
# - a workshop page's first load, the runtime and the page's chunk with the
#   shared chunks it needs (read from the chunk loader, __wasm_split-*.js);
# - the whole workshop, the runtime and every chunk (the Burn run, the
#   Trade-offs table and "Export as…" included).
# Each against two figures: the ceiling, which fails the run when crossed
# (what the build of 2026-12-08, glossary and workshop session in, holds with about 1 % to spare, so no
# change makes it heavier unnoticed), and issue 26's target (150 KB, 200 KB,
# 230 KB, 700 KB), reported ("over target") until the build meets it, when
# the ceiling becomes the target.
# The two workers (importer, formats) load only when a file is opened or
# another format exported; they are listed, not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d dist/workshop ] || { echo "no dist/workshop/: run scripts/build.sh first" >&2; exit 1; }
gz() { gzip -9 -c "$1" | wc -c; }
read -r _ budget_raw budget_gz < <(bash scripts/bundle-size.sh dist | tail -1)
read -r _ runtime_raw runtime_gz < <(bash scripts/bundle-size.sh dist/workshop | tail -1)
chunk_sizes=()
for f in dist/workshop/lazy-*.wasm; do
  [ -e "$f" ] && chunk_sizes+=("${f##*/}=$(wc -c <"$f"),$(gz "$f")")
done
worker_sizes=()
for f in dist/workshop/importer* dist/workshop/formats*; do
  [ -e "$f" ] && worker_sizes+=("${f##*/}=$(wc -c <"$f"),$(gz "$f")")
done
loader=$(ls dist/workshop/__wasm_split-*.js)
LOADER="$loader" BUDGET="$budget_raw,$budget_gz" RUNTIME="$runtime_raw,$runtime_gz" \
  CHUNKS="${chunk_sizes[*]}" WORKERS="${worker_sizes[*]}" python3 - <<'PY'
import os, re, sys

PAGES = ["model", "dependencies", "tradeoffs", "burn", "policy", "document"]
CEILING = {"budget": 150_000, "runtime": 240_000, "page": 350_000, "workshop": 763_000}
TARGET = {"budget": 150_000, "runtime": 200_000, "page": 230_000, "workshop": 700_000}

def sizes(var):
    out = {}
    for item in os.environ[var].split():
        name, pair = item.split("=")
        out[name] = tuple(int(x) for x in pair.split(","))
    return out

chunks, workers = sizes("CHUNKS"), sizes("WORKERS")
runtime = tuple(int(x) for x in os.environ["RUNTIME"].split(","))
budget = tuple(int(x) for x in os.environ["BUDGET"].split(","))
loader = open(os.environ["LOADER"], encoding="utf-8").read()

# The loader names each chunk's file once, as `__chunk_N = makeLoad(...
# "./lazy-….wasm" ...)`, and each split point's loader as
# `__wasm_split_load_<name> = wrapAsyncCb(makeLoad(... "./lazy-….wasm" ...,
# [__chunk_N, ...]))`.
# (The loader is minified keeping its names: the spaces are optional.)
shared = dict(re.findall(r'(__chunk_\d+)\s*=\s*makeLoad\(\(\)\s*=>\s*\{\s*const src\s*=\s*fetch\(new URL\("\./([^"]+)"', loader))
splits = {}
for name, body in re.findall(r'__wasm_split_load_(\w+)\s*=\s*wrapAsyncCb\(makeLoad\((.*?)\]\)\)', loader, re.S):
    own = re.findall(r'"\./([^"]+\.wasm)"', body)
    deps = re.findall(r'__chunk_\d+', body.rsplit("[", 1)[-1])
    splits[name] = own + [shared[d] for d in deps]

status = 0
def line(name, raw, gzipped, kind):
    global status
    mark = ""
    if gzipped > CEILING[kind]:
        mark, status = "  OVER THE CEILING", 1
    elif gzipped > TARGET[kind]:
        mark = "  over target"
    print(f"{name:<44} {raw:>10} {gzipped:>10} {CEILING[kind]:>10} {TARGET[kind]:>10}{mark}")

print(f"{'first load':<44} {'bytes':>10} {'gzipped':>10} {'ceiling':>10} {'target':>10}")
line("/ (Budget page)", *budget, "budget")
line("/workshop/ shared runtime", *runtime, "runtime")
for page in PAGES:
    names = [n for n in splits if n.startswith(f"{page}_page")]
    if not names:
        sys.exit(f"no chunk for the {page} page in {os.environ['LOADER']}")
    files = splits[names[0]]
    raw = runtime[0] + sum(chunks[f][0] for f in files)
    gzipped = runtime[1] + sum(chunks[f][1] for f in files)
    folder = "" if page == "model" else f"{page}/"
    line(f"/workshop/{folder} (runtime + {len(files)} chunks)", raw, gzipped, "page")
total = (runtime[0] + sum(c[0] for c in chunks.values()), runtime[1] + sum(c[1] for c in chunks.values()))
line(f"whole workshop (runtime + {len(chunks)} chunks)", *total, "workshop")
print()
print(f"{'chunk':<44} {'bytes':>10} {'gzipped':>10}  loaded by")
for name, (raw, gzipped) in sorted(chunks.items()):
    users = sorted(s for s, files in splits.items() if name in files)
    print(f"{name:<44} {raw:>10} {gzipped:>10}  {', '.join(users)}")
for name, (raw, gzipped) in sorted(workers.items()):
    print(f"{name:<44} {raw:>10} {gzipped:>10}  a worker, on demand")
sys.exit(status)
PY
