"""A combo box too narrow for its text shows it elided, not cut off mid-letter (common/combo_text.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionComboBox

from reader.gui.common.combo_text import fit_combo_text, fitted_text


def _combo(qtbot, text: str, width: int) -> QComboBox:
    box = QComboBox()
    qtbot.addWidget(box)
    box.addItem(text)
    box.setMinimumWidth(width)
    box.setMaximumWidth(width)
    box.show()
    qtbot.waitExposed(box)
    return box


def _shown(box: QComboBox) -> str:
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return fitted_text(box, option, Qt.TextElideMode.ElideRight, False)


def test_a_narrow_box_shows_its_text_elided(qtbot) -> None:
    box = _combo(qtbot, "Everything and more", 70)
    assert _shown(box).endswith("…") and len(_shown(box)) < len("Everything and more")
    wide = _combo(qtbot, "Everything", 300)
    assert _shown(wide) == "Everything"


def test_the_fitted_box_paints_the_elided_text(qtbot) -> None:
    text = "Everything and more"
    fitted, cut, elided = _combo(qtbot, text, 70), _combo(qtbot, text, 70), _combo(qtbot, text, 70)
    fit_combo_text(fitted)
    elided.setItemText(0, _shown(elided))
    image = fitted.grab().toImage()
    assert image == elided.grab().toImage()
    assert image != cut.grab().toImage()  # what Qt alone draws: the text cut at the edge


def test_the_search_filters_fit_their_text(qtbot) -> None:
    from reader.gui.search.search_panel import SearchPanel

    panel = SearchPanel()
    qtbot.addWidget(panel)
    panel.resize(240, 500)
    panel.show()
    qtbot.waitExposed(panel)
    box = panel.kind_combo
    shown = _shown(box)
    assert box.currentText() == "Everything"
    assert shown.endswith("…")  # 240 pixels for three filters: "Everything" does not fit
    painted = box.grab().toImage()
    # the box paints what an item already holding the elided text would show (cut off by Qt, it would not)
    box.setItemText(box.currentIndex(), shown)
    assert box.grab().toImage() == painted
