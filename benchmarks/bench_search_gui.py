"""Search in the app, measured in the real main window (offscreen): issue 4's "instantly", "searchable within a
second" and "the app stays responsive while indexing".

1. Start-up sync of a fresh index (a full build) while the window is up: how long it took, and how long the
   UI thread was ever blocked meanwhile (a 5 ms timer records the gaps between its ticks).
2. Query -> results painted: search_now() until the results list has repainted with the rows, for one word
   (typed without hamza), two words, a phrase and a prefix; median and p95 over several runs.
3. A new highlight with a note -> its query shows it: library.highlights.create() on the UI thread until the
   visible query's rows include the note (the panel re-runs the query when the index service commits).

The library is the seed plus, when ../shared is present, N Saudi articles (default 1,500) imported into a
temp folder. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_search_gui.py [--saudi N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed.txt"
SAUDI = ROOT.parent / "shared" / "corpora" / "ar-saudinewsnet" / "articles"
ANT = ROOT.parent / "shared" / "corpora" / "ar-ant"
QUERIES = {
    "one word (no hamza)": "ايران",
    "two words": "الاتفاق النووي",
    "phrase": '"الولايات المتحدة"',
    "prefix": "اقتصا*",
}
RUNS = 15


class StallMeter:
    """Records the longest gap between ticks of a 5 ms timer: how long the UI thread was busy at once."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def release(self) -> None:
        """Delete the timer while the QApplication still exists (PySide crashes freeing it at exit)."""
        self._timer.stop()
        self._timer.deleteLater()
        del self._timer


def wait(app: QApplication, condition, timeout: float = 120.0) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.001)
    return time.perf_counter() - started


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saudi", type=int, default=1500, help="Saudi articles to import (0: seed only)")
    parser.add_argument(
        "--ant",
        type=int,
        default=0,
        help="ar-ant articles to import as well (over 2,000 in all: 2-process build)",
    )
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])

    from reader.core.library import Library
    from reader.gui.common.settings import open_settings
    from reader.gui.main_window import MainWindow

    folder = Path(tempfile.mkdtemp(prefix="hawamish-bench-search-gui-"))
    library = Library(folder / "library")
    paths = [SEED]
    if args.saudi and SAUDI.exists():
        paths += sorted(SAUDI.rglob("*.txt"))[: args.saudi]
    elif args.saudi:
        print(f"({SAUDI} is absent: the seed only)")
    if args.ant and ANT.exists():
        paths += sorted(p for p in ANT.rglob("*.txt") if p.name.upper() != "README.TXT")[: args.ant]
    results = library.import_paths(paths)
    seed_id = next(r.article_id for r in results if r.path.endswith("seed.txt"))
    articles = sum(r.status == "imported" for r in results)

    meter = StallMeter()
    started = time.perf_counter()
    window = MainWindow(library, open_settings(folder / "hawamish.ini"), "ar")
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    shown_after = time.perf_counter() - started
    service, panel, search = window.index_service, window.search_panel, window.search
    meter.start()  # the index builds in its worker from here on
    wait(app, lambda: service.ready)
    sync_seconds = time.perf_counter() - started
    meter.stop()
    sync_gaps = list(meter.gaps)

    print(
        f"library: {articles} articles (seed, Saudi, ANT), Python {sys.version.split()[0]}, {os.cpu_count()} cores"
    )
    print()
    print("| start-up sync (full build, window up) | value |")
    print("|---|---|")
    print(f"| window shown after | {shown_after * 1000:.0f} ms |")
    print(
        f"| index ready after (full build) | {sync_seconds:.1f} s ({articles / sync_seconds:.0f} articles/s) |"
    )
    print(f"| UI thread: longest block while indexing | {max(sync_gaps) * 1000:.0f} ms |")
    print(f"| UI thread: p99 timer gap while indexing | {pct(sync_gaps, 0.99) * 1000:.0f} ms |")
    print()

    shown: list[tuple[str, int]] = []
    search.results_shown.connect(lambda q, n, _s: shown.append((q, n)))
    print("| query -> first page painted | rows | median ms | p95 ms |")
    print("|---|---|---|---|")
    for name, query in QUERIES.items():
        times: list[float] = []
        rows = 0
        for _ in range(RUNS):
            shown.clear()
            panel.box.setText(query)
            t0 = time.perf_counter()
            search.search_now()
            wait(app, lambda q=query: any(s[0] == q for s in shown))
            panel.results.viewport().repaint()  # the rows are painted when this returns
            times.append(time.perf_counter() - t0)
            rows = panel.model.rowCount()
        print(
            f"| {name}: `{query}` | {rows} | {statistics.median(times) * 1000:.1f} | {pct(times, 0.95) * 1000:.1f} |"
        )
    print()

    # a new note becomes findable: the visible query refreshes itself when the index service commits
    store = library.highlights
    window.open_article(seed_id)
    text = window.article_view.article.text
    delays: list[float] = []
    commits: list[float] = []
    for i in range(5):
        word = f"زنجبيل{'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'[i]}ي"
        panel.box.setText(word)
        shown.clear()
        search.search_now()
        wait(app, lambda w=word: any(s[0] == w for s in shown))
        start = text.index("خراسان")
        t0 = time.perf_counter()
        store.create(seed_id, start, start + 6, color="evidence", note=f"ملاحظة {word}")
        wait(app, lambda: panel.model.rowCount() > 0, timeout=30)
        panel.results.viewport().repaint()
        delays.append(time.perf_counter() - t0)
        commits.append(service.last_update_seconds or 0.0)
    print("| new highlight with a note -> shown by the visible query | median | max |")
    print("|---|---|---|")
    print(
        f"| create() -> row painted | {statistics.median(delays) * 1000:.0f} ms | {max(delays) * 1000:.0f} ms |"
    )
    print(
        f"| of which the index update (worker) | {statistics.median(commits) * 1000:.0f} ms | "
        f"{max(commits) * 1000:.0f} ms |"
    )

    window.close()
    window.deleteLater()
    meter.release()
    app.processEvents()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
