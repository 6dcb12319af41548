"""Help → Keyboard Shortcuts lists every action with a shortcut, grouped by menu, read from the actions; no
two actions answer the same keys where both are active."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.gui.help.shortcuts import LRI, PDI, plain_text, shortcut_conflicts, window_actions
from reader.gui.help.shortcuts_sheet import ShortcutsSheet
from reader.gui.main_window import MainWindow


def test_sheet_lists_every_action_with_a_shortcut(qtbot, window: MainWindow) -> None:
    sheet = window.show_shortcuts()
    qtbot.addWidget(sheet)
    assert sheet.objectName() == "shortcutsSheet"
    rows = sheet.rows()
    names = {name for _group, name, _keys in rows}
    for action in window_actions(window):
        if plain_text(action.text()):
            assert any(name.endswith(plain_text(action.text())) for name in names), action.text()
    groups = {group for group, _name, _keys in rows}
    assert {"File", "Edit", "View", "Help"} <= groups
    by_name = {name: (group, keys) for group, name, keys in rows}
    assert by_name["Highlight › Claim"] == ("Edit", LRI + "Ctrl+1" + PDI)
    assert by_name["Caret Browsing"] == ("View", LRI + "F7" + PDI)
    assert by_name["Distraction-Free Reading"][1] == LRI + "F11" + PDI
    assert by_name["Keyboard Shortcuts"] == ("Help", LRI + "F1" + PDI)
    sheet.filter_box.setText("caret")
    shown = sheet.shown_names()
    assert shown == ["Caret Browsing"]
    sheet.close()


def test_f1_opens_the_sheet(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    window.shortcuts_action.trigger()
    sheets = [w for w in window.findChildren(ShortcutsSheet) if w.isVisible()]
    assert sheets
    for sheet in sheets:
        sheet.close()


def test_no_two_actions_share_a_shortcut(window: MainWindow, sample_ids) -> None:
    window.open_article(sample_ids[0])
    clashes = [(keys, a.text(), b.text()) for keys, a, b in shortcut_conflicts(window)]
    assert clashes == []


def test_a_clash_is_found(window: MainWindow) -> None:
    twin = QAction("Twin", window)
    twin.setShortcut(QKeySequence("Ctrl+1"))
    window.addAction(twin)
    clashes = [(keys, b.text()) for keys, _a, b in shortcut_conflicts(window)]
    assert ("Ctrl+1", "Twin") in clashes or any(keys == "Ctrl+1" for keys, _ in clashes)
    window.removeAction(twin)
    twin.deleteLater()


def test_shortcuts_in_separate_widgets_do_not_clash(qtbot) -> None:
    from PySide6.QtWidgets import QMainWindow

    main = QMainWindow()
    qtbot.addWidget(main)
    holder = QWidget(main)
    left, right = QWidget(holder), QWidget(holder)
    for widget in (left, right):
        action = QAction("Delete", widget)
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    assert shortcut_conflicts(main) == []


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_arabic_sheet_keeps_shortcuts_left_to_right(
    qtbot, ui_language, library, sample_ids, settings
) -> None:
    window = MainWindow(library, settings, ui_language)
    qtbot.addWidget(window)
    window.show()
    sheet = window.show_shortcuts()
    assert sheet.windowTitle() == "اختصارات لوحة المفاتيح"
    rows = sheet.rows()
    assert rows
    for _group, _name, keys in rows:
        assert keys.startswith(LRI) and keys.endswith(PDI)
    assert any(keys == LRI + "Ctrl+1" + PDI for _g, _n, keys in rows)
    groups = {group for group, _n, _k in rows}
    assert "ملف" in groups and "تحرير" in groups
    sheet.close()
    window.close()
