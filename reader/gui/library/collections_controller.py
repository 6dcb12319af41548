"""The collections panel's decisions: choosing one filters the list; create, rename, delete with undo.

Deleting a collection keeps its articles and asks first; undo makes it again with the same members. The
panel reads the collections again after the library's changes (a burst of them once).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from reader.core.changes import Change, ChangeKind
from reader.core.library import Library
from reader.core.models import ArticleFilter
from reader.gui.common.dialogs import ask_text, confirm
from reader.gui.library.collections_panel import CollectionsPanel
from reader.gui.library.filter_controller import LibraryFilterController
from reader.gui.library.library_commands import (
    CreateCollectionCommand,
    DeleteCollectionCommand,
    RenameCollectionCommand,
    run_command,
)
from reader.gui.library.library_model import LibraryModel
from reader.gui.shell import Shell
from reader.messages import isolate

#: Changes within this many milliseconds read the collections once.
RELOAD_MS = 100


class CollectionsController(QObject):
    """Owns the collections panel."""

    def __init__(
        self,
        library: Library,
        shell: Shell,
        model: LibraryModel,
        filters: LibraryFilterController,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._model = model
        self._filters = filters
        self._closed = False
        self.panel = CollectionsPanel()
        self.question: QMessageBox | None = None
        self.name_dialog: QInputDialog | None = None

        self.new_action = QAction(self.tr("&New Collection…"), self)
        self.new_action.setObjectName("newCollectionAction")
        self.new_action.triggered.connect(self.ask_new)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload_timer.timeout.connect(self.reload)
        self.panel.chosen.connect(filters.set_collection)
        self.panel.customContextMenuRequested.connect(self.show_context_menu)
        filters.changed.connect(self._on_filter_changed)
        shell.library_changed.connect(self._on_library_change)
        self.reload()

    # showing ---------------------------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        """A reload waits for a pause in the library's changes."""
        return self._reload_timer.isActive()

    def reload(self) -> None:
        if self._closed:
            return
        collections = self._library.collections.list()
        current = self._filters.state.collection
        self.panel.show_collections(collections, self._model.total, current)
        if current and current not in {c.name for c in collections}:
            self._filters.set_collection("")  # deleted (or renamed by an undo): back to every article

    def _on_filter_changed(self, state: ArticleFilter) -> None:
        self.panel.select(state.collection)

    def _on_library_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.COLLECTIONS, ChangeKind.ARTICLE, ChangeKind.LIBRARY):
            self._reload_timer.start()

    # the context menu ------------------------------------------------------------------------------
    def build_context_menu(self, row: int) -> QMenu:
        """The menu for a right click on `row` (-1: below the rows)."""
        menu = QMenu(self.panel)
        menu.addAction(self.new_action)
        name = self.panel.name_at(row) if row >= 0 else None
        if name:
            rename = menu.addAction(self.tr("&Rename…"))
            rename.triggered.connect(lambda: self.ask_rename(name))
            delete = menu.addAction(self.tr("&Delete…"))
            delete.triggered.connect(lambda: self.ask_delete(name))
        return menu

    def show_context_menu(self, pos: QPoint) -> None:
        index = self.panel.indexAt(pos)
        menu = self.build_context_menu(index.row() if index.isValid() else -1)
        menu.exec(self.panel.viewport().mapToGlobal(pos))
        menu.deleteLater()

    # commands --------------------------------------------------------------------------------------
    def ask_new(self) -> None:
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("New Collection"),
            self.tr("Name of the new collection:"),
            self.create,
            object_name="newCollectionDialog",
        )

    def create(self, name: str) -> bool:
        return run_command(self._shell, CreateCollectionCommand(self._library, name))

    def ask_rename(self, name: str) -> None:
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("Rename Collection"),
            self.tr("New name of the collection {name}:").format(name=isolate(name)),
            lambda new: self.rename(name, new),
            text=name,
            object_name="renameCollectionDialog",
        )

    def rename(self, old: str, new: str) -> bool:
        command = RenameCollectionCommand(self._library, old, new)
        if command.new == old or not run_command(self._shell, command):
            return False
        if self._filters.state.collection == old:
            self._filters.set_collection(command.new)
        return True

    def ask_delete(self, name: str) -> QMessageBox:
        count = next((c.count for c in self._library.collections.list() if c.name == name), 0)
        self.question = confirm(
            self._shell.dialog_parent(),
            self.tr("Delete Collection"),
            self.tr("Delete the collection {name}?").format(name=isolate(name)),
            self.tr("Delete"),
            lambda: self.delete(name),
            informative=self.tr("Its %Ln article(s) stay in the library.", "", count),
            object_name="deleteCollectionBox",
        )
        return self.question

    def delete(self, name: str) -> bool:
        if not run_command(self._shell, DeleteCollectionCommand(self._library, name)):
            return False
        if self._filters.state.collection == name:
            self._filters.set_collection("")
        return True

    def close(self) -> None:
        self._closed = True
        self._reload_timer.stop()
