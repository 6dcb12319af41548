"""Caret browsing (F7): keyboard selection by letter and word in Arabic and English, highlighted with
Ctrl+1, stored with the right code-point offsets; the context menu at the caret (menu key, Shift+F10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from reader.gui.main_window import MainWindow
from reader.gui.reading.caret_browsing import CARET_KEY


def put_caret(window: MainWindow, offset: int) -> None:
    view = window.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offset_map.to_qt(offset))
    view.setTextCursor(cursor)


def start_caret(qtbot, window: MainWindow, article_id: int) -> None:
    window.open_article(article_id)
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert window.caret.enabled
    assert view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard


def test_f7_toggles_and_is_remembered(qtbot, window: MainWindow, sample_ids, settings) -> None:
    start_caret(qtbot, window, sample_ids[1])
    assert str(settings.value(CARET_KEY)).lower() == "true"
    assert window.caret.action.isChecked()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F7)
    assert not window.caret.enabled
    assert not window.article_view.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert str(settings.value(CARET_KEY)).lower() == "false"


def test_english_word_selected_with_shift_ctrl_right_then_ctrl_1(
    qtbot, window: MainWindow, sample_ids, library
) -> None:
    start_caret(qtbot, window, sample_ids[1])
    view = window.article_view
    text = view.article.text
    at = text.index("slowly")
    put_caret(window, at)
    qtbot.keyClick(
        view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    )
    assert view.selected_range() is not None
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    stored = library.highlights.for_article(view.article.id)
    assert [(h.start, h.end, h.exact, h.color) for h in stored] == [(at, at + 6, "slowly", "claim")]


def test_english_letters_with_shift_right(qtbot, window: MainWindow, sample_ids) -> None:
    start_caret(qtbot, window, sample_ids[1])
    view = window.article_view
    at = view.article.text.index("Reading")
    put_caret(window, at)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (at, at + 4)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (at, at + 3)


def test_arabic_word_selected_by_keyboard_after_an_astral_character(
    qtbot, window: MainWindow, sample_ids, library
) -> None:
    """In the mixed article a 😀 comes before the Arabic quote: code points and UTF-16 differ there.
    In a right-to-left paragraph the Left arrow moves forwards in reading order (visually, as browsers)."""
    start_caret(qtbot, window, sample_ids[0])
    view = window.article_view
    text = view.article.text
    at = text.index("عاد بقوة")
    assert text.index("😀") < at
    put_caret(window, at)
    ctrl_shift = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(view, Qt.Key.Key_Left, ctrl_shift)  # visually left = on in an RTL line
    selected = view.selected_range()
    assert selected is not None and selected[0] == at
    assert text[selected[0] : selected[1]].strip() == "عاد"
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    stored = library.highlights.for_article(view.article.id)
    assert [(h.start, h.end, h.exact) for h in stored] == [(at, at + 3, "عاد")]


def test_arabic_letters_follow_visual_order(qtbot, window: MainWindow, sample_ids) -> None:
    start_caret(qtbot, window, sample_ids[0])
    view = window.article_view
    at = view.article.text.index("تنظيم")
    put_caret(window, at)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (at, at + 2)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (at, at + 1)


def test_home_and_end_move_within_the_line(qtbot, window: MainWindow, sample_ids) -> None:
    start_caret(qtbot, window, sample_ids[1])
    view = window.article_view
    text = view.article.text
    line_start = text.index("Reading")
    put_caret(window, line_start + 3)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.offset_map.from_qt(view.textCursor().position()) == line_start
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_range() == (line_start, text.index("\n", line_start))


def test_shift_f10_opens_the_context_menu_at_the_caret(qtbot, window: MainWindow, sample_ids) -> None:
    start_caret(qtbot, window, sample_ids[1])
    view = window.article_view
    text = view.article.text
    at = text.index("slowly")
    view.setTextCursor(view.cursor_for_range(at, at + 6))
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    put_caret(window, at + 2)
    shown: list[list[str]] = []

    def close_menu() -> None:
        menu = QApplication.activePopupWidget()
        if menu is not None:
            shown.append([a.text() for a in menu.actions()])
            menu.close()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, close_menu)
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert shown and "Delete Highlight…" in shown[0]
