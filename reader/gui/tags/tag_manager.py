"""Edit → Manage Tags…: every tag of the library as a tree (children under their parent) with counts, and
rename, merge and delete, each one step on the window's undo stack.

The dialog is not modal (the user can go on reading and tagging beside it) and follows the library: any
change to tags rebuilds its tree. The controller (`TagManager`) decides; the dialog (`TagManagerDialog`)
lays out and asks for names.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.changes import Change, ChangeKind
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.library.tags import TagEdit, TagInfo
from reader.gui.common.numbers import local_number
from reader.gui.shell import Menu, Shell
from reader.gui.tags.tag_commands import TagEditCommand

NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_REFRESH_MS = 150
_TAG_CHANGES = {ChangeKind.HIGHLIGHT, ChangeKind.ARTICLE, ChangeKind.LIBRARY}


class TagManagerDialog(QDialog):
    """The tree of tags and the buttons; the manager fills it and acts on its selection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManagerDialog")
        self.setWindowTitle(self.tr("Manage Tags"))
        self.setModal(False)
        self.resize(460, 520)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Highlights"), self.tr("Articles")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("tagManagerFilter")
        self.filter.setPlaceholderText(self.tr("Filter tags"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeView(self)
        self.tree.setObjectName("tagTree")
        self.tree.setAccessibleName(self.tr("Tags"))
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(
            self.tr("No tags yet. Tag a highlight in the notes panel, or articles with Article → Tags…"), self
        )
        self.empty.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("&Rename…"), self)
        self.rename_button.setObjectName("renameTagButton")
        self.merge_button = QPushButton(self.tr("&Merge Into…"), self)
        self.merge_button.setObjectName("mergeTagsButton")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("deleteTagButton")
        buttons = QHBoxLayout()
        for button in (self.rename_button, self.merge_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        hint = QLabel(
            self.tr(
                "A tag written parent/child sits under its parent; a filter on the parent finds its children. "
                "Renaming, merging or deleting a tag does the same to its children. Edit → Undo takes it back."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(close)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.update_buttons()

    def set_tags(self, tags: list[TagInfo]) -> None:
        """Show `tags` (parents before their children, as `library.tags.list()` gives them), keeping the
        selection and what is expanded."""
        selected = set(self.selected_names())
        collapsed = {
            n for n, item in self._items().items() if not self.tree.isExpanded(self._view_index(item))
        }
        self.model.removeRows(0, self.model.rowCount())
        items: dict[str, QStandardItem] = {}
        for info in tags:
            name_item = QStandardItem(info.name.rsplit("/", 1)[-1])
            name_item.setData(info.name, NAME_ROLE)
            name_item.setToolTip(info.name)
            if not info.used:
                font = name_item.font()
                font.setItalic(True)
                name_item.setFont(font)
            counts = [
                QStandardItem(local_number(info.highlights)),
                QStandardItem(local_number(info.articles)),
            ]
            for item in counts:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            parent = items.get(info.parent or "")
            (parent or self.model.invisibleRootItem()).appendRow([name_item, *counts])
            items[info.name] = name_item
        self.tree.expandAll()
        for name in collapsed & set(items):
            self.tree.collapse(self._view_index(items[name]))
        selection = self.tree.selectionModel()
        for name in selected & set(items):
            selection.select(
                self._view_index(items[name]),
                selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
            )
        self.tree.setVisible(bool(tags))
        self.empty.setVisible(not tags)
        self.update_buttons()

    def _items(self) -> dict[str, QStandardItem]:
        found: dict[str, QStandardItem] = {}
        stack = [self.model.invisibleRootItem()]
        while stack:
            item = stack.pop()
            for row in range(item.rowCount()):
                child = item.child(row, 0)
                found[str(child.data(NAME_ROLE))] = child
                stack.append(child)
        return found

    def _view_index(self, item: QStandardItem) -> QModelIndex:
        return self.proxy.mapFromSource(item.index())

    def selected_names(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [str(self.proxy.mapToSource(i).data(NAME_ROLE)) for i in rows]

    def select(self, names: list[str]) -> None:
        items = self._items()
        selection = self.tree.selectionModel()
        selection.clearSelection()
        for name in names:
            if name in items:
                selection.select(
                    self._view_index(items[name]),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def update_buttons(self) -> None:
        count = len(self.selected_names())
        self.rename_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count >= 1)
        self.delete_button.setEnabled(count >= 1)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self.tree.expandAll()


class TagManager(QObject):
    """Edit → Manage Tags…: the dialog, and the undoable edits it asks for."""

    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self.dialog: TagManagerDialog | None = None
        self.action = QAction(self.tr("Manage &Tags…"), self)
        self.action.setObjectName("manageTagsAction")
        self.action.triggered.connect(self.show)
        shell.add_action(self.action, Menu.EDIT)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        shell.library_changed.connect(self._on_change)

    def show(self) -> TagManagerDialog:
        if self.dialog is None:
            self.dialog = TagManagerDialog(self._shell.dialog_parent())
            self.dialog.rename_button.clicked.connect(self.ask_rename)
            self.dialog.merge_button.clicked.connect(self.ask_merge)
            self.dialog.delete_button.clicked.connect(self.ask_delete)
            self.dialog.tree.doubleClicked.connect(lambda _i: self.ask_rename())
        self.refresh()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def refresh(self) -> None:
        if self.dialog is not None:
            self.dialog.set_tags(self._library.tags.list())

    def close(self) -> None:
        """The window is closing (the library closes next): no refresh may come after."""
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.close()

    def _on_change(self, change: Change) -> None:
        if change.kind in _TAG_CHANGES and self.dialog is not None and self.dialog.isVisible():
            self._timer.start()

    # the edits (also what tests call) -----------------------------------------------------------
    def rename(self, old: str, new: str) -> bool:
        tags = self._library.tags
        return self._push(
            lambda: tags.rename(old, new),
            self.tr("Rename Tag {old} to {new}").format(old=old, new=new.strip()),
        )

    def merge(self, sources: list[str], into: str) -> bool:
        tags = self._library.tags
        text = self.tr("Merge Tags into {tag}").format(tag=into.strip())
        return self._push(lambda: tags.merge(sources, into), text)

    def delete(self, names: list[str]) -> bool:
        tags = self._library.tags
        return self._push(
            lambda: tags.delete(*names), self.tr("Delete Tags {tags}").format(tags=", ".join(names))
        )

    def _push(self, run: Callable[[], TagEdit], text: str) -> bool:
        try:
            edit = run()
        except HawamishError as error:
            self._shell.show_error(error, self.tr("Manage Tags"))
            return False
        self._shell.undo_stack.push(TagEditCommand(self._library.tags, edit, run, text))
        self.refresh()
        return True

    # asking ------------------------------------------------------------------------------------------
    def ask_rename(self) -> None:
        if self.dialog is None or len(self.dialog.selected_names()) != 1:
            return
        old = self.dialog.selected_names()[0]
        new, ok = QInputDialog.getText(
            self.dialog, self.tr("Rename Tag"), self.tr("New name for {tag} (its children follow):").format(tag=old),
            QLineEdit.EchoMode.Normal, old,
        )  # fmt: skip
        if ok and new.strip() and new.strip() != old and self.rename(old, new):
            self.dialog.select([new.strip()])

    def ask_merge(self) -> None:
        if self.dialog is None:
            return
        sources = self.dialog.selected_names()
        if not sources:
            return
        choices = [n for n in self._library.tags.names() if n not in sources]
        into, ok = QInputDialog.getItem(
            self.dialog, self.tr("Merge Tags"),
            self.tr("Merge %n tag(s) into (an existing tag or a new name):", "", len(sources)),
            choices, 0, True,
        )  # fmt: skip
        if ok and into.strip() and self.merge(sources, into):
            self.dialog.select([into.strip()])

    def ask_delete(self) -> None:
        if self.dialog is None:
            return
        names = self.dialog.selected_names()
        if not names:
            return
        answer = QMessageBox.question(
            self.dialog,
            self.tr("Delete Tags"),
            self.tr(
                "Take {tags} and their children off every highlight and article? Edit → Undo puts them back."
            ).format(tags=", ".join(names)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(names)
