"""File → Restore…: choose a backup, confirm, restore; the library list, the open article, its annotation
panel and the search results show the backup's content (the restore runs off the UI thread)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from reader.core.library import Library
from reader.core.library.maintenance import BackupInfo, automatic_backups
from reader.gui.backup.restore_dialog import RestoreDialog
from reader.gui.main_window import MainWindow
from tests.gui.fixtures import MIXED_META
from tests.gui.search.test_search_ui import search
from tests.gui.test_library_changes import drawn_ids, list_titles

WAIT_MS = 15_000


def _choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The dialog answers itself: Other File… picks `path`, then Restore… is pressed."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def run(dialog: RestoreDialog) -> int:
        dialog.other_button.click()
        assert dialog.chosen_path() == path and dialog.restore_button.isEnabled()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreDialog, "exec", run)


@pytest.mark.parametrize("ui_language", ["en"], indirect=True)
def test_restore_brings_back_the_backup_and_every_view_shows_it(
    ui_language,
    qtbot,
    window: MainWindow,
    library: Library,
    sample_ids: list[int],
    monkeypatch,
    tmp_path: Path,
) -> None:
    mixed, english, _seed = sample_ids
    assert window.open_article(english)
    kept = library.highlights.create(english, 0, 7, note="kept in the backup")
    backup = library.backup(tmp_path / "backup.sqlite3")
    # after the backup: a new title, a highlight deleted and another made, an article deleted
    library.articles.update_meta(english, title="Renamed after the backup")
    library.highlights.delete(kept.id)
    later = library.highlights.create(english, 8, 14, note="made after the backup")
    library.articles.delete(mixed)
    panel = search(qtbot, window, "analyst", type_it=False)  # a word of the deleted article only
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: drawn_ids(window) == [later.id], timeout=WAIT_MS)
    qtbot.waitUntil(  # the list refreshes from a timer: on a busy machine after the article view
        lambda: (
            "Renamed after the backup" in list_titles(window) and MIXED_META.title not in list_titles(window)
        ),
        timeout=WAIT_MS,
    )

    asked: list[BackupInfo] = []
    _choose_file(monkeypatch, backup.path)
    monkeypatch.setattr(window.restore, "confirm", lambda info: asked.append(info) or True)
    window.restore.action.trigger()
    qtbot.waitUntil(
        lambda: (
            window.restore.action.isEnabled() and window.statusBar().currentMessage().startswith("Library")
        ),
        timeout=WAIT_MS,
    )
    assert [(i.articles, i.highlights) for i in asked] == [(3, 1)]  # the confirmation said what it holds
    # the library list, the open article and its highlights, the annotation panel, the search results
    qtbot.waitUntil(lambda: MIXED_META.title in list_titles(window), timeout=WAIT_MS)
    assert "Renamed after the backup" not in list_titles(window) and "Why margins matter" in list_titles(
        window
    )
    qtbot.waitUntil(lambda: drawn_ids(window) == [kept.id], timeout=WAIT_MS)
    assert (
        window.article_view.article is not None and window.article_view.article.title == "Why margins matter"
    )
    assert window.annotations.panel.visible_ids() == [kept.id]
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=WAIT_MS)  # the index was brought back too
    # what the library held before the restore was saved first
    saved = [p for p in automatic_backups(library.backup_dir) if p.name.startswith("before-restore-")]
    assert len(saved) == 1 and str(saved[0]) in window.statusBar().currentMessage()


@pytest.mark.parametrize("ui_language", ["en"], indirect=True)
def test_the_dialog_lists_the_librarys_backups_newest_first(
    ui_language, qtbot, window: MainWindow, library: Library
) -> None:
    daily = library.daily_backup()
    assert daily is not None
    mine = library.backup(library.backup_dir / "my copy.sqlite3")
    dialog = RestoreDialog(library.backups(), window)
    qtbot.addWidget(dialog)
    rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    made = {Path(str(row.data(0, 256))).name: row.text(2) for row in rows if row is not None}
    assert made == {daily.path.name: "Automatically, at start", mine.path.name: "By you"}
    assert all(row is not None and row.text(0) and row.text(1) for row in rows)  # a date and a size
    assert dialog.chosen_path() is not None and dialog.restore_button.isEnabled()
    dialog.list.clearSelection()
    assert not dialog.restore_button.isEnabled()
    empty = RestoreDialog([], window)
    qtbot.addWidget(empty)
    assert empty.chosen_path() is None and not empty.restore_button.isEnabled() and not empty.empty.isHidden()


def test_a_file_that_is_no_backup_is_a_message_and_the_library_untouched(
    qtbot, window: MainWindow, library: Library, monkeypatch, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database", encoding="utf-8")
    before = sorted(a.title for a in library.articles.list())
    shown: list[tuple[BaseException, str | None]] = []
    monkeypatch.setattr(window, "show_error", lambda error, title=None: shown.append((error, title)))
    monkeypatch.setattr(window.restore, "confirm", lambda info: pytest.fail("nothing to confirm"))
    _choose_file(monkeypatch, bad)
    window.restore.action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT_MS)
    assert shown[0][1] == "The library was not restored" and str(bad) in str(shown[0][0])
    assert window.restore.action.isEnabled()
    assert sorted(a.title for a in library.articles.list()) == before


def test_a_declined_confirmation_changes_nothing(
    qtbot, window: MainWindow, library: Library, monkeypatch, tmp_path: Path
) -> None:
    backup = library.backup(tmp_path / "backup.sqlite3")
    library.articles.update_meta(library.articles.ids()[0], title="Kept: the restore was declined")
    asked: list[BackupInfo] = []
    monkeypatch.setattr(window.restore, "confirm", lambda info: asked.append(info) or False)
    _choose_file(monkeypatch, backup.path)
    window.restore.action.trigger()
    qtbot.waitUntil(lambda: bool(asked) and window.restore.action.isEnabled(), timeout=WAIT_MS)
    assert "Kept: the restore was declined" in {a.title for a in library.articles.list()}
    assert not automatic_backups(library.backup_dir)
