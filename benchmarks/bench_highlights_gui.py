"""GUI highlight benchmark (offscreen): opening a long annotated article, and creating a highlight.

    python benchmarks/bench_highlights_gui.py [--words 10000] [--highlights 300] [--runs 7]

Targets (issue 3): opening a 10,000-word article with 300 highlights <= 100 ms to first paint; creating a
highlight <= 50 ms until it is visible. "First paint" is the article view's viewport finishing its first
paint event after the open call; "visible" is the first viewport paint after the create call. The article
is built from the seed article's words (tests/fixtures/seed.txt), in paragraphs of about 90 words.
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

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.core.library import Library  # noqa: E402
from reader.core.library.highlights import Highlights  # noqa: E402
from reader.core.models import ArticleMeta  # noqa: E402
from reader.core.text import Block, BlockKind  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed.txt"
COLORS = ["claim", "evidence", "counter", "source", "question", "important"]


def wait_paint(app: QApplication, viewport, timeout: float = 5.0) -> float:
    """Process events until the viewport has painted (repaint forced if Qt coalesced); returns the time."""
    deadline = time.perf_counter() + timeout
    viewport.update()
    while time.perf_counter() < deadline:
        app.processEvents()
        if getattr(viewport, "_bench_painted", False):
            return time.perf_counter()
    raise TimeoutError("the article view never painted")


def build_article(words: int) -> list[Block]:
    vocab = SEED.read_text("utf-8").split()
    rng = random.Random(3)
    blocks = [Block(BlockKind.HEADING, "مقال طويل للقياس", 2)]
    left = words
    while left > 0:
        n = min(left, rng.randint(70, 110))
        blocks.append(Block(BlockKind.PARAGRAPH, " ".join(rng.choices(vocab, k=n))))
        left -= n
    return blocks


def add_highlights(store: Highlights, article_id: int, text: str, count: int) -> None:
    rng = random.Random(5)
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    for n in range(count):
        start = rng.choice(spaces) + 1
        end = min(len(text), start + rng.randint(10, 160))
        store.create(
            article_id,
            start,
            end,
            color=COLORS[n % len(COLORS)],
            style="underline" if n % 7 == 0 else "background",
            note="ملاحظة مع English words" if n % 3 == 0 else "",
            tags=("bench",) if n % 5 == 0 else (),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=10000)
    parser.add_argument("--highlights", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([])
    from reader.gui.common.settings import open_settings
    from reader.gui.main_window import MainWindow
    from reader.gui.reading.article_view import load_fonts

    load_fonts()
    tmp = Path(tempfile.mkdtemp(prefix="hawamish-bench-"))
    library = Library(tmp / "library")
    articles = library.articles
    blocks = build_article(args.words)
    big = articles.add(ArticleMeta(title="long", language="ar"), blocks)
    other = articles.add(ArticleMeta(title="short", language="ar"), [Block(BlockKind.PARAGRAPH, "نص قصير.")])
    store = library.highlights
    add_highlights(store, big, articles.get(big).text, args.highlights)

    window = MainWindow(library, open_settings(tmp / "settings.ini"), "en")
    window.resize(1500, 950)
    window.show()
    app.processEvents()
    viewport = window.article_view.viewport()

    class Flag(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                viewport._bench_painted = True  # set before the paint: wait_paint returns after it ran
            return False

    flag = Flag()
    viewport.installEventFilter(flag)

    def painted_after(action) -> tuple[float, float]:
        """(time the action took, time until the viewport painted after it), in ms."""
        app.processEvents()
        viewport._bench_painted = False
        t0 = time.perf_counter()
        action()
        t1 = time.perf_counter()
        t2 = wait_paint(app, viewport)
        return (t1 - t0) * 1000, (t2 - t0) * 1000

    controller = window.annotations
    open_call, open_paint, layer_ms, panel_ms = [], [], [], []
    drawn_at_first_paint = 0
    for _ in range(args.runs):
        window.open_article(other)
        app.processEvents()
        call, paint = painted_after(lambda: window.open_article(big))
        open_call.append(call)
        open_paint.append(paint)
        drawn_at_first_paint = len(window.article_view.overlay("highlights"))
        highlights = store.for_article(big)
        t0 = time.perf_counter()
        controller.layer.set_highlights(highlights)
        layer_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        controller.panel.set_highlights(highlights)
        controller.panel.refresh()  # the cards are otherwise rebuilt after the view's paint
        panel_ms.append((time.perf_counter() - t0) * 1000)
    assert len(controller.layer.highlights) == args.highlights

    # the article view alone (no window, no feature modules): what the rendering itself costs
    from reader.gui.reading.article_view import ArticleView

    bare = ArticleView()
    bare.resize(window.article_view.size())
    bare.show()
    big_article, other_article = articles.get(big), articles.get(other)
    from reader.gui.reading.highlight_layer import HighlightLayer

    bare_layer = HighlightLayer(bare, lambda: controller._colors)
    big_highlights = store.for_article(big)
    bare_view_ms, bare_layer_ms, late_layer_ms = [], [], []
    mode = {"prepare": False}

    def prepare(document) -> None:  # as the controller does: highlights placed before the document is shown
        if mode["prepare"] and bare.article is not None and bare.article.id == big:
            bare_layer.set_highlights(big_highlights, document)

    bare.document_ready.connect(prepare)
    for early, late, out in (
        (False, False, bare_view_ms),
        (True, False, bare_layer_ms),
        (False, True, late_layer_ms),
    ):
        mode["prepare"] = early
        bare_layer.set_highlights([])
        for _ in range(args.runs):
            bare.set_article(other_article)
            app.processEvents()
            t0 = time.perf_counter()
            bare.set_article(big_article)
            if late:  # installed after the document is shown: Qt lays the whole article out first
                bare_layer.set_highlights(big_highlights)
            bare.viewport().repaint()
            out.append((time.perf_counter() - t0) * 1000)
    bare.close()

    text = window.article_view.article.text
    rng = random.Random(9)
    create_call, create_paint = [], []
    for _ in range(args.runs * 3):
        start = rng.randrange(0, len(text) - 100)
        window.article_view.scroll_to_offset(start)
        window.article_view.setTextCursor(window.article_view.cursor_for_range(start, start + 40))
        app.processEvents()
        call, paint = painted_after(lambda: controller.highlight_selection("evidence"))
        create_call.append(call)
        create_paint.append(paint)

    def row(name: str, values: list[float], target: str) -> str:
        values = sorted(values)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        return f"| {name:<46} | {statistics.median(values):8.1f} | {p95:8.1f} | {target:>7} |"

    print(
        f"{args.words} words, {args.highlights} highlights, {args.runs} runs (offscreen, Qt {app.applicationVersion() or ''})"
    )
    print(f"| {'measure (ms)':<46} | {'median':>8} | {'p95':>8} | {'target':>7} |")
    print(f"|{'-' * 48}|{'-' * 10}|{'-' * 10}|{'-' * 9}|")
    print(row("open article: open_article() call", open_call, ""))
    print(row("open article: until first paint", open_paint, "<= 100"))
    print(row("  ArticleView alone: set_article + paint", bare_view_ms, ""))
    print(row("  ArticleView + highlights (before shown) + paint", bare_layer_ms, ""))
    print(row("  ArticleView + highlights (after shown) + paint", late_layer_ms, ""))
    print(row("  highlight layer again, document laid out", layer_ms, ""))
    print(row("  panel: 300 cards (after the first paint)", panel_ms, ""))
    print(row("create highlight: command + refresh", create_call, ""))
    print(row("create highlight: until painted", create_paint, "<= 50"))
    print(f"highlights installed at the first paint: {drawn_at_first_paint} of {args.highlights}")
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
