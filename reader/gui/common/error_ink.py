"""The colour of a problem's sentence under a field: red that stays readable on the theme's background.

A fixed dark red reads well on the light and sepia themes and poorly on the dark one (contrast 1.5:1);
the colour is chosen from the widget's own palette, so it follows the theme the widget is shown in.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

#: On light backgrounds (contrast 5.7 on the light theme's panels, 4.8 on sepia's) and on dark ones (6.6).
ON_LIGHT, ON_DARK = QColor("#b3261e"), QColor("#ff8a80")


def error_ink(palette: QPalette) -> QColor:
    return ON_DARK if palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5 else ON_LIGHT


def show_as_error(widget: QWidget) -> None:
    """Colour a label's text as a problem, for the palette it has now."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, error_ink(palette))
    widget.setPalette(palette)
