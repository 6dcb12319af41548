"""Keeping the search index in step with SQLite: written once, used by the GUI's index worker and the commands.

The index re-derives an article's documents (the article and its highlights) from SQLite, so knowing which
articles a batch of changes touched is enough, whatever the kind of change was. Changes are collected as
they come (from any thread) and written in one commit per batch by whoever runs `apply` (the GUI's one index
worker; a command before it searches runs `catch_up`, which compares the whole index with SQLite).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.core.changes import Change, ChangeKind, ChangeOp

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.search.index import SearchIndex, SyncReport

#: Change kinds that touch indexed documents (label names and colours are not indexed: only the key is).
INDEXED_KINDS = frozenset(
    {ChangeKind.ARTICLE, ChangeKind.HIGHLIGHT, ChangeKind.ARTICLE_NOTE, ChangeKind.LIBRARY}
)


def merge_changes(changes: Iterable[Change]) -> Change | None:
    """One change naming every article the batch touched, so the batch is written in one commit; a LIBRARY
    change (everything may differ) absorbs the rest; None when nothing indexed changed."""
    article_ids: set[int] = set()
    for change in changes:
        if change.kind == ChangeKind.LIBRARY:
            return change
        if change.kind not in INDEXED_KINDS:
            continue
        article_ids.update(change.article_ids or (change.ids if change.kind == ChangeKind.ARTICLE else ()))
    if not article_ids:
        return None
    return Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, (), tuple(sorted(article_ids)))


class IndexKeeper:
    """Pending changes of one library and the way they reach its index."""

    def __init__(self, index: Callable[[], SearchIndex]) -> None:
        self._index = index
        self._lock = threading.Lock()
        self._pending: list[Change] = []

    @staticmethod
    def is_indexed(change: Change) -> bool:
        return change.kind in INDEXED_KINDS

    def add(self, change: Change) -> None:
        """Remember a change for the next `apply` (any thread)."""
        if self.is_indexed(change):
            with self._lock:
                self._pending.append(change)

    def take(self) -> Change | None:
        """The pending changes merged into one (and forgotten), or None."""
        with self._lock:
            pending, self._pending = self._pending, []
        return merge_changes(pending)

    def discard_pending(self) -> None:
        """Forget the pending changes (a full sync is about to read everything from SQLite anyway)."""
        with self._lock:
            self._pending.clear()

    def apply(self, change: Change, *, timeout: float | None = None) -> SyncReport:
        """Write what `change` (usually a merged batch) touched; a LIBRARY change compares everything."""
        if change.kind == ChangeKind.LIBRARY:
            return self.catch_up(timeout=timeout)
        return self._index().update_for_change(change, timeout=timeout)

    def catch_up(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        *,
        timeout: float | None = None,
        index: SearchIndex | None = None,
    ) -> SyncReport:
        """Bring the whole index in step with SQLite: cheap when nothing changed; a rebuild when it is
        missing, stale or corrupt. `index`: another SearchIndex of the library to do it with (the command
        line's, which may rebuild on two processes)."""
        return (index or self._index()).sync(progress, cancel, timeout=timeout)
