"""How a colour label looks in the UI: its name in the UI language and a round swatch of its colour.

Shared by every feature that lists labels (the selection toolbar, the notes panel, the label editor, the
export dialog's chips, the search filters).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.core.label_defaults import default_label_name
from reader.core.models import ColorLabel


def ui_language() -> str:
    """'ar' or 'en': the UI language app.apply_language chose (it sets the default QLocale with it)."""
    return "ar" if QLocale().language() == QLocale.Language.Arabic else "en"


def label_display_name(label: ColorLabel) -> str:
    """A label's name in the UI language: a default name still as stored is shown in the UI language
    (reader.core.label_defaults), a name the user gave is kept as written."""
    return default_label_name(label.key, label.name, ui_language())


def swatch_icon(color: str, size: int = 16, *, ring: bool = False) -> QIcon:
    """A round colour swatch (the label's colour), optionally ringed to show it is the current one."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(color)
    painter.setPen(fill.darker(140))
    painter.setBrush(fill)
    painter.drawEllipse(2, 2, size - 4, size - 4)
    if ring:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#202020"))
        painter.drawEllipse(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)
