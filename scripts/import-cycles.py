#!/usr/bin/env python3
"""Import loops inside one crate: builds the graph "file A names something defined in file B"
from the `use` declarations and the paths written in code (`crate::…`, `super::…`, `self::…`
and a declared child module's name), and prints every strongly connected component with more
than one file.

    scripts/import-cycles.py crates/web/src            # loops, one per line; exit 1 if any
    scripts/import-cycles.py crates/web/src --edges    # also list the edges inside each loop

A path is resolved to the longest module prefix that is a file of the crate; a name that module
re-exports (`pub use`, `pub(crate) use`) is followed to the file that defines it. An edge from a
parent to a child module counts only when the parent names the child in code (routes name their
handlers, so an area's `mod.rs` that is also the area's helper kit forms a loop with its pages);
declaring `mod child;` alone is not an edge. Test modules (`#[cfg(test)] mod tests { … }` at the
end of a file) are left out. It is a text scan, not a compiler: macros and glob re-exports of
globs are not followed.
"""

import os
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def module_path(root, path):
    rel = os.path.relpath(path, root)[: -len(".rs")].split(os.sep)
    if rel == ["lib"] or rel == ["main"]:
        return ()
    if rel[-1] == "mod":
        rel = rel[:-1]
    return tuple(rel)


def strip(text):
    """Comments and string literals out; the test module at the end out."""
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'r#*"(?:.|\n)*?"#*', '""', text)
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', text)
    m = re.search(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text)
    if m:
        text = text[: m.start()]
    return text


def inline_modules(text):
    """(name, start, end) of every `mod name { … }` block in a file."""
    out = []
    for m in re.finditer(rf"\bmod\s+({IDENT})\s*\{{", text):
        depth, i = 0, m.end() - 1
        while i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        out.append((m.group(1), m.end(), i))
    return out


def split_top(s):
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return parts


def expand(tree, prefix=()):
    """`a::{b, c::{d, e as f}}` -> [(a,b), (a,c,d), (a,c,e)]"""
    tree = tree.strip()
    if not tree:
        return []
    if tree.startswith("{") and tree.endswith("}"):
        out = []
        for part in split_top(tree[1:-1]):
            out += expand(part, prefix)
        return out
    head, sep, rest = tree.partition("::")
    head = head.strip()
    if sep:
        return expand(rest, prefix + (head,))
    name = re.split(r"\s+as\s+", head)[0].strip()
    if name == "self":
        return [prefix]
    return [prefix + (name,)]


class Crate:
    def __init__(self, root):
        self.root = root
        self.files = {}  # module path -> file
        self.text = {}
        for dirpath, _, names in os.walk(root):
            for n in names:
                if n.endswith(".rs"):
                    p = os.path.join(dirpath, n)
                    self.files[module_path(root, p)] = p
        self.children = {}
        self.reexports = {}  # module -> {name: absolute path}
        for mod, p in self.files.items():
            with open(p, encoding="utf-8") as f:
                t = strip(f.read())
            self.text[mod] = t
            self.children[mod] = set(re.findall(rf"\bmod\s+({IDENT})\s*;", t))
        for mod, t in self.text.items():
            exp = {}
            blocks = inline_modules(t)
            for m in re.finditer(r"\bpub(?:\([^)]*\))?\s+use\s+([^;]+);", t):
                # A re-export inside an inline `mod x { … }` resolves from that module, and
                # belongs to it, not to the file's module.
                inner = tuple(n for n, a, b in blocks if a <= m.start() < b)
                if inner:
                    continue
                for path in expand(m.group(1)):
                    absolute = self.absolute(tuple(mod), path)
                    if absolute:
                        exp[path[-1]] = absolute
            self.reexports[mod] = exp

    def absolute(self, mod, path):
        if not path:
            return None
        if path[0] == "crate":
            return path[1:]
        if path[0] in ("super", "self"):
            base = list(mod)
            while path and path[0] in ("super", "self"):
                if path[0] == "super":
                    base = base[:-1]
                path = path[1:]
            return tuple(base) + tuple(path)
        if path[0] in self.children.get(mod, ()):
            return tuple(mod) + tuple(path)
        return None  # another crate or the standard library

    def resolve(self, path, seen=None):
        """The file a path names: the longest module prefix, following re-exports."""
        seen = seen or set()
        for i in range(len(path), -1, -1):
            mod = tuple(path[:i])
            if mod in self.files:
                if i < len(path):
                    target = self.reexports[mod].get(path[i])
                    if target and target not in seen:
                        seen.add(target)
                        return self.resolve(target + tuple(path[i + 1 :]), seen)
                return mod
        return None

    def edges(self):
        out = {m: set() for m in self.files}
        for mod, t in self.text.items():
            blocks = inline_modules(t)

            def inner(pos):
                """The module a position is in, inline `mod name { … }` blocks included."""
                return tuple(mod) + tuple(n for n, a, b in blocks if a <= pos < b)

            paths = []
            for m in re.finditer(r"\buse\s+([^;]+);", t):
                paths += [(m.start(), p) for p in expand(m.group(1))]
            for m in re.finditer(rf"\b(?:crate|super|self)(?:::{IDENT})+", t):
                paths.append((m.start(), tuple(m.group(0).split("::"))))
            for child in self.children[mod]:
                for m in re.finditer(rf"(?<![:\w]){child}((?:::{IDENT})+)", t):
                    paths.append((m.start(), (child,) + tuple(m.group(1).split("::")[1:])))
            for pos, path in paths:
                a = self.absolute(inner(pos), path)
                if a is None and path[0] in self.children[mod]:
                    a = tuple(mod) + tuple(path)
                if a is None:
                    continue
                target = self.resolve(a)
                if target is not None and target != mod:
                    out[mod].add(target)
        return out


def sccs(graph):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = args[0]
    crate = Crate(root)
    graph = crate.edges()

    def name(m):
        return os.path.relpath(crate.files[m], root)

    loops = sorted((c for c in sccs(graph) if len(c) > 1), key=len, reverse=True)
    n_edges = sum(len(v) for v in graph.values())
    print(f"{root}: {len(graph)} files, {n_edges} edges, {len(loops)} loops")
    for comp in loops:
        files = sorted(name(m) for m in comp)
        print(f"  {len(comp)} files: {' '.join(files)}")
        if "--edges" in sys.argv:
            members = set(comp)
            for m in sorted(comp):
                for w in sorted(graph[m] & members):
                    print(f"    {name(m)} -> {name(w)}")
    return 1 if loops else 0


if __name__ == "__main__":
    sys.exit(main())
