"""Four command-line writers × 200 operations on one library at once: all consistent afterwards, and how long.

    .venv/bin/python benchmarks/concurrent_writers.py [--writers 4] [--ops 200] [--busy-timeout SECONDS]

Each writer is a process running `hawamish` commands one after another (import, highlight with a note, edit,
tag, collection, and a search every tenth: tests/cli/concurrent_writers.py). Afterwards the library must hold
every change a command reported as done, `hawamish check` must be clean (integrity_check included) and
search must find every imported article and every note. Prints a table of the operations by kind (count,
failures, median / 95th percentile / slowest seconds) and the problems found (none when consistent).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.cli.concurrent_writers import run_writers, verify  # noqa: E402


def _row(name: str, seconds: list[float], failed: int) -> str:
    seconds = sorted(seconds)
    p95 = seconds[min(len(seconds) - 1, int(len(seconds) * 0.95))] if seconds else 0.0
    median = statistics.median(seconds) if seconds else 0.0
    worst = seconds[-1] if seconds else 0.0
    return f"{name:<11} {len(seconds):>6} {failed:>7} {median:>9.3f} {p95:>9.3f} {worst:>9.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--ops", type=int, default=200)
    parser.add_argument(
        "--busy-timeout", type=float, default=None, help="HAWAMISH_BUSY_TIMEOUT for the writers"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library_dir = Path(tmp) / "library"
        outcome = run_writers(library_dir, args.writers, args.ops, busy_timeout=args.busy_timeout)
        problems = verify(library_dir, outcome)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.writers} writers x {args.ops} operations, {os.cpu_count()} cores, load {load:.2f}")
    print(f"wall time {outcome.seconds:.1f} s, {len(outcome.records) / outcome.seconds:.1f} operations/s")
    print(f"{'kind':<11} {'count':>6} {'failed':>7} {'median s':>9} {'p95 s':>9} {'max s':>9}")
    kinds = sorted({str(r["kind"]) for r in outcome.records})
    for kind in kinds:
        mine = [r for r in outcome.records if r["kind"] == kind]
        print(_row(kind, [float(r["seconds"]) for r in mine], sum(1 for r in mine if r["code"] != 0)))  # type: ignore[arg-type]
    print(_row("all", [float(r["seconds"]) for r in outcome.records], len(outcome.failed)))  # type: ignore[arg-type]
    print(f"consistent: {'yes' if not problems else 'NO'} ({len(problems)} problems)")
    for problem in problems[:20]:
        print(f"  {problem}")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
