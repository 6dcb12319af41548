"""The research pages pane: quotes dropped or inserted show live with their citations, a deleted highlight is
said, typing is saved, new/rename/delete undo; Copy as Citation puts plain text and HTML on the clipboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent, QGuiApplication

from reader.core.library import Library
from reader.gui.common.citation_clipboard import copy_citations
from reader.gui.pages.pages_pane import HIGHLIGHTS_MIME, SAVE_MS, PagesPane, highlight_ids_of, highlights_mime


def _highlights(library: Library, ids: list[int]) -> list[int]:
    made = []
    for article_id in ids[1:]:
        text = library.articles.get(article_id).text
        made.append(library.highlights.create(article_id, 0, text.index(" ", 10), color="claim").id)
    return made


def shown(pane: PagesPane) -> str:
    """The rendered view's text without the bidi isolates and marks around names."""
    return "".join(c for c in pane.rendered.toPlainText() if c not in "\u2068\u2069\u200e\u200f")


def _pane(qtbot, library: Library, shell) -> PagesPane:
    pane = PagesPane(library, shell)
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    return pane


def test_insert_quotes_makes_a_page_and_shows_live_quotes(qtbot, library, sample_ids, window) -> None:
    english, arabic = _highlights(library, sample_ids)
    pane = _pane(qtbot, library, window.shell)
    assert pane.objectName() == "pagesPane" and pane.page_list.count() == 0
    assert pane.insert_quotes([english, arabic])
    page = library.pages.list()[0]
    assert page.quotes == [english, arabic]  # saved at once
    assert library.highlights.get(english).exact in shown(pane)
    assert "A. Writer, “Why margins matter,” The Margin, January 10, 2024" in shown(pane)

    library.highlights.delete(arabic)
    qtbot.waitUntil(lambda: "Quote deleted: highlight" in shown(pane))
    assert library.highlights.get(english).exact in shown(pane)


def test_drop_of_highlights_mime(qtbot, library, sample_ids, window) -> None:
    english, _ = _highlights(library, sample_ids)
    library.pages.create("Review")
    pane = _pane(qtbot, library, window.shell)
    assert pane.current_page_id is not None
    data = highlights_mime([english])
    assert highlight_ids_of(data) == [english]
    bad = QMimeData()
    bad.setData(HIGHLIGHTS_MIME, b"not json")
    assert highlight_ids_of(bad) == []
    viewport = pane.source.viewport()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # QApplication only delivers drop events during a real drag; the pane's handler gets the event itself
    assert pane.eventFilter(viewport, drop) and drop.isAccepted()
    assert library.pages.get("Review").quotes == [english]
    assert json.loads(bytes(data.data(HIGHLIGHTS_MIME).data()).decode("utf-8")) == [english]


def test_typing_is_saved_after_a_pause_and_on_flush(qtbot, library, sample_ids, window) -> None:
    page = library.pages.create("Draft")
    pane = _pane(qtbot, library, window.shell)
    pane.source.setPlainText("First thoughts")
    assert pane.save_pending
    qtbot.waitUntil(lambda: library.pages.get(page.id).text == "First thoughts", timeout=SAVE_MS * 5)
    pane.source.setPlainText("Second thoughts")
    pane.flush()
    assert library.pages.get(page.id).text == "Second thoughts"


def test_new_rename_delete_undo(qtbot, library, sample_ids, window) -> None:
    pane = _pane(qtbot, library, window.shell)
    assert pane._create("Chapter one")
    page_id = pane.current_page_id
    assert page_id is not None
    assert pane.rename(page_id, "Chapter 1")
    assert library.pages.get(page_id).title == "Chapter 1"
    pane.delete_current()
    assert library.pages.list() == []
    window.undo_stack.undo()
    assert library.pages.get(page_id).title == "Chapter 1"
    window.undo_stack.undo()
    assert library.pages.get(page_id).title == "Chapter one"
    window.undo_stack.undo()
    assert library.pages.list() == []
    qtbot.waitUntil(lambda: pane.page_list.count() == 0)


def test_export_page(qtbot, library, sample_ids, window, tmp_path: Path) -> None:
    english, _ = _highlights(library, sample_ids)
    library.pages.add_quote(library.pages.create("Export me").id, english)
    pane = _pane(qtbot, library, window.shell)
    task = pane.export_to(tmp_path / "page.md", "md")
    assert task is not None and task.wait(20)
    qtbot.waitUntil(lambda: pane.last_export == tmp_path / "page.md")
    assert "[^1]: A. Writer" in (tmp_path / "page.md").read_text("utf-8")


def test_copy_as_citation_puts_plain_and_html(qtbot, library, sample_ids, window) -> None:
    english, arabic = _highlights(library, sample_ids)
    assert copy_citations(library, [english])
    data = QGuiApplication.clipboard().mimeData()
    assert data.text().startswith("“") and "A. Writer, “Why margins matter,”" in data.text()
    assert "<i><bdi>The Margin</bdi></i>" in data.html()
    library.highlights.delete(arabic)
    assert not copy_citations(library, [arabic])


def test_annotation_panel_copy_as_citation(qtbot, library, sample_ids, window) -> None:
    english, _ = _highlights(library, sample_ids)
    QGuiApplication.clipboard().clear()
    window.annotations.panel.citation_requested.emit(english)
    assert "“Why margins matter,”" in QGuiApplication.clipboard().mimeData().text()


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_arabic_ui_cites_in_arabic(qtbot, ui_language, library, sample_ids, window) -> None:
    english, arabic = _highlights(library, sample_ids)
    assert copy_citations(library, [arabic])
    text = QGuiApplication.clipboard().mimeData().text()
    assert text.startswith("«") and "بيتر بيرغن، «" in text and "، CNN، ٢٣ مارس ٢٠٢٤، تاريخ الاطلاع: " in text
    pane = _pane(qtbot, library, window.shell)
    pane.insert_quotes([english])
    assert "A. Writer، «Why margins matter»، The Margin، ١٠ يناير ٢٠٢٤" in shown(pane)
