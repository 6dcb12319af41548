"""run_task: work runs off the UI thread; results, errors and progress arrive on the UI thread."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject

from reader.core.errors import ErrorCode, HawamishError
from reader.gui.common.workers import run_task


def test_result_and_progress_delivered_on_ui_thread(qtbot) -> None:
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {"progress": []}

    def work(progress, cancelled):
        seen["worker_thread"] = threading.get_ident()
        for i in range(1, 4):
            progress(i, 3)
        return "done"

    def on_progress(done: int, total: int) -> None:
        assert threading.get_ident() == ui_thread
        seen["progress"].append((done, total))  # type: ignore[union-attr]

    def on_done(result: object) -> None:
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    parent = QObject()
    task = run_task(parent, work, on_done=on_done, on_error=lambda e: None, on_progress=on_progress)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen["result"] == "done"
    assert seen["worker_thread"] != ui_thread
    assert seen["done_thread"] == ui_thread
    assert seen["progress"] and seen["progress"][-1] == (3, 3)  # type: ignore[index]


def test_error_delivered(qtbot) -> None:
    errors: list[BaseException] = []

    def work(progress, cancelled):
        raise HawamishError(ErrorCode.UNREADABLE, "/x.txt")

    task = run_task(None, work, on_done=lambda r: None, on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert isinstance(errors[0], HawamishError) and errors[0].code is ErrorCode.UNREADABLE


def test_cancel_reaches_the_work_function(qtbot) -> None:
    started = threading.Event()
    results: list[object] = []

    def work(progress, cancelled):
        started.set()
        for i in range(500):
            if cancelled():
                return ("stopped", i)
            time.sleep(0.01)
        return ("ran to the end", 500)

    task = run_task(None, work, on_done=results.append, on_error=lambda e: None)
    assert started.wait(5)
    task.cancel()
    assert task.is_cancelled
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results[0][0] == "stopped"  # type: ignore[index]


def test_shutdown_cancels_and_waits_for_running_tasks(qtbot) -> None:
    from PySide6.QtCore import QThreadPool

    from reader.gui.common import workers

    pool = QThreadPool()  # any pool, as the search index uses its own
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            time.sleep(0.005)
        return "stopped"

    task = run_task(None, work, on_done=lambda r: None, on_error=lambda e: None, pool=pool)
    assert started.wait(5)
    assert workers.busy()
    assert workers.shutdown(timeout=5)
    assert task.is_cancelled and not workers.busy()
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
