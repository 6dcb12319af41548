"""Overlapping highlights: the context menu reaches every one under the pointer, each with its actions."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu

from reader.gui.main_window import MainWindow


def test_overlapping_highlights_each_get_a_submenu(qtbot, window: MainWindow, sample_ids, library) -> None:
    window.open_article(sample_ids[1])
    view = window.article_view
    text = view.article.text
    a_start = text.index("Reading slowly")
    b_start = text.index("slowly is a habit")
    controller = window.annotations
    view.setTextCursor(view.cursor_for_range(a_start, a_start + len("Reading slowly")))
    outer = controller.highlight_selection("claim")
    view.setTextCursor(view.cursor_for_range(b_start, b_start + len("slowly is a habit")))
    inner = controller.highlight_selection("evidence")
    assert outer is not None and inner is not None
    rect = view.cursorRect(view.cursor_for_range(b_start + 2, b_start + 2))
    menu = window.article_menu.build(rect.center())
    submenus = [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
    names = [m.objectName() for m in submenus]
    assert f"highlightMenu_{outer.id}" in names and f"highlightMenu_{inner.id}" in names
    titles = {m.objectName(): m.title() for m in submenus}
    assert (
        "Claim" in titles[f"highlightMenu_{outer.id}"]
        and "Reading slowly" in titles[f"highlightMenu_{outer.id}"]
    )
    assert "Evidence" in titles[f"highlightMenu_{inner.id}"]
    for sub in submenus:
        assert not sub.icon().isNull()  # the label's colour chip
        texts = [a.text() for a in sub.actions()]
        assert "Edit Note…" in texts and "Delete Highlight…" in texts and "Colour" in texts
    # the second (outer) highlight's own entries act on it, not on the first one
    outer_menu = next(m for m in submenus if m.objectName() == f"highlightMenu_{outer.id}")
    colour = next(a.menu() for a in outer_menu.actions() if a.text() == "Colour")
    next(a for a in colour.actions() if a.text() == "Question").trigger()
    assert library.highlights.get(outer.id).color == "question"
    assert library.highlights.get(inner.id).color == "evidence"
    restyle = next(a for a in outer_menu.actions() if a.text() == "Use Underline")
    restyle.trigger()
    assert library.highlights.get(outer.id).style == "underline"
    menu.deleteLater()


def test_one_highlight_keeps_its_entries_in_the_menu(window: MainWindow, sample_ids) -> None:
    window.open_article(sample_ids[1])
    view = window.article_view
    at = view.article.text.index("habit")
    view.setTextCursor(view.cursor_for_range(at, at + 5))
    h = window.annotations.highlight_selection("claim")
    assert h is not None
    rect = view.cursorRect(view.cursor_for_range(at + 2, at + 2))
    menu = window.article_menu.build(rect.center())
    texts = [a.text() for a in menu.actions()]
    assert "Delete Highlight…" in texts
    assert not [
        a
        for a in menu.actions()
        if a.menu() is not None and a.menu().objectName().startswith("highlightMenu_")
    ]
    menu = window.article_menu.build(QPoint(2, 2))
    assert "Delete Highlight…" not in [a.text() for a in menu.actions()]
