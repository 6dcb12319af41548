"""File → Import in the window: runs off the UI thread, refreshes the list, names every failed file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

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
    assert "cancelled" in message and f"{len(not_read)} file(s)" in message
    assert window.importer.summary_box is None  # cancelled files are not failures to list
