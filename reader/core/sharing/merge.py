"""The merge rule: from every record of one target, the state all members converge to.

It is a function of the *set* of records, so any order of arrival (and any duplicate) gives the same result:

- the heads are the versions no other record names as its `prev` (nobody edited on top of them);
- the winner is the latest head that is not a deletion, by clock then member id: an edit made at the same
  time as a deletion keeps the highlight (nothing a member wrote is dropped by someone else's delete); when
  every head is a deletion, the target is deleted;
- the other heads are concurrent versions that lost: they are kept as the target's history ("edited at the
  same time by …"), never dropped. An edit made on top of a version (it names it as `prev`) replaces it
  without a trace, as an edit does in one library.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.sharing.records import Record, Version


@dataclass(frozen=True, slots=True)
class Resolution:
    winner: Record  # the deletion itself when the target is deleted
    deleted: bool
    history: list[Record] = field(default_factory=list)  # lost concurrent versions, oldest first


def _order(record: Record) -> tuple[Version, str]:
    # a member's clock never gives two records one version; the id settles a log that did anyway
    return record.version, record.id


def heads(records: Iterable[Record]) -> list[Record]:
    """The versions nothing was made on top of, once each, oldest first."""
    unique = {r.id: r for r in records}
    superseded = {r.prev for r in unique.values() if r.prev is not None and r.prev != r.version}
    tips = sorted((r for r in unique.values() if r.version not in superseded), key=_order)
    if not tips and unique:  # only a log that names its own future as its past gets here: keep the latest
        tips = [max(unique.values(), key=_order)]
    return tips


def resolve(records: Iterable[Record]) -> Resolution:
    """The state of one target from all its records (ValueError when there are none)."""
    tips = heads(records)
    if not tips:
        raise ValueError("no records to resolve")
    live = [r for r in tips if not r.deleted]
    winner = live[-1] if live else tips[-1]
    history = [r for r in tips if r is not winner and not r.deleted]
    return Resolution(winner, not live, history)
