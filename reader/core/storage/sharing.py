"""The shared folder's records, links, merged state and read offsets (tables share_*; reader/core/sharing)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.sharing.records import Record
from reader.core.storage.articles import chunks, marks
from reader.core.storage.database import Transaction


@dataclass(frozen=True, slots=True)
class Link:
    kind: str
    target: str
    local_id: int
    birth: str


@dataclass(frozen=True, slots=True)
class State:
    kind: str
    target: str
    winner: str
    deleted: bool
    fingerprint: str
    creator: str
    conflicts: int
    creator_member: str = ""


# records ----------------------------------------------------------------------------------------------
def known_ids(tx: Transaction, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunks(list(ids)):
        rows = tx.execute(f"SELECT id FROM share_records WHERE id IN ({marks(chunk)})", tuple(chunk))
        found.update(str(r[0]) for r in rows)
    return found


def add_records(tx: Transaction, records: Iterable[Record], *, sent: bool) -> None:
    tx.executemany(
        "INSERT OR IGNORE INTO share_records(id, member, at_millis, at_counter, kind, target, sent, line) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.id,
                r.member,
                r.at.millis,
                r.at.counter,
                r.kind,
                r.target,
                int(sent),
                json.dumps(r.to_json(), ensure_ascii=False),
            )
            for r in records
        ],
    )


def records_of(tx: Transaction, kind: str, targets: Sequence[str]) -> dict[str, list[Record]]:
    """target -> every record of it (each target given is present)."""
    out: dict[str, list[Record]] = {t: [] for t in targets}
    for chunk in chunks(list(targets)):
        rows = tx.execute(
            f"SELECT target, line FROM share_records WHERE kind = ? AND target IN ({marks(chunk)})",
            (kind, *chunk),
        )
        for target, line in rows:
            out[str(target)].append(Record.from_json(json.loads(line)))
    return out


def unsent(tx: Transaction) -> list[Record]:
    rows = tx.execute("SELECT line FROM share_records WHERE sent = 0 ORDER BY at_millis, at_counter, id")
    return [Record.from_json(json.loads(r[0])) for r in rows]


def mark_sent(tx: Transaction, ids: Sequence[str]) -> None:
    for chunk in chunks(list(ids)):
        tx.execute(f"UPDATE share_records SET sent = 1 WHERE id IN ({marks(chunk)})", tuple(chunk))


def record_counts(tx: Transaction) -> dict[str, int]:
    """member id -> how many records of theirs this library knows."""
    rows = tx.execute("SELECT member, COUNT(*) FROM share_records GROUP BY member")
    return {str(m): int(n) for m, n in rows}


def latest_stamp(tx: Transaction) -> tuple[int, int]:
    row = tx.execute(
        "SELECT at_millis, at_counter FROM share_records ORDER BY at_millis DESC, at_counter DESC LIMIT 1"
    ).fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


# links ------------------------------------------------------------------------------------------------
def links(tx: Transaction, kind: str) -> list[Link]:
    rows = tx.execute("SELECT kind, target, local_id, birth FROM share_links WHERE kind = ?", (kind,))
    return [Link(str(k), str(t), int(i), str(b)) for k, t, i, b in rows]


def link(tx: Transaction, kind: str, target: str, local_id: int, birth: str) -> None:
    tx.execute(
        "INSERT OR REPLACE INTO share_links(kind, target, local_id, birth) VALUES (?, ?, ?, ?)",
        (kind, target, local_id, birth),
    )


def unlink(tx: Transaction, kind: str, target: str) -> None:
    tx.execute("DELETE FROM share_links WHERE kind = ? AND target = ?", (kind, target))


def unlink_local(tx: Transaction, kind: str, local_id: int) -> None:
    """Forget every shared id linked to a row id (a new row that reused the id of a deleted one)."""
    tx.execute("DELETE FROM share_links WHERE kind = ? AND local_id = ?", (kind, local_id))


# merged state -----------------------------------------------------------------------------------------
def states(tx: Transaction, kind: str) -> dict[str, State]:
    rows = tx.execute(
        "SELECT kind, target, winner, deleted, fingerprint, creator, conflicts, creator_member FROM share_state "
        "WHERE kind = ?",
        (kind,),
    )
    return {
        str(r[1]): State(
            str(r[0]), str(r[1]), str(r[2]), bool(r[3]), str(r[4]), str(r[5]), int(r[6]), str(r[7])
        )
        for r in rows
    }


def put_state(tx: Transaction, state: State) -> None:
    tx.execute(
        "INSERT OR REPLACE INTO share_state(kind, target, winner, deleted, fingerprint, creator, conflicts, "
        "creator_member) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            state.kind,
            state.target,
            state.winner,
            int(state.deleted),
            state.fingerprint,
            state.creator,
            state.conflicts,
            state.creator_member,
        ),
    )


def conflict_count(tx: Transaction) -> int:
    return int(tx.execute("SELECT COUNT(*) FROM share_state WHERE conflicts > 0").fetchone()[0])


def waiting(tx: Transaction, kind: str) -> list[str]:
    """Targets with records but no merged state yet (their article was not here at the last sync)."""
    rows = tx.execute(
        "SELECT DISTINCT target FROM share_records r WHERE kind = ? AND NOT EXISTS "
        "(SELECT 1 FROM share_state s WHERE s.kind = r.kind AND s.target = r.target)",
        (kind,),
    )
    return [str(r[0]) for r in rows]


def change_count(tx: Transaction) -> int:
    """How many writes were made to shared things since the library was made (triggers count them)."""
    return int(tx.execute("SELECT count FROM share_changes").fetchone()[0])


# read offsets -----------------------------------------------------------------------------------------
def offsets(tx: Transaction) -> dict[str, int]:
    return {str(f): int(o) for f, o in tx.execute("SELECT file, offset FROM share_offsets")}


def set_offset(tx: Transaction, file: str, offset: int) -> None:
    tx.execute("INSERT OR REPLACE INTO share_offsets(file, offset) VALUES (?, ?)", (file, offset))
