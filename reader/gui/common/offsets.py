"""Code points <-> Qt UTF-16 positions: the one place in Hawamish where they are converted.

Every stored offset is a code-point index into an article's canonical text (DESIGN §2); Qt counts UTF-16
code units, so each character outside the Basic Multilingual Plane (an emoji, some symbols) shifts later
positions by one. Most articles have none, so the map is the identity unless the text has astral
characters, and only then holds the sorted code-point indices of those characters.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Maps positions in one text between code points (Python) and UTF-16 code units (Qt)."""

    __slots__ = ("_astral", "_astral_qt", "_length", "_qt_length")

    def __init__(self, text: str) -> None:
        self._length = len(text)
        # fast path: a pure-BMP text encodes to exactly 2 bytes a character in UTF-16
        if len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text):
            self._astral: list[int] = []
            self._astral_qt: list[int] = []
        else:
            self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
            # Qt position of each astral character's first (high) surrogate
            self._astral_qt = [cp + n for n, cp in enumerate(self._astral)]
        self._qt_length = self._length + len(self._astral)

    @property
    def identity(self) -> bool:
        """True when the text has no astral characters (both position systems agree)."""
        return not self._astral

    @property
    def qt_length(self) -> int:
        return self._qt_length

    def to_qt(self, offset: int) -> int:
        """The UTF-16 position of code-point offset `offset` (clamped to the text)."""
        offset = max(0, min(offset, self._length))
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of UTF-16 position `position`.

        A position between the two surrogates of one character maps to that character's start, so a
        selection can never split an astral character.
        """
        position = max(0, min(position, self._qt_length))
        if not self._astral:
            return position
        before = bisect_right(self._astral_qt, position - 1)  # astral chars starting before position
        offset = position - before
        if before and self._astral_qt[before - 1] == position - 1:  # inside a surrogate pair
            offset = self._astral[before - 1]
        return offset

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def range_from_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.from_qt(start), self.from_qt(end)
