#!/usr/bin/env python3
"""Fails when the core's modules import against its layers or in a circle.

Reads every `crate::<path>` reference (in `use` lines, groups and code, not
in comments or test modules) of core/src and checks three rules:
  1. a top-level module imports only modules of its own layer or below
     (LAYERS, bottom first; the same list is drawn in DEVELOPERS.md);
  2. no top-level modules import each other in a circle;
  3. inside a folder (`burn/`, `model/`, ...), no submodules import each
     other in a circle.
Usage: scripts/module_layers.py [SRC_DIR]   (default core/src)
"""
import re
import sys
from pathlib import Path

LAYERS = [
    ["agenda", "echo", "glossary", "history"],
    ["quantity"],
    ["problem"],
    ["model"],
    ["read"],
    ["alerting", "budget", "dependency", "burn", "record"],
    ["validate"],
    ["calculator", "codec", "report", "export", "merge", "tradeoff"],
    ["examples"],
    ["harness"],
]
LAYER = {module: level for level, modules in enumerate(LAYERS) for module in modules}

src = Path(sys.argv[1] if len(sys.argv) > 1 else "core/src")
PATH = re.compile(r"\bcrate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)")
GROUP = re.compile(r"\buse\s+crate::((?:[a-z_][a-z0-9_]*::)*)\{([^;]*)\}", re.S)


def path_of(file: Path) -> list:
    """The module path of a file: `burn/mod.rs` is ["burn"], `lib.rs` is []."""
    parts = list(file.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return parts


def references(text: str) -> set:
    """Every module path named, as a tuple (`crate::burn::simulate::X` gives
    ("burn", "simulate", "X"); callers take the first one or two parts)."""
    text = re.sub(r"//[^\n]*", "", text)
    found = {tuple(p.split("::")) for p in PATH.findall(text)}
    for prefix, group in GROUP.findall(text):
        head = tuple(p for p in prefix.split("::") if p)
        for name in re.findall(r"(?:^|[,{\s])([a-z_][a-z0-9_]*)\s*(?:::|,|\}|$)", group):
            found.add(head + (name,))
    return found


def cycles(graph: dict) -> list:
    """Strongly connected groups of two or more nodes (Tarjan)."""
    nodes = set(graph) | {m for targets in graph.values() for m in targets}
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def connect(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
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

    for v in sorted(nodes):
        if v not in index:
            connect(v)
    return groups


top, inner, failures = {}, {}, []
for file in sorted(src.rglob("*.rs")):
    module = path_of(file)
    if not module:
        continue
    # Test modules may look anywhere: only the shipped code counts.
    text = file.read_text().split("#[cfg(test)]")[0]
    for ref in references(text):
        if ref[0] != module[0]:
            top.setdefault(module[0], set()).add(ref[0])
        elif len(module) > 1 and len(ref) > 1 and ref[1] != module[1]:
            inner.setdefault(module[0], {}).setdefault(module[1], set()).add(ref[1])

for module, targets in sorted(top.items()):
    for target in sorted(targets):
        if module not in LAYER or target not in LAYER:
            failures.append(f"{module} -> {target}: add the module to LAYERS in {sys.argv[0]}")
        elif LAYER[target] > LAYER[module]:
            failures.append(
                f"{module} (layer {LAYER[module]}) imports {target} (layer {LAYER[target]}), above it"
            )

groups = [(group, top) for group in cycles(top)]
for folder, graph in sorted(inner.items()):
    groups += [([f"{folder}::{m}" for m in group], {f"{folder}::{a}": {f"{folder}::{b}" for b in bs} for a, bs in graph.items()}) for group in cycles(graph)]
for group, graph in groups:
    inside = set(group)
    failures.append(f"import cycle among {len(group)} modules: {', '.join(group)}")
    failures += [f"  {a} -> {b}" for a in group for b in sorted(graph.get(a, ())) if b in inside]

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"core/src: {len(top)} top-level modules import only downwards through {len(LAYERS)} layers; "
      f"no import cycle at the top or inside {len(inner)} folders")
