"""A colour for each member of a shared folder, the same on every machine.

Members are numbered by their ids in sorted order (`Member.rank` / `AnnotationInfo.rank`, from the folder's
member cards), so every library that knows the same members gives each the same colour, and a team of up to
eight never has two people in one colour.
"""

from __future__ import annotations

#: Distinct, readable on light and dark backgrounds.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")


def person_color(rank: int) -> str:
    """#rrggbb for the member numbered `rank`."""
    return PALETTE[rank % len(PALETTE)]
