"""The Library's change listeners, and the one clock every stored time comes from."""

from __future__ import annotations

from datetime import UTC, datetime

from reader.core.changes import Change, Listener


def utc_now() -> str:
    """ISO 8601 UTC timestamp with seconds, as stored in every *_at / created / updated column."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Events:
    """Listeners of a library, called with each Change on whatever thread wrote."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def add(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
