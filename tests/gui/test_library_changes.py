"""The window refreshes from the Library's typed changes, one test per ChangeKind.

Every change here is made through the Library from outside the window (as another part of the app, an
import worker or a script would), never through the window's own actions: what the window shows afterwards
can only come from the `Change` it was told about. Two of the writes run on a thread of their own, so the
change reaches the window the way an import worker's does (queued to the UI thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.core.changes import Change, ChangeKind
from reader.core.library import Library
from reader.core.models import ArticleMeta, Highlight
from reader.core.text import Block, BlockKind
from reader.gui.library.library_model import COL_HIGHLIGHTS
from reader.gui.main_window import MainWindow
from reader.gui.reading.article_view import LAYER_HIGHLIGHTS
from reader.gui.reading.highlight_layer import fill_color

WAIT_MS = 5000


def on_another_thread(write: Callable[[], object]) -> None:
    """Run a Library write on a plain thread (its listeners are called there), and wait for it."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            write()
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and not errors, errors


def record_changes(library: Library) -> list[Change]:
    changes: list[Change] = []
    library.add_listener(changes.append)
    return changes


def drawn_ids(window: MainWindow) -> list[int]:
    """Ids of the highlights drawn on the article view (each selection carries its highlight's id)."""
    prop = QTextCharFormat.Property.UserProperty
    return [int(s.format.property(prop)) for s in window.article_view.overlay(LAYER_HIGHLIGHTS)]


def list_titles(window: MainWindow) -> list[str]:
    model = window.library_model
    return [row.title for row in (model.article_at(i) for i in range(model.rowCount())) if row is not None]


def test_article_change_puts_a_new_article_in_the_library_list(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    changes = record_changes(library)
    assert "Imported while the window is open" not in list_titles(window)
    meta = ArticleMeta(title="Imported while the window is open", author="A. Writer")
    on_another_thread(lambda: library.articles.add(meta, [Block(BlockKind.PARAGRAPH, "Fresh text.")]))
    assert [c.kind for c in changes] == [ChangeKind.ARTICLE]
    qtbot.waitUntil(lambda: "Imported while the window is open" in list_titles(window), timeout=WAIT_MS)
    assert window.library_model.total == 4
    count = window.findChild(QLabel, "articleCount")
    assert count is not None and count.text() == "Articles: 4"


def test_highlight_change_shows_in_the_panel_the_layer_and_the_list(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    article_id = sample_ids[1]
    assert window.open_article(article_id)
    panel = window.annotations.panel
    assert panel.visible_ids() == [] and drawn_ids(window) == []
    text = library.articles.text(article_id)
    start = text.index("Reading slowly")
    made: list[Highlight] = []
    on_another_thread(
        lambda: made.append(library.highlights.create(article_id, start, start + 14, color="evidence"))
    )
    highlight = made[0]
    qtbot.waitUntil(lambda: panel.visible_ids() == [highlight.id], timeout=WAIT_MS)
    assert drawn_ids(window) == [highlight.id]
    assert window.annotations.layer.highlights == [highlight]
    row = window.library_model.row_of(article_id)
    assert row is not None
    assert window.library_model.index(row, COL_HIGHLIGHTS).data() == 1


def test_article_note_change_shows_in_the_panel(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    assert window.open_article(sample_ids[0])
    note_edit = window.annotations.panel.article_note_edit
    assert note_edit.note() == ""
    library.articles.set_note(sample_ids[0], "ملاحظة على المقال كله, written elsewhere")
    qtbot.waitUntil(lambda: note_edit.note() == "ملاحظة على المقال كله, written elsewhere", timeout=WAIT_MS)
    library.articles.set_note(sample_ids[1], "another article's note")  # not the open one: nothing moves
    qtbot.wait(50)
    assert note_edit.note() == "ملاحظة على المقال كله, written elsewhere"


def test_labels_change_renames_and_recolours_in_the_panel_menu_and_layer(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int]
) -> None:
    assert window.open_article(sample_ids[1])
    highlight = library.highlights.create(sample_ids[1], 0, 3, color="claim")
    qtbot.waitUntil(lambda: drawn_ids(window) == [highlight.id], timeout=WAIT_MS)
    panel = window.annotations.panel
    claim_item = panel.color_filter.findData("claim")
    assert panel.color_filter.itemText(claim_item) == "Claim"

    def claim_fill() -> str:
        return window.article_view.overlay(LAYER_HIGHLIGHTS)[0].format.background().color().name()

    assert claim_fill() == fill_color(library.labels.get("claim").color).name()
    search_colors = window.search_panel.color_combo
    assert window.index_service.wait_idle()  # the new highlight is indexed, the search filters re-read
    qtbot.wait(300)
    assert search_colors.itemText(search_colors.findData("claim")) == "Claim"
    library.labels.update("claim", name="Thesis", color="#2e7d32")
    qtbot.waitUntil(
        lambda: panel.color_filter.itemText(panel.color_filter.findData("claim")) == "Thesis", timeout=WAIT_MS
    )
    claim_action = window.annotations.actions.color_actions[0]
    assert claim_action.objectName() == "highlightAction_claim" and claim_action.text() == "Thesis"
    assert claim_fill() == fill_color("#2e7d32").name()
    # the search filters are filled by a worker: they follow a moment later
    qtbot.waitUntil(
        lambda: search_colors.itemText(search_colors.findData("claim")) == "Thesis", timeout=WAIT_MS
    )


def test_library_change_after_a_restore_reloads_the_list_and_the_open_article(
    qtbot: QtBot, window: MainWindow, library: Library, sample_ids: list[int], tmp_path: Path
) -> None:
    article_id = sample_ids[1]
    assert window.open_article(article_id)
    kept = library.highlights.create(article_id, 0, 3, color="claim")
    window.annotations.edit_article_note("a note typed in the window")  # one step on the undo stack
    assert window.undo_stack.count() == 1
    original_text = window.article_view.article.text
    backup = library.backup(tmp_path / "before.sqlite3")

    # what happens after the backup, seen by the window as ordinary changes
    library.articles.add(ArticleMeta(title="Written after the backup"), [Block(BlockKind.PARAGRAPH, "x")])
    library.highlights.delete(kept.id)
    library.articles.replace_text(
        article_id, [Block(BlockKind.PARAGRAPH, "A text written after the backup.")]
    )
    qtbot.waitUntil(lambda: "Written after the backup" in list_titles(window), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: window.article_view.article.text == "A text written after the backup.", timeout=WAIT_MS
    )
    assert window.annotations.panel.visible_ids() == [] and drawn_ids(window) == []
    assert window.index_service.wait_idle()

    changes = record_changes(library)
    with qtbot.waitSignal(window.index_service.updated, timeout=WAIT_MS):  # the index is synced again
        library.restore(backup.path)
    assert [c.kind for c in changes] == [ChangeKind.LIBRARY]
    qtbot.waitUntil(lambda: "Written after the backup" not in list_titles(window), timeout=WAIT_MS)
    assert window.library_model.total == 3
    qtbot.waitUntil(lambda: window.article_view.article.text == original_text, timeout=WAIT_MS)
    assert window.current_article_id() == article_id
    assert window.annotations.panel.visible_ids() == [kept.id] and drawn_ids(window) == [kept.id]
    assert window.undo_stack.count() == 0  # its steps named highlights the restore may have replaced
    assert window.index_service.wait_idle()
    assert [r.title for r in window.library.search("slowly").hits] == ["Why margins matter"]
