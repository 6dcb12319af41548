"""What the user can do to articles from the library list: edit metadata, tag, collect, delete, with undo.

The actions act on the articles selected in the list (the open article when none is), from the list's
context menu, the Article menu and the article view's context menu. Each request becomes one command
(library_commands.py) whose first step runs before it is pushed on the window's undo stack, so a write the
library refuses is reported and leaves no step behind. Questions are asked with non-blocking boxes
(common/dialogs.py) that tests can answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QTableView

from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.gui.common.dialogs import ask_text, confirm
from reader.gui.common.error_text import describe_error
from reader.gui.library.library_commands import (
    AddToCollectionCommand,
    ArticleDetails,
    ChangeTagsCommand,
    DeleteArticlesCommand,
    EditMetadataCommand,
    LibraryCommand,
    RemoveFromCollectionCommand,
    read_details,
    run_command,
)
from reader.gui.library.library_model import LibraryModel
from reader.gui.library.metadata_dialog import MetadataDialog
from reader.gui.library.tags_dialog import ArticleTagsDialog
from reader.gui.shell import Menu, Shell
from reader.messages import isolate

#: F2 edits an article's metadata (Ctrl+I is File → Import…).
EDIT_METADATA_SHORTCUT = QKeySequence(Qt.Key.Key_F2)


class LibraryActions(QObject):
    """The article commands of the library list and the Article menu."""

    def __init__(
        self,
        library: Library,
        shell: Shell,
        view: QTableView,
        model: LibraryModel,
        selected_ids: Callable[[], list[int]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._view = view
        self._model = model
        self._selected_ids = selected_ids
        self._menu_extenders: list[Callable[[QMenu, list[int]], None]] = []
        #: the last dialog or question opened (tests answer it)
        self.metadata_dialog: MetadataDialog | None = None
        self.tags_dialog: ArticleTagsDialog | None = None
        self.question: QMessageBox | None = None
        self.name_dialog: QInputDialog | None = None
        self._shown_instead: int | None = None  # the article opened in place of a deleted one

        self.edit_action = QAction(self.tr("Edit &Metadata…"), self)
        self.edit_action.setObjectName("editMetadataAction")
        self.edit_action.setShortcut(EDIT_METADATA_SHORTCUT)
        self.edit_action.setStatusTip(self.tr("Title, author, outlet, date, language, tags and collections"))
        # triggered(checked) must not reach the methods as their ids: each is called without arguments
        self.edit_action.triggered.connect(lambda _checked=False: self.edit_metadata())
        self.tags_action = QAction(self.tr("&Tags…"), self)
        self.tags_action.setObjectName("articleTagsAction")
        self.tags_action.triggered.connect(lambda _checked=False: self.edit_tags())
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.delete_action.setObjectName("deleteArticlesAction")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # only in the list: Delete in the notes panel deletes a highlight, in a text field a character
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(lambda _checked=False: self.delete_articles())
        view.addAction(self.delete_action)

        self.add_menu = QMenu(self.tr("Add to &Collection"), view)
        self.add_menu.setObjectName("addToCollectionMenu")
        self.add_menu.aboutToShow.connect(self.fill_add_menu)
        self.remove_menu = QMenu(self.tr("&Remove from Collection"), view)
        self.remove_menu.setObjectName("removeFromCollectionMenu")
        self.remove_menu.aboutToShow.connect(self.fill_remove_menu)

        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_context_menu)

    def add_menu_entries(self) -> None:
        """List the actions in the window's Article menu and the article view's context menu (once the
        window's menus exist)."""
        shell = self._shell
        shell.extend_article_menu(self._extend_article_menu)
        # a double click on the article's title or byline edits them (the header shows the metadata)
        shell.article_view.header_activated.connect(self.edit_metadata)
        shell.add_action(self.edit_action, Menu.ARTICLE)
        shell.add_action(self.tags_action, Menu.ARTICLE)
        shell.add_submenu(self.add_menu, Menu.ARTICLE)
        shell.add_submenu(self.remove_menu, Menu.ARTICLE)
        shell.add_action(self.delete_action, Menu.ARTICLE, separated=True)
        shell.remove_action(self.delete_action)  # listed in the menu; its shortcut stays the list's own

    # which articles --------------------------------------------------------------------------------
    def targets(self) -> list[int]:
        """The articles selected in the list, or the open article when none is."""
        ids = self._selected_ids()
        if ids:
            return ids
        article = self._shell.article_view.article
        return [article.id] if article is not None else []

    def _open_id(self) -> int | None:
        article = self._shell.article_view.article
        return article.id if article is not None else None

    def _edit_target(self) -> int | None:
        ids = self.targets()
        open_id = self._open_id()
        if open_id is not None and (open_id in ids or not ids):
            return open_id
        return ids[0] if ids else None

    def run_command(self, command: LibraryCommand) -> bool:
        return run_command(self._shell, command)

    # menus -----------------------------------------------------------------------------------------
    def build_context_menu(self) -> QMenu:
        """The list's context menu (the caller shows and deletes it)."""
        menu = QMenu(self._view)
        has_targets = bool(self.targets())
        for action in (self.edit_action, self.tags_action):
            action.setEnabled(has_targets)
            menu.addAction(action)
        menu.addMenu(self.add_menu)
        menu.addMenu(self.remove_menu)
        self.add_menu.setEnabled(has_targets)
        self.remove_menu.setEnabled(has_targets)
        for extend in self._menu_extenders:  # other features' entries (More Like This)
            extend(menu, self.targets())
        menu.addSeparator()
        self.delete_action.setEnabled(has_targets)
        menu.addAction(self.delete_action)
        return menu

    def extend_context_menu(self, extend: Callable[[QMenu, list[int]], None]) -> None:
        """Add entries to the list's context menu each time it opens, given the articles it acts on (the
        window wires it)."""
        self._menu_extenders.append(extend)

    def show_context_menu(self, pos: QPoint) -> None:
        menu = self.build_context_menu()
        menu.exec(self._view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def fill_add_menu(self) -> None:
        """Add to Collection ▸ every collection, then New Collection…"""
        menu = self.add_menu
        menu.clear()
        for info in self._library.collections.list():
            action = menu.addAction(info.name)
            action.triggered.connect(lambda _=False, name=info.name: self.add_to_collection(name))
        if menu.actions():
            menu.addSeparator()
        new = menu.addAction(self.tr("New Collection…"))
        new.setObjectName("newCollectionForSelection")
        new.triggered.connect(self.ask_new_collection)

    def fill_remove_menu(self) -> None:
        """Remove from Collection ▸ the collections the chosen articles are in."""
        menu = self.remove_menu
        menu.clear()
        memberships = self._library.articles.collections_of(self.targets())
        names = sorted({name for names in memberships.values() for name in names})
        for name in names:
            action = menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.remove_from_collection(n))
        if not names:
            none = menu.addAction(self.tr("In no collection"))
            none.setEnabled(False)

    def _extend_article_menu(self, menu: QMenu, _pos: QPoint) -> None:
        if self._shell.article_view.article is not None:
            menu.addSeparator()
            menu.addAction(self.edit_action)

    # metadata --------------------------------------------------------------------------------------
    def edit_metadata(self, article_id: int | None = None) -> MetadataDialog | None:
        """Open the metadata dialog of an article (the open or selected one by default)."""
        article_id = article_id if article_id is not None else self._edit_target()
        if article_id is None:
            return None
        try:
            before = read_details(self._library, article_id)
        except HawamishError as exc:
            self._shell.show_error(exc)
            return None
        dialog = MetadataDialog(
            before,
            self._library.tags_in_use(),
            self._library.collections.names(),
            self._shell.dialog_parent(),
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda after: self._save_metadata(dialog, article_id, before, after))
        self.metadata_dialog = dialog
        dialog.open()
        return dialog

    def _save_metadata(
        self, dialog: MetadataDialog, article_id: int, before: ArticleDetails, after: ArticleDetails
    ) -> None:
        from reader.core.library.articles import validate_meta

        changed = {k: v for k, v in after.meta.items() if before.meta.get(k) != v}
        try:
            clean = validate_meta(changed)
        except HawamishError as exc:
            field = str(exc.fields.get("field", "title"))
            dialog.show_error(field, self.field_problem(field, exc))
            return
        after = replace(after, meta={**after.meta, **clean})
        unchanged = (
            after.meta == before.meta
            and sorted(after.tags) == sorted(before.tags)
            and after.collections == before.collections
        )
        if unchanged or self.run_command(EditMetadataCommand(self._library, article_id, before, after)):
            dialog.accept()

    def field_problem(self, field: str, error: HawamishError) -> str:
        """What is wrong with a field, in a sentence that says how to write it."""
        if field == "published":
            return self.tr("Write the date as a year, a month or a day: 2015, 2015-07 or 2015-07-21.")
        if field == "title":
            return self.tr("An article needs a title.")
        if field == "language":
            return self.tr("Write the language as a short code, such as ar, en or fr.")
        return describe_error(error)

    # tags ------------------------------------------------------------------------------------------
    def edit_tags(self, article_ids: Sequence[int] | None = None) -> ArticleTagsDialog | None:
        ids = list(article_ids) if article_ids is not None else self.targets()
        if not ids:
            return None
        found = self._library.articles.tags_of(ids)
        dialog = ArticleTagsDialog(
            {i: found.get(i, []) for i in ids}, self._library.tags_in_use(), self._shell.dialog_parent()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.save_requested.connect(lambda add, remove: self.change_tags(ids, add, remove))
        self.tags_dialog = dialog
        dialog.open()
        return dialog

    def change_tags(self, article_ids: Sequence[int], add: Sequence[str], remove: Sequence[str]) -> bool:
        if not article_ids or not (add or remove):
            return False
        return self.run_command(ChangeTagsCommand(self._library, article_ids, add, remove))

    # collections -----------------------------------------------------------------------------------
    def add_to_collection(self, name: str, article_ids: Sequence[int] | None = None) -> bool:
        ids = list(article_ids) if article_ids is not None else self.targets()
        if not ids:
            return False
        return self.run_command(AddToCollectionCommand(self._library, name, ids))

    def ask_new_collection(self) -> None:
        """Ask for a name, then put the chosen articles in a new collection of that name."""
        ids = self.targets()
        if not ids:
            return
        self.name_dialog = ask_text(
            self._shell.dialog_parent(),
            self.tr("New Collection"),
            self.tr("Name of the new collection:"),
            lambda name: self.add_to_collection(name, ids),
            object_name="newCollectionDialog",
        )

    def remove_from_collection(self, name: str, article_ids: Sequence[int] | None = None) -> bool:
        ids = list(article_ids) if article_ids is not None else self.targets()
        if not ids:
            return False
        return self.run_command(RemoveFromCollectionCommand(self._library, name, ids))

    # deleting --------------------------------------------------------------------------------------
    def delete_articles(self, article_ids: Sequence[int] | None = None) -> QMessageBox | None:
        """Ask whether to delete the articles (with how many highlights go with them), then delete them."""
        ids = list(article_ids) if article_ids is not None else self.targets()
        if not ids:
            return None
        self.question = confirm(
            self._shell.dialog_parent(),
            self.tr("Delete Articles"),
            self.delete_question(ids),
            self.tr("Delete"),
            lambda: self.delete_now(ids),
            informative=self.tr("Edit → Undo brings them back with their highlights and notes."),
            object_name="deleteArticlesBox",
        )
        return self.question

    def delete_question(self, ids: Sequence[int]) -> str:
        rows = [self._model.article(i) for i in ids]
        highlights = sum(r.highlight_count for r in rows if r is not None)
        if len(ids) == 1 and rows[0] is not None:
            title = isolate(rows[0].title)
            if highlights:
                counted = self.tr("%Ln highlight(s)", "", highlights)
                return self.tr("Delete “{title}” with its {highlights}?").format(
                    title=title, highlights=counted
                )
            return self.tr("Delete “{title}”?").format(title=title)
        articles = self.tr("%Ln article(s)", "", len(ids))
        if highlights:
            counted = self.tr("%Ln highlight(s)", "", highlights)
            return self.tr("Delete {articles} with their {highlights}?").format(
                articles=articles, highlights=counted
            )
        return self.tr("Delete {articles}?").format(articles=articles)

    def delete_now(self, article_ids: Sequence[int]) -> bool:
        """Delete without asking (undoable); the reader moves on to the next article in the list."""
        ids = list(article_ids)
        open_id = self._open_id()
        following = self._next_article(open_id, ids) if open_id in ids else None
        command = DeleteArticlesCommand(
            self._library, ids, after_undo=lambda restored: self._after_undo_delete(open_id, restored)
        )
        if not self.run_command(command):
            return False
        self._shown_instead = None
        if following is not None and self._shell.open_article(following):
            self._shown_instead = following
        return True

    def _next_article(self, open_id: int, deleted: Sequence[int]) -> int | None:
        """The article after `open_id` in the list that is not being deleted (else the one before it)."""
        order = self._model.shown_ids()
        if open_id not in order:
            return None
        gone = set(deleted)
        at = order.index(open_id)
        after = (i for i in order[at + 1 :] if i not in gone)
        before = (i for i in reversed(order[:at]) if i not in gone)
        return next(after, None) or next(before, None)

    def _after_undo_delete(self, open_id: int | None, restored: list[int]) -> None:
        """The article open before the delete comes back to the reader, unless the user moved on."""
        if open_id is None or open_id not in restored:
            return
        now = self._open_id()
        if now is None or now == self._shown_instead:
            self._shell.open_article(open_id)
