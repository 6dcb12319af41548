"""Research page export benchmark: a page quoting 200 highlights from 50 articles (and 20 authors), with a
paragraph of the user's own between quotes, exported to PDF and Markdown (issue 12: "page export with 200
quotes"). Articles are built from the seed article (tests/fixtures/seed.txt), paragraphs rotated so each text
is distinct; quotes are spans of 6 to 25 words. Each format runs in a fresh process, three times; the table
gives the median wall time, CPU time, peak RSS of the process, the file's size and pages.

    .venv/bin/python benchmarks/bench_page_export.py [--quotes 200]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARTICLES = 50
AUTHORS = 20
RUNS = 3


def build_library(folder: Path, quotes: int) -> int:
    """A library with `quotes` highlights over ARTICLES articles and one page quoting all of them; its id."""
    from reader.core.library import Library
    from reader.core.models import ArticleMeta
    from reader.core.text import Block, BlockKind, canonical_text

    rng = random.Random(12)
    lines = [
        ln.strip() for ln in (ROOT / "tests/fixtures/seed.txt").read_text("utf-8").splitlines() if ln.strip()
    ]
    with Library(folder) as library:
        highlight_ids: list[int] = []
        for n in range(ARTICLES):
            paragraphs = lines[1:][n % 10 :] + lines[1:][: n % 10]
            blocks = [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
            article_id = library.articles.add(
                ArticleMeta(
                    title=f"{lines[0]} ({n + 1})",
                    author=f"كاتب رقم {n % AUTHORS + 1}",
                    outlet="الوطن" if n % 2 else "Example Times",
                    url=f"https://example.org/opinion/{n + 1}",
                    published=f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                    language="ar",
                ),
                blocks,
            )
            text = canonical_text(blocks)
            words = [i for i, ch in enumerate(text) if ch == " "]
            for _ in range(quotes // ARTICLES + (1 if n < quotes % ARTICLES else 0)):
                first = rng.randrange(0, len(words) - 30)
                length = rng.randint(6, 25)
                start, end = words[first] + 1, words[first + length]
                highlight_ids.append(library.highlights.create(article_id, start, end, color="claim").id)
        parts = ["مقدمة الصفحة: مراجعة الأدبيات حول **الإرهاب** في الصحافة السعودية."]
        for i, highlight_id in enumerate(highlight_ids):
            if i % 5 == 0:
                parts.append(
                    f"فقرة {i // 5 + 1} من تحليلي: ما يلي يقارن بين الكتّاب (paragraph {i // 5 + 1})."
                )
            parts.append(f"{{{{quote {highlight_id}}}}}")
        page = library.pages.create("مراجعة الأدبيات", "\n\n".join(parts) + "\n")
        return page.id


def child(folder: str, page_id: int, fmt: str, out: str) -> None:
    from reader.core.exporters import ExportRequest
    from reader.core.library import Library

    cpu0, wall0 = time.process_time(), time.perf_counter()
    with Library(Path(folder)) as library:
        summary = library.export(ExportRequest(format=fmt, page=str(page_id)), out)
    seconds, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "rss": rss_mb,
                "bytes": summary.bytes,
                "pages": summary.pages,
                "quotes": summary.highlights,
            }
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quotes", type=int, default=200)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        folder, page_id, fmt, out = args.child
        child(folder, int(page_id), fmt, out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "library"
        page_id = build_library(folder, args.quotes)
        load = os.getloadavg()[0]
        print(
            f"page export: {args.quotes} quotes from {ARTICLES} articles, {AUTHORS} authors; "
            f"{os.cpu_count()} cores, load {load:.1f}; median of {RUNS} runs, each in a fresh process"
        )
        print(f"{'format':<8}{'seconds':>9}{'cpu s':>8}{'peak MB':>9}{'KB':>8}{'pages':>7}{'quotes':>8}")
        for fmt in ("pdf", "md"):
            runs = []
            for _ in range(RUNS):
                out = Path(tmp) / f"page.{fmt}"
                done = subprocess.run(
                    [sys.executable, __file__, "--child", str(folder), str(page_id), fmt, str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            best = {k: statistics.median(r[k] for r in runs) for k in ("seconds", "cpu", "rss")}
            last = runs[-1]
            print(
                f"{fmt:<8}{best['seconds']:>9.2f}{best['cpu']:>8.2f}{best['rss']:>9.0f}{last['bytes'] / 1024:>8.0f}"
                f"{last['pages'] or '':>7}{last['quotes']:>8}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
