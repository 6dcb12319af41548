"""PDF importer benchmark: false repairs on correct Arabic, and the import of the shared PDFs.

    python benchmarks/bench_pdf_repairs.py

1. Every word of the SaudiNewsNet articles (correct text, typed by the newspapers) goes through the Arabic
   repairs of the PDF importer; a correct word must never change (target 0). Counted three ways: each word
   alone through `repair_arabic` (the repairs decide from the word itself), each article through it (how an
   import decides, from the whole text), and each word with every repair forced on (the worst case, as if
   every article had been found broken). Words the corpus itself has in presentation forms (leftovers of
   text copied from PDFs) are normalised by NFKC, which is not a guess: they are counted apart.
2. Every PDF in ../shared/books imports: time, blocks, and the peak traced memory of the biggest.

Reads ../shared when it is there (never copies it) and skips cleanly when it is not.
"""

from __future__ import annotations

import contextlib
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.errors import HawamishError  # noqa: E402
from reader.core.importers.pdf import read_pdf  # noqa: E402
from reader.core.importers.pdf.arabic_repairs import (  # noqa: E402
    ALL_REPAIRS,
    normalise_presentation_forms,
    repair_arabic,
)

SHARED = ROOT.parent / "shared"
SAUDI = SHARED / "corpora" / "ar-saudinewsnet" / "articles"
BOOKS = SHARED / "books"


def row(name: str, value: str, target: str = "") -> str:
    return f"| {name:<44} | {value:>12} | {target:<8} |"


def false_repairs() -> None:
    files = sorted(SAUDI.glob("*/*.txt"))
    words = 0
    distinct: Counter[str] = Counter()
    per_article = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        tokens = normalise_presentation_forms(text).split()
        words += len(text.split())
        distinct.update(text.split())
        repaired = repair_arabic(text).split()
        if len(repaired) != len(tokens):
            per_article += abs(len(repaired) - len(tokens)) or 1
        else:
            per_article += sum(a != b for a, b in zip(tokens, repaired, strict=True))

    def changed(repair: object) -> dict[str, str]:
        apply = repair_arabic if repair is None else ALL_REPAIRS.apply
        return {w: r for w in distinct if (r := apply(w)) != normalise_presentation_forms(w)}

    alone, forced = changed(None), changed(ALL_REPAIRS)
    forms = sum(n for w, n in distinct.items() if normalise_presentation_forms(w) != w)

    print(f"false repairs on {len(files)} SaudiNewsNet articles (correct text): {SAUDI}")
    print(row("measure", "value", "target"))
    print(row("-" * 44, "-" * 12, "-" * 8))
    print(row("words checked", f"{words}"))
    print(row("distinct words checked", f"{len(distinct)}"))
    print(row("words changed, each word alone", f"{sum(distinct[w] for w in alone)}", "0"))
    print(row("words changed, each article as a whole", f"{per_article}", "0"))
    print(row("words changed, every repair forced on", f"{sum(distinct[w] for w in forced)}", "(worst)"))
    print(row("words in presentation forms (NFKC, apart)", f"{forms}"))
    for label, found in (("alone", alone), ("forced", forced)):
        for word, repaired in sorted(found.items(), key=lambda item: -distinct[item[0]])[:12]:
            print(f"  {label}: {word!r} -> {repaired!r} ({distinct[word]}x)")


def books() -> None:
    paths = sorted(BOOKS.glob("*.pdf"), key=lambda p: p.stat().st_size)
    print(f"\nimport of {len(paths)} PDFs: {BOOKS}")
    print(f"| {'file':<24} | {'MB':>5} | {'result':<10} | {'blocks':>6} | {'seconds':>7} | {'peak MB':>7} |")
    print(f"| {'-' * 24} | {'-' * 5} | {'-' * 10} | {'-' * 6} | {'-' * 7} | {'-' * 7} |")
    imported = 0
    for path in paths:
        start = time.perf_counter()
        try:
            _meta, blocks = read_pdf(path)
            result, count = "imported", len(blocks)
            imported += 1
        except HawamishError as error:
            result, count = error.code.value, 0
        seconds = time.perf_counter() - start
        tracemalloc.start()  # a second read, traced (tracemalloc slows allocation several-fold)
        with contextlib.suppress(HawamishError):
            read_pdf(path)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = path.stat().st_size / 1e6
        print(
            f"| {path.name:<24} | {size:>5.2f} | {result:<10} | {count:>6} | {seconds:>7.2f} | {peak / 1e6:>7.1f} |"
        )
    if paths:
        print(f"imported {imported} of {len(paths)}")


def main() -> int:
    if not SAUDI.exists() and not BOOKS.exists():
        print(f"skipped: {SHARED} is absent (the shared test data beside the checkout)")
        return 0
    if SAUDI.exists():
        false_repairs()
    else:
        print(f"skipped the false-repair count: {SAUDI} is absent")
    if BOOKS.exists():
        books()
    else:
        print(f"skipped the PDF import: {BOOKS} is absent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
