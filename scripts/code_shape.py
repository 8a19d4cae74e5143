#!/usr/bin/env python3
"""Reports Rust files over MAX_FILE lines and functions over MAX_FN lines, and
fails when one is not in ALLOWED (where a table of data is clearer whole).

A function runs from its `fn` line to the line that closes it at the same
indentation. Usage: scripts/code_shape.py [DIR...]  (default: core cli charts src)
"""
import re
import sys
from pathlib import Path

MAX_FILE, MAX_FN = 400, 80
# Kept whole on purpose, each with why.
ALLOWED = {
    # The worked example model of the SRE Workbook, as data.
    "core/src/examples/mod.rs::workbook_api",
}

FN = re.compile(r"^(\s*)(?:pub(?:\([a-z]+\))?\s+)?(?:const\s+)?fn\s+(\w+)")
roots = sys.argv[1:] or ["core/src", "cli/src", "charts/src", "src"]
found = []
for root in roots:
    for file in sorted(Path(root).rglob("*.rs")):
        lines = file.read_text().split("\n")
        shipped = lines
        for i, line in enumerate(lines):
            if line.startswith("#[cfg(test)]"):
                shipped = lines[:i]
                break
        name = str(file)
        if len(shipped) > MAX_FILE and name not in ALLOWED:
            found.append(f"{name}: {len(shipped)} lines (at most {MAX_FILE})")
        for i, line in enumerate(shipped):
            m = FN.match(line)
            if not m or line.rstrip().endswith(";"):
                continue
            indent = m.group(1)
            for j in range(i + 1, len(shipped)):
                if shipped[j].startswith(indent + "}") and not shipped[j].startswith(indent + "} else"):
                    length = j - i + 1
                    if length > MAX_FN and f"{name}::{m.group(2)}" not in ALLOWED:
                        found.append(f"{name}:{i + 1}: fn {m.group(2)} is {length} lines (at most {MAX_FN})")
                    break

if found:
    print("\n".join(found))
    sys.exit(1)
print(f"every file under {MAX_FILE} lines and every function under {MAX_FN} in {', '.join(roots)}")
