"""A reduced, seeded run of the crash harness (benchmarks/crash_harness.py runs the full 200 kills): the
command line and the app are killed during an import, highlight creation, a note and a tag edit, an export
and a backup; nothing acknowledged may be lost, the database stays intact, search still finds everything
and no half-written file takes the place of a good one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crash.harness import run_harness

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL of a process group is POSIX")

PLAN = [
    ("cli", "import-docx"),
    ("app", "highlight"),
    ("cli", "export"),
    ("app", "note"),
    ("cli", "highlight"),
    ("app", "tags"),
    ("cli", "backup"),
    ("app", "import-epub"),
]


def test_kills_lose_nothing_acknowledged(tmp_path: Path) -> None:
    tally = run_harness(len(PLAN), seed=13, work=tmp_path, plan=PLAN)
    assert tally.total_kills == len(PLAN)
    assert sum(tally.acknowledged.values()) > 0, (
        tally.table()
    )  # the drivers did make changes before the kills
    assert tally.ok, tally.table()


def test_the_check_sees_a_lost_change_and_accepts_the_one_in_flight(tmp_path: Path) -> None:
    from reader.core.library import Library
    from tests.crash.harness import Model, Tally, check_changes

    with Library(tmp_path / "library") as library:
        article_id = library.articles.add(*_article())
        library.articles.update_meta(article_id, title="Landed")
        model = Model()
        model.apply({"changes": [{"entity": "article", "id": article_id, "state": {"title": "Before"}}]})
        model.apply({"changes": [{"entity": "highlight", "id": 99, "state": {"note": "never made"}}]})
        in_flight = [{"entity": "article", "id": article_id, "changes": {"title": "Landed"}}]
        tally = Tally()
        check_changes(library, model, in_flight, tally)
        assert tally.lost == [f"highlight 99: {library_error(library, 99)}"]
        assert model.articles[article_id]["title"] == "Landed"  # adopted: later checks expect it
        check_changes(library, model, [], Tally())
        lost = Tally()
        model.articles[article_id]["title"] = "Acknowledged but not there"
        check_changes(library, model, [], lost)
        assert len(lost.lost) == 2 and "Acknowledged but not there" in lost.lost[0]


def _article():  # type: ignore[no-untyped-def]
    from reader.core.models import ArticleMeta
    from reader.core.text import Block, BlockKind

    return ArticleMeta(title="Before", language="en"), [Block(BlockKind.PARAGRAPH, "Some text.")]


def library_error(library, highlight_id: int) -> str:  # type: ignore[no-untyped-def]
    from reader.core.errors import HawamishError

    try:
        library.highlights.get(highlight_id)
    except HawamishError as exc:
        return str(exc)
    return ""
