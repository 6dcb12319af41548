"""Libraries sharing a folder: each member has its own copy of the folder, and a simulated sync engine copies
the log files between the copies late, out of order, duplicated and half-written. Whatever happens, once
every file has arrived everywhere all members hold the same highlights, notes, tags and history."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.library.maintenance import check_library
from reader.core.models import ArticleMeta
from reader.core.quotes import find_quote
from reader.core.sharing.log import LOGS
from reader.core.text import Block, BlockKind
from tests.core.seed_helpers import QUOTES, SEED, add_seed, blocks_from_lines, seed_lines

URL = "https://example.org/isis-russia"


class Member:
    """A library and its own copy of the shared folder (what a sync engine keeps on each machine)."""

    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.library = Library(root / name / "library")
        self.folder = root / name / "shared"

    def join(self, *, with_texts: bool = True) -> None:
        self.library.sharing.init(self.folder, self.name, with_texts=with_texts)

    def sync(self) -> None:
        self.library.sharing.sync()

    def state(self) -> list[tuple]:
        """Every highlight as the others must see it: quote, note, tags, colour, author, kept versions."""
        highlights = self.library.highlights.query()
        info = self.library.sharing.annotation_info([h.id for h in highlights])
        out = []
        for h in highlights:
            shared = info[h.id]
            history = tuple(sorted((e.by, e.note, tuple(e.tags)) for e in shared.history))
            out.append((h.exact, h.note, tuple(h.tags), h.color, shared.by, history))
        return sorted(out)


def deliver(source: Member, target: Member, rng: random.Random | None = None) -> None:
    """Copy what the source's folder has that the target's lacks; with `rng`, maybe only part of a file
    (a half-written last line), maybe as a sync engine's conflict copy beside it."""
    for path in source.folder.rglob("*"):
        if path.is_dir() or path.name.startswith("."):
            continue
        destination = target.folder / path.relative_to(source.folder)
        destination.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        if destination.exists() and len(destination.read_bytes()) >= len(data):
            continue
        if rng is not None and path.parent.name == LOGS and rng.random() < 0.3:
            data = data[: rng.randrange(len(data) + 1)]  # the engine is half-way through the file
        destination.write_bytes(data)
        if rng is not None and path.parent.name == LOGS and rng.random() < 0.1:
            copy = destination.with_name(f"{path.stem}.sync-conflict-{rng.randrange(10**6)}.jsonl")
            copy.write_bytes(data)


def settle(members: list[Member]) -> None:
    """Every file everywhere, every member synced, until nothing new is published (two rounds suffice)."""
    for _round in range(3):
        for member in members:
            member.sync()
        for source in members:
            for target in members:
                if source is not target:
                    deliver(source, target)
    for member in members:
        member.sync()


@contextmanager
def team(root: Path, names: list[str]) -> Iterator[list[Member]]:
    members = [Member(root, name) for name in names]
    try:
        yield members
    finally:
        for member in members:
            member.library.close()


def highlight(library: Library, quote: str, **values) -> int:
    article = library.articles.get(min(library.articles.ids()))  # the seed
    start, end = find_quote(article.text, quote, None)
    return library.highlights.create(article.id, start, end, **values).id


def by_quote(library: Library, quote: str):
    return next(h for h in library.highlights.query() if h.exact == quote)


def test_a_library_that_shares_nothing_says_so(library: Library) -> None:
    with pytest.raises(HawamishError) as error:
        library.sharing.sync()
    assert error.value.code is ErrorCode.NOT_SHARED
    assert library.sharing.annotation_info([1]) == {}


def test_two_members_converge_after_concurrent_edits_deletes_and_new_articles(tmp_path: Path) -> None:
    with team(tmp_path, ["سلمى", "Omar"]) as (salma, omar):
        add_seed(salma.library)
        salma.join()
        omar.join()
        deliver(salma, omar)
        omar.sync()  # the article arrives with its text (the folder carries texts)
        assert [a.title for a in omar.library.articles.list()] == [salma.library.articles.list()[0].title]
        highlight(salma.library, QUOTES[0], note="أول", tags=["security"])
        highlight(salma.library, QUOTES[1], color="evidence")
        settle([salma, omar])
        assert salma.state() == omar.state()
        assert {h.exact for h in omar.library.highlights.query()} == {QUOTES[0], QUOTES[1]}

        # at the same time: both edit the first note, Omar deletes the second highlight, each adds an article
        salma.library.highlights.update(by_quote(salma.library, QUOTES[0]).id, note="رأي سلمى")
        omar.library.highlights.update(by_quote(omar.library, QUOTES[0]).id, note="رأي عمر", tags=["x"])
        omar.library.highlights.delete(by_quote(omar.library, QUOTES[1]).id)
        salma.library.articles.add(
            ArticleMeta("مقال سلمى"), [Block(BlockKind.PARAGRAPH, "نص جديد كتبته سلمى")]
        )
        omar.library.articles.add(
            ArticleMeta("Omar's piece"), [Block(BlockKind.PARAGRAPH, "A new text here")]
        )
        settle([salma, omar])

        assert salma.state() == omar.state()
        (first,) = [h for h in salma.state() if h[0] == QUOTES[0]]
        # one version won everywhere; the other is kept as history, with its author
        assert {first[1], *(note for _by, note, _tags in first[5])} == {"رأي سلمى", "رأي عمر"}
        assert len(first[5]) == 1 and first[4] == "سلمى"
        assert QUOTES[1] not in {h[0] for h in salma.state()}
        titles = {a.title for a in salma.library.articles.list()}
        assert titles == {a.title for a in omar.library.articles.list()}
        assert {"مقال سلمى", "Omar's piece"} <= titles
        for member in (salma, omar):
            assert check_library(member.library).ok
            status = member.library.sharing.status()
            assert status.conflicts == 1 and status.pending == 0
            assert sorted(m.name for m in status.members) == sorted(["سلمى", "Omar"])


def test_highlights_wait_for_an_article_whose_text_is_not_shared(tmp_path: Path) -> None:
    with team(tmp_path, ["a", "b"]) as (a, b):
        add_seed(a.library)
        a.join(with_texts=False)
        b.join(with_texts=False)
        highlight(a.library, QUOTES[2], note="waits")
        settle([a, b])
        assert b.library.articles.count() == 0  # copyrighted pieces stay home
        assert b.library.sharing.status().waiting == 2  # the article and its highlight
        add_seed(b.library)  # b imports the same piece: its text hash links it
        b.sync()
        assert [(h.exact, h.note) for h in b.library.highlights.query()] == [(QUOTES[2], "waits")]
        assert b.library.sharing.status().waiting == 0


def test_a_member_whose_text_differs_gets_the_highlight_re_anchored(tmp_path: Path) -> None:
    with team(tmp_path, ["a", "b"]) as (a, b):
        lines = seed_lines()
        a.library.articles.add(ArticleMeta(lines[0], url=URL), blocks_from_lines(lines))
        # b's copy of the same page (same URL) has a paragraph more at the top and lacks the last one
        changed = [lines[0], "فقرة أضافها المحرر في أول المقال.", *lines[1:-1]]
        b.library.articles.add(ArticleMeta(lines[0], url=URL), blocks_from_lines(changed))
        a.join(with_texts=False)
        b.join(with_texts=False)
        highlight(a.library, QUOTES[1], note="moved")
        highlight(a.library, lines[-1][:30], note="its paragraph is gone in b's copy")
        settle([a, b])
        assert b.library.articles.count() == 1  # linked by URL, not added
        placed = by_quote(b.library, QUOTES[1])
        assert (
            not placed.orphan
            and b.library.articles.text(placed.article_id)[placed.start : placed.end] == QUOTES[1]
        )
        assert SEED.index(QUOTES[1]) != placed.start  # it moved with the inserted paragraph
        orphan = next(h for h in b.library.highlights.query() if h.note.startswith("its paragraph"))
        assert orphan.orphan  # kept, shown as an orphan, never dropped


def test_a_broken_line_in_a_log_is_skipped_with_a_message(tmp_path: Path) -> None:
    with team(tmp_path, ["a", "b"]) as (a, b):
        add_seed(a.library)
        a.join()
        b.join()
        highlight(a.library, QUOTES[0])
        a.sync()
        log = next((a.folder / LOGS).glob("*.jsonl"))
        with log.open("ab") as stream:
            stream.write(b'{"format": 1, "id": "x"}\n')
        deliver(a, b)
        report = b.library.sharing.sync()
        assert len(report.problems) == 1 and "not a record" in report.problems[0]
        assert [h.exact for h in b.library.highlights.query()] == [QUOTES[0]]


ACTIONS = st.lists(
    st.tuples(
        st.integers(0, 4),  # which member
        st.sampled_from(["create", "note", "tags", "color", "delete", "sync", "deliver"]),
        st.integers(0, 10**6),  # a choice within the action
    ),
    min_size=5,
    max_size=40,
)


@pytest.mark.timeout(900)  # a dozen teams of up to five libraries, each write fsynced (synchronous=FULL)
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(2, 5), ACTIONS, st.integers(0, 10**6))
def test_any_number_of_members_converge_whatever_the_engine_does(
    tmp_path_factory: pytest.TempPathFactory, size: int, actions: list[tuple[int, str, int]], seed: int
) -> None:
    rng = random.Random(seed)
    root = tmp_path_factory.mktemp("team")
    with team(root, [f"member{n}" for n in range(size)]) as members:
        add_seed(members[0].library)
        for member in members:
            member.join()
        settle(members)
        for who, action, choice in actions:
            member = members[who % size]
            library = member.library
            mine = library.highlights.query()
            if action == "create":
                quote = QUOTES[choice % len(QUOTES)]
                if all(h.exact != quote for h in mine):
                    highlight(library, quote, note=f"{member.name} {choice}")
            elif action in ("note", "tags", "color", "delete") and mine:
                target = mine[choice % len(mine)]
                if action == "note":
                    library.highlights.update(target.id, note=f"{member.name} says {choice}")
                elif action == "tags":
                    library.highlights.update(target.id, tags=[f"t{choice % 3}", f"topic/{choice % 2}"])
                elif action == "color":
                    library.highlights.update(target.id, color=["claim", "evidence", "counter"][choice % 3])
                else:
                    library.highlights.delete(target.id)
            elif action == "sync":
                member.sync()
            elif action == "deliver":
                deliver(member, members[(who + 1 + choice) % size], rng)
        settle(members)
        states = [m.state() for m in members]
        assert all(state == states[0] for state in states[1:])
        for member in members:
            assert check_library(member.library).ok
            assert member.library.sharing.status().pending == 0


def test_a_deleted_highlights_row_id_given_to_another_members_highlight_stays_theirs(tmp_path: Path) -> None:
    """Found by the property test: A deletes its highlight, then receives B's on the same passage, made in the
    same second; SQLite gives B's the deleted one's row id, and the old link must not claim it."""
    with team(tmp_path, ["a", "b"]) as (a, b):
        add_seed(a.library)
        a.join()
        b.join()
        settle([a, b])
        mine = highlight(a.library, QUOTES[0], note="a's")
        a.sync()
        highlight(b.library, QUOTES[0], note="b's")
        a.library.highlights.delete(mine)
        settle([a, b])
        assert a.state() == b.state()
        assert [(h[1], h[4]) for h in a.state()] == [("b's", "b")]


def test_joining_needs_a_name_and_a_folder_outside_the_library(tmp_path: Path) -> None:
    with team(tmp_path, ["a"]) as (a,):
        with pytest.raises(HawamishError) as error:
            a.library.sharing.init(a.folder, "   ")
        assert error.value.code is ErrorCode.INVALID_NAME
        with pytest.raises(HawamishError):
            a.library.sharing.init(a.library.folder / "shared", "a")
        shutil.rmtree(a.folder, ignore_errors=True)


def test_search_finds_a_members_highlights_with_by(tmp_path: Path) -> None:
    with team(tmp_path, ["سلمى", "Omar"]) as (salma, omar):
        add_seed(salma.library)
        salma.join()
        omar.join()
        highlight(salma.library, QUOTES[0], note="first")
        settle([salma, omar])
        highlight(omar.library, QUOTES[3], note="second")
        settle([salma, omar])
        for member in (salma, omar):
            found = member.library.search("by:omar", kinds=["highlight", "note"]).hits
            assert [h.highlight_id for h in found] == [by_quote(member.library, QUOTES[3]).id]
            found = member.library.search("by:سلمى", kinds=["highlight", "note"]).hits
            assert [h.highlight_id for h in found] == [by_quote(member.library, QUOTES[0]).id]


def test_the_notebook_knows_who_made_each_highlight(tmp_path: Path) -> None:
    from reader.core.notes import NotesFilter

    with team(tmp_path, ["سلمى", "Omar"]) as (salma, omar):
        add_seed(salma.library)
        salma.join()
        omar.join()
        highlight(salma.library, QUOTES[0], note="first")
        settle([salma, omar])
        highlight(omar.library, QUOTES[3], note="second")
        settle([salma, omar])
        notebook = salma.library.notebook()
        assert {i.highlight.exact: i.made_by for i in notebook.items} == {
            QUOTES[0]: "سلمى",
            QUOTES[3]: "Omar",
        }
        assert [i.highlight.exact for i in notebook.select(NotesFilter(by="omar"))] == [QUOTES[3]]
        assert [i.highlight.exact for i in notebook.select(NotesFilter(text="سلمى"))] == [QUOTES[0]]
