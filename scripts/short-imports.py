"""Gives the wasm-bindgen imports of a module short names, in the module and
in its JavaScript glue alike.

wasm-bindgen names each import after its Rust item and a 16-digit hash
(`__wbg_addEventListener_847fd86b8c33ec43`), once in the wasm's import
section and once as a key of the glue's import object: 230 names, about
6 KB of the workshop's first load gzipped. Binaryen's `--minify-imports`
renames only imports from `env`, so this does it for the glue's module
(`./<bin>_bg.js`): the i-th distinct name becomes `a`, `b`, … `aa`, ….
Exports keep their names (the glue and the chunks call them).

Usage: short-imports.py MODULE.wasm GLUE.js   (both rewritten in place)
"""
import re
import sys

NAME = re.compile(r"__wbg_\w+|__wbindgen_\w+")
# The same names as whole identifiers of the glue.
IN_GLUE = re.compile(r"(?<!\w)(?:__wbg_\w+|__wbindgen_\w+)")


def read_leb(b, i):
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def leb(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def read_name(b, i):
    length, i = read_leb(b, i)
    return b[i : i + length].decode(), i + length


def name_bytes(text):
    raw = text.encode()
    return leb(len(raw)) + raw


def short(k):
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        out = letters[k % 26] + out
        k //= 26
        if k == 0:
            return out


def skip_limits(sec, j):
    flags = sec[j]
    _, j = read_leb(sec, j + 1)
    return read_leb(sec, j)[1] if flags & 1 else j


def skip_description(sec, j):
    """The end of an import's description (function, table, memory, global)."""
    kind, j = sec[j], j + 1
    if kind == 0:
        return read_leb(sec, j)[1]
    if kind == 1:
        return skip_limits(sec, j + 1)
    if kind == 2:
        return skip_limits(sec, j)
    if kind == 3:
        return j + 2
    sys.exit(f"an import of unknown kind {kind}")


def rename_imports(sec, mapping):
    count, j = read_leb(sec, 0)
    out = bytearray(leb(count))
    for _ in range(count):
        module, j = read_name(sec, j)
        field, j = read_name(sec, j)
        end = skip_description(sec, j)
        if module.endswith("_bg.js") and NAME.fullmatch(field):
            field = mapping.setdefault(field, short(len(mapping)))
        out += name_bytes(module) + name_bytes(field) + sec[j:end]
        j = end
    return bytes(out)


def main():
    wasm_path, glue_path = sys.argv[1:3]
    b = open(wasm_path, "rb").read()
    if b[:4] != b"\0asm":
        sys.exit(f"{wasm_path}: not a wasm module")
    out, i, mapping = bytearray(b[:8]), 8, {}
    while i < len(b):
        section = b[i]
        size, i = read_leb(b, i + 1)
        body = b[i : i + size]
        i += size
        if section == 2:
            body = rename_imports(body, mapping)
        out += bytes([section]) + leb(len(body)) + body
    glue = open(glue_path, encoding="utf-8").read()
    renamed = IN_GLUE.sub(lambda m: mapping.get(m.group(0), m.group(0)), glue)
    missing = [n for n in mapping if n not in glue]
    if missing:
        sys.exit(f"{glue_path}: does not provide {missing[0]}")
    open(wasm_path, "wb").write(out)
    open(glue_path, "w", encoding="utf-8").write(renamed)
    print(f"short-imports: {len(mapping)} imports renamed")


main()
