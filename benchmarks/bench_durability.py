"""What `PRAGMA synchronous = FULL` costs against NORMAL (WAL mode) on the writes a researcher waits for.

WAL + NORMAL fsyncs the WAL only at checkpoints: a commit survives the app's crash (it is in the OS's cache)
but a power cut or an OS crash may roll back the last commits. WAL + FULL fsyncs the WAL at every commit: a
highlight the window showed as saved survives a power cut too. This measures the price of that fsync on:
creating a highlight, editing a note, tagging an article (one transaction each, as the app makes them), and
importing 200 short articles (one transaction a batch). docs/library.md gives the decision.

Run: .venv/bin/python benchmarks/bench_durability.py [--folder DIR] (default: a temp folder; the disk matters)
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

OPERATIONS = 200
PARAGRAPH = "أعلن الكاتب أن الحوار بين الثقافات ضرورة لا ترف، وأن الاختلاف يغني ولا يفرق. " * 4


def timed(action: Callable[[int], object], count: int) -> list[float]:
    times = []
    for i in range(count):
        started = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(folder: Path, level: str) -> dict[str, list[float]]:
    with Library(folder / f"library-{level.lower()}") as library:
        with library.database.read() as connection:  # the level under test, on the library's own connection
            connection.execute(f"PRAGMA synchronous = {level}")
            actual = connection.execute("PRAGMA synchronous").fetchone()[0]
        assert actual == {"NORMAL": 1, "FULL": 2}[level], actual
        article = library.articles.add(ArticleMeta(title="مقال"), [Block(BlockKind.PARAGRAPH, PARAGRAPH)])
        made: list[int] = []
        results = {
            "create a highlight": timed(
                lambda i: made.append(library.highlights.create(article, i % 50, i % 50 + 20, note="").id),
                OPERATIONS,
            ),
            "edit a note": timed(
                lambda i: library.highlights.update(made[i], note=f"ملاحظة {i}"), OPERATIONS
            ),
            "tag an article": timed(
                lambda i: library.articles.set_tags(article, [f"tag{i % 7}"]), OPERATIONS
            ),
        }
        items = [
            (ArticleMeta(title=f"مقال {i}"), [Block(BlockKind.PARAGRAPH, f"{PARAGRAPH} {i}")])
            for i in range(OPERATIONS)
        ]
        started = time.perf_counter()
        for start in range(0, OPERATIONS, 50):  # the importer's batches
            library.articles.add_many(items[start : start + 50])
        results["import 200 articles"] = [(time.perf_counter() - started) * 1000]
        return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder", type=Path, help="where the libraries are made (its disk is what is measured)"
    )
    args = parser.parse_args()
    folder = args.folder or Path(tempfile.mkdtemp(prefix="hawamish-durability-"))
    folder.mkdir(parents=True, exist_ok=True)
    normal, full = run(folder, "NORMAL"), run(folder, "FULL")
    print(
        f"synchronous NORMAL vs FULL (WAL), {OPERATIONS} operations each, {os.cpu_count()} cores, in {folder}"
    )
    print(f"{'operation':<22}{'NORMAL median':>15}{'p95':>9}{'FULL median':>14}{'p95':>9}   (ms)")
    for name in normal:
        a, b = normal[name], full[name]
        p95 = lambda t: sorted(t)[int(len(t) * 0.95) - 1] if len(t) > 1 else t[0]  # noqa: E731
        print(
            f"{name:<22}{statistics.median(a):>15.2f}{p95(a):>9.2f}{statistics.median(b):>14.2f}{p95(b):>9.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
