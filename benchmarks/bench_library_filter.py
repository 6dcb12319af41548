"""The library list's filter in the real main window (offscreen) with a 10,000-article library.

1. Typing in the filter box: the UI thread's work from the end of the pause (the text applied) until the
   list has repainted, for words that keep many, few and no rows; median and p95 over several runs. The text
   is matched against folded titles, authors and outlets kept in the model: no SQL.
2. The longest the UI thread was blocked while a word was typed key by key (the pause, folding, filtering).
3. A Filters-panel choice (a language and a date range): the library's query runs on a worker; the time
   until the list shows its rows, and the longest block of the UI thread meanwhile.
4. For comparison: the same text filter through the library's SQL (`list_rows(ArticleFilter(text=...))`),
   what a per-keystroke query would cost.

Run: .venv/bin/python benchmarks/bench_library_filter.py [--articles 10000] [--runs 15]
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search_gui import StallMeter, wait
from bench_startup import build_library
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.core.models import ArticleFilter

WORDS = {"many rows": "كاتب", "a few rows": "رقم 12", "one row": "رقم 4321:", "no row": "مشبوهه"}


def ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered) * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        print(f"building {args.articles} articles: {build_library(folder, args.articles):.1f} s")
        app = QApplication.instance() or QApplication([])
        from reader.gui.common.settings import open_settings
        from reader.gui.main_window import MainWindow

        library = Library(folder)
        window = MainWindow(library, open_settings(Path(tmp) / "settings.ini"), "ar")
        window.resize(1366, 768)
        window.show()
        lists = window.library_list
        filters = lists.filters
        wait(app, lambda: lists.settled and not filters.busy)
        wait(app, lambda: filters._folds_complete, timeout=30)  # the warm-up after the first paint
        view = window.library_view

        print(f"\n1. text applied -> list repainted (UI thread), {args.runs} runs each")
        for name, word in WORDS.items():
            times: list[float] = []
            for _ in range(args.runs):
                filters.set_text("")
                wait(app, lambda: lists.settled)
                filters.bar.box.setText(word)
                started = time.perf_counter()
                filters._take_typed()  # what the end of the pause runs
                view.viewport().repaint()
                times.append(time.perf_counter() - started)
            print(f"   {name:12} {lists.model.shown_total:6} rows   {ms(times)}")

        print("\n2. typing a word key by key: the longest the UI thread was busy at once")
        meter = StallMeter()
        filters.set_text("")
        wait(app, lambda: lists.settled)
        meter.start()
        for ch in "الكاتب رقم 12":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    filters.bar.box, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                )
            deadline = time.perf_counter() + 0.08  # a fast typist
            while time.perf_counter() < deadline:
                app.processEvents()
                time.sleep(0.001)
        wait(app, lambda: lists.settled)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
        meter.stop()
        print(
            f"   longest block {max(meter.gaps) * 1000:.1f} ms (5 ms ticks), {lists.model.shown_total} rows"
        )

        print("\n3. a Filters-panel choice (language and dates: the library's query on a worker)")
        times, stalls = [], []
        for run in range(args.runs):
            filters.clear()
            wait(app, lambda: lists.settled)
            meter.start()
            started = time.perf_counter()
            filters.set_filter(ArticleFilter(language="ar", since=f"201{run % 5}", until="2020"))
            wait(app, lambda: lists.settled)
            times.append(time.perf_counter() - started)
            meter.stop()
            stalls.append(max(meter.gaps, default=0.0))
        print(f"   until shown  {ms(times)}   longest UI block {max(stalls) * 1000:.1f} ms")
        meter.release()

        print("\n4. the same text filter through SQL (list_rows with ArticleFilter.text), per keystroke")
        times = []
        for _ in range(5):
            started = time.perf_counter()
            library.articles.list_rows(ArticleFilter(text="مشبوهه"))
            times.append(time.perf_counter() - started)
        print(f"   {ms(times)}")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
