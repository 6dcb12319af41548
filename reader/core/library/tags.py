"""Tags as a vocabulary: list every tag of the library, rename, merge and delete them everywhere at once.

Tags are hierarchical, written with `/` between levels (`security/terrorism` is a child of `security`):
- the list names every parent, even one no highlight or article carries itself (`used` is false for it);
  its counts include its descendants, as a filter on a parent matches its children;
- renaming a tag renames its children's prefix too (`security` -> `safety` turns `security/terrorism`
  into `safety/terrorism`); renaming onto a tag that exists merges the two (an object carrying both keeps
  one); `merge FROM... INTO` is a rename of each FROM onto INTO in one transaction;
- deleting a tag deletes its children too (a child left behind would keep the parent in the list).

Each write is one transaction and returns a `TagEdit`: the affected highlights' and articles' tags as they
were, which `restore` puts back exactly (the undo of the app's tag manager). A highlight's `updated` time
is left as it was: the vocabulary changed, not the passage or what the user wrote about it.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.events import Events
from reader.core.quotes import TAG_SEPARATOR, normalize_tag, normalize_tags, tag_parents, tag_within
from reader.core.storage import Database, Transaction
from reader.core.storage import tags as rows


@dataclass(frozen=True, slots=True)
class TagInfo:
    """A tag of the library: how many highlights carry it or one of its children, and how many articles
    (themselves or through a highlight)."""

    name: str
    highlights: int
    articles: int
    used: bool  # carried by some highlight or article itself (false for a parent only its children name)

    @property
    def depth(self) -> int:
        return self.name.count(TAG_SEPARATOR)

    @property
    def parent(self) -> str | None:
        parents = tag_parents(self.name)
        return parents[-1] if parents else None


@dataclass(frozen=True, slots=True)
class TagEdit:
    """What a rename, merge or delete changed: the previous tags of every highlight and article it touched
    (`restore` puts them back), and what it was, for messages."""

    action: str  # "rename", "merge" or "delete"
    tags: tuple[str, ...]  # the tags renamed, merged or deleted (their children went along)
    target: str | None  # the new name (rename, merge); None for a delete
    highlights: dict[int, list[str]] = field(default_factory=dict)
    articles: dict[int, list[str]] = field(default_factory=dict)


def clean_tag(name: str) -> str:
    """A tag as `normalize_tag` tidies it; INVALID_NAME when nothing is left (or a comma, which separates
    tags wherever they are typed and stored in the search index)."""
    clean = normalize_tag(str(name))
    if not clean or "," in clean or "،" in clean:
        raise HawamishError(ErrorCode.INVALID_NAME, value=name)
    return clean


def summarize(
    highlight_pairs: Iterable[tuple[int, int, str]], article_pairs: Iterable[tuple[int, str]]
) -> list[TagInfo]:
    """Every tag and parent with its counts, in code-point order: each highlight and article counted once
    under a parent; an article counts when it or one of its highlights carries the tag (what the library
    list's filter on the tag finds)."""
    highlights: dict[str, set[int]] = {}
    articles: dict[str, set[int]] = {}
    used: set[str] = set()
    for highlight_id, article_id, tag in highlight_pairs:
        used.add(tag)
        for name in (*tag_parents(tag), tag):
            highlights.setdefault(name, set()).add(highlight_id)
            articles.setdefault(name, set()).add(article_id)
    for article_id, tag in article_pairs:
        used.add(tag)
        for name in (*tag_parents(tag), tag):
            articles.setdefault(name, set()).add(article_id)
    names = sorted({*highlights, *articles})
    return [
        TagInfo(name, len(highlights.get(name, ())), len(articles.get(name, ())), name in used)
        for name in names
    ]


def _renamed(tag: str, old: str, new: str) -> str:
    return new + tag[len(old) :] if tag_within(tag, old) else tag


class Tags:
    def __init__(self, db: Database, events: Events) -> None:
        self._db = db
        self._events = events

    # reading ---------------------------------------------------------------------------------------
    def list(self) -> builtins.list[TagInfo]:
        """Every tag, parents included, with counts of highlights and articles (children counted in)."""
        with self._db.read() as tx:
            return summarize(rows.highlight_pairs(tx), rows.article_pairs(tx))

    def names(self) -> builtins.list[str]:
        """Every tag name, parents included, in code-point order (what completion offers)."""
        return [t.name for t in self.list()]

    # writing ---------------------------------------------------------------------------------------
    def rename(self, old: str, new: str) -> TagEdit:
        """Rename a tag and its children's prefix; onto an existing tag: a merge. NOT_FOUND when no
        highlight or article carries `old` or a child of it."""
        return self.merge([old], new, action="rename")

    def merge(self, sources: Sequence[str], into: str, *, action: str = "merge") -> TagEdit:
        """Rename each of `sources` (with its children) onto `into`, in one transaction."""
        target = clean_tag(into)
        names = [clean_tag(s) for s in sources]
        names = [n for n in dict.fromkeys(names) if n != target]
        if not names:  # renaming a tag to itself changes nothing
            return TagEdit(action, tuple(normalize_tags(sources)), target)

        def rename_all(tags: builtins.list[str]) -> builtins.list[str]:
            out = tags
            for name in names:
                out = [_renamed(t, name, target) for t in out]
            return normalize_tags(out)

        def rename_in_bulk(tx: Transaction) -> None:
            for name in names:
                rows.rename_everywhere(tx, name, target)

        # `a` -> `a/b` renames rows into what `a` matches: that one is rewritten object by object
        bulk = None if any(tag_within(target, name) for name in names) else rename_in_bulk
        return self._rewrite(action, names, target, rename_all, bulk)

    def delete(self, *tags: str) -> TagEdit:
        """Take tags and their children off every highlight and article (several: in one transaction)."""
        names = builtins.list(dict.fromkeys(clean_tag(t) for t in tags))

        def keep(carried: builtins.list[str]) -> builtins.list[str]:
            return [t for t in carried if not any(tag_within(t, name) for name in names)]

        return self._rewrite("delete", names, None, keep, lambda tx: rows.delete_everywhere(tx, names))

    def restore(self, edit: TagEdit) -> None:
        """Put back the tags `edit` changed, exactly as they were (highlights and articles deleted since
        are skipped)."""
        with self._db.write() as tx:
            highlights = rows.existing_highlights(tx, builtins.list(edit.highlights))
            articles = rows.existing_articles(tx, builtins.list(edit.articles))
            rows.put_back(
                tx,
                {i: edit.highlights[i] for i in highlights},
                {i: edit.articles[i] for i in articles},
            )
            owners = rows.article_of_highlights(tx, sorted(highlights))
        self._emit(sorted(highlights), owners, sorted(articles))

    def _rewrite(
        self,
        action: str,
        names: builtins.list[str],
        target: str | None,
        rewrite: Callable[[builtins.list[str]], builtins.list[str]],
        bulk: Callable[[Transaction], None] | None,
    ) -> TagEdit:
        """Read what the edit touches (for the undo), then make it: with `bulk`'s few set-wide statements,
        else by giving each object `rewrite` of its tags."""
        with self._db.write() as tx:
            highlights = rows.highlights_within(tx, names)
            articles = rows.articles_within(tx, names)
            if not highlights and not articles:
                raise HawamishError(ErrorCode.NOT_FOUND, detail=f"tag {', '.join(names)}")
            if bulk is not None:
                bulk(tx)
            else:
                rows.put_back(
                    tx,
                    {i: rewrite(tags) for i, tags in highlights.items()},
                    {i: rewrite(tags) for i, tags in articles.items()},
                )
            owners = rows.article_of_highlights(tx, builtins.list(highlights))
        self._emit(sorted(highlights), owners, sorted(articles))
        return TagEdit(action, tuple(names), target, highlights, articles)

    def _emit(self, highlight_ids: Sequence[int], owners: dict[int, int], article_ids: Sequence[int]) -> None:
        """HIGHLIGHT and ARTICLE updates: the search index re-derives the articles named (tags are indexed
        on both), the views refresh what they show."""
        if highlight_ids:
            touched = tuple(sorted(set(owners.values())))
            self._events.emit(Change(ChangeKind.HIGHLIGHT, ChangeOp.UPDATED, tuple(highlight_ids), touched))
        if article_ids:
            ids = tuple(article_ids)
            self._events.emit(Change(ChangeKind.ARTICLE, ChangeOp.UPDATED, ids, ids))
