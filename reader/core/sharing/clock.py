"""A hybrid logical clock: wall-clock milliseconds and a counter, so that a record made after another one a
member has seen sorts after it even when the two machines' clocks disagree (Kulkarni et al., 2014).

A stamp is (milliseconds, counter); ties between members are broken by the member id, outside the clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, order=True, slots=True)
class Stamp:
    millis: int
    counter: int = 0

    def to_json(self) -> list[int]:
        return [self.millis, self.counter]

    @classmethod
    def from_json(cls, value: object) -> Stamp:
        """A stamp from its JSON pair; ValueError for anything else."""
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
        ):
            raise ValueError(f"not a clock stamp: {value!r}")
        return cls(value[0], value[1])


def wall_millis() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    """Issues stamps that never go backwards and that follow every stamp `observe`d."""

    def __init__(self, last: Stamp | None = None, wall: Callable[[], int] = wall_millis) -> None:
        self._last = last or Stamp(0, 0)
        self._wall = wall

    @property
    def last(self) -> Stamp:
        return self._last

    def now(self) -> Stamp:
        """A stamp after every stamp issued or observed so far."""
        millis = max(self._wall(), self._last.millis)
        counter = self._last.counter + 1 if millis == self._last.millis else 0
        self._last = Stamp(millis, counter)
        return self._last

    def observe(self, remote: Stamp) -> None:
        """Move past a stamp read from another member's log."""
        self._last = max(self._last, remote)
