"""The library's changes, delivered on the UI thread.

The core calls its listeners on whatever thread wrote (an import worker, the index writer, the UI thread
itself); widgets may only be touched on the UI thread. One listener per window turns each `Change` into a
Qt signal (queued when it comes from another thread), and every part of the window that refreshes from changes connects to `changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.core.changes import Change
from reader.core.library import Library


class LibraryEvents(QObject):
    """Re-emits the library's changes on the thread this object lives on (the UI thread)."""

    #: Every library `Change`, on the UI thread.
    changed = Signal(object)
    _from_any_thread = Signal(object)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._closed = False
        # the default connection: queued from a worker thread, direct from the UI thread (a highlight made
        # in the window refreshes the panel before the call that made it returns)
        self._from_any_thread.connect(self._deliver)
        library.add_listener(self._listener)

    def _listener(self, change: Change) -> None:
        """Called by the core on the writing thread: only hand the change over."""
        try:
            self._from_any_thread.emit(change)
        except RuntimeError:  # the C++ side is gone (the window was deleted before it was closed)
            self._library.remove_listener(self._listener)

    def _deliver(self, change: Change) -> None:
        if not self._closed:  # changes queued before close() arrive after it: nobody wants them any more
            self.changed.emit(change)

    def close(self) -> None:
        """Stop listening (the window closes; the library is closed after it)."""
        self._closed = True
        self._library.remove_listener(self._listener)
