"""Fuzz every importer: hostile and malformed files, each imported in a measured process; counts by outcome.

    python benchmarks/fuzz_importers.py --count 2000 --seed 1          # the full run (about 15 minutes on 2 cores)
    python benchmarks/fuzz_importers.py --count 200 --shared           # add real pages and books from ../shared

The inputs (tests/core/importers/fuzzing.py): hand-made attacks on each format (deep nesting, huge
attributes and text nodes, invalid UTF-8/UTF-16, zip bombs, path-traversal names, broken PDF cross-reference
tables and encryption, MHTML with broken parts, broken metadata tables), then truncated, bit-flipped and
spliced copies of valid files made by the project's test builders, and random bytes. Each one is read by
its reader and imported with `Library.import_paths` into a fresh library, in a child forked from a warm
worker (parsers loaded), stopped after 10 s of CPU time; its CPU time and peak RSS come from wait4. Prints a table of format ×
outcome (imported, error:CODE, traceback, crash, timeout, over-memory) and every input that was not
imported or cleanly refused. Reads ../shared only with --shared, at run time; never copies it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.core.importers import fuzzing  # noqa: E402 - after the project root is on the path

BAD = ("traceback", "crash", "timeout", "over-memory")


def through_processes(run: Path) -> None:
    """Every input once more, in one import with reader processes, as the window imports."""
    from reader.core.library import Library
    from reader.core.library.importing import ImportOptions

    targets = sorted(
        p for folder in run.iterdir() for p in folder.iterdir() if p.name.startswith("in") or p.name == "d"
    )
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        library = Library(Path(scratch))
        report = library.import_paths(targets, options=ImportOptions(processes=2))
        library.close()
    counts = Counter(r.status if r.error is None else f"{r.status}:{r.error.code.value}" for r in report)
    print(
        f"\nthrough reader processes: {len(targets)} targets, {len(report)} results in "
        f"{time.perf_counter() - started:.0f} s, no exception out of import_paths"
    )
    for status, number in sorted(counts.items()):
        print(f"  {status}: {number}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shared", action="store_true", help="also mutate real files from ../shared")
    parser.add_argument(
        "--through-processes",
        action="store_true",
        help="then import every input again in one Library.import_paths call with 2 reader processes "
        "(the window's path): counts by status and error code",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hawamish-fuzz-") as scratch:
        work = Path(scratch)
        seeds = fuzzing.make_seeds(work / "seeds")
        if args.shared:
            fuzzing.add_shared_seeds(seeds, ROOT.parent / "shared")
        inputs = list(fuzzing.generate(seeds, args.count, args.seed))
        started = time.perf_counter()
        done = Counter[str]()

        def progress(index: int, outcome: fuzzing.Outcome) -> None:
            done[outcome.outcome] += 1
            if outcome.outcome in BAD:
                item = inputs[index]
                print(
                    f"  #{index} {item.fmt} {item.kind}: {outcome.outcome} {outcome.seconds:.1f} CPU s "
                    f"{outcome.peak_mb:.0f} MB {outcome.detail.strip().splitlines()[-1:]}",
                    flush=True,
                )

        outcomes = fuzzing.run_inputs(
            work / "run", work / "seeds", inputs, workers=args.workers, on_outcome=progress
        )
        elapsed = time.perf_counter() - started
        if args.through_processes:
            through_processes(work / "run")

    table: dict[str, Counter[str]] = {}
    for item, outcome in zip(inputs, outcomes, strict=True):
        table.setdefault(item.fmt, Counter())[outcome.outcome] += 1
    columns = sorted({o for counts in table.values() for o in counts}, key=lambda o: (o in BAD, o))
    print(
        f"\n{len(inputs)} inputs, seed {args.seed}, {args.workers} workers, {elapsed:.0f} s; "
        f"limits {fuzzing.TIME_LIMIT:.0f} CPU s and {fuzzing.MEMORY_LIMIT_MB} MB peak RSS a file"
    )
    print("| format | " + " | ".join(columns) + " | total |")
    print("|---" * (len(columns) + 2) + "|")
    for fmt in fuzzing.FORMATS:
        counts = table.get(fmt, Counter())
        print(f"| {fmt} | " + " | ".join(str(counts[c]) for c in columns) + f" | {sum(counts.values())} |")
    totals = Counter(o.outcome for o in outcomes)
    print("| all | " + " | ".join(str(totals[c]) for c in columns) + f" | {len(outcomes)} |")
    peak = max(outcomes, key=lambda o: o.peak_mb)
    slowest = max(outcomes, key=lambda o: o.seconds)
    print(f"peak RSS {peak.peak_mb:.0f} MB; slowest {slowest.seconds:.1f} CPU s")


if __name__ == "__main__":
    main()
