"""The tag vocabulary and the compare view on a library of 2,000 articles with 10,000 tagged highlights.

1. `library.tags.list()` (every tag, parents, counts with children);
2. renaming a parent carried (with its children) by a third of the highlights, and its exact undo (`restore`);
3. `compare_passages` for a tag (in columns by author) and for a label;
4. the compare view laying out the columns of that tag (offscreen, UI thread).
Median of several runs. Run: .venv/bin/python benchmarks/bench_tags.py [--articles 2000] [--per-article 5]
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.compare import compare_passages, parse_compare_query
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

TAGS = ["security", "security/terrorism", "security/borders", "economy/oil", "economy", "society/reform"]
PARAGRAPH = "هذا نص مقال رأي عن الأمن والاقتصاد والمجتمع في المنطقة، يكتبه كاتب له رأي واضح. "


def build(folder: Path, articles: int, per_article: int) -> float:
    started = time.perf_counter()
    with Library(folder) as library:
        for i in range(articles):
            blocks = [Block(BlockKind.HEADING, f"مقال رقم {i}", 1)] + [
                Block(BlockKind.PARAGRAPH, PARAGRAPH * 2) for _ in range(per_article)
            ]
            meta = ArticleMeta(title=f"مقال رقم {i}", author=f"كاتب {i % 40}", outlet=f"منبر {i % 7}",
                               published=f"2024-{1 + i % 12:02d}-01")  # fmt: skip
            article_id = library.articles.add(meta, blocks)
            step = len(PARAGRAPH) * 2 + 1
            for j in range(per_article):
                start = len(f"مقال رقم {i}") + 1 + j * step
                tag = TAGS[(i + j) % len(TAGS)]
                library.highlights.create(article_id, start, start + 20, tags=[tag])
    return time.perf_counter() - started


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        seconds = build(folder, args.articles, args.per_article)
        print(
            f"built {args.articles} articles, {args.articles * args.per_article} highlights in {seconds:.1f} s"
        )
        library = Library(folder)
        rows: list[tuple[str, float]] = []
        rows.append(("tags.list()", median_ms(library.tags.list, args.runs)))

        def rename_and_undo() -> tuple[float, float]:
            started = time.perf_counter()
            edit = library.tags.rename("security", "safety")
            middle = time.perf_counter()
            library.tags.restore(edit)
            return middle - started, time.perf_counter() - middle

        pairs = [rename_and_undo() for _ in range(args.runs)]
        touched = len(library.tags.rename("security", "safety").highlights)
        library.tags.rename("safety", "security")
        rows.append((f"rename parent ({touched} highlights)", statistics.median(p[0] for p in pairs) * 1000))
        rows.append(("restore (undo of the rename)", statistics.median(p[1] for p in pairs) * 1000))
        tag_query = parse_compare_query("tag:security")
        comparison = compare_passages(library, tag_query, "author")
        rows.append(
            (f"compare tag:security by author ({comparison.passages} passages)",
             median_ms(lambda: compare_passages(library, tag_query, "author"), args.runs))
        )  # fmt: skip
        label_query = parse_compare_query("label:claim")
        rows.append(
            (
                "compare label:claim by outlet",
                median_ms(lambda: compare_passages(library, label_query, "outlet"), args.runs),
            )
        )

        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        from reader.gui.compare.compare_controller import CompareController
        from reader.gui.compare.compare_view import CompareColumn

        view_rows: list[CompareColumn] = []
        controller_type = CompareController  # the rows as the controller builds them
        del controller_type
        from reader.gui.compare.compare_view import CompareView
        from reader.gui.compare.passage_model import PassageRow

        for group in comparison.columns:
            passages = [
                PassageRow(i.highlight.id, i.highlight.article_id, i.highlight.start, i.highlight.exact,
                           i.highlight.note, i.article_title, "", "#ffd54f", "")
                for i in group.items
            ]  # fmt: skip
            view_rows.append(CompareColumn(str(group.key), group.label, passages))
        view = CompareView()
        view.resize(1024, 640)
        view.show()

        def lay_out() -> None:
            view.set_columns(view_rows, "")
            app.processEvents()
            view.repaint()

        rows.append(
            (f"compare view: {len(view_rows)} columns laid out and painted", median_ms(lay_out, args.runs))
        )
        library.close()
    width = max(len(name) for name, _ in rows)
    print(f"\n{'':{width}}  median")
    for name, value in rows:
        print(f"{name:{width}}  {value:8.1f} ms")


if __name__ == "__main__":
    main()
