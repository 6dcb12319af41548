"""`library.notes`: highlights selected by tag and colour, grouped (reader.core.notes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from tests.core import notes_seed
from tests.core.notes_seed import Seeded


@pytest.fixture
def seeded(library_dir: Path) -> Seeded:
    return notes_seed.build(library_dir)


def test_notes_rejects_an_unknown_grouping(seeded: Seeded) -> None:
    with Library(seeded.dir) as library:
        with pytest.raises(ValueError, match="group_by"):
            library.notes(group_by="date")
        [group] = library.notes(tags=["isis"], colors=["evidence"])
        assert [item.highlight.id for item in group.items] == [seeded.khorasan]
