"""JSON (W3C Web Annotation) round trip: export, new library with the same articles, import, same highlights."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest
from reader.core.library import Library
from tests.core import export_seed
from tests.core.export_seed import FIXED_NOW


def _snapshot(library: Library) -> list[tuple]:
    rows = []
    for h in library.highlights.query():
        rows.append(
            (
                h.article_id,
                h.start,
                h.end,
                h.exact,
                h.prefix,
                h.suffix,
                h.color,
                h.style,
                h.note,
                tuple(sorted(h.tags)),
                h.orphan,
                h.created,
                h.updated,
            )
        )
    return sorted(rows)


def _article_annotations(library: Library, article_id: int) -> tuple[str, list[str]]:
    store = library.articles
    return store.note(article_id), sorted(store.tags(article_id))


@pytest.fixture
def exported(library: Library, tmp_path: Path) -> tuple[Library, Path]:
    export_seed.build(library)
    out = tmp_path / "notes.json"
    library.export(ExportRequest(format="json", all_articles=True), out, now=lambda: FIXED_NOW)
    return library, out


def test_round_trip_is_lossless(exported, tmp_path: Path) -> None:
    source, path = exported
    with Library(tmp_path / "other") as target:
        export_seed.add_seed_articles(target)
        result = target.import_annotations(path)
        assert (result.imported, result.duplicates, result.unmatched, result.orphaned) == (4, 0, 0, 0)
        assert result.article_notes == 1
        assert _snapshot(target) == _snapshot(source)
        assert _article_annotations(target, 1) == _article_annotations(source, 1)
        again = target.import_annotations(path)  # the same file twice creates nothing
        assert (again.imported, again.duplicates) == (0, 5)
        assert _snapshot(target) == _snapshot(source)


def test_articles_in_another_order_are_matched_by_source(exported, tmp_path: Path) -> None:
    source, path = exported
    with Library(tmp_path / "other") as target:
        from reader.core.models import ArticleMeta
        from reader.core.text import Block, BlockKind

        target.articles.add(ArticleMeta(title="unrelated"), [Block(BlockKind.PARAGRAPH, "nothing here")])
        seed_id, en_id = export_seed.add_seed_articles(target)
        result = target.import_annotations(path)
        assert result.imported == 4 and sorted(result.article_ids) == [seed_id, en_id]
        moved = {(a - 1, *rest) for a, *rest in _snapshot(target)}
        assert moved == set(_snapshot(source))


def test_changed_text_places_by_quote(exported, tmp_path: Path) -> None:
    """The article gained a paragraph at the top: positions no longer match, quotes still do."""
    _, path = exported
    with Library(tmp_path / "other") as target:
        from reader.core.models import ArticleMeta
        from reader.core.text import Block, BlockKind

        blocks = [Block(BlockKind.PARAGRAPH, "فقرة جديدة في أول المقال."), *export_seed.seed_blocks()]
        aid = target.articles.add(
            ArticleMeta(title=export_seed.seed_title(), url="https://example.org/opinion/isis-moscow"), blocks
        )
        result = target.import_annotations(path)
        assert result.imported == 3 and result.placed_by_quote == 3 and result.unmatched == 1
        text = target.articles.get(aid).text
        for h in target.highlights.for_article(aid):
            assert text[h.start : h.end] == h.exact and not h.orphan


def test_unplaceable_quote_is_kept_as_orphan(exported, tmp_path: Path) -> None:
    _, path = exported
    data = json.loads(path.read_text("utf-8"))
    first = next(a for a in data["first"]["items"] if a["hawamish"]["kind"] == "highlight")
    for sel in first["target"]["selector"]:
        if sel["type"] == "TextQuoteSelector":
            sel["exact"] = "نص لم يعد موجودا في المقال على الإطلاق ولا يشبهه شيء"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with Library(tmp_path / "other") as target:
        export_seed.add_seed_articles(target)
        result = target.import_annotations(path)
        assert result.orphaned == 1 and result.imported == 4
        orphans = [h for h in target.highlights.query() if h.orphan]
        assert [h.exact for h in orphans] == ["نص لم يعد موجودا في المقال على الإطلاق ولا يشبهه شيء"]


def test_malformed_and_missing_files(tmp_path: Path, library: Library) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(HawamishError) as info:
        library.import_annotations(bad)
    assert info.value.code == ErrorCode.MALFORMED
    other = tmp_path / "other.json"
    other.write_text('{"type": "Person"}', "utf-8")
    with pytest.raises(HawamishError) as info:
        library.import_annotations(other)
    assert info.value.code == ErrorCode.MALFORMED
    with pytest.raises(HawamishError) as info:
        library.import_annotations(tmp_path / "absent.json")
    assert info.value.code == ErrorCode.MISSING


def test_foreign_annotation_with_only_a_quote(library: Library, tmp_path: Path) -> None:
    """An annotation from another tool: no position, no Hawamish extension, an untyped body, a tag."""
    seed_id, _ = export_seed.add_seed_articles(library)
    quote = "أحد أكثر التنظيمات الفرعية عنفًا"
    data = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "https://annotations.example/1",
            "type": "Annotation",
            "created": "2024-04-01T12:00:00Z",
            "body": [
                {"type": "TextualBody", "value": "a note from elsewhere"},
                {"type": "TextualBody", "value": "imported", "purpose": "tagging"},
            ],
            "target": [
                {
                    "source": "https://example.org/opinion/isis-moscow",
                    "selector": {"type": "TextQuoteSelector", "exact": quote},
                }
            ],
        }
    ]
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    result = library.import_annotations(path)
    assert (result.imported, result.placed_by_quote) == (1, 1)
    (h,) = library.highlights.for_article(seed_id)

    assert library.articles.get(seed_id).text[h.start : h.end] == quote
    assert (h.note, h.tags, h.color, h.created) == (
        "a note from elsewhere",
        ["imported"],
        "claim",
        "2024-04-01T12:00:00Z",
    )
