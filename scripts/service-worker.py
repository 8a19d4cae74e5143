#!/usr/bin/env python3
"""Writes dist/sw.js, the service worker that makes the site work offline
after one visit (scripts/service-worker.js, with this build's file list and
a build id made from every file's content), and registers it from every
page (a script before </head>; scripts/csp.py then hashes it).

Usage: service-worker.py DIST BASE   (BASE like /slo-planner/)
"""
import hashlib
import json
import pathlib
import sys

dist = pathlib.Path(sys.argv[1])
base = sys.argv[2]
here = pathlib.Path(__file__).resolve().parent

files = []
digest = hashlib.sha256()
for path in sorted(p for p in dist.rglob("*") if p.is_file() and p.name != "sw.js"):
    rel = path.relative_to(dist).as_posix()
    digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    # A page is asked for by its folder's address.
    files.append(rel[: -len("index.html")] if path.name == "index.html" else rel)
build = digest.hexdigest()[:16]

worker = (here / "service-worker.js").read_text()
worker = worker.replace("__BUILD__", build).replace("__BASE__", base).replace("__FILES__", json.dumps(files))
(dist / "sw.js").write_text(worker)

register = (
    '<script>if ("serviceWorker" in navigator) navigator.serviceWorker'
    f'.register("{base}sw.js", {{ scope: "{base}" }}).catch(() => {{}});</script>'
)
pages = [p for p in dist.rglob("index.html")]
for page in pages:
    html = page.read_text(encoding="utf-8")
    if "</head>" not in html:
        sys.exit(f"{page}: no </head> to register the service worker before")
    page.write_text(html.replace("</head>", register + "</head>", 1), encoding="utf-8")
print(f"dist/sw.js: build {build}, {len(files)} files precached; registered from {len(pages)} pages")
