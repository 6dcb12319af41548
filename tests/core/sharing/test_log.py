"""The shared folder: appends, reads from an offset, half-written lines, replaced files, bad lines."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.sharing.clock import Stamp
from reader.core.sharing.log import SharedFolder
from reader.core.sharing.records import FORMAT, Record


def _record(n: int, member: str = "m1") -> Record:
    return Record(f"r{n}", member, "Salma", Stamp(n, 0), "annotation", f"t{n}", "put", {"n": n})


def test_join_writes_a_card_and_the_marker(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path / "shared")
    assert not folder.is_shared()
    folder.join("m1", "سلمى")
    folder.join("m2", "Omar")
    assert folder.is_shared()
    assert folder.members() == {"m1": "سلمى", "m2": "Omar"}
    (tmp_path / "shared" / "members" / "broken.json").write_text("{", "utf-8")
    assert folder.members() == {"m1": "سلمى", "m2": "Omar"}


def test_reading_goes_on_from_where_it_stopped(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    folder.append("m1", [_record(1), _record(2)])
    first = folder.read(folder.own_log("m1"), 0)
    assert [r.id for r in first.records] == ["r1", "r2"] and not first.waiting
    folder.append("m1", [_record(3)])
    second = folder.read(folder.own_log("m1"), first.offset)
    assert [r.id for r in second.records] == ["r3"]
    assert folder.read(folder.own_log("m1"), second.offset).records == []


def test_a_half_written_last_line_waits_until_it_is_complete(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    folder.append("m1", [_record(1)])
    log = folder.own_log("m1")
    line = _record(2).to_line()
    with log.open("ab") as stream:
        stream.write(line[:20])  # a sync engine copied part of the file
    partial = folder.read(log, 0)
    assert [r.id for r in partial.records] == ["r1"] and partial.waiting and not partial.problems
    with log.open("ab") as stream:
        stream.write(line[20:])
    rest = folder.read(log, partial.offset)
    assert [r.id for r in rest.records] == ["r2"] and not rest.waiting


def test_a_shorter_replaced_file_is_read_again(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    folder.append("m1", [_record(1), _record(2), _record(3)])
    log = folder.own_log("m1")
    offset = folder.read(log, 0).offset
    log.write_bytes(_record(1).to_line())  # an older copy came back
    again = folder.read(log, offset)
    assert [r.id for r in again.records] == ["r1"]


def test_a_bad_line_is_skipped_with_a_message_and_a_later_format_waits(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    folder.append("m1", [_record(1)])
    log = folder.own_log("m1")
    newer = _record(3).to_json()
    newer["format"] = FORMAT + 1
    with log.open("ab") as stream:
        stream.write(b"{not json\n")
        stream.write(_record(2).to_line())
        stream.write(json.dumps(newer).encode() + b"\n")
        stream.write(_record(4).to_line())
    result = folder.read(log, 0)
    assert [r.id for r in result.records] == ["r1", "r2"]
    assert [p.line for p in result.problems] == [2, 4]
    assert "not a record" in result.problems[0].reason and "format" in result.problems[1].reason
    assert result.waiting  # r4 comes after a record of a later format: read by a later build
    assert folder.read(log, result.offset).records == []


def test_every_log_file_is_read_copies_included(tmp_path: Path) -> None:
    folder = SharedFolder(tmp_path)
    folder.append("m1", [_record(1)])
    copy = folder.logs_dir / "m1.sync-conflict-20261205-101010-ABCDEF.jsonl"
    copy.write_bytes(folder.own_log("m1").read_bytes())
    assert [p.name for p in folder.log_files()] == ["m1.jsonl", copy.name]
