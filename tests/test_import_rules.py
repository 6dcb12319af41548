"""The house rules of DESIGN §1, read from the source: which layer may import what, and no circles.

Imports are read with `ast` (nothing is imported), wherever they stand in a module (a lazy import inside a
function still ties the layers together); only imports under `if TYPE_CHECKING:` are left out, since they
never run. `check()` is also run on a small package made on the spot with one break of every rule, so this
test is known to fail when a rule is broken.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Rule:
    """Modules under one of `layers` must not import a module under one of `forbidden`."""

    name: str
    layers: tuple[str, ...]
    forbidden: tuple[str, ...]
    allowed: tuple[str, ...] = ()  # layers exempt from the rule (the one place allowed to import it)


def rules(package: str) -> list[Rule]:
    p = package
    return [
        Rule("the core never imports Qt or the GUI", (f"{p}.core",), ("PySide6", "shiboken6", f"{p}.gui")),
        Rule(
            "the GUI and the command line go through the Library, never storage or sqlite3",
            (f"{p}.gui", f"{p}.commands", f"{p}.cli"),
            (f"{p}.core.storage", "sqlite3"),
        ),
        Rule(
            "importers and exporters never touch storage or the Library",
            (f"{p}.core.importers", f"{p}.core.exporters"),
            (f"{p}.core.storage", "sqlite3", f"{p}.core.library"),
        ),
        Rule(
            "storage never imports search or the Library",
            (f"{p}.core.storage",),
            (f"{p}.core.search", f"{p}.core.library"),
        ),
        Rule("only the search package imports whoosh", (p,), ("whoosh",), allowed=(f"{p}.core.search",)),
    ]


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def module_name(path: Path, src: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _import_nodes(other)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        yield from _import_nodes(child)


def imports_of(path: Path, module: str, is_package: bool, known: set[str]) -> set[str]:
    """Every module `module` imports (absolute names); `from pkg import name` counts as `pkg.name` when that
    is a module of ours, else as `pkg`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        if node.level:
            base = module.split(".") if is_package else module.split(".")[:-1]
            base = base[: len(base) - (node.level - 1)]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        for alias in node.names:
            candidate = f"{target}.{alias.name}"
            found.add(candidate if candidate in known else target)
    return found


def graph(src: Path, package: str) -> dict[str, set[str]]:
    """module -> modules it imports, for every module of `package` under `src`."""
    files = {module_name(p, src): p for p in sorted((src / package).rglob("*.py"))}
    known = set(files)
    return {m: imports_of(p, m, p.name == "__init__.py", known) for m, p in files.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (or a module importing itself): Tarjan."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in edges:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in edges.get(v, ()):
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def check(src: Path, package: str) -> list[str]:
    """Every broken rule, one line each."""
    edges = graph(src, package)
    problems: list[str] = []
    for rule in rules(package):
        for module, imported in sorted(edges.items()):
            if not any(_under(module, layer) for layer in rule.layers):
                continue
            if any(_under(module, layer) for layer in rule.allowed):
                continue
            for target in sorted(imported):
                if any(_under(target, bad) for bad in rule.forbidden):
                    problems.append(f"{rule.name}: {module} imports {target}")
    problems += [f"import circle: {' -> '.join(group)}" for group in cycles(edges)]
    return problems


def test_the_package_keeps_the_rules() -> None:
    assert check(ROOT, "reader") == []


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_every_rule_can_fail(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/cli.py": "import sqlite3\n",
            "pkg/core/__init__.py": "",
            "pkg/core/model.py": "from PySide6.QtCore import QObject\n",
            "pkg/core/storage/__init__.py": "from pkg.core.search import engine\n",
            "pkg/core/search/__init__.py": "",
            "pkg/core/search/engine.py": "import whoosh\n",
            "pkg/core/importers/__init__.py": "from ..storage import Database\n",
            "pkg/core/exporters/__init__.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from pkg.core.storage import Database\n",
            "pkg/core/a.py": "def late():\n    from pkg.core import b\n",
            "pkg/core/b.py": "import pkg.core.a\nimport whoosh.index\n",
            "pkg/gui/__init__.py": "",
            "pkg/gui/window.py": "from pkg.core.storage import x\n",
        },
    )
    problems = check(tmp_path, "pkg")
    assert problems == [
        "the core never imports Qt or the GUI: pkg.core.model imports PySide6.QtCore",
        "the GUI and the command line go through the Library, never storage or sqlite3: pkg.cli imports sqlite3",
        "the GUI and the command line go through the Library, never storage or sqlite3: "
        "pkg.gui.window imports pkg.core.storage",
        "importers and exporters never touch storage or the Library: pkg.core.importers imports pkg.core.storage",
        "storage never imports search or the Library: pkg.core.storage imports pkg.core.search.engine",
        "only the search package imports whoosh: pkg.core.b imports whoosh.index",
        "import circle: pkg.core.a -> pkg.core.b",
    ]
