"""How a colour label looks in the UI: its name in the UI language and a round swatch of its colour.

Shared by every feature that lists labels (the selection toolbar, the notes panel, the label editor, the
export dialog's chips, the search filters).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from reader.core.labels import ColorLabel
from reader.core.storage.migrations import DEFAULT_LABELS

_DEFAULT_NAMES = {key: name for key, name, _color, _pos in DEFAULT_LABELS}


def label_display_name(label: ColorLabel) -> str:
    """A label's name in the UI language: the default names are translated, names users gave are kept."""
    if _DEFAULT_NAMES.get(label.key) == label.name:
        return QCoreApplication.translate("ColorLabels", label.name)
    return label.name


#: The default names, for lupdate: they are stored in English in the library and translated when shown.
DEFAULT_NAMES_FOR_TRANSLATORS = (
    QT_TRANSLATE_NOOP("ColorLabels", "Claim"),
    QT_TRANSLATE_NOOP("ColorLabels", "Evidence"),
    QT_TRANSLATE_NOOP("ColorLabels", "Counter-argument"),
    QT_TRANSLATE_NOOP("ColorLabels", "Source quoted"),
    QT_TRANSLATE_NOOP("ColorLabels", "Question"),
    QT_TRANSLATE_NOOP("ColorLabels", "Important"),
)


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
