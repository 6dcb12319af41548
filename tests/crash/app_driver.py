"""The app, driven by a script, for the crash harness to kill: `python -m tests.crash.app_driver LIBRARY WORK
PHASE SEED`.

It builds the real main window offscreen over the library (its index service, workers and listeners all
running) and then makes changes the way the window's features do: highlights, notes, tags and metadata on the
UI thread through the `Library` the window holds, one change per turn of the event loop; import, export,
backup and re-indexing in a worker (`run_task`). Before each call it prints `{"begin": …}` and after each call
that returned `{"ack": …}` with the state the call left (flushed at once: the harness records a change as
acknowledged only when its line arrived). It runs until it is killed (or after `MAX_OPERATIONS`).
"""

from __future__ import annotations

import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.crash.operations import Operation, app_operation

MAX_OPERATIONS = 100_000
#: a pause between calls (ms): a quick hand for edits, slower for imports that add articles each time
PAUSE_MS = {"import": 100, "edit": 15}


def emit(kind: str, payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps({kind: payload}, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    library_dir, work, phase, seed = Path(argv[0]), Path(argv[1]), argv[2], int(argv[3])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    from reader.core.library import Library
    from reader.gui.app import apply_language, create_application
    from reader.gui.common import workers
    from reader.gui.common.settings import open_settings
    from reader.gui.main_window import MainWindow

    app = create_application([sys.argv[0]])
    translators = apply_language(app, "en")  # noqa: F841 (kept alive while the app runs)
    library = Library(library_dir)
    window = MainWindow(library, open_settings(work / "config" / "hawamish.ini"), "en", interactive=False)
    window.resize(1000, 700)
    window.show()
    window.backup.start_daily_backup()  # as run_app does: a kill may land in the middle of it
    rng = random.Random(seed)
    pause = PAUSE_MS["import" if phase.startswith("import-") else "edit"]
    done = 0

    def step() -> None:
        nonlocal done
        if done >= MAX_OPERATIONS:
            app.quit()
            return
        done += 1
        operation = app_operation(phase, library, work, rng)
        if operation is None:  # nothing to work on yet (no article): try another turn
            QTimer.singleShot(10, step)
            return
        emit("begin", operation.begin)
        if operation.in_worker:
            run_in_worker(operation)
        else:
            emit("ack", operation.run())
            QTimer.singleShot(rng.randint(0, pause), step)

    def run_in_worker(operation: Operation) -> None:
        def done_ok(result: dict[str, Any]) -> None:
            emit("ack", result)
            QTimer.singleShot(rng.randint(0, pause), step)

        def failed(error: BaseException) -> None:
            emit("error", {"error": repr(error)})
            QTimer.singleShot(rng.randint(0, pause), step)

        run: Callable[[], dict[str, Any]] = operation.run
        workers.run_task(window, lambda _p, _c: run(), on_done=done_ok, on_error=failed)

    def start() -> None:
        emit("ready", {"pid": os.getpid()})
        step()

    QTimer.singleShot(0, start)
    status = app.exec()
    workers.shutdown(timeout=15.0)
    window.close()
    library.close()
    return int(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
