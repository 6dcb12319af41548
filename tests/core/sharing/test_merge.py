"""The merge rule: a function of the set of records, whatever their order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.core.sharing.clock import Stamp
from reader.core.sharing.merge import heads, resolve
from reader.core.sharing.records import Record, Version


def _put(rid: str, member: str, at: int, prev: Record | None = None, note: str = "") -> Record:
    return Record(
        rid, member, member.upper(), Stamp(at), "annotation", "t", "put", {"note": note},
        None if prev is None else prev.version,
    )  # fmt: skip


def _delete(rid: str, member: str, at: int, prev: Record) -> Record:
    return Record(rid, member, member.upper(), Stamp(at), "annotation", "t", "delete", {}, prev.version)


def test_an_edit_on_top_of_another_replaces_it_without_history() -> None:
    made = _put("a", "m1", 1)
    edited = _put("b", "m2", 2, made, "second")
    result = resolve([edited, made])
    assert result.winner is edited and not result.deleted and result.history == []


def test_concurrent_edits_keep_the_loser_as_history() -> None:
    made = _put("a", "m1", 1)
    mine = _put("b", "m1", 5, made, "mine")
    theirs = _put("c", "m2", 5, made, "theirs")  # same millisecond: the member id decides
    result = resolve([mine, theirs, made])
    assert result.winner is theirs
    assert result.history == [mine]


def test_an_edit_made_while_another_member_deleted_wins() -> None:
    made = _put("a", "m1", 1)
    deleted = _delete("b", "m1", 9, made)
    edited = _put("c", "m2", 3, made, "kept")
    assert resolve([made, deleted, edited]).winner is edited
    assert not resolve([made, deleted, edited]).deleted
    assert resolve([made, deleted]).deleted


def test_a_duplicate_counts_once() -> None:
    made = _put("a", "m1", 1)
    assert heads([made, made]) == [made]


@st.composite
def histories(draw: st.DrawFn) -> list[Record]:
    """Edits and deletions by three members, each made on top of a version its member had seen."""
    made = _put("r0", "m0", 0)
    records = [made]
    for n in range(1, draw(st.integers(1, 12))):
        member = draw(st.sampled_from(["m0", "m1", "m2"]))
        prev = draw(st.sampled_from(records))
        # a member's clock gives each of its records its own stamp, after the version it edits
        at = max(prev.at.millis + draw(st.integers(0, 3)), n)
        if draw(st.booleans()) and draw(st.booleans()):
            records.append(_delete(f"r{n}", member, at, prev))
        else:
            records.append(_put(f"r{n}", member, at, prev, f"note {n}"))
    return records


@given(histories(), st.randoms(use_true_random=False))
def test_any_order_and_duplicates_give_the_same_state(records: list[Record], rng) -> None:
    expected = resolve(records)
    shuffled = records + rng.sample(records, k=len(records) // 2)
    rng.shuffle(shuffled)
    result = resolve(shuffled)
    assert (result.winner.id, result.deleted) == (expected.winner.id, expected.deleted)
    assert [r.id for r in result.history] == [r.id for r in expected.history]
    # nothing a member wrote on top of nothing else is lost: every live head is the winner or in history
    live_heads = {r.id for r in heads(records) if r.op == "put"}
    assert live_heads <= {result.winner.id} | {r.id for r in result.history}


def test_version_order_is_clock_then_member() -> None:
    assert Version(Stamp(1, 5), "z") < Version(Stamp(2, 0), "a")
    assert Version(Stamp(2, 0), "a") < Version(Stamp(2, 0), "b")
