"""File → Import in the window against `hawamish import` on the command line, on the same files.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_import_gui.py [--folder DIR] [--lang ar|en]
        [--existing N] [--profile OUT.prof]

Targets (the "corpus" issue): the window imports within 1.5x of the command line, the UI thread never stalls
for more than 100 ms, the list fills in while the import runs, and the index catches up in the background.

1. CLI: `python -m reader.cli --library FRESH import FOLDER --json` in a subprocess (interpreter start-up
   included, as a user sees it).
2. Window: the real app (`reader.gui.app.run_app`, as `hawamish --library FRESH gui` starts it) on a fresh
   library; once its start-up sync is done, `ImportFlow.import_paths([FOLDER])` (what File → Import Folder…
   and a drop run) until the summary is shown. A 10 ms timer measures the gaps between its ticks: the
   longest gap is the longest the UI thread was busy at once. Then how long the index took to catch up.
`--existing N` first imports N generated articles into the window's library (a library that is not empty:
the list has rows to refresh). `--profile` writes a cProfile of the UI thread during the window import.

Reads ../shared/corpora/ar-saudinewsnet/articles when it is there (never copies it), else generated files.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SAUDI = ROOT.parent / "shared" / "corpora" / "ar-saudinewsnet" / "articles"
TICK_MS = 10


class StallMeter:
    """The longest gap between ticks of a 10 ms timer: how long the UI thread was busy at once."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        if now - self._last > 0.05:
            self.long.append((self._last - self.started, now - self._last))
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self.long: list[tuple[float, float]] = []  # (seconds after start, gap) of every gap over 50 ms
        self.started = self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def longest_ms(self) -> float:
        return max(self.gaps, default=0.0) * 1000

    def over(self, ms: float) -> int:
        return sum(g * 1000 > ms for g in self.gaps)


def generated_folder(folder: Path, count: int, offset: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    words = "الحكومة قرار السياسة الاقتصاد المجتمع المستقبل التعليم الصحة الشباب المدينة الثقافة".split()
    for i in range(offset, offset + count):
        body = "\n\n".join(" ".join(words[(i + p + w) % len(words)] for w in range(60)) for p in range(8))
        (folder / f"{i:05d}.txt").write_text(f"مقال رقم {i}\n\n{body} {i}\n", encoding="utf-8")
    return folder


def cli_seconds(folder: Path, library_dir: Path) -> tuple[float, int]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "reader.cli", "--library", str(library_dir), "import", str(folder), "--json"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    results = json.loads(out.stdout)
    return seconds, sum(r["status"] == "imported" for r in results)


class Driver:
    """Runs inside the app's event loop: waits for the start-up sync, imports, waits for the index."""

    def __init__(self, app: QApplication, folder: Path, profile: Path | None) -> None:
        self.app = app
        self.folder = folder
        self.profile_path = profile
        self.profiler = cProfile.Profile() if profile else None
        self.meter = StallMeter()
        self.window = None
        self.phase = "start"
        self.t0 = 0.0
        self.first_row = None
        self.rows_at_end = 0
        self.window_seconds = 0.0
        self.index_seconds = 0.0
        self.imported = 0
        self.stall_import = 0.0
        self.over_100 = 0
        self.label_texts: set[str] = set()
        self._poll = QTimer()
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._step)
        QTimer.singleShot(0, self._poll.start)

    def _find_window(self):
        from reader.gui.main_window import MainWindow

        return next((w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def _excepthook(self, kind: type[BaseException], error: BaseException, tb: object) -> None:
        """An error in the app ends the run with its traceback (the app's own hook would show a dialog)."""
        import traceback

        traceback.print_exception(kind, error, tb)  # type: ignore[arg-type]
        self.phase = "failed"
        self.app.exit(1)

    def _step(self) -> None:
        if sys.excepthook is not self._excepthook:
            sys.excepthook = self._excepthook
        if self.phase == "start":
            self.window = self._find_window()
            if self.window is not None and self.window.isVisible() and self.window.index_service.ready:
                self.phase = "import"
                self._start_import()
        elif self.phase == "import":
            window = self.window
            if self.first_row is None and window.library_model.total > 0:
                self.first_row = time.perf_counter() - self.t0
            dialog = window.importer.progress_dialog
            if dialog is not None:
                label = getattr(dialog, "file_label", None)  # the file being read (a QProgressDialog before)
                self.label_texts.add(label.text() if label is not None else dialog.labelText())
        elif self.phase == "index":
            service = self.window.index_service
            if not service.busy and not service._changes_waiting and not service._batch_timer.isActive():
                self.index_seconds = time.perf_counter() - self.t0
                self.meter.stop()
                self.phase = "done"
                self._poll.stop()
                self.app.exit(0)

    def _start_import(self) -> None:
        importer = self.window.importer
        importer.finished.connect(self._finished)
        self.meter.start()
        if self.profiler is not None:
            self.profiler.enable()
        self.t0 = time.perf_counter()
        importer.import_paths([self.folder])

    def _finished(self, results: list) -> None:
        self.window_seconds = time.perf_counter() - self.t0
        if self.profiler is not None:
            self.profiler.disable()
            self.profiler.dump_stats(str(self.profile_path))
        self.stall_import = self.meter.longest_ms
        self.over_100 = self.meter.over(100)
        self.imported = sum(r.status == "imported" for r in results)
        self.rows_at_end = self.window.library_model.total
        self.phase = "index"


def window_run(folder: Path, library_dir: Path, lang: str, profile: Path | None) -> Driver:
    from reader.gui.app import create_application, run_app

    app = create_application()
    driver = Driver(app, folder, profile)
    args = argparse.Namespace(
        lang=lang,
        open=None,
        screenshot=None,
        search=None,
        library_dir=str(library_dir),
        library_given=True,
    )
    run_app(args)
    driver.meter.stop()
    return driver


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="what to import (default: the Saudi articles)")
    parser.add_argument("--lang", default="en", choices=("ar", "en"))
    parser.add_argument("--existing", type=int, default=0, help="generated articles in the library first")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the UI thread's import here")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="hawamish-bench-import-gui-"))
    os.environ["HAWAMISH_CONFIG_DIR"] = str(tmp / "config")
    folder = args.folder
    if folder is None:
        folder = SAUDI if SAUDI.exists() else generated_folder(tmp / "generated", 1500)
    files = sum(1 for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))

    window_lib = tmp / "window-lib"
    if args.existing:
        from reader.core.library import Library

        with Library(window_lib) as library:
            library.import_paths([generated_folder(tmp / "existing", args.existing, offset=100000)])
            library.sync_index()

    cli, cli_imported = cli_seconds(folder, tmp / "cli-lib")
    driver = window_run(folder, window_lib, args.lang, args.profile)

    print(f"source: {folder} ({files} files); {os.cpu_count()} cores; load: {os.getloadavg()[0]:.2f}")
    if args.existing:
        print(f"the window's library held {args.existing} articles before the import")
    print(
        "| files | CLI s | window s | window/CLI | max UI stall ms | stalls >100 ms | first row s | index s |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print(
        f"| {files} | {cli:.2f} | {driver.window_seconds:.2f} | {driver.window_seconds / cli:.2f} | "
        f"{driver.stall_import:.0f} | {driver.over_100} | "
        f"{driver.first_row if driver.first_row is not None else float('nan'):.2f} | "
        f"{driver.index_seconds:.2f} |"
    )
    print(
        f"imported: CLI {cli_imported}, window {driver.imported}; list rows when the summary showed: "
        f"{driver.rows_at_end}; longest stall including indexing: {driver.meter.longest_ms:.0f} ms; "
        f"progress labels seen: {len(driver.label_texts)}"
    )
    if driver.meter.long:
        gaps = ", ".join(f"{gap * 1000:.0f} ms at {at:.2f} s" for at, gap in driver.meter.long[:12])
        print(f"UI gaps over 50 ms (time after the import started): {gaps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
