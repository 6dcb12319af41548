"""The importer fuzzer, reduced: 200 hostile and malformed files (seeded), each one a clear refusal or a
valid import within the limits, never a traceback, a crash, a timeout or too much memory.

The full run (2,000 files and more, full-size attacks) is benchmarks/fuzz_importers.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.core.importers import fuzzing

BAD = ("traceback", "crash", "timeout", "over-memory")


# 200 files in forked children: about 35 CPU seconds; 95 s of wall time measured on 2 cores shared with a load
# average of 20, so the default 120 s timeout would turn a busy machine into a failure
@pytest.mark.timeout(900)
def test_two_hundred_hostile_files_are_each_refused_clearly_or_imported(tmp_path: Path) -> None:
    seeds = fuzzing.make_seeds(tmp_path / "seeds")
    inputs = list(fuzzing.generate(seeds, 200, seed=20261205, size=20, attack_count=40))
    outcomes = fuzzing.run_inputs(tmp_path / "run", tmp_path / "seeds", inputs, workers=2)

    bad = [
        (item.fmt, item.kind, outcome.outcome, outcome.detail[-500:])
        for item, outcome in zip(inputs, outcomes, strict=True)
        if outcome.outcome in BAD
    ]
    assert bad == []
    by_format = Counter(item.fmt for item in inputs)
    assert set(by_format) == set(fuzzing.FORMATS)  # every format had its share
    kinds = Counter(outcome.outcome.split(":")[0] for outcome in outcomes)
    assert kinds["imported"] > 0 and kinds["error"] > 0  # both clear refusals and valid imports happened
    assert all(outcome.statuses for outcome in outcomes if outcome.outcome != "traceback")
