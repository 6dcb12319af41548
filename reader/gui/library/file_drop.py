"""Files and folders dropped on the window are imported (the same import as File → Import Files…).

An event filter on the window: it accepts drags that carry local files or folders, and hands a drop to the
import flow (which says so in the status bar, instead of starting a second import, while one runs).
Widgets inside the window that take drops of their own (none do today) see them first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from reader.gui.library.import_flow import ImportFlow


def local_paths(mime: QMimeData | None) -> list[Path]:
    """The local files and folders a drag carries (web links and the like are left out)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


class FileDropImport(QObject):
    """Makes `window` take drops of files and folders and import them with `importer`."""

    def __init__(self, window: QWidget, importer: ImportFlow) -> None:
        super().__init__(window)
        self._window = window
        self._importer = importer
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._window:
            return False
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if local_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
            return False
        if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
            paths = local_paths(event.mimeData())
            if not paths:
                return False
            event.acceptProposedAction()
            self._importer.import_paths(paths)  # refused, with a word in the status bar, while one runs
            return True
        return False
