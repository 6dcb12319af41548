"""A colour for each member of a shared folder, the same on every machine (it comes from the member's id)."""

from __future__ import annotations

import hashlib

#: Distinct, readable on light and dark backgrounds, none a label's default colour.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")


def person_color(member: str) -> str:
    """#rrggbb for a member id (stable across machines and runs)."""
    digest = hashlib.sha256(member.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]
