"""`library.labels`: the library's colour labels (rename, recolour, add, delete)."""

from __future__ import annotations

import pytest

from reader.core.changes import Change
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library


def test_default_palette_has_argument_analysis_meanings(library: Library) -> None:
    labels = library.labels.list()
    assert [label.key for label in labels] == [
        "claim",
        "evidence",
        "counter",
        "source",
        "question",
        "important",
    ]
    assert [label.position for label in labels] == list(range(6))
    assert {label.name for label in labels} >= {"Claim", "Evidence", "Counter-argument", "Question"}


def test_rename_recolour_add_delete_and_notify(library: Library) -> None:
    changes: list[Change] = []
    library.add_listener(changes.append)
    store = library.labels
    updated = store.update("claim", name="أطروحة", color="#E0B020")
    assert (updated.name, updated.color) == ("أطروحة", "#e0b020")
    added = store.add("method", "Method", "#336699")
    assert added.position == 6 and store.list()[-1] == added
    store.delete("method")
    assert "method" not in store.keys()  # noqa: SIM118 (the label service is not a mapping)
    assert [c.kind for c in changes] == ["labels"] * 3


@pytest.mark.parametrize("bad", ["red", "#12345", "#1234567", "#gggggg", "", "123456"])
def test_colours_must_be_rrggbb(library: Library, bad: str) -> None:
    with pytest.raises(HawamishError) as err:
        library.labels.update("claim", color=bad)
    assert err.value.code is ErrorCode.INVALID_COLOR
    assert library.labels.get("claim").color == "#f4c430"  # nothing written


def test_unknown_and_invalid_keys(library: Library) -> None:
    store = library.labels
    with pytest.raises(HawamishError) as err:
        store.update("nope", name="x")
    assert err.value.code is ErrorCode.UNKNOWN_LABEL
    with pytest.raises(HawamishError) as err:
        store.get("nope")
    assert "claim" in err.value.detail  # the known keys are named
    for key in ("Claim", "with space", "", "claim"):
        with pytest.raises(HawamishError) as err:
            store.add(key, "Name", "#123456")
        assert err.value.code is ErrorCode.INVALID_LABEL_KEY
    with pytest.raises(HawamishError):
        store.delete("nope")
