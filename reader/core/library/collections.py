"""Collections of a library: named sets of articles (an article may be in several).

Membership changes are ARTICLE updates of the articles concerned (a collection is part of an article's
search document and of the library list's filters); creating, renaming and deleting a collection is also a
COLLECTIONS change, for lists of collections.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.events import Events, utc_now
from reader.core.models import CollectionInfo
from reader.core.storage import Database
from reader.core.storage import articles as article_rows
from reader.core.storage import collections as rows


def clean_name(name: str) -> str:
    """A collection name with its spaces tidied (INVALID_NAME when nothing is left)."""
    clean = " ".join(str(name).split())
    if not clean:
        raise HawamishError(ErrorCode.INVALID_NAME, value=name)
    return clean


class Collections:
    def __init__(self, db: Database, events: Events) -> None:
        self._db = db
        self._events = events

    def list(self) -> builtins.list[CollectionInfo]:
        """Every collection with its number of articles, by name."""
        with self._db.read() as tx:
            return rows.list_all(tx)

    def names(self) -> builtins.list[str]:
        return [c.name for c in self.list()]

    def articles(self, name: str) -> builtins.list[int]:
        """Ids of the articles in a collection (NOT_FOUND when there is no such collection)."""
        with self._db.read() as tx:
            return rows.member_ids(tx, rows.require(tx, name))

    def create(self, name: str) -> CollectionInfo:
        """A new, empty collection (COLLECTION_EXISTS when the name is taken)."""
        name = clean_name(name)
        with self._db.write() as tx:
            collection_id = rows.create(tx, name, utc_now())
        self._changed()
        return CollectionInfo(collection_id, name, 0)

    def rename(self, old: str, new: str) -> None:
        new = clean_name(new)
        with self._db.write() as tx:
            members = rows.member_ids(tx, rows.require(tx, old))
            rows.rename(tx, old, new)
        self._changed(members)

    def delete(self, name: str) -> builtins.list[int]:
        """Delete a collection (its articles stay in the library); the ids it held."""
        with self._db.write() as tx:
            members = rows.member_ids(tx, rows.require(tx, name))
            rows.delete(tx, name)
        self._changed(members)
        return members

    def add(self, name: str, article_ids: Iterable[int], *, create: bool = True) -> builtins.list[int]:
        """Put articles in a collection (made when missing, unless `create` is false); the ids added."""
        name = clean_name(name)
        wanted = builtins.list(dict.fromkeys(article_ids))
        with self._db.write() as tx:
            for article_id in wanted:
                article_rows.require(tx, article_id)
            existed = rows.find(tx, name) is not None
            collection_id = rows.ensure(tx, name, utc_now()) if create else rows.require(tx, name)
            added = rows.add(tx, collection_id, wanted)
        if not existed:
            self._events.emit(Change(ChangeKind.COLLECTIONS, ChangeOp.ADDED))
        self._members_changed(added)
        return added

    def remove(self, name: str, article_ids: Iterable[int]) -> builtins.list[int]:
        """Take articles out of a collection; the ids removed."""
        with self._db.write() as tx:
            removed = rows.remove(tx, rows.require(tx, name), builtins.list(article_ids))
        self._members_changed(removed)
        return removed

    def _changed(self, members: Iterable[int] = ()) -> None:
        self._events.emit(Change(ChangeKind.COLLECTIONS, ChangeOp.UPDATED))
        self._members_changed(members)

    def _members_changed(self, article_ids: Iterable[int]) -> None:
        ids = tuple(article_ids)
        if ids:
            self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, ids, ids))
