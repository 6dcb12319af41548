"""Undo commands for managing the library: metadata, tags, collections, deleting articles.

Every step (do, undo, redo) writes through the Library at once, as the annotation commands do: the undo stack
only remembers how to reverse a change. The list, the reader and the collections panel refresh from the
Library's changes, never from the commands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.models import DeletedArticles
from reader.gui.shell import Shell


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryCommands", text)


class LibraryCommand(QUndoCommand):
    """A command whose first step runs before it is pushed (`run_command`): a write the library refuses (a
    name taken, an article gone) is reported and never reaches the undo stack."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._already_done = False

    def do(self) -> None:
        raise NotImplementedError

    def mark_done(self) -> None:
        """`do()` has run: the push's own call of redo() does nothing."""
        self._already_done = True

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self.do()


def run_command(shell: Shell, command: LibraryCommand) -> bool:
    """Do the command's first step and push it on the window's undo stack; a write the library refuses is
    shown (and nothing is pushed)."""
    try:
        command.do()
    except HawamishError as exc:
        shell.show_error(exc)
        return False
    command.mark_done()
    shell.undo_stack.push(command)
    return True


@dataclass(frozen=True, slots=True)
class ArticleDetails:
    """What the metadata dialog edits of one article: its metadata fields, tags and collections."""

    meta: dict[str, str]  # title, author, outlet, url, published, language
    tags: tuple[str, ...] = ()
    collections: frozenset[str] = field(default_factory=frozenset)


def read_details(library: Library, article_id: int) -> ArticleDetails:
    article = library.articles.get(article_id)
    meta = {
        "title": article.title,
        "author": article.author,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
    }
    collections = library.articles.collections_of([article_id]).get(article_id, [])
    return ArticleDetails(meta, tuple(library.articles.tags(article_id)), frozenset(collections))


class EditMetadataCommand(LibraryCommand):
    """One save of the metadata dialog: changed fields, the tags, the collections; undo puts back the old
    ones (a collection this save created is deleted again)."""

    def __init__(
        self, library: Library, article_id: int, before: ArticleDetails, after: ArticleDetails
    ) -> None:
        super().__init__(_tr("Edit metadata"))
        self.library = library
        self.article_id = article_id
        self.before = before
        self.after = after
        self._created: list[str] = []  # collections the first redo made

    def _apply(self, old: ArticleDetails, new: ArticleDetails) -> None:
        articles, collections = self.library.articles, self.library.collections
        changed = {k: v for k, v in new.meta.items() if old.meta.get(k) != v}
        if changed:
            articles.update_meta(self.article_id, **changed)
        if sorted(new.tags) != sorted(old.tags):
            articles.set_tags(self.article_id, new.tags)
        for name in sorted(old.collections - new.collections):
            collections.remove(name, [self.article_id])
        for name in sorted(new.collections - old.collections):
            collections.add(name, [self.article_id])

    def do(self) -> None:
        existing = set(self.library.collections.names())
        self._apply(self.before, self.after)
        self._created = sorted(set(self.after.collections) - existing)

    def undo(self) -> None:
        self._apply(self.after, self.before)
        for name in self._created:
            self.library.collections.delete(name)


class DeleteArticlesCommand(LibraryCommand):
    """Delete articles with their highlights, notes, tags and memberships; undo restores them (same ids).

    `after_undo` is told the restored ids (the window may show the article that was open again)."""

    def __init__(
        self,
        library: Library,
        article_ids: Sequence[int],
        after_undo: Callable[[list[int]], None] | None = None,
    ) -> None:
        super().__init__(_tr("Delete articles"))
        self.library = library
        self.article_ids = list(article_ids)
        self.deleted: DeletedArticles | None = None
        self._after_undo = after_undo

    def do(self) -> None:
        self.deleted = self.library.articles.delete_many(self.article_ids)

    def undo(self) -> None:
        if self.deleted is None:
            return
        restored = self.library.articles.restore_deleted(self.deleted)
        self.deleted = None
        if self._after_undo is not None:
            self._after_undo(restored)


class ChangeTagsCommand(LibraryCommand):
    """Add and remove tags on several articles; undo gives each article its own tags back."""

    def __init__(
        self, library: Library, article_ids: Sequence[int], add: Sequence[str], remove: Sequence[str]
    ) -> None:
        super().__init__(_tr("Change tags"))
        self.library = library
        self.article_ids = list(article_ids)
        self.add = list(add)
        self.remove = list(remove)
        self.before = library.articles.tags_of(self.article_ids)

    def do(self) -> None:
        self.library.articles.change_tags(self.article_ids, add=self.add, remove=self.remove)

    def undo(self) -> None:
        for article_id in self.article_ids:
            self.library.articles.set_tags(article_id, self.before.get(article_id, []))


class AddToCollectionCommand(LibraryCommand):
    """Put articles in a collection (made when missing); undo takes out those it added (and deletes the
    collection again if it made it)."""

    def __init__(self, library: Library, name: str, article_ids: Sequence[int]) -> None:
        super().__init__(_tr("Add to collection"))
        self.library = library
        self.name = name
        self.article_ids = list(article_ids)
        self.added: list[int] = []
        self.created = False

    def do(self) -> None:
        collections = self.library.collections
        self.created = self.name not in collections.names()
        self.added = collections.add(self.name, self.article_ids)

    def undo(self) -> None:
        collections = self.library.collections
        if self.created:
            collections.delete(self.name)
        elif self.added:
            collections.remove(self.name, self.added)


class RemoveFromCollectionCommand(LibraryCommand):
    """Take articles out of a collection; undo puts back those it took out."""

    def __init__(self, library: Library, name: str, article_ids: Sequence[int]) -> None:
        super().__init__(_tr("Remove from collection"))
        self.library = library
        self.name = name
        self.article_ids = list(article_ids)
        self.removed: list[int] = []

    def do(self) -> None:
        self.removed = self.library.collections.remove(self.name, self.article_ids)

    def undo(self) -> None:
        if self.removed:
            self.library.collections.add(self.name, self.removed, create=False)


class CreateCollectionCommand(LibraryCommand):
    def __init__(self, library: Library, name: str) -> None:
        super().__init__(_tr("New collection"))
        self.library = library
        self.name = name

    def do(self) -> None:
        self.name = self.library.collections.create(self.name).name

    def undo(self) -> None:
        self.library.collections.delete(self.name)


class RenameCollectionCommand(LibraryCommand):
    def __init__(self, library: Library, old: str, new: str) -> None:
        super().__init__(_tr("Rename collection"))
        self.library = library
        self.old = old
        self.new = " ".join(new.split())

    def do(self) -> None:
        self.library.collections.rename(self.old, self.new)

    def undo(self) -> None:
        self.library.collections.rename(self.new, self.old)


class DeleteCollectionCommand(LibraryCommand):
    """Delete a collection (its articles stay in the library); undo makes it again with the same members."""

    def __init__(self, library: Library, name: str) -> None:
        super().__init__(_tr("Delete collection"))
        self.library = library
        self.name = name
        self.members: list[int] = []

    def do(self) -> None:
        self.members = self.library.collections.delete(self.name)

    def undo(self) -> None:
        collections = self.library.collections
        if self.members:
            collections.add(self.name, self.members)
        else:
            collections.create(self.name)
