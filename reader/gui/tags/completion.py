"""Completion of the tag being typed (after the last comma) from the library's tags, kept up to date.

The list is read again only when it may have changed (a highlight or an article was tagged, a tag renamed)
and the field is about to be used (it gets the focus), not on every change: typing a note changes a
highlight every few seconds, and nobody is completing a tag meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel
from PySide6.QtWidgets import QLineEdit

from reader.core.changes import Change, ChangeKind
from reader.gui.library.metadata_dialog import TagListCompleter

#: Changes that may add, rename or remove a tag.
_TAG_CHANGES = {ChangeKind.HIGHLIGHT, ChangeKind.ARTICLE, ChangeKind.LIBRARY}


class LiveTagCompleter(TagListCompleter):
    """A TagListCompleter on `edit` whose tags come from `source` (every tag, parents included)."""

    def __init__(self, edit: QLineEdit, source: Callable[[], list[str]]) -> None:
        super().__init__([], edit)
        self._source = source
        self._stale = True
        self._model = QStringListModel(self)
        self.setModel(self._model)
        edit.setCompleter(self)
        edit.installEventFilter(self)

    def on_change(self, change: Change) -> None:
        """Connect to the shell's `library_changed`: the list is read again before it is next used."""
        if change.kind in _TAG_CHANGES:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self._model.setStringList(self._source())

    def tags(self) -> list[str]:
        return self._model.stringList()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and self._stale:
            self.refresh()
        return False
