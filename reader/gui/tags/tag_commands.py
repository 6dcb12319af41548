"""Undo commands for the tag vocabulary: rename, merge and delete tags across the library.

The first `redo` (when the command is pushed) has already happened: the manager runs the edit first, so a
refused name is reported before anything reaches the undo stack. Undo puts back the previous tags of every
highlight and article the edit touched (`library.tags.restore`); redo runs the same edit again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.library.tags import TagEdit, Tags


class TagEditCommand(QUndoCommand):
    def __init__(self, tags: Tags, edit: TagEdit, again: Callable[[], TagEdit], text: str) -> None:
        super().__init__(text)
        self._tags = tags
        self.edit = edit
        self._again = again
        self._done = True  # the edit was made before the command was pushed

    def redo(self) -> None:
        if self._done:
            return
        self.edit = self._again()
        self._done = True

    def undo(self) -> None:
        self._tags.restore(self.edit)
        self._done = False
