"""A query the search language cannot read raises its own code, with the offending `token` and its
`position` (a code-point index into the query) as fields: the GUI marks the spot and words the error
through reader.messages, never by reading an English sentence."""

from __future__ import annotations

import pytest

from reader.core.errors import QUERY_ERRORS, ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.search import SearchFilters
from reader.core.search.query import KINDS, parse_query
from reader.core.search.schema import USER_FIELDS, build_schema
from reader.messages import ERROR_MESSAGES, describe

SCHEMA = build_schema()


def error_of(query: str) -> HawamishError:
    with pytest.raises(HawamishError) as info:
        parse_query(query, SCHEMA)
    return info.value


@pytest.mark.parametrize(
    ("query", "code", "token", "position"),
    [
        ("title: x", ErrorCode.QUERY_EMPTY_FIELD, "title:", 0),
        ("موسكو author:", ErrorCode.QUERY_EMPTY_FIELD, "author:", 6),
        ('"abc', ErrorCode.QUERY_UNCLOSED_QUOTE, '"', 0),
        ('"موسكو" و "قاعة', ErrorCode.QUERY_UNCLOSED_QUOTE, '"', 10),  # the last quotation mark
        ("a ) b", ErrorCode.QUERY_UNMATCHED_PAREN, ")", 2),
        ('"a (b" c)', ErrorCode.QUERY_UNMATCHED_PAREN, ")", 8),  # a bracket inside a phrase is text
        ("(a OR (b c)", ErrorCode.QUERY_UNCLOSED_PAREN, "(", 0),
        ("auther:كاتب", ErrorCode.QUERY_UNKNOWN_FIELD, "auther", 0),
        ("موسكو auther:كاتب", ErrorCode.QUERY_UNKNOWN_FIELD, "auther", 6),
        ("(موسكو OR -Titel:قاعة)", ErrorCode.QUERY_UNKNOWN_FIELD, "Titel", 11),
        ("a AND", ErrorCode.QUERY_OPERATOR_ALONE, "AND", 2),
        ("a OR OR b", ErrorCode.QUERY_OPERATOR_ALONE, "OR", 5),
        ("NOT", ErrorCode.QUERY_NOT_ALONE, "NOT", 0),
        ("موسكو NOT OR قاعة", ErrorCode.QUERY_NOT_ALONE, "NOT", 6),
        ("+ a", ErrorCode.QUERY_SIGN_ALONE, "+", 0),
        ("كلمة -", ErrorCode.QUERY_SIGN_ALONE, "-", 5),
        ("موسكو ق*", ErrorCode.QUERY_SHORT_PREFIX, "ق*", 6),
        ("🙂 x*", ErrorCode.QUERY_SHORT_PREFIX, "x*", 2),  # code points, not UTF-16 units
    ],
)
def test_a_syntax_error_names_its_token_and_position(
    query: str, code: ErrorCode, token: str, position: int
) -> None:
    error = error_of(query)
    assert error.code is code
    assert (error.fields["token"], error.fields["position"]) == (token, position)
    assert query[position : position + len(token)] == token  # the position points at the token
    assert error.code in QUERY_ERRORS


def test_an_unknown_field_lists_the_known_ones() -> None:
    error = error_of("titel:موسكو")
    assert error.fields["fields"] == ", ".join(USER_FIELDS)
    assert describe(error) == f"unknown field 'titel' (use one of {', '.join(USER_FIELDS)})"


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_an_empty_query(query: str) -> None:
    error = error_of(query)
    assert error.code is ErrorCode.QUERY_EMPTY and error.fields == {}
    assert describe(error) == ERROR_MESSAGES[ErrorCode.QUERY_EMPTY]


@pytest.mark.parametrize(
    "query",
    ['"auther:x ( NOT"', "هجوم: موسكو", "داعش-خراسان", "date:2015-07", "title:موسكو", "(a OR b) -c", "ab*"],
)
def test_what_looks_like_an_error_inside_a_phrase_or_a_word_is_not_one(query: str) -> None:
    parse_query(query, SCHEMA)


def test_the_library_raises_the_same_codes_and_an_unknown_kind_names_it(library: Library) -> None:
    with pytest.raises(HawamishError) as info:
        library.search("a ) b")
    assert info.value.code is ErrorCode.QUERY_UNMATCHED_PAREN and info.value.fields["position"] == 2
    for kinds, filters in ((["bogus"], None), (None, SearchFilters(kinds=["bogus"]))):
        with pytest.raises(HawamishError) as info:
            library.search("موسكو", kinds=kinds, filters=filters)
        assert info.value.code is ErrorCode.QUERY_UNKNOWN_KIND
        assert info.value.fields == {"token": "bogus", "kinds": ", ".join(KINDS)}
        assert describe(info.value) == "unknown kind 'bogus' (use one of article, highlight, note)"


def test_whoosh_s_own_complaints_stay_query_syntax_with_its_detail() -> None:
    error = error_of("date:2016..2014")
    assert error.code is ErrorCode.QUERY_SYNTAX and "starts after" in error.detail
    assert describe(error).startswith(ERROR_MESSAGES[ErrorCode.QUERY_SYNTAX] + ": ")


def test_a_bad_date_is_named_with_its_position() -> None:
    error = error_of("موسكو date:2024-13")
    assert error.code is ErrorCode.QUERY_BAD_DATE
    assert error.fields == {"token": "2024-13", "position": 11}
    assert (
        describe(error) == "'2024-13' is not a date: write 2024, 2024-03 or 2024-03-22 (ranges: 2014..2016)"
    )
