"""Text fields that follow the direction of what is typed in them, whatever the UI's direction.

An English title typed in the Arabic UI reads left-to-right and starts at the left edge; an Arabic name in
the English UI the other way round (as `dir="auto"` does in a browser): the first strong character decides
(reader.core.text.first_strong_direction); an empty field follows the UI.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from reader.core.text import Direction, first_strong_direction


def direction_of(text: str) -> Qt.LayoutDirection:
    """The layout direction of `text` (the application's when it has no strong character)."""
    strong = first_strong_direction(text)
    if strong is None:
        return QApplication.layoutDirection()
    return Qt.LayoutDirection.RightToLeft if strong is Direction.RTL else Qt.LayoutDirection.LeftToRight


def follow_text_direction(edit: QLineEdit) -> None:
    """Keep `edit`'s direction (and so its alignment) with its text's, now and whenever the text changes."""

    def update(text: str) -> None:
        direction = direction_of(text)
        if edit.layoutDirection() != direction:
            edit.setLayoutDirection(direction)

    edit.textChanged.connect(update)
    update(edit.text())
