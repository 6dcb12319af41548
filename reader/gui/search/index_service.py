"""Keeps the search index in step with the library while the app runs, never on the UI thread.

On start-up a background sync brings the index up to date (the core rebuilds it when it is missing, stale or
corrupt), with its progress in the status bar. After that every library Change (a new highlight, an edited
note, an import) is applied incrementally in a worker, so a new note is searchable within a second.

What a change means for the index is the core's business (`library.index_keeper`: it collects changes from
any thread, merges a batch into one write, and writes it); this service only decides when and where that
happens. All index writes go through one single-thread pool: there is only ever one writer in this process
(Whoosh also locks the index against other processes; a busy index is retried a moment later). Library
listeners are called on whatever thread wrote, so the listener hands the change to the keeper and emits a
Qt signal; the queued connection wakes the UI thread, which starts the batch timer.

An import adds articles in batches, a few a second. Indexing each batch as it came ran whoosh in this
process next to the import, both fighting the UI thread for the GIL: the import took twice as long and the
window stalled. So while articles keep being added, the index waits (IMPORT_QUIET_MS after the last batch,
at most IMPORT_WAIT_MAX_S), then writes them all at once: in a process of its own when they are many.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QProcess, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.library.index_keeper import IndexKeeper
from reader.gui.common.workers import CancelledFn, ProgressFn, Task, WorkFn, run_task

log = logging.getLogger(__name__)

#: Changes that arrive within this many milliseconds are written in one batch (one commit).
BATCH_MS = 60
#: A busy index (another Hawamish process writing) is retried after this many milliseconds.
RETRY_MS = 1500
#: A start-up catch-up of more documents than this (or a missing index over a library this big) is built in
#: a process of its own (index_process.py): a long build in a thread blocks the UI through the GIL.
IN_PROCESS_DOCS = 300
#: After an article was added, the index waits this long for the next one (an import adds a batch every
#: few tenths of a second) before it writes what is pending.
IMPORT_QUIET_MS = 600
#: ... but never longer than this after the first of them (a long import is indexed as it goes).
IMPORT_WAIT_MAX_S = 30.0
#: A window that never paints (tests that do not show it) still gets its start-up sync after this long.
STARTUP_FALLBACK_MS = 1000


def _catch_up(
    keeper: IndexKeeper,
    ready: threading.Event,
    progress: ProgressFn,
    cancelled: CancelledFn,
    started: float,
) -> tuple[str, float]:
    """A sync on the worker; `ready` is set however it ends (searches waiting for it must not wait for ever)."""
    try:
        keeper.catch_up(progress, cancelled)
    finally:
        ready.set()
    return ("sync", time.perf_counter() - started)


class IndexService(QObject):
    """The one writer of the search index in this process, fed by library changes."""

    progress = Signal(int, int)  # sync / rebuild progress (done, total)
    busy_changed = Signal(bool)  # True while a sync or an update runs
    updated = Signal()  # the index has committed new content: re-run visible queries
    failed = Signal(object)  # an exception the status bar reports (the app keeps working)
    _change_arrived = Signal(object)  # emitted on the writing thread, delivered on the UI thread

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        # the library's SearchIndex (and whoosh with it, ~0.1 s of imports) is made on first use, which is
        # on the writer's worker thread once the window has painted: never on the UI thread at start-up
        self._keeper = library.index_keeper
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # the one writer
        self._changes_waiting = False  # the keeper holds changes no write has taken yet
        self._adding_since: float | None = None  # articles are being added (an import): since when
        self._last_added = 0.0
        self._task: Task | None = None
        self._needs_sync = False
        self._rebuild = False
        self._delegate_rebuild = False
        self._process: QProcess | None = None
        self._process_started = 0.0
        self._process_error = ""
        self._ready = False
        #: Set by the worker the moment the start-up sync returned (or failed): queries started before
        #: wait for it on their own worker thread, so the first results never come from a stale index.
        self.ready_event = threading.Event()
        self._closed = False
        self.last_update_seconds: float | None = None
        self._batch_timer = QTimer(self)
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(BATCH_MS)
        self._batch_timer.timeout.connect(self._write_next)
        self._change_arrived.connect(self._on_change, Qt.ConnectionType.QueuedConnection)
        library.add_listener(self._listener)

    # state ---------------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True once the start-up sync has finished (searches before that see the old index)."""
        return self._ready

    @property
    def busy(self) -> bool:
        return self._task is not None or self._process is not None

    # start-up sync -------------------------------------------------------------------------------
    def start(self) -> None:
        """Bring the index up to date in the background (a rebuild when it is missing/stale/corrupt)."""
        self._needs_sync = True
        self._write_next()

    def start_after_first_paint(
        self,
        after_first_paint: Callable[[Callable[[], None]], None],
        fallback_ms: int = STARTUP_FALLBACK_MS,
    ) -> None:
        """`start`, once the window has painted for the first time (or after `fallback_ms` if it never does);
        `after_first_paint` is the shell's, which calls what it is given after that first paint.

        The sync is pending from now on (`wait_idle` waits for it, a search waits for `ready_event`), but
        its worker imports whoosh, and a Python import on another thread takes the GIL from the UI thread
        while it builds and paints the window: started after that first paint, the window is up sooner.
        """
        self._needs_sync = True
        after_first_paint(self._start_pending)
        QTimer.singleShot(fallback_ms, self._start_pending)

    def _start_pending(self) -> None:
        if self._needs_sync and not self._closed:
            self._write_next()

    def rebuild(self) -> None:
        """Throw the index away and build it again (View → Rebuild Search Index)."""
        self._needs_sync = True
        self._rebuild = True
        self._write_next()

    # changes -------------------------------------------------------------------------------------
    def _listener(self, change: Change) -> None:
        """Called on the thread that wrote: give the change to the keeper and wake the UI thread."""
        if self._closed or not self._keeper.is_indexed(change):
            return
        if change.kind == ChangeKind.LIBRARY:
            self._change_arrived.emit(change)  # a restore: the whole index is compared, not a batch
            return
        self._keeper.add(change)
        self._change_arrived.emit(change)

    def _on_change(self, change: Change) -> None:
        if self._closed:
            return
        if change.kind == ChangeKind.LIBRARY:
            self._needs_sync = True  # a sync reads everything (in a process of its own when it is large)
        else:
            self._changes_waiting = True
        if change.kind == ChangeKind.ARTICLE and change.op == ChangeOp.ADDED:
            now = time.monotonic()
            self._last_added = now
            if self._adding_since is None:
                self._adding_since = now
            if not self.busy:
                self._batch_timer.start(self._import_wait_ms())
            return
        if not self.busy and not self._batch_timer.isActive():
            self._batch_timer.start(BATCH_MS)

    def _import_wait_ms(self) -> int:
        """How much longer writes wait for an import that is adding articles (0: no longer)."""
        if self._adding_since is None:
            return 0
        now = time.monotonic()
        quiet = self._last_added + IMPORT_QUIET_MS / 1000 - now
        longest = self._adding_since + IMPORT_WAIT_MAX_S - now
        wait = min(quiet, longest)
        if wait <= 0:
            self._adding_since = None
            return 0
        return max(1, int(wait * 1000))

    # the writer ----------------------------------------------------------------------------------
    def _write_next(self) -> None:
        """Start the next write (sync first, then batched changes) unless one is running."""
        if self._closed or self._task is not None or self._process is not None:
            return
        if self._needs_sync:
            self._needs_sync = False
            rebuild, self._rebuild = self._rebuild, False
            self._delegate_rebuild = rebuild
            self._changes_waiting = False
            self._keeper.discard_pending()  # a sync reads everything from SQLite anyway
            work = self._sync_work(rebuild)
        elif self._changes_waiting:
            wait = self._import_wait_ms()
            if wait:  # articles are still arriving: write them together when they stop
                self._batch_timer.start(wait)
                return
            self._changes_waiting = False
            merged = self._keeper.take()
            if merged is None:
                return  # taken by the write before this one
            if len(merged.article_ids) > IN_PROCESS_DOCS:
                # a folder import while the app runs: index it out of process like a start-up catch-up
                self._start_process(rebuild=False)
                return
            work = self._update_work(merged)
        else:
            return
        self.busy_changed.emit(True)
        self._task = run_task(
            self,
            work,
            on_done=self._on_written,
            on_error=self._on_write_error,
            on_progress=self.progress.emit,
            pool=self._pool,
        )

    def _sync_work(self, rebuild: bool) -> WorkFn:
        """Small syncs run here; a rebuild or a large catch-up goes to a process of its own (index_process.py)."""
        ready, library, keeper = self.ready_event, self.library, self._keeper

        def work(progress: ProgressFn, cancelled: CancelledFn) -> tuple[str, float]:
            started = time.perf_counter()
            try:
                large = rebuild or self._large_catch_up(library)  # the first use imports whoosh, here
            except BaseException:
                ready.set()  # searches waiting for the sync must not wait for ever
                raise
            if large:
                return ("delegate", 0.0)
            return _catch_up(keeper, ready, progress, cancelled, started)

        return work

    @staticmethod
    def _large_catch_up(library: Library) -> bool:
        """True when the index is missing or far behind the library (counted cheaply, on the worker)."""
        index = library.search_index()
        try:
            have = index.doc_count()
        except Exception:
            have = -1
        want = library.articles.count() + library.highlights.count()
        if have < 0:
            return want > IN_PROCESS_DOCS
        return abs(want - have) > IN_PROCESS_DOCS

    def _update_work(self, merged: Change) -> WorkFn:
        keeper = self._keeper

        def work(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[str, float]:
            started = time.perf_counter()
            keeper.apply(merged)
            return ("update", time.perf_counter() - started)

        return work

    def _start_process(self, rebuild: bool) -> None:
        """Run the sync or rebuild in `python -m reader.gui.search.index_process`, reading its progress lines."""
        process = QProcess(self)
        process.setProgram(sys.executable)
        args = ["-m", "reader.gui.search.index_process", str(self.library.folder)]
        process.setArguments([*args, "--rebuild"] if rebuild else args)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(lambda: self._read_process(process))
        process.finished.connect(lambda code, _status: self._on_process_finished(process, code))
        process.errorOccurred.connect(lambda error: self._on_process_error(process, error))
        self._process = process
        self._process_started = time.perf_counter()
        self._process_error = ""
        self.busy_changed.emit(True)
        process.start()

    def _read_process(self, process: QProcess) -> None:
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", "replace").split()
            if line[:1] == ["progress"] and len(line) == 3:
                self.progress.emit(int(line[1]), int(line[2]))
            elif line[:1] == ["error"]:
                self._process_error = " ".join(line[1:])

    def _on_process_finished(self, process: QProcess, code: int) -> None:
        if process is not self._process:
            return
        self._read_process(process)
        self._process = None
        process.deleteLater()
        self.ready_event.set()
        if self._closed:
            return
        if code != 0 and self._process_error.startswith(ErrorCode.INDEX_BUSY.value):
            self._needs_sync = True  # another Hawamish is writing: try again in a moment
            QTimer.singleShot(RETRY_MS, self._write_next)
            return
        if code != 0:
            detail = self._process_error or bytes(process.readAllStandardError().data()).decode(
                "utf-8", "replace"
            )
            self._on_write_error(RuntimeError(f"index process exited with {code}: {detail.strip()[-500:]}"))
            return
        self._on_written(("sync", time.perf_counter() - self._process_started))

    def _on_process_error(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and process is self._process:
            # no second interpreter (a frozen build?): build in this process instead, slower to the eye
            self._process = None
            process.deleteLater()
            self._task = run_task(
                self,
                self._in_thread_rebuild(),
                on_done=self._on_written,
                on_error=self._on_write_error,
                on_progress=self.progress.emit,
                pool=self._pool,
            )

    def _in_thread_rebuild(self) -> WorkFn:
        ready, keeper = self.ready_event, self._keeper

        def work(progress: ProgressFn, cancelled: CancelledFn) -> tuple[str, float]:
            return _catch_up(keeper, ready, progress, cancelled, time.perf_counter())

        return work

    def _on_written(self, result: object) -> None:
        self._task = None
        kind, seconds = result if isinstance(result, tuple) else ("update", 0.0)
        if kind == "delegate":
            self._start_process(self._delegate_rebuild)
            return
        self.last_update_seconds = float(seconds)
        if kind == "sync":
            self._ready = True
        log.debug("index %s took %.3f s", kind, seconds)
        self.busy_changed.emit(self._changes_waiting or self._needs_sync)
        self.updated.emit()
        self._write_next()

    def _on_write_error(self, error: BaseException) -> None:
        self._task = None
        if isinstance(error, HawamishError) and error.code == ErrorCode.INDEX_BUSY and not self._closed:
            # another process holds the writer lock: try again shortly, nothing is lost
            self._needs_sync = True
            QTimer.singleShot(RETRY_MS, self._write_next)
        else:
            # an expected cause (a read-only or full disk) is one line; anything else keeps its traceback
            expected = isinstance(error, HawamishError)
            log.warning("search index update failed: %s", error, exc_info=None if expected else error)
            self._ready = True  # searches still run against whatever the index holds
            self.failed.emit(error)
        self.busy_changed.emit(False)
        self._write_next()

    # shutting down -------------------------------------------------------------------------------
    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Stop listening and wait for the running write (the library is closed after the window)."""
        if self._closed:
            return
        self._closed = True
        self._batch_timer.stop()
        self.library.remove_listener(self._listener)
        if self._task is not None:
            self._task.cancel()
        process, self._process = self._process, None
        if process is not None:
            process.terminate()  # the child stops at its next progress step; the old index stays live
            if not process.waitForFinished(3000):
                process.kill()
                process.waitForFinished(1000)
        self.ready_event.set()
        self._pool.waitForDone(timeout_ms)  # the index itself is the library's: Library.close() closes it

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until no write is pending or running, delivering results (tests, --screenshot)."""
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()  # delivers queued changes and finished writes first
            if (
                not self.busy
                and not self._changes_waiting
                and not self._needs_sync
                and not (self._batch_timer.isActive())
            ):
                return True
            time.sleep(0.005)
        return False


class IndexStatus(QWidget):
    """The status bar's view of the indexer: a label and a progress bar while a sync runs."""

    def __init__(self, service: IndexService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QHBoxLayout

        self.setObjectName("indexStatus")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("indexProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        service.progress.connect(self._on_progress)
        service.busy_changed.connect(self._on_busy)
        service.failed.connect(self._on_failed)
        self._service = service
        self.hide()

    def _on_busy(self, busy: bool) -> None:
        if busy and not self._service.ready:
            self.label.setText(self.tr("Indexing library…"))
            self.bar.setRange(0, 0)  # busy until the first progress report says how much there is
            self.show()
        elif not busy:
            self.hide()

    def _on_progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        if done >= total:  # every document is written: the commit (and the fsync) take a moment more
            self.label.setText(self.tr("Saving the search index…"))
            self.bar.setRange(0, 0)
        else:
            self.label.setText(
                self.tr("Indexing library… %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        self.show()

    def _on_failed(self, error: object) -> None:
        self.label.setText(
            self.tr("The search index could not be updated; searches may miss recent changes.")
        )
        self.bar.hide()
        self.show()
        QTimer.singleShot(8000, self.hide)
