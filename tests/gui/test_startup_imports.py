"""Start-up stays light: what the window does not need to appear is imported later, off the UI thread.

Each check runs in a fresh interpreter (this process has imported everything already). The search core
(whoosh) is imported by the index service's worker after the window's first paint; the CLI does not load
the importers (markdown-it) to start the app, and `--help` still lists every command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_WINDOW_SCRIPT = r"""
import sys, threading
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

app = QApplication([])
library = Library(Path(sys.argv[1]))
library.articles.add(ArticleMeta(title="عنوان"), [Block(BlockKind.PARAGRAPH, "نص المقال عن موسكو.")])
from reader.gui.main_window import MainWindow
from reader.gui.common.settings import open_settings

window = MainWindow(library, open_settings(Path(sys.argv[2])), "ar")
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "paint" not in seen:
            seen["paint"] = ("whoosh" in sys.modules, threading.current_thread() is threading.main_thread())
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
assert window.index_service.wait_idle(20.0), "the start-up sync never finished"
print("at-first-paint", seen.get("paint"))
print("after-sync", "whoosh" in sys.modules, window.index_service.ready)
window.close()
library.close()
"""


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HAWAMISH_CONFIG_DIR=str(tmp_path / "config"))
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=90, check=False
    )


def test_whoosh_is_imported_after_the_first_paint_and_the_index_still_syncs(tmp_path: Path) -> None:
    result = _run(["-c", _WINDOW_SCRIPT, str(tmp_path / "lib"), str(tmp_path / "s.ini")], tmp_path)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["at-first-paint"] == "(False, True)"  # painted on the UI thread, whoosh not loaded yet
    assert lines["after-sync"] == "True True"  # the worker loaded it and the start-up sync finished


def test_cli_parser_does_not_load_the_importers_and_help_lists_every_command(tmp_path: Path) -> None:
    script = (
        "import sys; from reader import cli; cli.build_parser(); "
        "print(sorted(m for m in ('reader.core.importers', 'markdown_it', 'whoosh', 'PySide6') if m in sys.modules))"
    )
    result = _run(["-c", script], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    helped = _run(["-m", "reader.cli", "--help"], tmp_path)
    assert helped.returncode == 0, helped.stderr
    for command in ("gui", "import", "list", "show", "highlight", "export", "search", "reindex"):
        assert f"    {command}" in helped.stdout, helped.stdout


def test_opening_a_library_loads_no_parser(tmp_path: Path) -> None:
    """The app opens its Library before the window: importers, re-anchoring, PDF and search wait for use."""
    script = (
        "import sys; from pathlib import Path; from reader.core.library import Library; "
        "lib = Library(Path(sys.argv[1])); lib.articles.list_rows(); lib.labels.list(); lib.close(); "
        "heavy = ('reader.core.importers', 'reader.core.anchors', 'markdown_it', 'charset_normalizer', "
        "'rapidfuzz', 'fpdf', 'whoosh', 'PySide6'); print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = _run(["-c", script, str(tmp_path / "lib")], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
