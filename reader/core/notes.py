"""A researcher's "all my notes" view: the library's highlights, filtered and grouped (`hawamish notes`).

Plain data, no sentences: a group whose key is '' is the group of highlights *without* a value (no tag, no
author, no outlet); the caller names it in the user's language. Within a group highlights keep the store's
order (article, then position). Groups come in a stable order:
- color: the labels' own order, then keys of deleted labels (highlights keep them) alphabetically;
- article: by article id;
- tag, author, outlet: alphabetically (case-folded), the '' group last.
A highlight with several tags appears in the group of each.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.core.models import Article, ColorLabel, Highlight

GROUP_KEYS = ("tag", "color", "article", "author", "outlet")


@dataclass(slots=True)
class NoteItem:
    highlight: Highlight
    article_title: str

    def to_json(self) -> dict[str, object]:
        data = self.highlight.to_json()
        data["article_title"] = self.article_title
        return data


@dataclass(slots=True)
class NoteGroup:
    key: str | int | None  # None: not grouped; '': the highlights without a value
    label: str  # label name, article title, author, outlet or tag; '' for the '' group
    items: list[NoteItem] = field(default_factory=list)


def unknown_colors(known: Iterable[str], colors: Iterable[str]) -> list[str]:
    """The keys in `colors` that are not in `known` (label keys and keys highlights still carry)."""
    known_keys = set(known)
    return [c for c in dict.fromkeys(colors) if c not in known_keys]


def group_highlights(
    highlights: Sequence[Highlight],
    articles: Mapping[int, Article],
    labels: Sequence[ColorLabel],
    group_by: str | None = None,
) -> list[NoteGroup]:
    """The given highlights grouped by `group_by` (`Library.notes` selects them by tag and colour).

    Without `group_by`, one group (key None) holding every match; grouped, only non-empty groups.
    """
    if group_by is not None and group_by not in GROUP_KEYS:
        raise ValueError(f"group_by must be one of {GROUP_KEYS}, not {group_by!r}")
    items = [NoteItem(h, articles[h.article_id].title) for h in highlights]
    if group_by is None:
        return [NoteGroup(None, "", items)]

    groups: dict[str | int, NoteGroup] = {}

    def add(key: str | int, label: str, item: NoteItem) -> None:
        groups.setdefault(key, NoteGroup(key, label)).items.append(item)

    for item in items:
        h = item.highlight
        article = articles[h.article_id]
        if group_by == "tag":
            for tag in h.tags or [""]:
                add(tag, tag, item)
        elif group_by == "color":
            add(h.color, h.color, item)
        elif group_by == "article":
            add(article.id, article.title, item)
        else:
            value = (article.author if group_by == "author" else article.outlet).strip()
            add(value, value, item)

    if group_by == "color":
        order = {label.key: i for i, label in enumerate(labels)}
        for label in labels:
            if label.key in groups:
                groups[label.key].label = label.name
        return sorted(groups.values(), key=lambda g: (order.get(str(g.key), len(order)), str(g.key)))
    if group_by == "article":
        return sorted(groups.values(), key=lambda g: int(g.key or 0))
    return sorted(groups.values(), key=lambda g: (g.key == "", str(g.key).casefold(), str(g.key)))
