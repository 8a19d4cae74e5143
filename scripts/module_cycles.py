#!/usr/bin/env python3
"""Fails when the core's modules import each other in a circle.

Reads every `crate::<module>` reference (in `use` lines and in code) of
core/src, takes the module a file belongs to (its first path segment under
src/), and reports each strongly connected group of two or more modules.
Usage: scripts/module_cycles.py [SRC_DIR]   (default core/src)
"""
import re
import sys
from pathlib import Path

src = Path(sys.argv[1] if len(sys.argv) > 1 else "core/src")
REFERENCE = re.compile(r"\bcrate::([a-z_][a-z0-9_]*)")
USE_GROUP = re.compile(r"\buse\s+crate::\{([^;]*)\}", re.S)


def module_of(path: Path) -> str:
    parts = path.relative_to(src).with_suffix("").parts
    return parts[0] if parts[0] not in ("lib", "main") else ""


def references(text: str) -> set:
    text = re.sub(r"//[^\n]*", "", text)  # comments and doc comments
    found = set(REFERENCE.findall(text))
    for group in USE_GROUP.findall(text):
        found.update(re.findall(r"(?:^|[,{\s])([a-z_][a-z0-9_]*)\s*(?:::|,|\}|$)", group))
    return found


graph = {}
for file in sorted(src.rglob("*.rs")):
    module = module_of(file)
    if not module:
        continue
    # Test modules may look anywhere: only the shipped code counts.
    text = file.read_text().split("#[cfg(test)]")[0]
    graph.setdefault(module, set()).update(m for m in references(text) if m != module)

modules = set(graph) | {m for targets in graph.values() for m in targets}
index, low, stack, on_stack, groups = {}, {}, [], set(), []


def connect(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in graph.get(v, ()):
        if w not in index:
            connect(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        group = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            group.append(w)
            if w == v:
                break
        if len(group) > 1:
            groups.append(sorted(group))


sys.setrecursionlimit(10000)
for v in sorted(modules):
    if v not in index:
        connect(v)

if groups:
    for group in groups:
        inside = set(group)
        edges = [f"{a} -> {b}" for a in group for b in sorted(graph.get(a, ())) if b in inside]
        print(f"import cycle among {len(group)} modules: {', '.join(group)}")
        for edge in edges:
            print(f"  {edge}")
    sys.exit(1)
print(f"no import cycle among the {len(modules)} modules of {src}")
