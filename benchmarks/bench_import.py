"""Import benchmark: articles per second and peak memory for a bulk import into a fresh library.

    python benchmarks/bench_import.py              # the 1,500 SaudiNewsNet articles (or generated ones)
    python benchmarks/bench_import.py --generated  # always generated articles
    python benchmarks/bench_import.py --bad-input  # also import ar-ant and the BBC corpus, report failures

Target (issue 2): >= 200 articles/s without the search index. The search index is not touched here: it is
derived data built by `reindex`/the app after an import. Reads ../shared when it is there; never copies it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.library import Library  # noqa: E402

SHARED = ROOT.parent / "shared"
SAUDI = SHARED / "corpora" / "ar-saudinewsnet"

_WORDS = (
    "الحكومة قرار السياسة الاقتصاد المجتمع المستقبل التعليم الصحة الشباب المدينة الثقافة الحوار "
    "الإعلام التنمية المواطن الحقيقة السؤال الجواب المقال الرأي policy market reform"
).split()


def saudi_files() -> list[Path]:
    """The corpus files named in manifest.jsonl, in manifest order."""
    with (SAUDI / "manifest.jsonl").open(encoding="utf-8") as fh:
        return [SAUDI / json.loads(line)["file"] for line in fh if line.strip()]


def generated_files(folder: Path, count: int = 1500) -> list[Path]:
    """Articles of the corpus's shape (title line, ~12 paragraphs of ~60 words) from a fixed seed."""
    rng = random.Random(2024)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        title = " ".join(rng.choices(_WORDS, k=6))
        paragraphs = [" ".join(rng.choices(_WORDS, k=60)) + "." for _ in range(12)]
        path = folder / f"{i:05d}.txt"
        path.write_text("\n\n".join([f"{title} {i}", *paragraphs]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def timed_import(paths: list[Path], library_dir: Path) -> tuple[list, float, int]:
    """(results, seconds, peak traced bytes) of importing `paths` into a new library."""
    with Library(library_dir) as library:
        tracemalloc.start()
        start = time.perf_counter()
        results = library.import_paths(paths)
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert library.articles.count() == sum(r.status == "imported" for r in results)
    return results, seconds, peak


def untraced_rate(paths: list[Path], library_dir: Path) -> float:
    """Articles/s without tracemalloc, whose bookkeeping slows allocation-heavy code several-fold."""
    with Library(library_dir) as library:
        start = time.perf_counter()
        results = library.import_paths(paths)
        seconds = time.perf_counter() - start
    return sum(r.status == "imported" for r in results) / seconds


def row(name: str, value: str, target: str = "") -> str:
    return f"| {name:<38} | {value:>16} | {target:<12} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--generated", action="store_true", help="use generated articles even if ../shared exists"
    )
    parser.add_argument(
        "--bad-input", action="store_true", help="also import ar-ant and en-bbc from ../shared"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hawamish-bench-") as tmp:
        tmp_dir = Path(tmp)
        if SAUDI.exists() and not args.generated:
            source, paths = "ar-saudinewsnet (manifest.jsonl)", saudi_files()
        else:
            source, paths = "generated (../shared absent)", generated_files(tmp_dir / "generated")
        size = sum(p.stat().st_size for p in paths)

        rate = untraced_rate(paths, tmp_dir / "untraced")
        results, seconds, peak = timed_import(paths, tmp_dir / "traced")
        imported = sum(r.status == "imported" for r in results)
        maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        print(f"source: {source}, {len(paths)} files, {size / 1e6:.1f} MB")
        print(row("measure", "value", "target"))
        print(row("-" * 38, "-" * 16, "-" * 12))
        print(row("articles imported", f"{imported}"))
        print(row("import rate (articles/s)", f"{rate:.0f}", ">= 200"))
        print(row("import rate under tracemalloc (art./s)", f"{imported / seconds:.0f}"))
        print(row("peak traced Python memory (MB)", f"{peak / 1e6:.1f}"))
        print(row("process peak RSS (MB)", f"{maxrss_mb:.0f}", "<= 200"))
        failed = [r for r in results if r.status != "imported"]
        for r in failed[:10]:
            print(f"  {r.status}: {r.path} {r.error or ''}")

        if args.bad_input:
            bad_input_report(tmp_dir)
    return 0


def bad_input_report(tmp_dir: Path) -> None:
    """Import the other corpora: how many files import, are duplicates, or fail (and why)."""
    for name in ("ar-ant", "en-bbc"):
        folder = SHARED / "corpora" / name
        if not folder.exists():
            print(f"{name}: absent ({folder})")
            continue
        with Library(tmp_dir / f"lib-{name}") as library:
            start = time.perf_counter()
            results = library.import_paths([folder])
            seconds = time.perf_counter() - start
        counts = Counter(r.status for r in results)
        codes = Counter(r.error.code.value for r in results if r.error)
        print(
            f"{name}: {len(results)} files in {seconds:.1f} s ({len(results) / seconds:.0f}/s): "
            + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
            + (f"; failures by code: {dict(codes)}" if codes else "")
        )
        for r in results:
            if r.error:
                print(f"  {r.path}: {r.error}")


if __name__ == "__main__":
    sys.exit(main())
