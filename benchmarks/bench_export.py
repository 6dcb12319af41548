"""Export benchmark: PDF (and the other formats) of many highlights, seconds and peak memory.

Cases (issue 5): one article with 300 highlights; 1,000 highlights across 100 articles (target <= 3 s for
the PDF). Articles are built from the seed article (tests/fixtures/seed.txt), its paragraphs rotated so each
article's text is distinct; highlights are spans of 4 to 20 words with a short mixed Arabic/English note on
every other one. Each case runs in a fresh process so the peak RSS is the export's own; "seconds" is wall
time, "cpu s" the process's CPU time (steadier than wall time on a shared machine).

    .venv/bin/python benchmarks/bench_export.py [--formats pdf,md,html,csv,json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = {"1 article x 300": (1, 300), "100 articles x 10": (100, 10)}
NOTES = [
    "ملاحظة: هذا **ادعاء** يحتاج إلى مصدر (source needed).",
    "Compare with the *BBC* report; الأرقام مختلفة.",
    "- نقطة أولى\n- second point\n- نقطة ثالثة",
]


def build_library(folder: Path, articles: int, per_article: int) -> None:
    from reader.core.library import Library
    from reader.core.models import ArticleMeta
    from reader.core.text import Block, BlockKind, canonical_text

    lines = [
        ln.strip() for ln in (ROOT / "tests/fixtures/seed.txt").read_text("utf-8").splitlines() if ln.strip()
    ]
    title, paragraphs = lines[0], lines[1:]
    rng = random.Random(5)
    with Library(folder) as library:
        store, highlights = library.articles, library.highlights
        items = []
        for n in range(articles):
            k = n % len(paragraphs)
            paras = paragraphs[k:] + paragraphs[:k]
            if per_article > 100:  # one long article: the seed three times over
                paras = paras * 3
            blocks = [Block(BlockKind.PARAGRAPH, f"({n + 1}) {p}") for p in paras]
            items.append(
                (
                    ArticleMeta(
                        title=f"{title} ({n + 1})",
                        author="كاتب",
                        outlet="Outlet",
                        url=f"https://example.org/{n}",
                        published="2024-03-24",
                    ),
                    blocks,
                )
            )
        ids = store.add_many(items)
        colors = ["claim", "evidence", "counter", "source", "question", "important"]
        for aid, (_, blocks) in zip(ids, items, strict=True):
            text = canonical_text(blocks)
            words = [m.span() for m in re.finditer(r"\S+", text)]
            for i in range(per_article):
                first = rng.randrange(0, len(words) - 21)
                last = first + rng.randrange(3, 20)
                start, end = words[first][0], words[last][1]
                highlights.create(
                    aid,
                    start,
                    end,
                    color=colors[i % len(colors)],
                    note=NOTES[i % len(NOTES)] if i % 2 == 0 else "",
                    tags=("bench",),
                )


def run_case(folder: Path, fmt: str, out: Path) -> dict[str, float]:
    import importlib

    from reader.core.exporters import _MODULES, ExportRequest
    from reader.core.library import Library

    started = time.perf_counter()
    importlib.import_module(_MODULES[fmt])  # once per process (the app imports it on its first export)
    import_seconds = time.perf_counter() - started
    with Library(folder) as library:
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = library.export(ExportRequest(format=fmt, all_articles=True), out)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "seconds": seconds,
        "cpu": cpu,
        "import": import_seconds,
        "peak_mib": peak_kib / 1024,
        "pages": summary.pages or 0,
        "highlights": summary.highlights,
        "bytes": summary.bytes,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="pdf,md,html,csv,json")
    parser.add_argument("--child", nargs=3, metavar=("LIB", "FMT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_case(Path(args.child[0]), args.child[1], Path(args.child[2]))))
        return 0
    print(
        f"{'case':<20} {'format':<6} {'highlights':>10} {'pages':>6} {'seconds':>8} {'cpu s':>6} {'import s':>8} "
        f"{'peak MiB':>9} {'size KiB':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, (articles, per) in CASES.items():
            folder = Path(tmp) / name.replace(" ", "_")
            build_library(folder, articles, per)
            for fmt in args.formats.split(","):
                out = Path(tmp) / f"out.{fmt}"
                child = subprocess.run(
                    [sys.executable, __file__, "--child", str(folder), fmt, str(out)],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                r = json.loads(child.stdout)
                print(
                    f"{name:<20} {fmt:<6} {r['highlights']:>10} {r['pages'] or '':>6} {r['seconds']:>8.2f} "
                    f"{r['cpu']:>6.2f} {r['import']:>8.2f} {r['peak_mib']:>9.1f} {r['bytes'] / 1024:>9.0f}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
