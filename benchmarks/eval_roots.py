"""Root extraction measured on the hand-checked word → root pairs (tests/core/search/data/roots_checked.txt).

Prints precision (correct roots among the words given a root), recall (correct roots among all words) and
coverage (words given any root), and with --misses the words it got wrong.

Run: .venv/bin/python benchmarks/eval_roots.py [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.core.search.roots import extract_root, fold_root

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "core" / "search" / "data" / "roots_checked.txt"


def load_pairs() -> list[tuple[str, str]]:
    lines = PAIRS.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]  # type: ignore[misc]


def measure(pairs: list[tuple[str, str]]) -> tuple[float, float, float, list[tuple[str, str, str | None]]]:
    given = correct = 0
    misses = []
    for word, root in pairs:
        found = extract_root(word)
        given += found is not None
        if found == fold_root(root):
            correct += 1
        else:
            misses.append((word, root, found))
    return correct / max(1, given), correct / len(pairs), given / len(pairs), misses


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    pairs = load_pairs()
    precision, recall, coverage, misses = measure(pairs)
    print("| pairs | precision | recall | coverage |\n| --- | --- | --- | --- |")
    print(f"| {len(pairs)} | {precision:.3f} | {recall:.3f} | {coverage:.3f} |")
    if args.misses:
        for word, root, found in misses:
            print(f"  {word}: {root} ≠ {found}")


if __name__ == "__main__":
    main()
