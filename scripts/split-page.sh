#!/usr/bin/env bash
# Builds a page whose bundle is split (Leptos's `#[lazy]`, under the
# `slo_split` cfg) into its first load and chunks loaded on demand, in place of
# trunk's Rust step for that page (scripts/build.sh): wasm-split-cli cuts the
# release wasm (linked with --emit-relocs) into the main module and one chunk
# per lazy function, wasm-bindgen makes the main module's JavaScript (keeping
# the exports the chunks link against), wasm-opt shrinks each wasm (and
# short-imports.py shortens the glue's import names), every file
# gets a name with its content's hash, and the page's index.html gets the
# script that starts it (Trunk's loader, with `window.wasmBindings`).
# Usage: scripts/split-page.sh BIN RELEASE_WASM PAGE_DIST PUBLIC_URL
# Chunks are named lazy-*.wasm: scripts/bundle-size.sh leaves them out of the
# first load.
set -euo pipefail
bin="$1" wasm="$2" dist="$3" base="$4"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
hash() { sha256sum "$1" | cut -c1-16; }

wasm-split-cli "$wasm" "$tmp/split" --target web --out-name "$bin"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-dir "$tmp/bindgen" "$tmp/split/$bin.wasm"
# WASM_OPT_FLAGS="-Oz -g" keeps the functions' names, for a profile.
# The target-features and producers sections are for tools, not browsers:
# about 160 bytes in each of the 90 chunks (a page loads 31 to 43 of them).
opt_flags="${WASM_OPT_FLAGS:--Oz} --strip-target-features --strip-producers"
# shellcheck disable=SC2086
wasm-opt $opt_flags "$tmp/bindgen/${bin}_bg.wasm" -o "$tmp/main.wasm"
python3 scripts/short-imports.py "$tmp/main.wasm" "$tmp/bindgen/$bin.js"
name="$bin-$(hash "$tmp/main.wasm")"
cp "$tmp/main.wasm" "$dist/${name}_bg.wasm"

loader="$tmp/split/__wasm_split.js"
# A split point's chunk is split_<name>.wasm; code that two split points
# share goes into chunk_<n>.wasm, which both load.
for chunk in "$tmp"/split/split_*.wasm "$tmp"/split/chunk_*.wasm; do
  [ -e "$chunk" ] || continue
  stem=$(basename "$chunk" .wasm)
  # shellcheck disable=SC2086
  wasm-opt $opt_flags "$chunk" -o "$tmp/chunk.wasm"
  chunk_name="lazy-${stem#split_}-$(hash "$tmp/chunk.wasm").wasm"
  cp "$tmp/chunk.wasm" "$dist/$chunk_name"
  sed -i "s|\"\./$stem\.wasm\"|\"./$chunk_name\"|" "$loader"
done
sed -i "s|from \"\./$bin\.js\"|from \"./$name.js\"|" "$loader"
# The JavaScript wasm-bindgen and wasm-split write is readable, not small:
# esbuild minifies it (about 3 KB gzipped off the first load). The chunk
# loader keeps its names, which scripts/bundle-pages.sh reads.
esbuild "$loader" --minify-whitespace --minify-syntax --format=esm --log-level=error --outfile="$tmp/loader.js"
loader="$tmp/loader.js"
loader_name="__wasm_split-$(hash "$loader").js"
cp "$loader" "$dist/$loader_name"
sed "s|from \"\./__wasm_split\.js\"|from \"./$loader_name\"|" "$tmp/bindgen/$bin.js" >"$tmp/glue.js"
esbuild "$tmp/glue.js" --minify --format=esm --log-level=error --outfile="$dist/$name.js"
if [ -d "$tmp/bindgen/snippets" ]; then cp -r "$tmp/bindgen/snippets" "$dist/"; fi

start="<script type=\"module\">
import init, * as bindings from '${base}${name}.js';
await init({ module_or_path: '${base}${name}_bg.wasm' });
window.wasmBindings = bindings;
</script>
<link rel=\"modulepreload\" href=\"${base}${name}.js\" crossorigin=\"anonymous\"><link rel=\"preload\" href=\"${base}${name}_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">"
START="$start" python3 - "$dist/index.html" <<'PY'
import os, sys
path = sys.argv[1]
html = open(path, encoding="utf-8").read()
if "</head>" not in html:
    sys.exit(f"{path}: no </head> to start the page before")
open(path, "w", encoding="utf-8").write(html.replace("</head>", os.environ["START"] + "</head>", 1))
PY
