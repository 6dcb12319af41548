"""The library's colour labels: rename, recolour, add, delete (highlights keep the key, DESIGN §3)."""

from __future__ import annotations

import builtins

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.labels import KEY_RE, validate_color
from reader.core.library.events import Events
from reader.core.models import ColorLabel
from reader.core.storage import Database
from reader.core.storage import labels as rows


class Labels:
    """The library's colour labels, ordered by position."""

    def __init__(self, db: Database, events: Events) -> None:
        self._db = db
        self._events = events

    def list(self) -> list[ColorLabel]:
        with self._db.read() as tx:
            return rows.list_all(tx)

    def get(self, key: str) -> ColorLabel:
        with self._db.read() as tx:
            label = rows.get(tx, key)
            if label is None:
                raise HawamishError(
                    ErrorCode.UNKNOWN_LABEL, detail=f"{key!r}; known: {', '.join(rows.keys(tx))}"
                )
        return label

    def keys(self) -> builtins.list[str]:
        with self._db.read() as tx:
            return rows.keys(tx)

    def update(self, key: str, *, name: str | None = None, color: str | None = None) -> ColorLabel:
        """Rename or recolour a label; highlights follow because they store the key."""
        if name is not None and not name.strip():
            raise HawamishError(ErrorCode.EMPTY, detail="label name")
        new_color = validate_color(color) if color is not None else None
        with self._db.write() as tx:
            if not rows.exists(tx, key):
                raise HawamishError(ErrorCode.UNKNOWN_LABEL, detail=repr(key))
            rows.update(tx, key, name=name.strip() if name is not None else None, color=new_color)
        self._events.emit(Change(ChangeKind.LABELS, ChangeOp.UPDATED))
        return self.get(key)

    def add(self, key: str, name: str, color: str) -> ColorLabel:
        """A new label after the existing ones. Keys are short ASCII identifiers (they appear in the CLI)."""
        if not KEY_RE.match(key):
            raise HawamishError(ErrorCode.INVALID_LABEL_KEY, detail=repr(key))
        if not name.strip():
            raise HawamishError(ErrorCode.EMPTY, detail="label name")
        rgb = validate_color(color)
        with self._db.write() as tx:
            if rows.exists(tx, key):
                raise HawamishError(ErrorCode.INVALID_LABEL_KEY, detail=f"{key!r} exists")
            position = rows.insert(tx, key, name.strip(), rgb)
        self._events.emit(Change(ChangeKind.LABELS, ChangeOp.ADDED))
        return ColorLabel(key, name.strip(), rgb, position)

    def delete(self, key: str) -> None:
        """Remove a label. Highlights that use it keep its key (nothing a user made is dropped)."""
        with self._db.write() as tx:
            if not rows.delete(tx, key):
                raise HawamishError(ErrorCode.UNKNOWN_LABEL, detail=repr(key))
        self._events.emit(Change(ChangeKind.LABELS, ChangeOp.DELETED))
