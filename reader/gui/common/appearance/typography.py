"""The reading typography a user chooses: face, size, line spacing, column width, justification.

Arabic and Latin lines get their own line height: Arabic needs room for the marks above and below a line
(harakat), a Latin paragraph set at that pitch looks double-spaced. The block's own direction (DESIGN §2)
chooses which one it gets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

#: The bundled faces (resources/fonts): Amiri, and Noto Naskh Arabic (both SIL OFL).
BUNDLED_FAMILIES = ("Amiri", "Noto Naskh Arabic")
DEFAULT_FAMILY = "Amiri"
DEFAULT_POINT_SIZE = 15.0
MIN_POINT_SIZE, MAX_POINT_SIZE = 9.0, 36.0
#: Line pitch in ems at "normal" spacing: Arabic lines (room for harakat) and Latin lines.
ARABIC_LINE_EM = 1.8
LATIN_LINE_EM = 1.4
#: Multipliers of the pitch the preferences offer.
LINE_SPACINGS = (0.9, 1.0, 1.15, 1.3)
DEFAULT_COLUMN_CHARS = 90
MIN_COLUMN_CHARS, MAX_COLUMN_CHARS = 50, 150


@dataclass(frozen=True)
class Typography:
    family: str = DEFAULT_FAMILY
    point_size: float = DEFAULT_POINT_SIZE
    #: a multiplier of ARABIC_LINE_EM and LATIN_LINE_EM
    line_spacing: float = 1.0
    #: the text column's width, in average characters
    column_chars: int = DEFAULT_COLUMN_CHARS
    #: Arabic paragraphs justified (Latin ones stay ragged: a narrow justified Latin column gets rivers)
    justify: bool = False

    def clamped(self) -> Typography:
        """The same choices brought into the ranges the view supports."""
        return replace(
            self,
            family=self.family or DEFAULT_FAMILY,
            point_size=min(MAX_POINT_SIZE, max(MIN_POINT_SIZE, float(self.point_size))),
            line_spacing=min(2.0, max(0.8, float(self.line_spacing))),
            column_chars=min(MAX_COLUMN_CHARS, max(MIN_COLUMN_CHARS, int(self.column_chars))),
            justify=bool(self.justify),
        )

    def line_em(self, rtl: bool) -> float:
        """The line pitch, in ems, of a right-to-left (Arabic) or left-to-right (Latin) paragraph."""
        return (ARABIC_LINE_EM if rtl else LATIN_LINE_EM) * self.line_spacing
