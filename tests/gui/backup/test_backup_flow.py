"""File → Back Up Library…: the copy is written off the UI thread and reported; a failure is a dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from reader.core.library.maintenance import describe_backup


@pytest.mark.parametrize("ui_language", ["en"], indirect=True)
def test_back_up_library_writes_a_checked_copy_and_says_where(
    ui_language, window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.backup.action in window.file_menu.actions()
    assert window.file_menu.actions()[-1] is window.quit_action  # Quit stays last
    window.backup.action.trigger()
    qtbot.waitUntil(lambda: window.backup.action.isEnabled() and target.exists(), timeout=10_000)
    info = describe_backup(target)
    assert info.articles == len(window.library.articles.list()) > 0
    message = window.statusBar().currentMessage()
    assert message == f"Backup of {info.articles} articles saved to \u2068{target}\u2069"  # path isolated


def test_a_backup_that_cannot_be_written_is_a_message(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    target = tmp_path / "a-file" / "copy.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[tuple[BaseException, str | None]] = []
    monkeypatch.setattr(window, "show_error", lambda error, title=None: shown.append((error, title)))
    window.backup.action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    error, title = shown[0]
    assert title == "The backup was not saved" and str(tmp_path / "a-file") in str(error)
    assert window.backup.action.isEnabled() and not target.exists()


def test_cancelling_the_file_dialog_does_nothing(window, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    window.backup.action.trigger()
    assert window.backup.task is None and window.backup.action.isEnabled()
