"""File → Import in the window: runs off the UI thread, refreshes the list, names every failed file."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reader.gui.main_window import MainWindow

ARTICLE = (
    "Notes from the margin\n\nA reader who writes back remembers more.\n\nقارئ يكتب في الهامش يتذكر أكثر.\n"
)


def _article(tmp_path: Path, name: str = "margin.txt") -> Path:
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_import_reports_failures_and_refreshes_the_list(qtbot, window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    missing = tmp_path / "nowhere.md"
    before = window.library_model.total
    with qtbot.waitSignal(window.importer.finished, timeout=15000) as blocker:
        task = window.importer.import_paths([_article(tmp_path), empty, binary, missing])
        assert task is not None
    results = blocker.args[0]
    assert [r.status for r in results] == ["imported", "failed", "failed", "failed"]
    box = window.importer.summary_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    text = box.text()
    assert "Imported: 1" in text and "Failed: 3" in text
    for name in ("empty.txt", "picture.txt", "nowhere.md"):
        assert name in text and name in box.detailedText()
    assert "the file is empty" in text and "no such file or folder" in text
    qtbot.waitUntil(lambda: window.library_model.total == before + 1, timeout=3000)
    box.close()


def test_import_summary_in_the_status_bar_when_all_went_well(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(window.importer.finished, timeout=15000):
        window.importer.import_paths([_article(tmp_path), _article(tmp_path, "copy.txt")])
    assert window.importer.summary_box is None
    message = window.statusBar().currentMessage()
    assert "Imported: 1" in message and "Already in the library: 1" in message


def test_cancel_stops_the_import_and_says_so(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1500):
        (folder / f"{i:04}.txt").write_text(
            f"Title {i}\n\nBody number {i} of a long batch.\n", encoding="utf-8"
        )
    with qtbot.waitSignal(window.importer.finished, timeout=60000) as blocker:
        window.importer.import_paths([folder])
        window.importer.cancel()
    results = blocker.args[0]
    not_read = [r for r in results if r.status == "failed"]
    assert not_read and all(r.error.code.value == "cancelled" for r in not_read)
    message = window.statusBar().currentMessage()
    assert "cancelled" in message and f"{QLocale().toString(len(not_read))} file(s)" in message  # %Ln: 1,234
    assert window.importer.summary_box is None  # cancelled files are not failures to list


# --- the import's window: menu entries, drops, progress, cancel, the list filling in -------------------


def _folder(tmp_path: Path, count: int, name: str = "folder") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:03}.txt").write_text(
            f"Column {i}\n\nA body of its own, number {i}.\n", encoding="utf-8"
        )
    return folder


@pytest.fixture
def slow_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain-text files take 40 ms each to read: an import of a few dozen lasts long enough to watch."""
    from reader.core import importers
    from reader.core.importers.plain_text import read_plain_text

    def slow(path: Path):
        time.sleep(0.04)
        return read_plain_text(path)

    monkeypatch.setitem(importers.READERS, ".txt", slow)


def _drop(window: MainWindow, paths: list[Path]) -> tuple[bool, bool]:
    """Drag `paths` over the window and drop them; (drag accepted, drop accepted)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_file_menu_has_import_files_and_import_folder(window: MainWindow) -> None:
    actions = window.file_menu.actions()
    assert actions[0] is window.import_action and actions[1] is window.import_folder_action
    shortcuts = [s.toString() for s in window.import_action.shortcuts()]
    assert shortcuts == ["Ctrl+O", "Ctrl+I"]
    assert window.import_action.text() == "&Import Files…"
    assert window.import_folder_action.text() == "Import &Folder…"


def test_import_folder_action_imports_the_chosen_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, 3)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    before = window.library_model.total
    with qtbot.waitSignal(window.importer.finished, timeout=15000) as blocker:
        window.import_folder_action.trigger()
    assert [r.status for r in blocker.args[0]] == ["imported"] * 3
    qtbot.waitUntil(lambda: window.library_model.total == before + 3, timeout=3000)
    assert "Imported: 3" in window.statusBar().currentMessage()


def test_dropping_a_folder_on_the_window_imports_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    before = window.library_model.total
    with qtbot.waitSignal(window.importer.finished, timeout=15000) as blocker:
        assert _drop(window, [folder]) == (True, True)
    assert sorted(Path(r.path).name for r in blocker.args[0]) == ["000.txt", "001.txt", "002.txt", "003.txt"]
    qtbot.waitUntil(lambda: window.library_model.total == before + 4, timeout=3000)


def test_a_drag_without_local_files_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just some text")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_a_drop_while_an_import_runs_says_so_instead_of_starting_another(
    qtbot, window: MainWindow, tmp_path: Path, slow_reader: None
) -> None:
    first = _folder(tmp_path, 20, "first")
    second = _folder(tmp_path, 2, "second")
    task = window.importer.import_paths([first])
    assert task is not None and window.importer.is_running
    _drop(window, [second])
    assert "already running" in window.statusBar().currentMessage()
    assert window.importer.task is task
    with qtbot.waitSignal(window.importer.finished, timeout=15000) as blocker:
        window.importer.cancel()
    assert all(Path(r.path).parent == first for r in blocker.args[0])


def test_progress_names_the_file_being_read_and_counts(
    qtbot, window: MainWindow, tmp_path: Path, slow_reader: None
) -> None:
    folder = _folder(tmp_path, 40)
    window.importer.import_paths([folder])
    dialog = window.importer.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # shown once the import has lasted a moment
    qtbot.waitUntil(
        lambda: dialog.file_label.text().strip("\u2068\u2069").startswith("folder/0"), timeout=5000
    )
    qtbot.waitUntil(lambda: "Imported: 0" not in dialog.counts_label.text(), timeout=5000)
    assert "Already in the library: 0" in dialog.counts_label.text()
    assert dialog.bar.maximum() == 40 and 0 < dialog.bar.value() <= 40
    assert not dialog.isModal()  # the user keeps reading meanwhile
    with qtbot.waitSignal(window.importer.finished, timeout=15000):
        pass
    assert window.importer.progress_dialog is None


def test_cancel_keeps_what_was_imported(
    qtbot, window: MainWindow, library, tmp_path: Path, slow_reader
) -> None:
    folder = _folder(tmp_path, 60)
    before = library.articles.count()
    window.importer.import_paths([folder])
    dialog = window.importer.progress_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: library.articles.count() > before, timeout=10000)
    with qtbot.waitSignal(window.importer.finished, timeout=15000) as blocker:
        dialog.cancel_button.click()
    results = blocker.args[0]
    imported = [r for r in results if r.status == "imported"]
    not_read = [r for r in results if r.status == "failed"]
    assert imported and not_read and len(results) == 60
    assert all(r.error.code.value == "cancelled" for r in not_read)
    assert library.articles.count() == before + len(imported)
    assert "cancelled" in window.statusBar().currentMessage()


def test_the_list_fills_in_while_the_import_runs(
    qtbot, window: MainWindow, tmp_path: Path, slow_reader: None
) -> None:
    folder = _folder(tmp_path, 40)
    before = window.library_model.total
    task = window.importer.import_paths([folder])
    assert task is not None
    qtbot.waitUntil(lambda: window.library_model.total > before, timeout=10000)
    assert task.is_running  # rows came in before the import ended
    with qtbot.waitSignal(window.importer.finished, timeout=15000):
        pass
    qtbot.waitUntil(lambda: window.library_model.total == before + 40, timeout=3000)
    titles = [window.library_model.article_at(i).title for i in range(3)]
    assert titles == ["Column 39", "Column 38", "Column 37"]  # newest first, without a reset


def test_summary_lists_changed_pages_and_updates_them(
    qtbot, window: MainWindow, library, tmp_path: Path
) -> None:
    from reader.core.importers import ImportResult

    page = _article(tmp_path, "page.txt")
    article_id = library.import_paths([page])[0].article_id
    page.write_text("Notes from the margin\n\nA new paragraph the author added later.\n", encoding="utf-8")
    results = [ImportResult(str(page), "changed", article_id=article_id, title="Notes from the margin")]
    text, details = window.importer.summary_text(results)
    assert "Changed since they were imported: 1" in text
    assert "page.txt" in details and "changed since it was imported" in details
    window.importer._summarise(results)
    box = window.importer.summary_box
    assert isinstance(box, QMessageBox) and box.isVisible() and "page.txt" in box.text()
    button = window.importer.update_button
    assert button is not None and button.text() == "Update Them"
    with qtbot.waitSignal(window.importer.updated, timeout=10000) as blocker:
        button.click()
    assert blocker.args == [1, []]
    assert "A new paragraph the author added later." in library.articles.text(article_id)
    assert "Updated: 1" in window.statusBar().currentMessage()


def test_a_folder_with_a_manifest_gets_its_metadata_and_the_summary_names_unmatched_rows(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    _article(folder, "a.txt")
    (folder / "manifest.jsonl").write_text(
        '{"file": "a.txt", "author": "سطام المقرن", "source": "الوطن", "date": "2015-07-21"}\n'
        '{"file": "gone.txt", "author": "x"}\n',
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=15000):
        window.importer.import_paths([folder])
    [article] = [a for a in window.library.articles.list() if a.title == "Notes from the margin"]
    assert (article.author, article.outlet, article.published) == ("سطام المقرن", "الوطن", "2015-07-21")
    box = window.importer.summary_box
    assert isinstance(box, QMessageBox)
    assert (
        "Metadata from 1 table" in box.text()
        and "1 row(s) of the metadata table matched no file" in box.text()
    )
    assert "line \u20682\u2069: no file matches \u2068gone.txt\u2069" in box.detailedText()
    box.close()
