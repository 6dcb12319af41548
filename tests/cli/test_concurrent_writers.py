"""Four command-line writers on one library at once leave it consistent (benchmarks/concurrent_writers.py runs
the full 4 × 200 and prints the times)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.concurrent_writers import run_writers, verify


def test_four_concurrent_writers_leave_a_consistent_library(tmp_path: Path) -> None:
    library_dir = tmp_path / "library"
    outcome = run_writers(library_dir, writers=4, ops=25)
    assert verify(library_dir, outcome) == []
    assert outcome.succeeded == len(outcome.records) == 100  # the 10 s busy timeout outlasts every write here
    assert {r["kind"] for r in outcome.records} == {
        "import",
        "highlight",
        "edit",
        "tag",
        "collection",
        "search",
    }
