"""Highlights and notes in the real main window: select → highlight → panel → jump, edits saved to SQLite at
once, undo/redo of each, a reopened window showing it all, and code-point offsets with astral characters."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from reader.gui.annotations.annotation_cards import CARD_ROLE
from reader.gui.annotations.controller import AnnotationController
from reader.gui.main_window import MainWindow
from reader.gui.reading.article_view import LAYER_FLASH, LAYER_HIGHLIGHTS


@pytest.fixture
def seed_window(window: MainWindow, sample_ids) -> MainWindow:
    window.open_article(sample_ids[2])
    return window


def ctl(window: MainWindow) -> AnnotationController:
    return window.annotations


def select(window: MainWindow, start: int, end: int) -> None:
    window.article_view.setTextCursor(window.article_view.cursor_for_range(start, end))


def passage(window: MainWindow, needle: str, occurrence: int = 0) -> tuple[int, int]:
    text = window.article_view.article.text
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def highlight(window: MainWindow, needle: str, color: str = "claim", **kw):
    select(window, *passage(window, needle))
    return ctl(window).highlight_selection(color, **kw)


def test_select_highlight_then_panel_click_scrolls_and_flashes(
    qtbot, seed_window: MainWindow, library
) -> None:
    view = seed_window.article_view
    start, end = passage(seed_window, "في مارس وحده")  # far down the article
    select(seed_window, start, end)
    assert seed_window.annotations.actions.color_actions[1].isEnabled()
    seed_window.annotations.actions.color_actions[1].trigger()  # Ctrl+2: the second label
    stored = library.highlights.for_article(view.article.id)
    assert [(h.start, h.end, h.color, h.exact) for h in stored] == [(start, end, "evidence", "في مارس وحده")]
    panel = ctl(seed_window).panel
    assert panel.visible_ids() == [stored[0].id]
    assert panel.list.item(0).data(CARD_ROLE).quote == "في مارس وحده"
    assert not view.textCursor().hasSelection()  # the new highlight is not hidden under the selection

    view.verticalScrollBar().setValue(0)
    cursor = view.cursor_for_range(start, end)
    assert not view.viewport().rect().contains(view.cursorRect(cursor).center())
    item = panel.list.item(0)
    qtbot.mouseClick(
        panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center()
    )
    assert view.viewport().rect().contains(view.cursorRect(cursor).center())
    flash = view.overlay(LAYER_FLASH)
    assert len(flash) == 1
    assert (flash[0].cursor.selectionStart(), flash[0].cursor.selectionEnd()) == view.offset_map.range_to_qt(
        start, end
    )
    qtbot.waitUntil(lambda: not view.overlay(LAYER_FLASH), timeout=3000)  # it fades out


def test_keyboard_shortcut_highlights_the_selection(qtbot, seed_window: MainWindow, library) -> None:
    seed_window.activateWindow()
    seed_window.article_view.setFocus()
    select(seed_window, *passage(seed_window, "داعش", 2))
    qtbot.keyClick(seed_window.article_view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert [h.color for h in library.highlights.for_article(seed_window.article_view.article.id)] == [
        "counter"
    ]


def test_toolbar_floats_over_a_selection(qtbot, seed_window: MainWindow) -> None:
    toolbar = ctl(seed_window).toolbar
    seed_window.resize(1700, 900)
    select(seed_window, *passage(seed_window, "تنظيم داعش"))
    qtbot.waitUntil(toolbar.isVisible, timeout=2000)
    assert seed_window.article_view.viewport().rect().contains(toolbar.geometry())
    assert len(toolbar.buttons()) == len(seed_window.library.labels.list()) + 2
    toolbar.buttons()[0].click()
    assert not toolbar.isVisible()
    assert len(ctl(seed_window).layer.highlights) == 1


def test_note_edit_is_saved_and_paragraphs_take_their_own_direction(
    qtbot, seed_window: MainWindow, library
) -> None:
    h = highlight(seed_window, "تنظيم داعش", with_note=True)
    panel = ctl(seed_window).panel
    assert panel.current_highlight_id() == h.id
    note = "هذا ادعاء يحتاج إلى دليل.\nSee the UN report, p. 12 — قارن."
    panel.note_edit.setFocus()
    panel.note_edit.setPlainText(note)
    assert panel.note_edit.block_directions() == [
        Qt.LayoutDirection.RightToLeft,
        Qt.LayoutDirection.LeftToRight,
    ]
    qtbot.waitUntil(lambda: library.highlights.get(h.id).note == note, timeout=3000)  # debounced save
    panel.note_edit.setPlainText(note + "\nسطر ثالث")
    panel.tags_edit.setFocus()  # focus-out saves at once
    assert library.highlights.get(h.id).note == note + "\nسطر ثالث"
    panel.ensure_listed()
    assert panel.list.item(0).data(CARD_ROLE).note == note + "\nسطر ثالث"
    marker_ids = [hid for hid, _ in ctl(seed_window).layer.markers.marker_rects()]
    assert marker_ids == [h.id]
    seed_window.undo_stack.undo()  # the saves of one typing run merge into one undo step
    assert library.highlights.get(h.id).note == ""
    assert panel.note_edit.toPlainText() == ""
    seed_window.undo_stack.undo()  # then the highlight itself
    assert library.highlights.for_article(h.article_id) == []
    seed_window.undo_stack.redo()
    seed_window.undo_stack.redo()
    assert library.highlights.get(h.id).note == note + "\nسطر ثالث"


def test_recolour_restyle_tags_and_their_undo(seed_window: MainWindow, library) -> None:
    store = library.highlights
    h = highlight(seed_window, "تنظيم داعش")
    panel = ctl(seed_window).panel
    panel.select_highlight(h.id)
    panel.findChild(type(panel.underline_button), "colorButton_question").click()
    assert store.get(h.id).color == "question"
    fmt: QTextCharFormat = seed_window.article_view.overlay(LAYER_HIGHLIGHTS)[0].format
    assert fmt.background().color().rgb() & 0xFFFFFF == 0xA371F7  # the question label's colour
    panel.underline_button.click()
    assert store.get(h.id).style == "underline"
    assert seed_window.article_view.overlay(LAYER_HIGHLIGHTS)[0].format.fontUnderline()
    panel.tags_edit.setText("روسيا, #evidence ,روسيا")
    panel.tags_edit.editingFinished.emit()
    assert sorted(store.get(h.id).tags) == sorted(["روسيا", "evidence"])
    undo = seed_window.undo_stack
    undo.undo()
    assert store.get(h.id).tags == []
    undo.undo()
    assert store.get(h.id).style == "background"
    undo.undo()
    assert store.get(h.id).color == "claim"
    undo.redo()
    undo.redo()
    undo.redo()
    got = store.get(h.id)
    assert (got.color, got.style, sorted(got.tags)) == (
        "question",
        "underline",
        sorted(["روسيا", "evidence"]),
    )


def test_delete_asks_first_and_undo_restores(monkeypatch, seed_window: MainWindow, library) -> None:
    store = library.highlights
    h = highlight(seed_window, "تنظيم داعش")
    store.update(h.id, note="ملاحظة", tags=["t"])
    panel = ctl(seed_window).panel
    panel.select_highlight(h.id)
    answers = []

    def answer(reply):
        def question(*args, **kwargs):
            answers.append(args[2] if len(args) > 2 else "")
            return reply

        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    panel.delete_button.click()
    assert store.get(h.id).note == "ملاحظة"
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    panel.delete_button.click()
    assert len(answers) == 2 and "تنظيم داعش" in answers[1]
    assert store.for_article(h.article_id) == []
    assert panel.visible_ids() == [] and ctl(seed_window).layer.highlights == []
    seed_window.undo_stack.undo()
    back = store.get(h.id)
    assert (back.note, back.tags, back.start, back.end) == ("ملاحظة", ["t"], h.start, h.end)
    assert panel.visible_ids() == [h.id]
    seed_window.undo_stack.redo()
    assert store.for_article(h.article_id) == []


def test_undo_and_redo_of_create_and_article_note(seed_window: MainWindow, library) -> None:
    store = library.highlights
    article_id = seed_window.article_view.article.id
    h = highlight(seed_window, "تنظيم داعش")
    seed_window.undo_stack.undo()
    assert store.for_article(article_id) == [] and ctl(seed_window).layer.highlights == []
    seed_window.undo_stack.redo()
    assert [x.id for x in store.for_article(article_id)] == [h.id]
    assert seed_window.undo_action.shortcut().toString() == "Ctrl+Z"

    panel = ctl(seed_window).panel
    panel.article_note_edit.setPlainText("Bergen's argument: داعش أقوى مما يُظن.")
    panel.article_note_edit.flush()
    assert library.articles.note(article_id) == "Bergen's argument: داعش أقوى مما يُظن."
    assert panel.article_note_edit.block_directions() == [Qt.LayoutDirection.LeftToRight]
    seed_window.undo_stack.undo()
    assert library.articles.note(article_id) == ""
    assert panel.article_note_edit.toPlainText() == ""
    seed_window.undo_stack.redo()
    assert panel.article_note_edit.toPlainText().startswith("Bergen")


def test_everything_is_there_after_quit_and_reopen(qtbot, seed_window: MainWindow, library, settings) -> None:
    a = highlight(seed_window, "تنظيم داعش", "claim")
    b = highlight(seed_window, "في مارس وحده", "evidence")
    panel = ctl(seed_window).panel
    panel.select_highlight(b.id)
    panel.note_edit.setPlainText("ملاحظة with English")
    ctl(seed_window).panel.article_note_edit.setPlainText("مقال مهم")
    article_id = seed_window.article_view.article.id
    seed_window.close()  # closing saves what is being typed

    again = MainWindow(library, settings, "en")
    qtbot.addWidget(again)
    again.show()
    again.open_article(article_id)
    panel = ctl(again).panel
    assert panel.visible_ids() == [a.id, b.id]
    assert panel.highlight(b.id).note == "ملاحظة with English"
    assert panel.article_note_edit.toPlainText() == "مقال مهم"
    assert [h.id for h in ctl(again).layer.highlights] == [a.id, b.id]
    assert len(again.article_view.overlay(LAYER_HIGHLIGHTS)) == 2
    again.close()


def test_offsets_with_emoji_before_and_inside_a_highlight(qtbot, window: MainWindow, library) -> None:
    text = "قبل 😀 ثم 𝕏 بداية 🎉 داخل النص 👍 بعد"
    article_id = library.articles.add(ArticleMeta(title="emoji"), [Block(BlockKind.PARAGRAPH, text)])
    qtbot.waitUntil(
        lambda: window.library_view.model().rowCount() == 4, timeout=3000
    )  # the list's refresh ran
    window.open_article(article_id)
    view = window.article_view
    want = "بداية 🎉 داخل النص"
    start = text.index(want)
    end = start + len(want)
    # select in Qt's own positions (UTF-16): two astral characters come before the passage
    cursor = view.textCursor()
    qt_start = len(text[:start].encode("utf-16-le")) // 2
    cursor.setPosition(qt_start)
    cursor.setPosition(qt_start + len(want.encode("utf-16-le")) // 2, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    h = ctl(window).highlight_selection("claim")
    stored = library.highlights.get(h.id)
    assert (stored.start, stored.end, stored.exact) == (start, end, want)  # code points
    drawn = view.overlay(LAYER_HIGHLIGHTS)[0].cursor
    assert (drawn.selectionStart(), drawn.selectionEnd()) == (qt_start, qt_start + len(want) + 1)
    assert drawn.selectedText() == want  # exactly the right characters, the emoji whole


def test_clicking_inside_a_highlight_selects_it_in_the_panel(qtbot, seed_window: MainWindow) -> None:
    a = highlight(seed_window, "تنظيم داعش")
    b = highlight(seed_window, "في مارس وحده")
    view = seed_window.article_view
    panel = ctl(seed_window).panel
    panel.select_highlight(b.id)
    view.scroll_to_offset(a.start)
    rect = view.cursorRect(view.cursor_for_range(a.start + 3, a.start + 3))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.center().x() - 2, rect.center().y())
    )
    assert panel.current_highlight_id() == a.id


def test_overlapping_highlights_both_drawn(seed_window: MainWindow) -> None:
    start, end = passage(seed_window, "إذا كان تنظيم داعش هو المسؤول")
    select(seed_window, start, start + 14)
    first = ctl(seed_window).highlight_selection("claim")
    select(seed_window, start + 8, end)
    second = ctl(seed_window).highlight_selection("claim")
    selections = seed_window.article_view.overlay(LAYER_HIGHLIGHTS)
    assert len(selections) == 2
    assert [s.format.property(QTextCharFormat.Property.UserProperty) for s in selections] == [
        first.id,
        second.id,
    ]
    assert not selections[0].format.fontUnderline() and selections[1].format.fontUnderline()
    assert selections[0].format.background().color().alpha() < 255  # translucent: the overlap blends


def test_note_marker_sits_in_the_margin(seed_window: MainWindow, library) -> None:
    h = highlight(seed_window, "تنظيم داعش")
    library.highlights.update(h.id, note="note")
    view = seed_window.article_view
    view.scroll_to_offset(h.start)
    [(hid, rect)] = ctl(seed_window).layer.markers.marker_rects()
    assert hid == h.id
    margin = view.document().rootFrame().frameFormat().rightMargin()
    assert rect.left() >= view.viewport().width() - margin  # an Arabic paragraph: the right-hand margin
    line = ctl(seed_window).layer.line_rect(h.start)
    assert line.top() <= rect.center().y() <= line.bottom()


def test_orphans_have_their_own_section_and_can_be_reattached(seed_window: MainWindow, library) -> None:
    store = library.highlights
    h = highlight(seed_window, "تنظيم داعش")
    store.restore(replace(h, orphan=True))
    panel = ctl(seed_window).panel
    assert panel.visible_ids() == [] and panel.orphan_ids() == [h.id]
    assert panel.orphan_list.isVisibleTo(panel)
    assert ctl(seed_window).layer.highlights == []  # not drawn: it has no place
    panel.select_highlight(h.id)
    assert panel.reattach_button.isVisibleTo(panel) and not panel.reattach_button.isEnabled()
    start, end = passage(seed_window, "في مارس وحده")
    select(seed_window, start, end)
    assert panel.reattach_button.isEnabled()
    panel.reattach_button.click()
    moved = store.get(h.id)
    assert (moved.orphan, moved.start, moved.end, moved.exact) == (False, start, end, "في مارس وحده")
    assert panel.visible_ids() == [h.id] and panel.orphan_ids() == []
    seed_window.undo_stack.undo()
    assert store.get(h.id).orphan and panel.orphan_ids() == [h.id]


def test_filters_and_sort(seed_window: MainWindow, library) -> None:
    store = library.highlights
    a = highlight(seed_window, "في مارس وحده", "claim")
    b = highlight(seed_window, "تنظيم داعش", "evidence")
    store.update(b.id, note="Important point", tags=["روسيا"])
    panel = ctl(seed_window).panel
    assert panel.visible_ids() == [b.id, a.id]  # by position
    panel.sort_combo.setCurrentIndex(panel.sort_combo.findData("date"))
    assert set(panel.visible_ids()) == {a.id, b.id}
    panel.sort_combo.setCurrentIndex(0)
    panel.color_filter.setCurrentIndex(panel.color_filter.findData("claim"))
    assert panel.visible_ids() == [a.id]
    panel.color_filter.setCurrentIndex(0)
    panel.tag_filter.setCurrentIndex(panel.tag_filter.findData("روسيا"))
    assert panel.visible_ids() == [b.id]
    panel.tag_filter.setCurrentIndex(0)
    panel.filter_edit.setText("مَارس")  # harakat folded, as in search
    panel.refresh()
    assert panel.visible_ids() == [a.id]
    panel.filter_edit.setText("important")
    panel.refresh()
    assert panel.visible_ids() == [b.id]
    panel.select_highlight(a.id)  # a hidden highlight clears the filters that hide it
    assert panel.visible_ids() == [b.id, a.id]


def test_context_menu_offers_colours_on_a_selection_and_edits_on_a_highlight(seed_window: MainWindow) -> None:
    controller = ctl(seed_window)
    view = seed_window.article_view
    select(seed_window, *passage(seed_window, "تنظيم داعش"))
    menu = QMenu()
    controller._extend_context_menu(menu, QPoint(5, 5))
    texts = [a.text() for a in menu.actions()]
    assert "Claim" in texts and "Highlight and Add &Note" in texts
    h = controller.highlight_selection("claim")
    view.scroll_to_offset(h.start)
    rect = view.cursorRect(view.cursor_for_range(h.start + 3, h.start + 3))
    menu = QMenu()
    controller._extend_context_menu(menu, rect.center())
    assert "Delete Highlight…" in [a.text() for a in menu.actions()]


def test_label_editor_renames_and_recolours(qtbot, seed_window: MainWindow, library) -> None:
    from reader.gui.annotations.label_editor import LabelEditorDialog

    h = highlight(seed_window, "تنظيم داعش", "claim")
    dialog = LabelEditorDialog(library.labels, seed_window)
    qtbot.addWidget(dialog)
    dialog.name_edits["claim"].setText("Thesis")
    dialog.set_color("claim", "#123456")
    dialog.accept()
    label = library.labels.get("claim")
    assert (label.name, label.color) == ("Thesis", "#123456")
    assert library.highlights.get(h.id).color == "claim"  # highlights follow the label by key
    fmt = seed_window.article_view.overlay(LAYER_HIGHLIGHTS)[0].format
    assert fmt.background().color().rgb() & 0xFFFFFF == 0x123456
    assert ctl(seed_window).panel.list.item(0).data(CARD_ROLE).label == "Thesis"


def test_panel_docks_on_the_opposite_side_in_arabic(qtbot, library, sample_ids, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from reader.gui.common.settings import open_settings

    app = QApplication.instance()
    positions = {}
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        app.setLayoutDirection(direction)
        try:
            lang = "ar" if direction == Qt.LayoutDirection.RightToLeft else "en"
            win = MainWindow(library, open_settings(tmp_path / f"{lang}.ini"), lang)
            qtbot.addWidget(win)
            win.resize(1200, 800)
            win.show()
            qtbot.waitExposed(win)
            panel = ctl(win).panel
            assert panel.objectName() == "annotationPanel"
            positions[direction] = panel.geometry().center().x() < win.width() // 2
            win.close()
        finally:
            app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert positions == {Qt.LayoutDirection.LeftToRight: False, Qt.LayoutDirection.RightToLeft: True}


def test_clicking_a_note_marker_opens_the_note_and_hovering_shows_it(
    qtbot, seed_window: MainWindow, library
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    h = highlight(seed_window, "تنظيم داعش")
    library.highlights.update(h.id, note="Bergen: ادعاء")
    other = highlight(seed_window, "في مارس وحده")
    view = seed_window.article_view
    panel = ctl(seed_window).panel
    panel.select_highlight(other.id)
    view.scroll_to_offset(h.start)
    [(_, rect)] = ctl(seed_window).layer.markers.marker_rects()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.current_highlight_id() == h.id
    assert panel.note_edit.toPlainText() == "Bergen: ادعاء"
    tip = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(view.viewport(), tip)
    assert QToolTip.isVisible() and "Bergen: ادعاء" in QToolTip.text()
    QToolTip.hideText()


def test_cards_fit_a_narrow_panel_without_a_sideways_scroll_bar(qtbot, seed_window: MainWindow) -> None:
    seed_window.resize(1024, 700)
    seed_window.show()
    qtbot.waitExposed(seed_window)
    text = seed_window.article_view.article.text
    for start in (0, 200, 400, 600, 800):
        select(seed_window, start, start + 120)
        created = ctl(seed_window).highlight_selection("claim")
        seed_window.library.highlights.update(
            created.id, note="ملاحظة طويلة بعض الشيء تلتف على أسطر عدة " * 3
        )
    cards = seed_window.annotations.panel.list
    assert len(text) > 900
    qtbot.waitUntil(lambda: cards.count() == 5, timeout=3000)
    assert cards.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    qtbot.waitUntil(lambda: cards.visualItemRect(cards.item(0)).height() > 0, timeout=3000)
    width = cards.viewport().width()
    for row in range(cards.count()):
        rect = cards.visualItemRect(cards.item(row))
        assert rect.width() <= width, (row, rect, width)
