"""`library.sharing`: this library's part in a shared folder (reader/core/sharing has the folder and the rule).

A sync has three steps, each safe to interrupt:

1. publish: what changed here since the last sync (found by comparing each highlight and article with the
   merged state last applied: no hook in every write, and a change made by the command line while the app
   was closed is found too) becomes records, stored in SQLite as not yet sent, then appended to this
   library's log and marked sent (a crash in between appends them again: readers drop duplicates by id);
2. receive: the records of every log in the folder from where the last read stopped;
3. apply: for every target that got records (and every one still waiting for its article), the merge rule's
   state is written to SQLite through the same storage as any edit, and the Library's listeners hear it
   (the search index follows).

Article deletions are not shared (a member who deletes a piece keeps everyone else's copy and their
highlights); highlight deletions are, as tombstones that lose to an edit made at the same time.
"""

from __future__ import annotations

import builtins
import threading
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.events import utc_now
from reader.core.models import ArticleMeta, Highlight
from reader.core.quotes import normalize_tags
from reader.core.sharing.bodies import SharedArticle, SharedHighlight
from reader.core.sharing.clock import HybridClock, Stamp
from reader.core.sharing.log import SharedFolder
from reader.core.sharing.merge import resolve
from reader.core.sharing.records import Record
from reader.core.storage import articles as article_rows
from reader.core.storage import collections as collection_rows
from reader.core.storage import highlights as highlight_rows
from reader.core.storage import settings as setting_rows
from reader.core.storage import sharing as rows
from reader.core.storage import tags as tag_rows
from reader.core.storage.database import Transaction
from reader.core.text import content_hash

if TYPE_CHECKING:  # pragma: no cover
    from reader.core.library.library import Library

ANNOTATION, ARTICLE = "annotation", "article"
#: Shared highlights applied per batch (their records and local rows are in memory together).
APPLY_CHUNK = 2000
KEY_FOLDER, KEY_MEMBER, KEY_NAME, KEY_TEXTS, KEY_LAST_SYNC, KEY_SEEN = (
    "share.folder",
    "share.member",
    "share.name",
    "share.with_texts",
    "share.last_sync",
    "share.seen",  # the write count (share_changes) the last comparison saw
)


@dataclass(frozen=True, slots=True)
class ShareConfig:
    folder: Path
    member: str
    name: str
    with_texts: bool


@dataclass(slots=True)
class SyncReport:
    published: int = 0  # records this library added to its log
    received: int = 0  # new records read from the folder
    applied: int = 0  # highlights and articles changed here
    pending: int = 0  # targets waiting (an article nobody shared the text of, a half-written line)
    conflicts: int = 0  # highlights keeping a concurrent version as history
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "published": self.published,
            "received": self.received,
            "applied": self.applied,
            "pending": self.pending,
            "conflicts": self.conflicts,
            "problems": self.problems,
        }


@dataclass(frozen=True, slots=True)
class Member:
    member: str
    name: str
    records: int  # how many of their records this library knows
    you: bool
    rank: int = 0  # the member's place among the folder's member ids, sorted (a colour each in the app)

    def to_json(self) -> dict[str, object]:
        return {"member": self.member, "name": self.name, "records": self.records, "you": self.you}


@dataclass(frozen=True, slots=True)
class ShareStatus:
    folder: str
    name: str
    member: str
    with_texts: bool
    members: builtins.list[Member]
    last_sync: str  # ISO 8601 UTC, '' before the first
    unsent: int  # this library's records not yet in its log
    waiting: int  # shared highlights and articles waiting for their article
    conflicts: int  # highlights keeping a concurrent version as history

    @property
    def pending(self) -> int:
        return self.unsent + self.waiting

    def to_json(self) -> dict[str, object]:
        return {
            "folder": self.folder,
            "name": self.name,
            "member": self.member,
            "with_texts": self.with_texts,
            "members": [m.to_json() for m in self.members],
            "last_sync": self.last_sync,
            "pending": self.pending,
            "unsent": self.unsent,
            "waiting": self.waiting,
            "conflicts": self.conflicts,
        }


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """A concurrent version a merge kept: who wrote it, when, and what it said."""

    by: str
    at: str  # ISO 8601 UTC
    note: str
    tags: list[str]
    color: str

    def to_json(self) -> dict[str, object]:
        return {"by": self.by, "at": self.at, "note": self.note, "tags": self.tags, "color": self.color}


@dataclass(frozen=True, slots=True)
class AnnotationInfo:
    by: str  # the name of who made it
    member: str  # their member id
    rank: int  # their place among the folder's member ids, sorted (a colour: reader/gui/common/people.py)
    history: list[HistoryEntry]


def stamp_time(stamp: Stamp) -> str:
    moment = datetime.fromtimestamp(stamp.millis / 1000, UTC).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def _highlight_birth(h: Highlight) -> str:
    return f"{h.article_id}|{h.created}"


@dataclass(slots=True)
class _Applied:
    highlights: dict[ChangeOp, set[int]] = field(default_factory=lambda: defaultdict(set))
    articles_of_highlights: set[int] = field(default_factory=set)
    articles: dict[ChangeOp, set[int]] = field(default_factory=lambda: defaultdict(set))
    collections_changed: bool = False
    count: int = 0


class Sharing:
    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.database
        self._lock = threading.Lock()

    # configuration ---------------------------------------------------------------------------------
    def config(self) -> ShareConfig | None:
        with self._db.read() as tx:
            folder = setting_rows.get(tx, KEY_FOLDER)
            member = setting_rows.get(tx, KEY_MEMBER)
            name = setting_rows.get(tx, KEY_NAME)
            texts = setting_rows.get(tx, KEY_TEXTS)
        if not folder or not member or name is None:
            return None
        return ShareConfig(Path(folder), member, name, texts == "1")

    def _require(self) -> ShareConfig:
        config = self.config()
        if config is None:
            raise HawamishError(ErrorCode.NOT_SHARED)
        return config

    def init(self, folder: Path, name: str, *, with_texts: bool = False) -> SyncReport:
        """Join (or create) the shared folder as NAME, then sync. Joining again renames this member."""
        name = " ".join(name.split())
        if not name:
            raise HawamishError(ErrorCode.INVALID_NAME, detail="the member's name")
        folder = Path(folder).expanduser().resolve()
        if folder == self._library.folder.resolve() or self._library.folder.resolve() in folder.parents:
            raise HawamishError(
                ErrorCode.UNWRITABLE, str(folder), "the shared folder may not be in the library"
            )
        member = (self.config() or ShareConfig(folder, uuid.uuid4().hex, name, with_texts)).member
        try:
            SharedFolder(folder).join(member, name)
        except OSError as exc:
            raise HawamishError(ErrorCode.UNWRITABLE, str(folder), exc.strerror or str(exc)) from None
        with self._db.write() as tx:
            setting_rows.put(tx, KEY_FOLDER, str(folder))
            setting_rows.put(tx, KEY_MEMBER, member)
            setting_rows.put(tx, KEY_NAME, name)
            setting_rows.put(tx, KEY_TEXTS, "1" if with_texts else "0")
        return self.sync()

    # sync ------------------------------------------------------------------------------------------
    def sync(self) -> SyncReport:
        """Publish this library's changes, read the others', apply the merged state (see the module)."""
        config = self._require()
        folder = SharedFolder(config.folder)
        if not folder.is_shared():
            raise HawamishError(
                ErrorCode.NOT_SHARED, str(config.folder), "the folder is missing or not shared"
            )
        with self._lock:
            report = SyncReport()
            with self._db.read() as tx:
                clock = HybridClock(Stamp(*rows.latest_stamp(tx)))
            report.published, published = self._publish(config, folder, clock)
            touched = self._receive(folder, clock, report) | published
            self._apply(touched, report)
            with self._db.write() as tx:
                setting_rows.put(tx, KEY_LAST_SYNC, utc_now())
                report.conflicts = rows.conflict_count(tx)
            return report

    def _publish(
        self, config: ShareConfig, folder: SharedFolder, clock: HybridClock
    ) -> tuple[int, set[tuple[str, str]]]:
        """Records for what changed here, appended to this library's log; (how many, their targets)."""
        with self._db.write() as tx:
            seen = setting_rows.get(tx, KEY_SEEN)
            count = rows.change_count(tx)
            made: builtins.list[Record] = []
            if seen != str(count):  # something was written since the last comparison
                made = self._article_records(tx, config, clock) + self._highlight_records(tx, config, clock)
                rows.add_records(tx, made, sent=False)
                # the count after this transaction's own writes (links): they are not changes to publish
                setting_rows.put(tx, KEY_SEEN, str(rows.change_count(tx)))
            pending = rows.unsent(tx)
        try:
            folder.append(config.member, pending)
        except OSError as exc:
            raise HawamishError(
                ErrorCode.UNWRITABLE, str(folder.own_log(config.member)), exc.strerror or str(exc)
            ) from None
        with self._db.write() as tx:
            rows.mark_sent(tx, [r.id for r in pending])
        return len(pending), {(r.kind, r.target) for r in made}

    def _record(
        self, config: ShareConfig, clock: HybridClock, kind: str, target: str, op: str, body: dict[str, Any],
        prev: Record | None,
    ) -> Record:  # fmt: skip
        return Record(
            id=uuid.uuid4().hex,
            member=config.member,
            by=config.name,
            at=clock.now(),
            kind=kind,
            target=target,
            op=op,
            body=body,
            prev=None if prev is None else prev.version,
        )

    def _article_targets(self, tx: Transaction) -> dict[int, list[str]]:
        """article id -> the shared ids linked to it, sorted (links of rows that were deleted left out)."""
        births = {a.id: a.imported_at for a in article_rows.list_all(tx)}
        out: dict[int, list[str]] = defaultdict(list)
        for link in rows.links(tx, ARTICLE):
            if births.get(link.local_id) == link.birth:
                out[link.local_id].append(link.target)
        return {k: sorted(v) for k, v in out.items()}

    def _local_article(self, tx: Transaction, article_id: int, with_blocks: bool) -> SharedArticle:
        article = article_rows.get(tx, article_id)
        return SharedArticle(
            title=article.title,
            author=article.author,
            outlet=article.outlet,
            url=article.url,
            published=article.published,
            language=article.language,
            text_hash=article.content_hash,
            tags=tuple(tag_rows.of_article(tx, article_id)),
            collections=tuple(collection_rows.of_articles(tx, [article_id])[article_id]),
            blocks=tuple(article_rows.blocks(tx, article_id)) if with_blocks else (),
        )

    def _article_records(self, tx: Transaction, config: ShareConfig, clock: HybridClock) -> list[Record]:
        targets = self._article_targets(tx)
        made: list[Record] = []
        for article in article_rows.list_all(tx):
            linked = targets.get(article.id, [])
            if not linked:
                target = uuid.uuid4().hex
                rows.link(tx, ARTICLE, target, article.id, article.imported_at)
                linked = [target]
            records = rows.records_of(tx, ARTICLE, linked)
            everything = _articles_only([r for target in linked for r in records[target]])
            resolution = resolve(everything) if everything else None
            local = self._local_article(tx, article.id, with_blocks=False)
            if resolution is not None and _article(resolution.winner).fingerprint() == local.fingerprint():
                continue
            # the text goes along once a text hash is new to the folder (and only in a folder with texts)
            sent_hashes = {str(r.body.get("text_hash")) for r in everything if r.body.get("blocks")}
            with_text = config.with_texts and local.text_hash not in sent_hashes
            body = self._local_article(tx, article.id, with_blocks=with_text).to_body()
            winner = resolution.winner if resolution else None
            target = winner.target if winner else linked[0]
            made.append(self._record(config, clock, ARTICLE, target, "put", body, winner))
        return made

    def _highlight_records(self, tx: Transaction, config: ShareConfig, clock: HybridClock) -> list[Record]:
        article_targets = self._article_targets(tx)
        local = {h.id: h for h in highlight_rows.query(tx)}
        links = {link.target: link for link in rows.links(tx, ANNOTATION)}
        linked_ids = {
            link.local_id: target
            for target, link in links.items()
            if link.local_id in local and _highlight_birth(local[link.local_id]) == link.birth
        }
        states = rows.states(tx, ANNOTATION)
        made: list[Record] = []
        for h in local.values():
            target = linked_ids.get(h.id)
            if target is None:
                target = uuid.uuid4().hex
                rows.link(tx, ANNOTATION, target, h.id, _highlight_birth(h))
            article_target = article_targets[h.article_id][0]
            shared = _shared_highlight(h, article_target)
            state = states.get(target)
            if state is not None and not state.deleted and state.fingerprint == shared.fingerprint():
                continue
            winner = None if linked_ids.get(h.id) is None else self._winner(tx, ANNOTATION, target)
            made.append(
                self._record(
                    config,
                    clock,
                    ANNOTATION,
                    target,
                    "put",
                    shared.to_annotation(target, config.name),
                    winner,
                )
            )
        gone = set(links) - set(linked_ids.values())
        articles = set(article_targets)
        for target in sorted(gone):
            state = states.get(target)
            if int(links[target].birth.split("|", 1)[0]) not in articles:
                continue  # its article was deleted here: article deletions are not shared, nor are their highlights'
            # the link goes with the highlight: SQLite may give its row id to the next highlight made here
            rows.unlink(tx, ANNOTATION, target)
            if state is None or state.deleted:
                continue
            winner = self._winner(tx, ANNOTATION, target)
            made.append(self._record(config, clock, ANNOTATION, target, "delete", {}, winner))
        return made

    def _winner(self, tx: Transaction, kind: str, target: str) -> Record | None:
        records = rows.records_of(tx, kind, [target])[target]
        return resolve(records).winner if records else None

    def _receive(self, folder: SharedFolder, clock: HybridClock, report: SyncReport) -> set[tuple[str, str]]:
        touched: set[tuple[str, str]] = set()
        with self._db.read() as tx:
            offsets = rows.offsets(tx)
        for path in folder.log_files():
            result = folder.read(path, offsets.get(path.name, 0))
            report.problems += [str(p) for p in result.problems]
            if result.waiting:
                report.pending += 1
            with self._db.write() as tx:
                unique = {r.id: r for r in result.records}
                known = rows.known_ids(tx, list(unique))
                new = [r for r in unique.values() if r.id not in known]
                rows.add_records(tx, new, sent=True)
                rows.set_offset(tx, path.name, result.offset)
            for record in new:
                clock.observe(record.at)
                touched.add((record.kind, record.target))
            report.received += len(new)
        return touched

    # apply -----------------------------------------------------------------------------------------
    def _apply(self, touched: set[tuple[str, str]], report: SyncReport) -> None:
        applied = _Applied()
        with self._db.read() as tx:
            idle = not touched and not rows.waiting(tx, ARTICLE) and not rows.waiting(tx, ANNOTATION)
        if idle:
            return
        with self._db.write() as tx:
            article_targets = {t for k, t in touched if k == ARTICLE} | self._waiting(tx, ARTICLE)
            linked = self._article_links(tx)
            for target in sorted(article_targets):
                if not self._apply_article(tx, target, linked, applied):
                    report.pending += 1
            annotation_targets = {t for k, t in touched if k == ANNOTATION} | self._waiting(tx, ANNOTATION)
            links = {link.target: link for link in rows.links(tx, ANNOTATION)}
            states = rows.states(tx, ANNOTATION)
            texts: dict[int, tuple[str, str]] = {}  # article id -> text and hash, for its new highlights
            ordered = sorted(annotation_targets)
            # a chunk at a time: a merge of a hundred thousand records holds a few thousand in memory
            for first in range(0, len(ordered), APPLY_CHUNK):
                chunk = ordered[first : first + APPLY_CHUNK]
                records = rows.records_of(tx, ANNOTATION, chunk)
                linked_ids = [links[t].local_id for t in chunk if t in links]
                local = highlight_rows.by_ids(tx, linked_ids)
                for target in chunk:
                    if not records[target]:
                        continue
                    done = self._apply_annotation(
                        tx, target, records[target], local, links, linked, states, texts, applied
                    )
                    if not done:
                        report.pending += 1
        report.applied = applied.count
        events = self._library._events
        for op, ids in applied.articles.items():
            if ids:
                events.emit(Change(ChangeKind.ARTICLE, op, tuple(sorted(ids)), tuple(sorted(ids))))
        if applied.collections_changed:
            events.emit(Change(ChangeKind.COLLECTIONS, ChangeOp.UPDATED))
        for op, ids in applied.highlights.items():
            if ids:
                events.emit(
                    Change(
                        ChangeKind.HIGHLIGHT,
                        op,
                        tuple(sorted(ids)),
                        tuple(sorted(applied.articles_of_highlights)),
                    )
                )

    def _waiting(self, tx: Transaction, kind: str) -> set[str]:
        """Targets with records but no state here yet (their article was not known at the last sync)."""
        return set(rows.waiting(tx, kind))

    def _article_links(self, tx: Transaction) -> dict[str, int]:
        """shared article id -> this library's article id (valid links only)."""
        return {
            target: article_id
            for article_id, targets in self._article_targets(tx).items()
            for target in targets
        }

    def _apply_article(self, tx: Transaction, target: str, linked: dict[str, int], applied: _Applied) -> bool:
        """Write an article's merged metadata; False while it waits for its text. `linked` (shared id ->
        article id) is kept up to date as links are made."""
        article_id = linked.get(target)
        records = _articles_only(rows.records_of(tx, ARTICLE, [target])[target])
        if not records:
            return True
        if article_id is None:
            article_id = self._match_or_add(tx, target, records, applied)
            if article_id is None:
                return False
            linked[target] = article_id
        aliases = [t for t, a in linked.items() if a == article_id and t != target]
        alias_records = rows.records_of(tx, ARTICLE, aliases)
        everything = records + _articles_only([r for alias in aliases for r in alias_records[alias]])
        resolution = resolve(everything)
        wanted = _article(resolution.winner)
        current = self._local_article(tx, article_id, with_blocks=False)
        if wanted.fingerprint() != current.fingerprint():
            self._write_article(tx, article_id, wanted, current, applied)
        rows.put_state(
            tx,
            rows.State(
                ARTICLE, target, resolution.winner.id, False, wanted.fingerprint(), _creator(everything), 0
            ),
        )
        return True

    def _match_or_add(
        self, tx: Transaction, target: str, records: list[Record], applied: _Applied
    ) -> int | None:
        """Link a shared article to this library's copy (same URL, else same text), or add it from a record
        that carries its text; None while neither is possible."""
        bodies = [_article(r) for r in sorted(records, key=lambda r: r.version, reverse=True)]
        urls = article_rows.urls(tx)
        hashes = article_rows.hashes(tx)
        article_id = next((urls[b.url] for b in bodies if b.url and b.url in urls), None)
        if article_id is None:
            article_id = next((hashes[b.text_hash] for b in bodies if b.text_hash in hashes), None)
        if article_id is None:
            with_text = next((b for b in bodies if b.blocks), None)
            if with_text is None:
                return None
            meta = ArticleMeta(
                with_text.title, with_text.author, with_text.outlet, with_text.url, with_text.published,
                with_text.language,
            )  # fmt: skip
            article_id = article_rows.insert(tx, meta, list(with_text.blocks), utc_now())
            applied.articles[ChangeOp.ADDED].add(article_id)
            applied.count += 1
        birth = article_rows.get(tx, article_id).imported_at
        rows.link(tx, ARTICLE, target, article_id, birth)
        return article_id

    def _write_article(
        self,
        tx: Transaction,
        article_id: int,
        wanted: SharedArticle,
        current: SharedArticle,
        applied: _Applied,
    ) -> None:
        values = {
            key: getattr(wanted, key)
            for key in ("title", "author", "outlet", "url", "published", "language")
            if getattr(wanted, key) != getattr(current, key)
        }
        if values:
            article_rows.update_meta(tx, article_id, values, utc_now())
        if sorted(wanted.tags) != sorted(current.tags):
            tag_rows.set_for_article(tx, article_id, normalize_tags(wanted.tags))
        if sorted(wanted.collections) != sorted(current.collections):
            now = utc_now()
            for name in set(current.collections) - set(wanted.collections):
                collection_rows.remove(tx, collection_rows.require(tx, name), [article_id])
            for name in set(wanted.collections) - set(current.collections):
                collection_rows.add(tx, collection_rows.ensure(tx, name, now), [article_id])
            applied.collections_changed = True
        applied.articles[ChangeOp.UPDATED].add(article_id)
        applied.count += 1

    def _apply_annotation(
        self,
        tx: Transaction,
        target: str,
        records: builtins.list[Record],
        local: dict[int, Highlight],
        links: dict[str, rows.Link],
        article_links: dict[str, int],
        states: dict[str, rows.State],
        texts: dict[int, tuple[str, str]],
        applied: _Applied,
    ) -> bool:
        link = links.get(target)
        current = local.get(link.local_id) if link is not None else None
        if current is not None and link is not None and _highlight_birth(current) != link.birth:
            current = None  # the row id was reused by another highlight
        resolution = resolve(records)
        first = min(records, key=lambda r: r.version)
        creator, creator_member = first.by, first.member
        if resolution.deleted:
            if current is not None:
                highlight_rows.delete(tx, current.id)
                rows.unlink(tx, ANNOTATION, target)  # its row id may be given to the next highlight
                applied.highlights[ChangeOp.DELETED].add(current.id)
                applied.articles_of_highlights.add(current.article_id)
                applied.count += 1
            rows.put_state(
                tx, rows.State(ANNOTATION, target, resolution.winner.id, True, "", creator, 0, creator_member)
            )
            return True
        try:
            wanted = SharedHighlight.from_annotation(resolution.winner.body)
        except ValueError:
            return True  # a record no highlight can be made of: nothing to apply, nothing to wait for
        conflicts = len(resolution.history)
        state = rows.State(
            ANNOTATION,
            target,
            resolution.winner.id,
            False,
            wanted.fingerprint(),
            creator,
            conflicts,
            creator_member,
        )
        if current is not None:
            mine = _shared_highlight(current, wanted.article)
            if mine.fingerprint() != wanted.fingerprint():
                highlight_rows.update_fields(
                    tx, current.id, color=wanted.color, style=wanted.style, note=wanted.note, now=utc_now()
                )
                tag_rows.set_for_highlight(tx, current.id, normalize_tags(wanted.tags))
                applied.highlights[ChangeOp.UPDATED].add(current.id)
                applied.articles_of_highlights.add(current.article_id)
                applied.count += 1
            elif states.get(target) != state:
                applied.highlights[ChangeOp.UPDATED].add(
                    current.id
                )  # its history changed: the panel shows it
                applied.articles_of_highlights.add(current.article_id)
            rows.put_state(tx, state)
            return True
        article_id = article_links.get(wanted.article)
        if article_id is None:
            return False  # its article is not here yet
        if article_id not in texts:
            text = article_rows.text(tx, article_id)
            texts[article_id] = (text, content_hash(text))
        made = self._place(texts[article_id], article_id, wanted)
        new_id = highlight_rows.insert(tx, made)
        rows.unlink_local(
            tx, ANNOTATION, new_id
        )  # links left to a deleted highlight whose id this one reuses
        rows.link(tx, ANNOTATION, target, new_id, f"{made.article_id}|{made.created}")
        rows.put_state(tx, state)
        applied.highlights[ChangeOp.ADDED].add(new_id)
        applied.articles_of_highlights.add(article_id)
        applied.count += 1
        return True

    def _place(self, text_and_hash: tuple[str, str], article_id: int, wanted: SharedHighlight) -> Highlight:
        """The highlight as this library stores it: at its position when this copy of the text is the one
        it was made on, else where re-anchoring finds its quote (an orphan when nowhere)."""
        from reader.core.library.annotation_import import place_quote
        from reader.core.quotes import quote_at

        text, text_hash = text_and_hash
        quote = {"exact": wanted.exact, "prefix": wanted.prefix, "suffix": wanted.suffix}
        position = {"start": wanted.start, "end": wanted.end} if wanted.start >= 0 else None
        start, end, _how, orphan = place_quote(text, quote, position, {})
        if orphan:
            exact, prefix, suffix = wanted.exact, wanted.prefix, wanted.suffix
        else:
            exact, prefix, suffix = quote_at(text, start, end)
        created = wanted.created or utc_now()
        return Highlight(
            0, article_id, start, end, exact, prefix, suffix, text_hash, wanted.color, wanted.style,
            wanted.note, normalize_tags(wanted.tags), orphan, created, wanted.modified or created,
        )  # fmt: skip

    # what the views show ---------------------------------------------------------------------------
    def annotation_info(self, highlight_ids: builtins.list[int]) -> dict[int, AnnotationInfo]:
        """highlight id -> who made it and the concurrent versions a merge kept (only shared highlights)."""
        if self.config() is None:
            return {}
        wanted = set(highlight_ids)
        out: dict[int, AnnotationInfo] = {}
        ranks = self.member_ranks()
        with self._db.read() as tx:
            local = {h.id: h for h in highlight_rows.query(tx) if h.id in wanted}
            links = [
                link
                for link in rows.links(tx, ANNOTATION)
                if link.local_id in local and _highlight_birth(local[link.local_id]) == link.birth
            ]
            records = rows.records_of(tx, ANNOTATION, [link.target for link in links])
        for link in links:
            found = records[link.target]
            if not found:
                continue
            history = []
            for record in resolve(found).history:
                try:
                    version = SharedHighlight.from_annotation(record.body)
                except ValueError:
                    continue
                history.append(
                    HistoryEntry(
                        record.by, stamp_time(record.at), version.note, list(version.tags), version.color
                    )
                )
            first = min(found, key=lambda r: r.version)
            out[link.local_id] = AnnotationInfo(first.by, first.member, ranks.get(first.member, 0), history)
        return out

    def made_by_others(self) -> set[int]:
        """Ids of the highlights here that another member made (empty unless the library shares a folder)."""
        config = self.config()
        if config is None:
            return set()
        with self._db.read() as tx:
            births = {h.id: _highlight_birth(h) for h in highlight_rows.query(tx)}
            states = rows.states(tx, ANNOTATION)
            links = rows.links(tx, ANNOTATION)
        return {
            link.local_id
            for link in links
            if births.get(link.local_id) == link.birth
            and (state := states.get(link.target)) is not None
            and state.creator_member not in ("", config.member)
        }

    def member_ranks(self) -> dict[str, int]:
        """member id -> its place among the folder's member ids, sorted (the same in every library)."""
        config = self.config()
        folder = SharedFolder(config.folder) if config else None
        members = folder.members() if folder is not None and folder.is_shared() else {}
        return {member: rank for rank, member in enumerate(sorted(members))}

    def status(self) -> ShareStatus:
        """Members, last sync, records waiting and conflicts kept (`hawamish share status --json`)."""
        config = self._require()
        folder = SharedFolder(config.folder)
        members = folder.members() if folder.is_shared() else {}
        with self._db.read() as tx:
            counts = rows.record_counts(tx)
            unsent = len(rows.unsent(tx))
            last = setting_rows.get(tx, KEY_LAST_SYNC) or ""
            conflicts = rows.conflict_count(tx)
            waiting = len(rows.waiting(tx, ANNOTATION)) + len(rows.waiting(tx, ARTICLE))
        ranks = {member: rank for rank, member in enumerate(sorted(members))}
        people = [
            Member(m, n, counts.get(m, 0), m == config.member, ranks[m])
            for m, n in sorted(members.items(), key=lambda item: (item[0] != config.member, item[1]))
        ]
        return ShareStatus(
            str(config.folder), config.name, config.member, config.with_texts, people, last, unsent, waiting,
            conflicts,
        )  # fmt: skip


def _article(record: Record) -> SharedArticle:
    return SharedArticle.from_body(record.body)


def _articles_only(records: builtins.list[Record]) -> builtins.list[Record]:
    """The article records whose body is an article (a malformed one is left out of every merge)."""
    out = []
    for record in records:
        try:
            SharedArticle.from_body(record.body)
        except ValueError:
            continue
        out.append(record)
    return out


def _shared_highlight(h: Highlight, article_target: str) -> SharedHighlight:
    return SharedHighlight(
        article=article_target,
        exact=h.exact,
        prefix=h.prefix,
        suffix=h.suffix,
        start=h.start,
        end=h.end,
        text_hash=h.text_hash,
        color=h.color,
        style=h.style,
        note=h.note,
        tags=tuple(sorted(h.tags)),
        created=h.created,
        modified=h.updated,
    )


def _creator(records: builtins.list[Record]) -> str:
    return min(records, key=lambda r: r.version).by if records else ""
