"""What a write changed: the typed events the `Library` emits after each call that changed something.

Listeners (the GUI's views, the search index keeper) decide from a `Change` what to refresh, as Anki's
screens do from `OpChanges`; no screen asks another for data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum


class ChangeKind(StrEnum):
    ARTICLE = "article"  # text, metadata or tags of articles
    HIGHLIGHT = "highlight"  # highlights, their notes and tags
    ARTICLE_NOTE = "article_note"  # an article's own note
    LABELS = "labels"  # colour labels (names, colours, order)
    COLLECTIONS = "collections"  # the set of collections or their names (membership: ARTICLE updates too)
    PAGE = "page"  # research pages (ids are page ids; a page reads its quotes live, so no article ids)
    SAVED_SEARCHES = "saved_searches"  # the saved searches (their names, queries, filters)
    LIBRARY = "library"  # everything may have changed (a restore replaced the content)


class ChangeOp(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class Change:
    """`ids` are of the kind's objects (article or highlight ids, label keys are not listed);
    `article_ids` are the articles whose content the change touched."""

    kind: ChangeKind
    op: ChangeOp
    ids: tuple[int, ...] = ()
    article_ids: tuple[int, ...] = field(default=())


Listener = Callable[[Change], None]
