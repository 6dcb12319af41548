"""The hybrid clock and the log's line format."""

from __future__ import annotations

import json

import pytest

from reader.core.sharing.clock import HybridClock, Stamp
from reader.core.sharing.records import FORMAT, NewerFormatError, Record, Version


def test_stamps_never_go_backwards_and_follow_what_was_observed() -> None:
    wall = iter([1000, 1000, 900, 5000, 5000])
    clock = HybridClock(wall=lambda: next(wall))
    first, second, third = clock.now(), clock.now(), clock.now()
    assert first < second < third  # same millisecond, then a clock that went back
    assert third == Stamp(1000, 2)
    clock.observe(Stamp(9000, 7))  # another member's clock is ahead
    assert clock.now() == Stamp(9000, 8)
    clock.observe(Stamp(10, 0))  # an old stamp changes nothing
    assert clock.now() == Stamp(9000, 9)


@pytest.mark.parametrize("value", [None, [1], [1, -1], ["1", 2], [True, 0], {"a": 1}])
def test_a_stamp_is_a_pair_of_counts(value: object) -> None:
    with pytest.raises(ValueError):
        Stamp.from_json(value)


def _record(**changes: object) -> Record:
    values: dict = {
        "id": "r1",
        "member": "m1",
        "by": "سلمى",
        "at": Stamp(5, 1),
        "kind": "annotation",
        "target": "t1",
        "op": "put",
        "body": {"x": "نص"},
        "prev": Version(Stamp(4, 0), "m2"),
    }
    values.update(changes)
    return Record(**values)


def test_a_record_round_trips_through_one_line() -> None:
    record = _record()
    line = record.to_line()
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert Record.from_line(line[:-1]) == record
    assert Record.from_line(_record(prev=None).to_line()).prev is None


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "page"},
        {"op": "move"},
        {"id": ""},
        {"member": 3},
        {"body": []},
        {"at": "yesterday"},
        {"prev": {"at": [1, 2]}},
        {"format": 0},
    ],
)
def test_a_malformed_record_is_refused(change: dict) -> None:
    data = _record().to_json()
    data.update(change)
    with pytest.raises(ValueError):
        Record.from_json(data)


def test_a_later_format_is_recognised_as_such() -> None:
    data = _record().to_json()
    data["format"] = FORMAT + 1
    with pytest.raises(NewerFormatError):
        Record.from_line(json.dumps(data).encode())
    with pytest.raises(ValueError):
        Record.from_line(b"\xff\xfe not utf-8")
