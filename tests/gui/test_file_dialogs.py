"""Qt's file dialog in the Arabic UI: translated, with paths and dates left to right inside the mirror."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLabel, QStyleOptionViewItem, QWidget

from reader.gui.common.file_dialogs import dialog_directions


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_the_file_dialog_reads_its_paths_and_dates_left_to_right(qtbot, ui_language, tmp_path: Path) -> None:
    (tmp_path / "مقال.txt").write_text("نص", encoding="utf-8")
    with dialog_directions():
        dialog = QFileDialog(None, "استيراد", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    assert dialog.isRightToLeft()
    assert dialog.findChild(QWidget, "lookInCombo").layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.findChild(QWidget, "fileNameEdit").layoutDirection() == Qt.LayoutDirection.LeftToRight
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "ا&بحث في:" in labels and "الملفات من ال&نوع:" in labels  # Qt's own qtbase_ar lacks these
    tree = next(v for v in dialog.findChildren(QAbstractItemView) if v.objectName() == "treeView")
    model = tree.model()
    qtbot.waitUntil(lambda: model.rowCount(tree.rootIndex()) > 0, timeout=3000)
    date = model.index(0, 3, tree.rootIndex())
    option = QStyleOptionViewItem()
    tree.itemDelegate().initStyleOption(option, date)
    assert option.text.startswith("\u2066") and option.text.endswith("\u2069")
    name = model.index(0, 0, tree.rootIndex())
    tree.itemDelegate().initStyleOption(option, name)
    assert option.text == "مقال.txt"  # the name keeps its own direction
    dialog.close()


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_the_look_in_path_is_painted_isolated(qtbot, ui_language) -> None:
    """Qt draws a combo's text in the application's direction: the fix paints it as if it were isolated."""
    from PySide6.QtWidgets import QComboBox

    from reader.gui.common.combo_text import fit_combo_text

    def combo(text: str) -> QComboBox:
        box = QComboBox()
        qtbot.addWidget(box)
        box.addItem(text)
        box.resize(320, 30)
        box.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return box

    fixed = combo("/work/shared/corpora")
    fit_combo_text(fixed, Qt.TextElideMode.ElideMiddle, isolate=True)
    isolated = combo("\u2066/work/shared/corpora\u2069")
    plain = combo("/work/shared/corpora")
    for box in (fixed, isolated, plain):
        box.show()
        qtbot.waitExposed(box)
    image = fixed.grab().toImage()
    assert image == isolated.grab().toImage()
    assert image != plain.grab().toImage()  # what Qt alone draws: "work/shared/corpora/"
