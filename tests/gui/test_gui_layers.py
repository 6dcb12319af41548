"""The GUI's packages keep their layers: a feature never imports another feature, the window or the app.

Features reach each other only through what main_window.py hands them when it builds them, so the only
imports a feature may have inside reader.gui are its own package, common/, reading/ and shell.py. Read from
the source with the import-rules test's reader (every import, lazy ones included); a small made-up package
with one break of each rule proves the check can fail.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_import_rules import ROOT, graph

FEATURES = ("library", "annotations", "search", "export", "backup", "preferences")


def allowed_inside_gui(module: str, gui: str) -> tuple[str, ...]:
    """The reader.gui packages and modules `module` may import (besides everything outside the GUI)."""
    parts = module.split(".")
    top = parts[len(gui.split("."))] if len(parts) > len(gui.split(".")) else ""
    common, reading, shell = f"{gui}.common", f"{gui}.reading", f"{gui}.shell"
    if top == "common":
        return (common,)
    if top == "reading":
        return (common, reading)
    if top == "shell":
        return (common, reading, shell)
    if top in FEATURES:
        return (common, reading, shell, f"{gui}.{top}")
    return (gui,)  # the package itself, app.py and main_window.py: the composition root knows everything


def _under(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def layer_problems(src: Path, package: str) -> list[str]:
    gui = f"{package}.gui"
    problems: list[str] = []
    for module, imported in sorted(graph(src, package).items()):
        if not _under(module, gui):
            continue
        allowed = allowed_inside_gui(module, gui)
        for target in sorted(imported):
            if _under(target, gui) and target != gui and not any(_under(target, ok) for ok in allowed):
                problems.append(f"{module} imports {target}")
    return problems


def test_features_import_only_common_reading_and_the_shell() -> None:
    assert layer_problems(ROOT, "reader") == []


def test_the_layer_check_can_fail(tmp_path: Path) -> None:
    files = {
        "pkg/__init__.py": "",
        "pkg/gui/__init__.py": "",
        "pkg/gui/main_window.py": "from pkg.gui.search import panel\n",
        "pkg/gui/shell.py": "from pkg.gui.reading import view\n",
        "pkg/gui/common/__init__.py": "",
        "pkg/gui/common/workers.py": "from pkg.gui.reading import view\n",
        "pkg/gui/reading/__init__.py": "",
        "pkg/gui/reading/view.py": "from pkg.gui.common import workers\n",
        "pkg/gui/search/__init__.py": "",
        "pkg/gui/search/panel.py": "from pkg.gui.shell import Shell\nfrom pkg.gui.reading import view\n",
        "pkg/gui/export/__init__.py": "",
        "pkg/gui/export/dialog.py": "def late():\n    from pkg.gui.search import panel\n",
        "pkg/gui/backup/__init__.py": "",
        "pkg/gui/backup/flow.py": "import pkg.gui.main_window\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert layer_problems(tmp_path, "pkg") == [
        "pkg.gui.backup.flow imports pkg.gui.main_window",
        "pkg.gui.common.workers imports pkg.gui.reading.view",
        "pkg.gui.export.dialog imports pkg.gui.search.panel",
    ]
