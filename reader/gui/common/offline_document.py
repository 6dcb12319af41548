"""A QTextDocument that loads no resource: no image, style sheet or font from a URL, remote or local.

Notes are Markdown, and Markdown names images (`![plan](http://host/plan.png)`, `![x](file:///dev/zero)`).
QTextDocument asks `loadResource` for each: Qt itself never goes to the network, but it reads `file:` and
relative URLs from the disk (a note could make the app read any file, or block forever on a device
file), and a future Qt or a subclass could fetch more. The reader is for offline work: every document the
app shows (the article, note cards, search snippets) is an OfflineDocument, so an image shows its alt text
only. tests/test_no_network.py proves it with a local server that counts requests.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QTextDocument


class OfflineDocument(QTextDocument):
    """A QTextDocument whose resources are never loaded (images show nothing but their alt text)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []  # the URLs asked for, for tests and for debugging

    def loadResource(self, kind: int, name: QUrl | str, /) -> Any:  # Qt's name
        self.refused.append(name.toString() if isinstance(name, QUrl) else name)
        return None
