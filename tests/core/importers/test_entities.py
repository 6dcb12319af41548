"""HTML character references left in scraped texts (reader/core/importers/common.decode_entities): decoded in
plain text articles, and only where a text really contains one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import read_article
from reader.core.importers.common import decode_entities
from reader.core.importers.plain_text import parse_plain_text
from reader.core.text import canonical_text


@pytest.mark.parametrize(
    ("text", "decoded"),
    [
        ("&quot;موبايلي&quot; تقدم عروضاً", '"موبايلي" تقدم عروضاً'),
        ("go off to the internet caf&#233;.", "go off to the internet café."),
        ("it&#8217;s &#x27;here&#x27; &amp; now", "it’s 'here' & now"),
        ("&amp;quot;", "&quot;"),  # one level: a text about entities keeps its example
        ("AT&T and R&D", "AT&T and R&D"),  # no entity: unchanged
        ("?a=1&para=2&copy", "?a=1&para=2&copy"),  # without a semicolon, not an entity
        ("سطر&#10;وسطر", "سطر وسطر"),  # a decoded line break would split a block: a space
        ("نص بلا كيانات", "نص بلا كيانات"),
    ],
)
def test_decode_entities(text: str, decoded: str) -> None:
    assert decode_entities(text) == decoded


def test_plain_text_title_and_paragraphs_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text(
        "&quot;موبايلي&quot; تقدم عروضاً جديدة\nأعلنت الشركة &amp; شركاؤها عن باقات&#8230;\nفقرة عادية\n",
        encoding="utf-8",
    )
    meta, blocks = read_article(path)
    assert meta.title == '"موبايلي" تقدم عروضاً جديدة'
    assert [b.text for b in blocks] == ["أعلنت الشركة & شركاؤها عن باقات…", "فقرة عادية"]


def test_a_text_without_entities_imports_unchanged() -> None:
    text = "عنوان المقال\nفقرة فيها & وحدها و AT&T و 5 < 6\nفقرة ثانية"
    _meta, blocks = parse_plain_text(text)
    assert canonical_text(blocks) == "فقرة فيها & وحدها و AT&T و 5 < 6\nفقرة ثانية"
