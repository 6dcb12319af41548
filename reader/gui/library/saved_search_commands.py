"""Undo commands for saved searches (smart collections): rename, delete (saving is the search box's:
reader/gui/search/search_memory.py).

As the other library commands (library_commands.py), every step writes through the Library at once; the
collections panel refreshes from the Library's SAVED_SEARCHES changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.library import Library
from reader.core.library.saved_searches import SavedSearch
from reader.gui.library.library_commands import LibraryCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("SavedSearchCommands", text)


class RenameSavedSearchCommand(LibraryCommand):
    def __init__(self, library: Library, old: str, new: str) -> None:
        super().__init__(_tr("Rename saved search"))
        self.library = library
        self.old = old
        self.new = " ".join(new.split())

    def do(self) -> None:
        self.library.saved_searches.rename(self.old, self.new)

    def undo(self) -> None:
        self.library.saved_searches.rename(self.new, self.old)


class DeleteSavedSearchCommand(LibraryCommand):
    """Forget a saved search (no article changes); undo brings it back as it was."""

    def __init__(self, library: Library, name: str) -> None:
        super().__init__(_tr("Delete saved search"))
        self.library = library
        self.name = name
        self.deleted: SavedSearch | None = None

    def do(self) -> None:
        self.deleted = self.library.saved_searches.delete(self.name)

    def undo(self) -> None:
        if self.deleted is not None:
            self.library.saved_searches.restore(self.deleted)
