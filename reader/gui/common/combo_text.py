"""A combo box's current text painted to fit its box: elided, and isolated left to right when asked.

Qt paints a combo box's text cut off at the box's edge, mid-letter ("Everythin", "Any colo" in the search
panel's filters at 1024 pixels in English), and in the application's direction whatever the box's own (a
path in an Arabic file dialog read `home/a/b/`). An event filter paints the box itself with the text
elided (and, with `isolate`, wrapped in LRI … PDI); the box keeps its full text, tooltip and list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter


def fitted_text(combo: QComboBox, option: QStyleOptionComboBox, mode: Qt.TextElideMode, isolate: bool) -> str:
    """The text the box shows: its current text elided to the room beside its icon."""
    edit = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = edit.width() - (option.iconSize.width() + 4 if not option.currentIcon.isNull() else 0)
    text = option.fontMetrics.elidedText(option.currentText, mode, max(0, room))
    return f"\u2066{text}\u2069" if isolate else text


class _FittedComboText(QObject):
    def __init__(self, combo: QComboBox, mode: Qt.TextElideMode, isolate: bool) -> None:
        super().__init__(combo)
        self._mode = mode
        self._isolate = isolate

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QComboBox) or watched.isEditable():
            return False
        painter = QStylePainter(watched)
        painter.setPen(watched.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        watched.initStyleOption(option)
        option.currentText = fitted_text(watched, option, self._mode, self._isolate)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
        return True


def fit_combo_text(
    combo: QComboBox, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight, *, isolate: bool = False
) -> None:
    """Paint `combo`'s current text elided to its box (and isolated left to right with `isolate`)."""
    combo.installEventFilter(_FittedComboText(combo, mode, isolate))
