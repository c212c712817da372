#!/usr/bin/env python3
"""Fails when a source file imports one of the project's own modules and uses
nothing it declares: a file's imports must tell the truth about its
dependencies. A module's names are every type, function, property, case and
typealias it declares `public` or `package` (members of extensions included,
since MemberImportVisibility makes a member's module an import too); a file
uses a module when one of those names appears in it as a whole word outside
comments and string literals. Names too common to prove anything (`init`,
`lower`, `values`, …) are left out, so the check can miss an unused import
whose module declares only common names, but never fails on a used one: every
import it accepts today was also confirmed needed by the compiler.

    python3 scripts/lint-imports.py [Sources]
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Sources")
modules = {p.name: p for p in root.iterdir() if p.is_dir() and any(p.rglob("*.swift"))}

DECL = re.compile(
    r"\b(?:public|package|open)\s+(?:(?:static|final|class|mutating|nonisolated|override|indirect|convenience|required|lazy|weak)\s+)*"
    r"(?:struct|enum|class|actor|protocol|typealias|func|var|let|case|init|subscript)\s+`?([A-Za-z_][A-Za-z0-9_]*)")
CASES = re.compile(r"^\s*case\s+(.+)$", re.M)
GENERIC = {"init", "description", "id", "value", "count", "name", "rawValue", "hash", "encode", "decode", "isEmpty"}


def strip(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'"""(?:.|\n)*?"""', '""', text)
    # Keep interpolations (they hold code), drop the literal text around them.
    return re.sub(r'"(?:[^"\\\n]|\\.)*"', lambda m: " ".join(re.findall(r"\\\((.*?)\)", m.group(0))), text)


declared = {}
for module, folder in modules.items():
    found = set()
    for path in folder.rglob("*.swift"):
        text = path.read_text(encoding="utf-8")
        found.update(DECL.findall(text))
        # Cases of public enums (declared without `public`): `case a, b(Int), c = "x"`.
        for block in re.findall(r"public\s+(?:indirect\s+)?enum\s+\w+[^{]*\{(.*?)\n\}", text, flags=re.S):
            for line in CASES.findall(block):
                if re.match(r"^[a-z]\w*(\([^)]*\))?(\s*=\s*\S+)?(\s*,\s*[a-z]\w*(\([^)]*\))?(\s*=\s*\S+)?)*\s*$", line):
                    found.update(re.findall(r"(?:^|,)\s*([a-z]\w*)", line))
    declared[module] = found

# A word of the standard library (or a member every module has) tells nothing.
STANDARD = {
    "contains", "end", "start", "lower", "upper", "min", "max", "first", "last", "map", "filter", "reduce", "sorted", "index",
    "key", "keys", "values", "text", "data", "path", "file", "line", "column", "kind", "level", "time", "date", "type", "mean",
    "total", "label", "title", "items", "rows", "columns", "header", "format", "error", "message", "reason", "result", "run",
    "write", "read", "open", "close", "append", "add", "make", "size", "width", "height", "offset", "length", "range", "scale",
    "estimate", "lowerBound", "upperBound", "isValid", "empty", "none", "all", "some", "other", "unknown", "day", "month", "year",
}
names = {m: {n for n in found if n not in STANDARD and n not in GENERIC and len(n) > 2} for m, found in declared.items()}

failures = []
for module, folder in sorted(modules.items()):
    for path in sorted(folder.rglob("*.swift")):
        text = path.read_text(encoding="utf-8")
        body = strip(text)
        words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", body))
        # `@_exported import` (the umbrella module) re-exports rather than uses.
        for imported in re.findall(r"^import\s+(\w+)\s*$", text, flags=re.M):
            if imported not in modules or imported == module:
                continue
            if imported == "Evaluation":
                continue  # the umbrella module re-exports every layer
            if not (words & names[imported]):
                failures.append(f"{path}: imports {imported} but uses nothing it declares")

for line in failures:
    print(line)
if failures:
    print(f"{len(failures)} unused import(s) of the project's own modules")
    sys.exit(1)
