"""Research pages: the marker syntax, the Library service, live quotes after re-anchoring and deletion."""

from __future__ import annotations

import pytest

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.pages import (
    QuotePiece,
    QuoteState,
    TextPiece,
    append_quotes,
    insert_quotes,
    quote_ids,
    quote_marker,
    split_pieces,
)
from reader.core.text import Block, BlockKind, canonical_text

OLD = [
    Block(BlockKind.PARAGRAPH, "مقدمة قصيرة عن الموضوع."),
    Block(BlockKind.PARAGRAPH, "قال الوزير إن الاتفاق سيوقع الأسبوع المقبل في الرياض."),
]
NEW = [
    Block(BlockKind.PARAGRAPH, "فقرة جديدة أضيفت في أول المقال بعد التحديث."),
    *OLD,
]


def test_markers_are_lines_of_their_own_and_fenced_code_is_text() -> None:
    text = (
        "Intro with {{quote 5}} inline stays text.\n\n{{quote 1}}\n  {{ quote 2 }}  \n\n"
        "```\n{{quote 3}}\n```\n\n{{quote 4}} and more\n"
    )
    pieces = split_pieces(text)
    assert [p.highlight_id for p in pieces if isinstance(p, QuotePiece)] == [1, 2]
    assert quote_ids(text) == [1, 2]
    assert isinstance(pieces[0], TextPiece) and "inline" in pieces[0].markdown
    assert "{{quote 3}}" in pieces[-1].markdown and "{{quote 4}} and more" in pieces[-1].markdown  # type: ignore[union-attr]
    assert quote_marker(7) == "{{quote 7}}"


def test_append_and_insert_make_paragraphs() -> None:
    assert append_quotes("", [1]) == "{{quote 1}}\n"
    assert append_quotes("Intro.\n", [1, 2]) == "Intro.\n\n{{quote 1}}\n\n{{quote 2}}\n"
    text = "First line.\nSecond line.\n\nThird."
    new, caret = insert_quotes(text, 2, [9])
    assert new == "First line.\n\n{{quote 9}}\n\nSecond line.\n\nThird."
    assert new[:caret].endswith("{{quote 9}}")
    assert quote_ids(new) == [9]


def _article(library: Library) -> tuple[int, int]:
    article_id = library.articles.add(
        ArticleMeta(
            title="الاتفاق", author="سطام المقرن", outlet="الوطن", published="2015-07-21", language="ar"
        ),
        OLD,
    )
    text = canonical_text(OLD)
    quote = "الاتفاق سيوقع"
    start = text.index(quote)
    highlight = library.highlights.create(article_id, start, start + len(quote), color="claim")
    return article_id, highlight.id


def test_page_round_trip_reanchor_then_delete(library: Library) -> None:
    article_id, highlight_id = _article(library)
    page = library.pages.create("  مراجعة   الأدبيات ")
    assert page.title == "مراجعة الأدبيات"
    page = library.pages.add_quote(page.id, highlight_id)
    assert page.quotes == [highlight_id]
    before = library.pages.render(library.pages.get("مراجعة الأدبيات")).quotes[0]
    assert before.state == QuoteState.LIVE and before.exact == "الاتفاق سيوقع"
    assert before.source is not None and before.source.author == "سطام المقرن"
    old_start = before.highlight.start  # type: ignore[union-attr]

    library.articles.replace_text(article_id, NEW)  # a paragraph added above: the passage moves
    moved = library.pages.render(library.pages.get(page.id)).quotes[0]
    assert moved.state == QuoteState.LIVE and moved.exact == "الاتفاق سيوقع"
    assert moved.highlight is not None and moved.highlight.start > old_start

    corrected = [Block(BlockKind.PARAGRAPH, "قال الوزير إن الاتفاق سيوقّع الأسبوع المقبل في الرياض.")]
    library.articles.replace_text(article_id, corrected)  # a corrected quote (a shadda added)
    fixed = library.pages.render(library.pages.get(page.id)).quotes[0]
    assert fixed.state == QuoteState.LIVE and fixed.exact == "الاتفاق سيوقّع"

    library.highlights.delete(highlight_id)
    gone = library.pages.render(library.pages.get(page.id))
    assert [(q.highlight_id, q.state) for q in gone.quotes] == [(highlight_id, QuoteState.DELETED)]
    assert library.pages.get(page.id).quotes == [highlight_id]  # the marker stays: never silently dropped


def test_orphan_quote_is_said(library: Library) -> None:
    article_id, highlight_id = _article(library)
    page = library.pages.add_quote(library.pages.create("P").id, highlight_id)
    library.articles.replace_text(article_id, [Block(BlockKind.PARAGRAPH, "نص آخر تماما لا يشبه الأول.")])
    quote = library.pages.render(page).quotes[0]
    assert quote.state == QuoteState.ORPHAN and quote.exact


def test_titles_ids_errors_and_undo(library: Library) -> None:
    changes: list[Change] = []
    library.add_listener(changes.append)
    first = library.pages.create("2026")
    second = library.pages.create("Chapter")
    assert library.pages.get(str(first.id)).id == first.id  # digits: an id when such a page exists
    assert library.pages.get("2026").id == first.id  # else a title
    with pytest.raises(HawamishError) as exists:
        library.pages.create("Chapter")
    assert exists.value.code == ErrorCode.PAGE_EXISTS
    with pytest.raises(HawamishError) as renamed:
        library.pages.update(first.id, title="Chapter")
    assert renamed.value.code == ErrorCode.PAGE_EXISTS
    with pytest.raises(HawamishError) as empty:
        library.pages.create("   ")
    assert empty.value.code == ErrorCode.INVALID_NAME
    with pytest.raises(HawamishError) as missing:
        library.pages.get("no such page")
    assert missing.value.code == ErrorCode.NOT_FOUND
    with pytest.raises(HawamishError) as no_highlight:
        library.pages.add_quote(second.id, 12345)
    assert no_highlight.value.code == ErrorCode.NOT_FOUND

    library.pages.update(second.id, text="Draft")
    deleted = library.pages.delete(second.id)
    assert [p.id for p in library.pages.list()] == [first.id]
    restored = library.pages.restore(deleted)
    assert restored.id == second.id and library.pages.get(second.id).text == "Draft"
    kinds = [(c.kind, c.op) for c in changes]
    assert kinds == [
        (ChangeKind.PAGE, ChangeOp.ADDED),
        (ChangeKind.PAGE, ChangeOp.ADDED),
        (ChangeKind.PAGE, ChangeOp.UPDATED),
        (ChangeKind.PAGE, ChangeOp.DELETED),
        (ChangeKind.PAGE, ChangeOp.ADDED),
    ]
    assert library.pages.get(first.id).to_json() == {
        "id": first.id,
        "title": "2026",
        "text": "",
        "quotes": [],
        "created": first.created,
        "updated": first.updated,
    }
