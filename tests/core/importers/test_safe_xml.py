"""The XML parser every EPUB and Word part goes through: no entity expansion, no external files, bounded."""

from __future__ import annotations

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.safe_xml import collapse, parse_xml, text_of
from tests.core.importers.zip_helpers import billion_laughs, deeply_nested


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(billion_laughs(), id="billion-laughs"),
        pytest.param(b'<!DOCTYPE r [<!ENTITY e "one small entity">]><r>&e;</r>', id="one-small-entity"),
        pytest.param(b'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>', id="xxe-file"),
        pytest.param(b'<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]><r/>', id="xxe-dtd"),
    ],
)
@pytest.mark.parametrize("lenient", [False, True])
def test_entity_declarations_are_refused(data: bytes, lenient: bool) -> None:
    with pytest.raises(HawamishError) as caught:
        parse_xml(data, "book.epub", "chapter c.xhtml", lenient=lenient)
    assert caught.value.code is ErrorCode.MALFORMED
    assert caught.value.path == "book.epub"
    assert caught.value.detail.startswith("chapter c.xhtml: declares XML entities")


def test_an_external_dtd_is_neither_fetched_nor_needed() -> None:
    data = b'<!DOCTYPE html SYSTEM "http://127.0.0.1:9/never.dtd"><html><p>a&amp;b &#1606;</p></html>'
    assert text_of(parse_xml(data, "f", "part")) == "a&b ن"


def test_deep_nesting_is_refused_not_a_crash() -> None:
    with pytest.raises(HawamishError) as caught:
        parse_xml(deeply_nested(), "f", "part", lenient=True)
    assert "limits" in caught.value.detail


def test_only_lenient_parsing_reads_tag_soup() -> None:
    soup = b"<html><body><p>one &nbsp;<p>two</body>"
    with pytest.raises(HawamishError) as caught:
        parse_xml(soup, "f", "styles.xml")
    assert "not well-formed" in caught.value.detail
    assert text_of(parse_xml(soup, "f", "chapter", lenient=True)) == "one \u00a0two"


def test_collapse_keeps_no_break_spaces_and_joiners_inside() -> None:
    assert collapse("\n\t مي\u200cخواهم \u00a0 :\r\n\u2028x\u200b ") == "مي\u200cخواهم \u00a0 : x"
