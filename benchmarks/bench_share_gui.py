"""How the app answers while a large merge runs (offscreen): the UI thread's delays during a team sync.

    python benchmarks/bench_share_gui.py [--members 5] [--annotations 5000]

A window is open on a library that shares a folder; the other members' logs (written as in
benchmarks/bench_share.py) are put in the folder, and the window's own sync (File → Sync Now, on a worker
thread) applies them. Meanwhile a 10 ms timer on the UI thread records how late each of its ticks comes: the
delay is what a click or a key press would wait. Reported: the merge's time and the delays' median, 95th
percentile and maximum (the target of the issue: the app stays responsive).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_share import make_articles, write_member_log  # noqa: E402
from reader.core.library import Library  # noqa: E402
from reader.core.models import ArticleMeta  # noqa: E402
from reader.core.sharing.log import SharedFolder  # noqa: E402
from reader.core.text import canonical_text  # noqa: E402

TICK_MS = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=5)
    parser.add_argument("--annotations", type=int, default=5000)
    args = parser.parse_args()
    app = QApplication([])
    from reader.gui.main_window import MainWindow

    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shared = root / "shared"
        articles = make_articles(rng)
        library = Library(root / "library")
        library.articles.add_many([(ArticleMeta(f"مقال {i}"), blocks) for i, blocks in enumerate(articles)])
        library.sharing.init(shared, "المقيسة", with_texts=True)
        with library.database.read() as tx:
            rows = tx.execute("SELECT target, local_id FROM share_links WHERE kind = 'article'").fetchall()
        texts = {i + 1: canonical_text(blocks) for i, blocks in enumerate(articles)}
        targets = [(str(t), texts[int(i)]) for t, i in rows]
        window = MainWindow(library, QSettings(str(root / "ui.ini"), QSettings.Format.IniFormat), "ar")
        window.resize(1366, 768)
        window.show()
        window.open_article(1)
        app.processEvents()
        while window.sharing.task is not None:  # the start-up sync
            app.processEvents()
        folder = SharedFolder(shared)
        for n in range(args.members - 1):
            write_member_log(folder, f"عضو {n + 1}", targets, args.annotations, rng)

        delays: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            delays.append(max(0.0, (now - last[0]) * 1000 - TICK_MS))
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        started = time.perf_counter()
        window.sharing.sync()
        last[0] = time.perf_counter()
        timer.start()
        while window.sharing.task is not None or window.sharing._again:
            app.processEvents()
            time.sleep(0.001)
        merged = time.perf_counter() - started
        timer.stop()
        highlights = library.highlights.count()
        window.close()
        library.close()

    load = os.getloadavg()
    ordered = sorted(delays)
    p95 = ordered[int(len(ordered) * 0.95)] if ordered else 0.0
    print(f"# {args.members - 1} other members × {args.annotations:,} annotations merged in the app; "
          f"nproc {os.cpu_count()}, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print(f"{'what':<52} {'value':>10}")
    for what, value in (
        ("merge on the worker thread (s)", f"{merged:.1f}"),
        ("highlights after the merge", f"{highlights:,}"),
        (f"UI ticks observed (every {TICK_MS} ms)", f"{len(delays):,}"),
        ("UI delay median (ms)", f"{statistics.median(delays) if delays else 0:.1f}"),
        ("UI delay p95 (ms)", f"{p95:.1f}"),
        ("UI delay max (ms)", f"{max(delays, default=0):.1f}"),
    ):
        print(f"{what:<52} {value:>10}")


if __name__ == "__main__":
    main()
