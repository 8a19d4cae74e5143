#!/usr/bin/env python3
"""Adds a Content-Security-Policy <meta> to built index.html files.

Static hosts cannot set headers, so the policy is a <meta> (first in <head>).
Inline style attributes (the SVG charts) are allowed; it forbids inline script except the loader Trunk writes into the page (allowed
by its SHA-256 hash, computed here from the built file), forbids eval (WebAssembly
compiles under 'wasm-unsafe-eval'), plugins, foreign <base> and form targets.
Usage: scripts/csp.py dist/index.html dist/workshop/index.html
"""
import base64
import hashlib
import re
import sys

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
    "style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'none'"
)

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        html = f.read()
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        "'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
        for s in scripts
    )
    meta = '<meta http-equiv="Content-Security-Policy" content="%s" />' % POLICY.format(hashes=hashes)
    html, n = re.subn(r'(<meta charset="utf-8" />)', r"\1\n    " + meta, html, count=1)
    if n != 1:
        sys.exit(f"{path}: no <meta charset> to put the policy after")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"{path}: Content-Security-Policy with {len(scripts)} inline script hash(es)")
