"""Kill the command line and the app at random moments of their writes and count what survived (issue 13).

Each kill: a phase (an import of txt, md, html, pdf, epub or docx; highlight creation; note, tag and metadata
edits; re-indexing; export; backup) and a driver (the command line, or the app's window driven by
tests/crash/app_driver.py offscreen); the driver works for a random while, then its process group gets
SIGKILL. After each kill the harness checks the database's integrity, every acknowledged change, search,
and the export and backup targets (tests/crash/harness.py says how). Prints the counts.

Run: .venv/bin/python benchmarks/crash_harness.py --kills 200 [--seed N] [--work DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash.harness import run_harness


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, help="folder for the libraries and files (default: a temp one)")
    parser.add_argument("--quiet", action="store_true", help="no line per kill")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="hawamish-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    log = None if args.quiet else (lambda line: print(line, flush=True))
    tally = run_harness(args.kills, args.seed, work, log=log)
    seconds = time.monotonic() - started
    print()
    print(
        f"crash harness: {tally.total_kills} kills, seed {args.seed}, {seconds:.0f} s, {os.cpu_count()} cores"
    )
    print(f"work folder: {work}")
    print(tally.table())
    return 0 if tally.ok else 1


if __name__ == "__main__":
    sys.exit(main())
