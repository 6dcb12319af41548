"""One export at a time, run in a worker: what the export dialog starts, follows and can stop.

The dialog lays out and shows; this object decides how an export runs: the request goes to
`Library.export` on a worker thread (a large PDF never blocks the UI), a cancel is passed to the core (whose
atomic write leaves no partial file), and the outcome comes back as one of three signals on the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest, ExportSummary
from reader.core.library import Library
from reader.gui.common.workers import Task, run_task

log = logging.getLogger(__name__)


class ExportRun(QObject):
    progress = Signal(int, int)  # done, total
    done = Signal(object)  # ExportSummary
    stopped = Signal()  # cancelled: no file was written
    failed = Signal(object)  # the error (HawamishError, or a bug, logged here with its traceback)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.task: Task | None = None
        self.path: Path | None = None

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, request: ExportRequest, path: Path) -> Task:
        """Export `request` to `path` in a worker (one export at a time: a running one is returned)."""
        if self.task is not None:
            return self.task
        library = self.library
        self.path = path

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> ExportSummary:
            return library.export(request, path, progress=progress, cancel=cancelled)

        self.task = run_task(
            self, work, on_done=self._on_done, on_error=self._on_error, on_progress=self.progress.emit
        )
        return self.task

    def cancel(self) -> bool:
        """Ask the running export to stop; False when none runs."""
        if self.task is None:
            return False
        self.task.cancel()
        return True

    def _on_done(self, summary: ExportSummary) -> None:
        self.task = None
        self.done.emit(summary)

    def _on_error(self, error: BaseException) -> None:
        self.task = None
        if isinstance(error, HawamishError) and error.code is ErrorCode.CANCELLED:
            self.stopped.emit()
            return
        if not isinstance(error, HawamishError):  # a bug: the user gets a sentence, the log the traceback
            log.error("export to %s failed", self.path, exc_info=(type(error), error, error.__traceback__))
        self.failed.emit(error)
