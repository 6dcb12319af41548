"""reader.core must stay plain Python: importing every module of it loads no PySide6 and no reader.gui."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import reader.core
from tests.conftest import ROOT


def _core_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]


def test_core_has_modules_to_check() -> None:
    assert "reader.core.text" in _core_modules()
    assert "reader.core.storage.database" in _core_modules()


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = _core_modules()
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'reader.gui')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout) == []
