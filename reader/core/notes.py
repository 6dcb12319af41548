"""A researcher's "all my notes": the library's highlights, filtered, sorted and grouped (`hawamish notes`, the
window's notebook).

`Notebook` holds every highlight with what a card shows (its article's title, author, outlet, date and
collections), read once (`Library.notebook()`, three queries), and a folded form of each highlight's text, so
filtering as the user types is a loop over strings in memory (10,000 highlights: a few milliseconds).

Plain data, no sentences: a group whose key is '' is the group of highlights *without* a value (no tag, no
author, no outlet, no collection, no date); the caller names it in the user's language.

Filters (`NotesFilter`; every given one must hold):
- `text`: each word must occur in the quote, the note, the tags, or the article's title, author or outlet,
  folded as search folds Arabic (harakat, tatweel, hamza forms, ى/ي, ة/ه, Arabic-Indic digits, case:
  reader.core.text.fold), as a substring: `مسؤول` finds `المسؤولين`, `اسلامية` finds `الإسلاميّة`;
- `tags`: any of them; a parent tag matches its children (`security` keeps `security/terrorism`);
- `colors`: any of these label keys;
- `author`, `outlet`: folded substrings of the article's; `collection`: the article is in it (by name);
- `since`, `until`: the *article's* publication date (what a researcher of opinion pieces dates a passage
  by), compared as ISO strings with a period included whole (`--until 2015-07` keeps 2015-07-31); a highlight
  whose article has no date is left out as soon as either bound is given (as `hawamish list` does).

Sorting (`SORT_KEYS`), applied before grouping so each group keeps it:
- position: article by article (by id, the order they were imported in), then where the passage is;
- date: by the article's publication date, oldest first (undated articles last), then position;
- created: the newest highlight first (the later made first among those of one second).

Groups (`GROUP_KEYS`) come in a stable order:
- color: the labels' own order, then keys of deleted labels (highlights keep them) alphabetically;
- article: in the order their first highlight comes under the sort;
- month: the *article's* month (`YYYY-MM`; a year-only date is its year), oldest first, undated last; the
  same date as the since/until filter, so "March 2020" groups what was written then;
- tag, author, outlet, collection: alphabetically (case-folded), the '' group last.
A highlight with several tags, or whose article is in several collections, appears in the group of each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.models import Article, ColorLabel, Highlight
from reader.core.quotes import normalize_tags
from reader.core.text import fold, fold_many

GROUP_KEYS = ("tag", "color", "article", "author", "outlet", "collection", "month")
SORT_KEYS = ("position", "date", "created")
#: Between the fields of an item's folded text: no typed word contains it, so a word matches inside one field.
_SEPARATOR = "\x1f"


@dataclass(frozen=True, slots=True)
class NotesFilter:
    """Which highlights the notebook shows (every field empty: all of them)."""

    text: str = ""
    tags: tuple[str, ...] = ()
    colors: tuple[str, ...] = ()
    author: str = ""
    outlet: str = ""
    collection: str = ""
    since: str = ""  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive, on the article's date
    until: str = ""
    by: str = ""  # in a shared library: who made the highlight (a part of their name)

    def is_empty(self) -> bool:
        return self == NotesFilter()


@dataclass(slots=True)
class NoteItem:
    """One highlight and what its card shows of its article."""

    highlight: Highlight
    article_title: str
    article_author: str = ""
    article_outlet: str = ""
    article_published: str = ""
    collections: tuple[str, ...] = ()
    #: quote, note, tags, title, author and outlet folded (`fold_items`): what `text` filters match
    folded: str = ""
    made_by: str = ""  # in a shared library, who made the highlight

    def to_json(self) -> dict[str, object]:
        data = self.highlight.to_json()
        data["article_title"] = self.article_title
        data["article_author"] = self.article_author
        data["article_outlet"] = self.article_outlet
        data["article_published"] = self.article_published
        data["collections"] = list(self.collections)
        if self.made_by:
            data["by"] = self.made_by
        return data


@dataclass(slots=True)
class NoteGroup:
    key: str | int | None  # None: not grouped; '': the highlights without a value
    label: str  # label name, article title, author, outlet, tag, collection or month; '' for the '' group
    items: list[NoteItem] = field(default_factory=list)


def matched_text(item: NoteItem) -> str:
    """What a text filter looks in, unfolded: quote, note, tags, the article's title, author and outlet, and
    who made the highlight (shared libraries)."""
    h = item.highlight
    return _SEPARATOR.join(
        (
            h.exact,
            h.note,
            " ".join(h.tags),
            item.article_title,
            item.article_author,
            item.article_outlet,
            item.made_by,
        )
    )


def fold_items(items: Sequence[NoteItem]) -> None:
    """Fill each item's `folded` (all at once: reader.core.text.fold_many)."""
    for item, folded in zip(items, fold_many([matched_text(i) for i in items]), strict=True):
        item.folded = folded


def item_from_row(row: Sequence[Any], tags: list[str], collections: Sequence[str]) -> NoteItem:
    """A NoteItem (not folded yet: `fold_items`) from one row of reader.core.storage.highlights.notebook_rows
    (NOTEBOOK_COLUMNS)."""
    hid, article_id, start, end, exact, prefix, suffix, text_hash, color, style, note = row[:11]
    highlight = Highlight(
        hid,
        article_id,
        start,
        end,
        exact,
        prefix,
        suffix,
        text_hash,
        color,
        style,
        note,
        tags,
        bool(row[11]),
        row[12],
        row[13],
    )
    return NoteItem(highlight, row[14], row[15], row[16], row[17], tuple(collections), made_by=row[18])


def unknown_colors(known: Iterable[str], colors: Iterable[str]) -> list[str]:
    """The keys in `colors` that are not in `known` (label keys and keys highlights still carry)."""
    known_keys = set(known)
    return [c for c in dict.fromkeys(colors) if c not in known_keys]


def tag_matches(wanted: str, tag: str) -> bool:
    """A tag filter's rule: the tag itself or one of its children (`security` → `security/terrorism`)."""
    return tag == wanted or tag.startswith(wanted + "/")


def _predicates(selection: NotesFilter) -> list[Callable[[NoteItem], bool]]:
    """One test per given filter; an item is kept when all pass (the cheap exact ones first)."""
    tests: list[Callable[[NoteItem], bool]] = []
    if selection.colors:
        colors = frozenset(selection.colors)
        tests.append(lambda item: item.highlight.color in colors)
    if selection.tags:
        wanted = normalize_tags(selection.tags)
        prefixes = tuple(t + "/" for t in wanted)
        exact = frozenset(wanted)
        tests.append(lambda item: any(t in exact or t.startswith(prefixes) for t in item.highlight.tags))
    if selection.collection:
        name = selection.collection
        tests.append(lambda item: name in item.collections)
    if selection.since:
        since = selection.since
        tests.append(lambda item: item.article_published != "" and item.article_published >= since)
    if selection.until:
        until = selection.until + "\uffff"  # the whole period: '2015-07' includes 2015-07-31
        tests.append(lambda item: item.article_published != "" and item.article_published <= until)
    for needle, field_of in (
        (selection.author, lambda item: item.article_author),
        (selection.outlet, lambda item: item.article_outlet),
        (selection.by, lambda item: item.made_by),
    ):
        if fold(needle).strip():
            tests.append(_field_contains(fold(needle).strip(), field_of))
    words = fold(selection.text).split()
    if len(words) == 1:
        word = words[0]
        tests.append(lambda item: word in item.folded)
    elif words:
        tests.append(lambda item: all(w in item.folded for w in words))
    return tests


def _field_contains(needle: str, field_of: Callable[[NoteItem], str]) -> Callable[[NoteItem], bool]:
    """A test of one article field holding a folded needle; each distinct value is folded once (a library has
    far fewer authors than highlights)."""
    verdicts: dict[str, bool] = {}

    def test(item: NoteItem) -> bool:
        value = field_of(item)
        verdict = verdicts.get(value)
        if verdict is None:
            verdict = verdicts[value] = needle in fold(value)
        return verdict

    return test


def select(items: Iterable[NoteItem], selection: NotesFilter | None) -> list[NoteItem]:
    """The items `selection` keeps, in their order."""
    tests = _predicates(selection) if selection is not None else []
    if not tests:
        return list(items)
    if len(tests) == 1:
        [test] = tests
        return [item for item in items if test(item)]
    return [item for item in items if all(test(item) for test in tests)]


def sort_items(items: list[NoteItem], sort: str) -> list[NoteItem]:
    """The items in `sort` order (SORT_KEYS); the store's order is already 'position'."""
    if sort not in SORT_KEYS:
        raise ValueError(f"sort must be one of {SORT_KEYS}, not {sort!r}")
    if sort == "date":
        return sorted(items, key=lambda i: (i.article_published == "", i.article_published))
    if sort == "created":
        return sorted(items, key=lambda i: (i.highlight.created, i.highlight.id), reverse=True)
    return items


def group_items(
    items: Sequence[NoteItem], labels: Sequence[ColorLabel], group_by: str | None
) -> list[NoteGroup]:
    """`items` (already filtered and sorted) grouped by `group_by`.

    Without `group_by`, one group (key None) holding every item; grouped, only non-empty groups.
    """
    if group_by is not None and group_by not in GROUP_KEYS:
        raise ValueError(f"group_by must be one of {GROUP_KEYS}, not {group_by!r}")
    if group_by is None:
        return [NoteGroup(None, "", list(items))]

    groups: dict[str | int, NoteGroup] = {}

    def add(key: str | int, label: str, item: NoteItem) -> None:
        group = groups.get(key)
        if group is None:
            group = groups[key] = NoteGroup(key, label)
        group.items.append(item)

    for item in items:
        h = item.highlight
        if group_by == "tag":
            for tag in h.tags or [""]:
                add(tag, tag, item)
        elif group_by == "color":
            add(h.color, h.color, item)
        elif group_by == "article":
            add(h.article_id, item.article_title, item)
        elif group_by == "collection":
            for name in item.collections or ("",):
                add(name, name, item)
        elif group_by == "month":
            month = item.article_published[:7]
            add(month, month, item)
        else:
            value = (item.article_author if group_by == "author" else item.article_outlet).strip()
            add(value, value, item)

    if group_by == "color":
        order = {label.key: i for i, label in enumerate(labels)}
        for label in labels:
            if label.key in groups:
                groups[label.key].label = label.name
        return sorted(groups.values(), key=lambda g: (order.get(str(g.key), len(order)), str(g.key)))
    if group_by == "article":
        return list(groups.values())
    if group_by == "month":
        return sorted(groups.values(), key=lambda g: (g.key == "", str(g.key)))
    return sorted(groups.values(), key=lambda g: (g.key == "", str(g.key).casefold(), str(g.key)))


class Notebook:
    """Every highlight of a library with its card's data, filtered, sorted and grouped in memory."""

    def __init__(self, items: list[NoteItem], labels: Sequence[ColorLabel]) -> None:
        self.items = items  # by article, then position
        self.labels = list(labels)

    @classmethod
    def from_highlights(
        cls,
        highlights: Iterable[Highlight],
        articles: dict[int, Article],
        labels: Sequence[ColorLabel],
        collections: dict[int, list[str]] | None = None,
    ) -> Notebook:
        """A notebook of some highlights (tests, small selections); `Library.notebook()` reads them all."""
        items = []
        for h in highlights:
            a = articles[h.article_id]
            items.append(
                NoteItem(
                    h, a.title, a.author, a.outlet, a.published, tuple((collections or {}).get(a.id, ()))
                )
            )
        fold_items(items)
        return cls(items, labels)

    def __len__(self) -> int:
        return len(self.items)

    def select(self, selection: NotesFilter | None = None, sort: str = "position") -> list[NoteItem]:
        return sort_items(select(self.items, selection), sort)

    def groups(
        self, selection: NotesFilter | None = None, group_by: str | None = None, sort: str = "position"
    ) -> list[NoteGroup]:
        """The items `selection` keeps, in `sort` order, grouped by `group_by` (None: one group)."""
        if group_by is not None and group_by not in GROUP_KEYS:  # before any work: a usage error
            raise ValueError(f"group_by must be one of {GROUP_KEYS}, not {group_by!r}")
        return group_items(self.select(selection, sort), self.labels, group_by)

    # what the filter bar offers ------------------------------------------------------------------------
    def authors(self) -> list[str]:
        return _distinct(i.article_author for i in self.items)

    def outlets(self) -> list[str]:
        return _distinct(i.article_outlet for i in self.items)

    def collections(self) -> list[str]:
        return _distinct(name for i in self.items for name in i.collections)

    def tags(self) -> list[str]:
        return _distinct(t for i in self.items for t in i.highlight.tags)


def _distinct(values: Iterable[str]) -> list[str]:
    """The non-empty values once each, sorted as a person would (case-folded)."""
    return sorted({v.strip() for v in values if v.strip()}, key=lambda v: (v.casefold(), v))
