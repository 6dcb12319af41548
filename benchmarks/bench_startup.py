"""Window start-up with a 10,000-article library: time from process start to the window shown, peak RSS.

    .venv/bin/python benchmarks/bench_startup.py [--articles 10000] [--runs 3]

Targets (issue 2): window shown <= 1 s, peak memory <= 200 MB. The library list loads metadata only
(library.articles.list) and hands rows to the view in batches (fetchMore); the article view lays out one
article. Runs the real `hawamish gui --screenshot` in a fresh process each time (offscreen platform), and
prints a table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.library import Library  # noqa: E402
from reader.core.models import ArticleMeta  # noqa: E402
from reader.core.text import Block, BlockKind  # noqa: E402

WORDS = (
    "تنظيم القوة الهجوم موسكو الدولة الحرب السياسة الأمن المنطقة التهديد الولايات المتحدة "
    "روسيا أفغانستان الرئيس الحكومة المقال الكاتب الرأي العالم"
).split()


def build_library(folder: Path, count: int) -> float:
    """`count` synthetic Arabic articles of ~300 words in one transaction per 1,000; returns seconds."""
    start = time.perf_counter()
    with Library(folder) as library:
        store = library.articles
        batch: list[tuple[ArticleMeta, list[Block]]] = []
        for i in range(count):
            paragraphs = [
                Block(
                    BlockKind.PARAGRAPH,
                    " ".join(WORDS[(i + p * 7 + w) % len(WORDS)] for w in range(60)) + f" {i}.{p}",
                )
                for p in range(5)
            ]
            meta = ArticleMeta(
                title=f"مقال رقم {i}: {WORDS[i % len(WORDS)]}",
                author=f"كاتب {i % 97}",
                outlet=f"منبر {i % 13}",
                published=f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                language="ar",
            )
            batch.append((meta, paragraphs))
            if len(batch) == 1000:
                store.add_many(batch)
                batch = []
        if batch:
            store.add_many(batch)
    return time.perf_counter() - start


def run_once(folder: Path, workdir: Path, platform: str) -> tuple[float, float, float, int, float]:
    """(seconds to window shown, seconds to screenshot saved and exit, peak RSS in MB, exit status,
    CPU seconds of the whole run: user + system, which a busy machine inflates much less than wall time)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=platform,
        HAWAMISH_REPORT_SHOWN="1",
        HAWAMISH_CONFIG_DIR=str(workdir / "config"),
    )
    # as installed: bytecode cached (a warm-up run writes it), not recompiled at every start
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    png = workdir / "startup.png"
    start = time.time()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reader.cli",
            "--library",
            str(folder),
            "gui",
            "--lang",
            "ar",
            "--screenshot",
            str(png),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    ended = time.time()
    stderr = proc.stderr.read() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    shown = next(
        (float(line.split()[1]) for line in stderr.splitlines() if line.startswith("hawamish-shown")), None
    )
    if shown is None:
        raise SystemExit(f"the app never reported its window shown (exit {proc.returncode}):\n{stderr}")
    if proc.returncode != 0:  # reported in the table: the window was shown, but the process did not end well
        print(f"warning: the app exited with status {proc.returncode}:\n{stderr[-600:]}", file=sys.stderr)
    return (
        shown - start,
        ended - start,
        usage.ru_maxrss / 1024,
        proc.returncode,
        usage.ru_utime + usage.ru_stime,
    )


def measure_model(folder: Path) -> tuple[float, int]:
    """Seconds to build the library model in-process, and rows handed to the view at first."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.gui.library.library_model import LibraryModel

    _app = QApplication.instance() or QApplication([])
    with Library(folder) as library:
        start = time.perf_counter()
        model = LibraryModel(library)
        elapsed = time.perf_counter() - start
        return elapsed, model.rowCount()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--platform", default="offscreen", help="offscreen (default) or xcb (needs DISPLAY)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hawamish-bench-") as tmp:
        workdir = Path(tmp)
        folder = workdir / "library"
        built = build_library(folder, args.articles)
        run_once(folder, workdir, args.platform)  # warm-up: bytecode caches, font caches, the search index
        results = [run_once(folder, workdir, args.platform) for _ in range(args.runs)]
        model_seconds, first_rows = measure_model(folder)
    shown = [r[0] for r in results]
    done = [r[1] for r in results]
    rss = [r[2] for r in results]
    rows = [
        ("articles in the library", f"{args.articles:,}", ""),
        ("library generated (add_many)", f"{built:.1f} s", ""),
        (
            "library model built in-process",
            f"{model_seconds * 1000:.0f} ms",
            f"{first_rows} rows handed to the view",
        ),
        ("process start -> window shown (median)", f"{statistics.median(shown):.2f} s", "target <= 1 s"),
        (
            "process start -> window shown (max)",
            f"{max(shown):.2f} s",
            f"{args.runs} runs after a warm-up, {args.platform}",
        ),
        ("process start -> screenshot saved, exit", f"{statistics.median(done):.2f} s", ""),
        (
            "CPU time of that whole run (median)",
            f"{statistics.median(r[4] for r in results):.2f} s",
            f"user+sys; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
        ),
        ("peak RSS (max)", f"{max(rss):.0f} MB", "target <= 200 MB"),
        ("exit statuses", " ".join(str(r[3]) for r in results), "0 expected"),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'value':>10}  note")
    print("-" * (width + 40))
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
