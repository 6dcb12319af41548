"""The notebook with 10,000 highlights across 2,000 articles, in the real main window (offscreen).

1. Core load: `Library.notebook()` (three queries, each highlight's text folded), in the UI's process.
2. Notebook open: Ctrl+Shift+N's action triggered until the list is filled and painted, with the notebook
   already read (the window reads it on a worker after its first paint) and, for comparison, from cold (the
   read included, as when the library changed while the notebook was hidden).
3. Filter as you type: a word typed letter by letter into the filter box; each keystroke's UI-thread time
   (filter, regroup, the model refilled, the list repainted); median and p95 over every keystroke of every run.
4. Group-by switches: each grouping chosen in turn, until repainted.

The articles are synthetic Arabic and English opinion-like paragraphs (no corpus needed); each article gets five
highlights with tags (some hierarchical), colour labels, some notes, ten authors' names spread over them,
collections and dates.

Run: .venv/bin/python benchmarks/bench_notebook.py [--articles 2000] [--per-article 5] [--runs 5]
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

from PySide6.QtWidgets import QApplication

from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind

AR_WORDS = (
    "الحكومة المسؤولية الإسلامية الاقتصاد السعودي الأمن الإقليمي الحرب السياسة الخارجية المجتمع المدني "
    "الإصلاح التعليم الشباب النفط الطاقة المستقبل الدولة القانون الحرية الإعلام الثقافة التنمية الرؤية "
    "الاستثمار المنطقة العربية السلام المفاوضات الإرهاب التطرف الهوية الوطنية"
).split()
EN_WORDS = (
    "government responsibility economy security region war policy society reform education youth oil energy "
    "future state law freedom media culture development vision investment peace talks terrorism identity"
).split()
AUTHORS = [
    "عبدالرحمن الراشد",
    "تركي الدخيل",
    "مشاري الذايدي",
    "سمير عطا الله",
    "عبدالله بن بجاد",
    "Thomas Friedman",
    "Jane Doe",
    "فهد الأحمدي",
    "حمود أبو طالب",
    "خالد السليمان",
]
OUTLETS = ["الشرق الأوسط", "عكاظ", "الرياض", "The Times"]
TAGS = ["security", "security/terrorism", "economy", "economy/oil", "education", "media", "reform"]
COLORS = ["claim", "evidence", "source", "question"]
TYPED = "الاقتصاد"  # typed letter by letter: many matches after one letter, fewer as it grows


def sentence(words: list[str], seed: int, length: int) -> str:
    return " ".join(words[(seed * 7 + k * 3) % len(words)] for k in range(length))


def build(folder: Path, articles: int, per_article: int) -> float:
    start = time.perf_counter()
    with Library(folder) as library:
        batch = []
        for i in range(articles):
            words = EN_WORDS if i % 5 == 0 else AR_WORDS
            paragraphs = [
                Block(BlockKind.PARAGRAPH, sentence(words, i + p, 40) + f" {i}.{p}.")
                for p in range(per_article)
            ]
            meta = ArticleMeta(
                title=f"{sentence(words, i, 4)} {i}",
                author=AUTHORS[i % len(AUTHORS)],
                outlet=OUTLETS[i % len(OUTLETS)],
                published=f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            )
            batch.append((meta, paragraphs))
        ids = library.articles.add_many(batch)
        for n, name in enumerate(("أمن", "اقتصاد", "Reading list")):
            library.collections.add(name, ids[n::4])
        for i, article_id in enumerate(ids):
            text = library.articles.text(article_id)
            offset = 0
            for p in range(per_article):
                paragraph_end = text.index("\n", offset) if "\n" in text[offset:] else len(text)
                start_at = offset + (i + p) % 40
                end_at = min(paragraph_end, start_at + 60 + (i * p) % 120)
                library.highlights.create(
                    article_id,
                    start_at,
                    end_at,
                    color=COLORS[(i + p) % len(COLORS)],
                    tags=[TAGS[(i + p) % len(TAGS)]] if (i + p) % 3 else [],
                    note=sentence(AR_WORDS, i * p, 12) if p % 2 == 0 else "",
                )
                offset = paragraph_end + 1
    return time.perf_counter() - start


class Timer:
    """Wall time and the UI thread's CPU time of one step: on a loaded machine the wall time counts the
    waits for a core too, the CPU time only this thread's work."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.thread_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.thread_time() - self.cpu


def _stats(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"median {statistics.median(ordered) * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms"


def ms(pairs: list[tuple[float, float]]) -> str:
    """Wall and CPU times, median and p95 of each."""
    return f"wall {_stats([w for w, _ in pairs])}  |  cpu {_stats([c for _, c in pairs])}"


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
        app = QApplication.instance() or QApplication([])
        from reader.gui.common import workers
        from reader.gui.common.settings import open_settings
        from reader.gui.main_window import MainWindow

        library = Library(folder)
        loads = []
        for _ in range(args.runs):
            started = Timer()
            notebook = library.notebook()
            loads.append(started.stop())
        print(f"core load (Library.notebook, {len(notebook)} highlights): {ms(loads)}")

        settings = open_settings(Path(tmp) / "settings.ini")
        window = MainWindow(library, settings)
        window.resize(1366, 768)
        window.show()
        controller = window.notebook
        view = controller.view

        def settle() -> None:
            while workers.busy() or controller._load_task is not None:
                app.processEvents()
                time.sleep(0.001)
            app.processEvents()

        def repaint() -> None:
            view.list.viewport().repaint()  # the paint the user waits for, now rather than at the next turn

        settle()
        opens, cold = [], []
        for _ in range(args.runs):
            window.modes.show("reading")
            app.processEvents()
            started = Timer()
            controller.action.trigger()
            app.processEvents()
            repaint()
            opens.append(started.stop())
            # cold: the notebook is read again (as after a change while it was hidden)
            window.modes.show("reading")
            controller._stale = True
            controller.notebook = None
            app.processEvents()
            started = Timer()
            controller.action.trigger()
            settle()
            repaint()
            cold.append(started.stop())
        print(f"notebook open, already read:  {ms(opens)}")
        print(f"notebook open, read included: {ms(cold)}")

        keystrokes: list[float] = []
        for _ in range(args.runs):
            view.text_edit.clear()
            app.processEvents()
            for n in range(1, len(TYPED) + 1):
                started = Timer()
                view.text_edit.setText(TYPED[:n])  # textChanged → filter, regroup, refill
                repaint()
                keystrokes.append(started.stop())
                app.processEvents()
        shown = view.model.card_count()
        print(
            f"filter per keystroke, typing {TYPED!r} ({len(TYPED)} keys, {shown} cards at the end): {ms(keystrokes)}"
        )
        view.text_edit.clear()
        app.processEvents()

        switches: dict[str, list[float]] = {}
        combo = view.group_combo
        for _ in range(args.runs):
            for index in range(combo.count()):
                started = Timer()
                combo.setCurrentIndex(index)
                repaint()
                switches.setdefault(str(combo.currentData() or "none"), []).append(started.stop())
                app.processEvents()
        print("group-by switch (10,000 highlights shown):")
        for key, values in switches.items():
            print(f"  {key:<11} {ms(values)}")
        window.close()
        library.close()


if __name__ == "__main__":
    main()
