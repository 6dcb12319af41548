"""Run slow work off the UI thread and hand its results back on the UI thread.

Import, indexing, export and rebuilds go through `run_task` (DESIGN §1: the UI stays responsive and can
cancel). The work function receives two callables, `progress(done, total)` and `cancelled()`, and never
touches widgets; its result or exception is delivered to `on_done` / `on_error` on the UI thread through
queued signals, as Anki's CollectionOp does.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
WorkFn = Callable[[ProgressFn, CancelledFn], Any]

#: Every task whose work function has not returned yet (any pool): the app cancels and waits for them
#: before the interpreter shuts down, since a Python thread still running then crashes the process.
_live: set[Task] = set()
_live_lock = threading.Lock()

#: Progress reports closer together than this are dropped (except the last one), so a loop over
#: thousands of files does not flood the UI thread's event queue.
_PROGRESS_INTERVAL = 0.03


class _Signals(QObject):
    """Emitted from the worker thread; connected (queued) to the Task, which lives on the UI thread."""

    progress = Signal(int, int)
    done = Signal(object)
    error = Signal(object)


class Task(QObject):
    """A handle on one piece of background work: cancel it, wait for it, or watch `finished`."""

    finished = Signal()

    def __init__(
        self,
        parent: QObject | None,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None,
    ) -> None:
        super().__init__(parent)
        self._on_done_cb = on_done
        self._on_error_cb = on_error
        self._on_progress_cb = on_progress
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self._signals: _Signals | None = None  # the worker's emitter, kept alive as long as the task
        self._delivered = False

    # control -------------------------------------------------------------------------------------
    def cancel(self) -> None:
        """Ask the work function to stop; it sees `cancelled()` return True and decides what to return."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def is_running(self) -> bool:
        return not self._delivered

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the work function returned (not until delivery); True when it did."""
        return self._finished.wait(timeout)

    # delivery on the UI thread ---------------------------------------------------------------------
    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress_cb is not None and not self._delivered:
            self._on_progress_cb(done, total)

    @Slot(object)
    def _deliver_done(self, result: object) -> None:
        self._delivered = True
        try:
            self._on_done_cb(result)
        finally:
            self.finished.emit()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        self._delivered = True
        try:
            self._on_error_cb(error)  # type: ignore[arg-type]
        finally:
            self.finished.emit()


class _Runnable(QRunnable):
    def __init__(self, fn: WorkFn, task: Task, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._task = task
        self._signals = signals
        self._last_progress = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= _PROGRESS_INTERVAL:
            self._last_progress = now
            self._signals.progress.emit(int(done), int(total))

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._task._cancel.is_set)
        except BaseException as exc:
            log.debug("background task failed", exc_info=True)
            self._finish()
            self._signals.error.emit(exc)
        else:
            self._finish()
            self._signals.done.emit(result)

    def _finish(self) -> None:
        self._task._finished.set()
        with _live_lock:
            _live.discard(self._task)


def run_task(
    parent: QObject | None,
    fn: WorkFn,
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Start `fn(progress, cancelled)` on a thread pool; call the callbacks on the UI thread.

    The returned Task is a child of `parent`: if the parent is destroyed first, nothing is delivered.
    """
    task = Task(parent, on_done, on_error, on_progress)
    signals = _Signals()
    task._signals = signals
    queued = Qt.ConnectionType.QueuedConnection
    signals.progress.connect(task._deliver_progress, queued)
    signals.done.connect(task._deliver_done, queued)
    signals.error.connect(task._deliver_error, queued)
    with _live_lock:
        _live.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(fn, task, signals))
    return task


def busy() -> bool:
    """True while any task's work function is still running (on any pool)."""
    with _live_lock:
        return bool(_live)


def shutdown(timeout: float = 10.0) -> bool:
    """Cancel every running task and wait for their work functions to return; True when all did."""
    with _live_lock:
        tasks = list(_live)
    for task in tasks:
        task._cancel.set()
    deadline = time.monotonic() + timeout
    return all(task._finished.wait(max(0.0, deadline - time.monotonic())) for task in tasks)
