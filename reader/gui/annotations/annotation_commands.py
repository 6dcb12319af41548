"""Undo commands for highlights and notes, pushed on MainWindow.undo_stack.

Every command writes through the Library's services (`library.highlights`, `library.articles`), so each step (do, undo, redo) is committed to SQLite when it
happens: the undo stack only remembers how to reverse a change, it never holds unsaved state. Views refresh
from the Library's change notifications, never from the commands.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.core.library.articles import Articles
from reader.core.library.highlights import Highlights
from reader.core.models import Highlight

#: QUndoCommand.id() of note edits: consecutive edits of one note merge into one undo step.
NOTE_EDIT_ID = 7301
ARTICLE_NOTE_EDIT_ID = 7302


class CreateHighlightCommand(QUndoCommand):
    """Create a highlight; undo deletes it, redo puts the same row back (same id, same times)."""

    def __init__(
        self,
        store: Highlights,
        article_id: int,
        start: int,
        end: int,
        *,
        color: str,
        style: str = "background",
        note: str = "",
        tags: Sequence[str] = (),
    ) -> None:
        super().__init__(QCoreApplication.translate("AnnotationCommands", "Highlight"))
        self.store = store
        self._args: dict[str, Any] = {"color": color, "style": style, "note": note, "tags": tuple(tags)}
        self._where = (article_id, start, end)
        self.highlight: Highlight | None = None

    def redo(self) -> None:
        if self.highlight is None:
            self.highlight = self.store.create(*self._where, **self._args)
        else:
            self.store.restore(self.highlight)

    def undo(self) -> None:
        if self.highlight is not None:
            self.store.delete(self.highlight.id)


class UpdateHighlightCommand(QUndoCommand):
    """Change some of a highlight's colour, style, note or tags; undo writes the old values back."""

    FIELDS = ("color", "style", "note", "tags")

    def __init__(self, store: Highlights, before: Highlight, text: str, **changes: Any) -> None:
        super().__init__(text)
        unknown = set(changes) - set(self.FIELDS)
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)} with an update command")
        self.store = store
        self.highlight_id = before.id
        self.before = {k: _copy(getattr(before, k)) for k in changes}
        self.after = {k: _copy(v) for k, v in changes.items()}

    def redo(self) -> None:
        self.store.update(self.highlight_id, **self.after)

    def undo(self) -> None:
        self.store.update(self.highlight_id, **self.before)


class RecolorCommand(UpdateHighlightCommand):
    def __init__(self, store: Highlights, before: Highlight, color: str) -> None:
        super().__init__(
            store, before, QCoreApplication.translate("AnnotationCommands", "Change colour"), color=color
        )


class RestyleCommand(UpdateHighlightCommand):
    def __init__(self, store: Highlights, before: Highlight, style: str) -> None:
        super().__init__(
            store, before, QCoreApplication.translate("AnnotationCommands", "Change style"), style=style
        )


class EditTagsCommand(UpdateHighlightCommand):
    def __init__(self, store: Highlights, before: Highlight, tags: Sequence[str]) -> None:
        super().__init__(
            store, before, QCoreApplication.translate("AnnotationCommands", "Edit tags"), tags=list(tags)
        )


class EditNoteCommand(UpdateHighlightCommand):
    """A note edit. Saves that follow each other while typing merge, so one Ctrl+Z undoes the typing run."""

    def __init__(self, store: Highlights, before: Highlight, note: str) -> None:
        super().__init__(
            store, before, QCoreApplication.translate("AnnotationCommands", "Edit note"), note=note
        )

    def id(self) -> int:
        return NOTE_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditNoteCommand) or other.highlight_id != self.highlight_id:
            return False
        self.after = dict(other.after)
        return True


class DeleteHighlightCommand(QUndoCommand):
    """Delete a highlight; undo restores it whole (same id, note, tags and times)."""

    def __init__(self, store: Highlights, highlight: Highlight) -> None:
        super().__init__(QCoreApplication.translate("AnnotationCommands", "Delete highlight"))
        self.store = store
        self.highlight = highlight

    def redo(self) -> None:
        self.store.delete(self.highlight.id)

    def undo(self) -> None:
        self.store.restore(self.highlight)


class ReattachHighlightCommand(QUndoCommand):
    """Give an orphan (or any highlight) a new place; undo puts the old row back as it was (orphan flag,
    old position and quote included)."""

    def __init__(self, store: Highlights, old: Highlight, start: int, end: int) -> None:
        super().__init__(QCoreApplication.translate("AnnotationCommands", "Re-attach highlight"))
        self.store = store
        self.old = old
        self._range = (start, end)

    def redo(self) -> None:
        self.store.reattach(self.old.id, *self._range)

    def undo(self) -> None:
        self.store.restore(self.old)


class ArticleNoteCommand(QUndoCommand):
    """Edit the article-level note; consecutive saves of one article's note merge into one step."""

    def __init__(self, articles: Articles, article_id: int, before: str, after: str) -> None:
        super().__init__(QCoreApplication.translate("AnnotationCommands", "Edit article note"))
        self.articles = articles
        self.article_id = article_id
        self.before = before
        self.after = after

    def redo(self) -> None:
        self.articles.set_note(self.article_id, self.after)

    def undo(self) -> None:
        self.articles.set_note(self.article_id, self.before)

    def id(self) -> int:
        return ARTICLE_NOTE_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ArticleNoteCommand) or other.article_id != self.article_id:
            return False
        self.after = other.after
        return True


def _copy(value: Any) -> Any:
    """Tags are lists: keep the command's own copy so later edits of the highlight cannot change it."""
    if isinstance(value, (list, tuple)):
        return list(value)
    return value


__all__ = [
    "ArticleNoteCommand",
    "CreateHighlightCommand",
    "DeleteHighlightCommand",
    "EditNoteCommand",
    "EditTagsCommand",
    "ReattachHighlightCommand",
    "RecolorCommand",
    "RestyleCommand",
    "UpdateHighlightCommand",
]
