"""Saved web pages (reader/core/importers/html): the article and nothing else, its structure, the metadata
the page states, every encoding, "Web page, complete" folders, bad and hostile input, and no network."""

from __future__ import annotations

import codecs
import contextlib
import gzip
import json
import re
import socket
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import READERS, expand_paths, read_article
from reader.core.importers.html import MAX_HTML_BYTES
from reader.core.importers.html.charset import declared_charset, decode_page, python_codec
from reader.core.importers.html.metadata import join_authors, language_code
from reader.core.importers.html.page import import_page
from reader.core.importers.html.tree import MAX_ELEMENTS
from reader.core.library import Library
from reader.core.text import BlockKind, canonical_text
from tests.conftest import needs_shared, shared_path
from tests.core.importers import html_pages as pages
from tests.core.importers.test_importers import PNG_BYTES


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def import_text(tmp_path: Path, text: str, name: str = "page.html"):
    return read_article(write(tmp_path / name, text))


# --- the article, its structure, no boilerplate ----------------------------------------------------------


def test_arabic_opinion_page_keeps_every_paragraph_in_order_with_its_structure(tmp_path: Path) -> None:
    _meta, blocks = import_text(tmp_path, pages.opinion_page())
    texts = [b.text for b in blocks]
    assert [t for t in texts if t in pages.PARAGRAPHS] == pages.PARAGRAPHS
    assert blocks[0].text == pages.LEAD
    headings = [(b.text, b.level) for b in blocks if b.kind is BlockKind.HEADING]
    assert headings == [(pages.HEADING, 2), (pages.SECOND_HEADING, 3)]
    assert [b.text for b in blocks if b.kind is BlockKind.QUOTE] == [pages.QUOTE]
    items = [b for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.text for b in items] == pages.LIST_ITEMS
    assert all(b.level == 1 for b in items)
    assert texts.index(pages.QUOTE) < texts.index(pages.SECOND_HEADING) < texts.index(pages.LIST_ITEMS[0])
    assert pages.TITLE not in texts  # the <h1> is the title, not a block


def test_boilerplate_never_reaches_the_article(tmp_path: Path) -> None:
    _meta, blocks = import_text(tmp_path, pages.opinion_page())
    text = canonical_text(blocks)
    for kind, sentence in pages.BOILERPLATE.items():
        assert sentence not in text, kind
    assert "اقرأ أيضاً" not in text and "التعليقات" not in text and "موافق" not in text


def test_every_block_is_one_clean_line(tmp_path: Path) -> None:
    body = (
        "<p>  أول\n   سطر\tفي  الفقرة\u00a0هنا  </p>"
        "<p>\u200b\ufeffسطر بعلامات غير مرئية في طرفيه\u200b</p>"
        "<p>قصيدة البيت الأول<br>البيت الثاني<br/><br>البيت الثالث</p>"
        f"<p>{'كلام كثير يملأ المقال حتى يراه المستخرج مقالا حقيقيا. ' * 20}</p>"
    )
    _meta, blocks = import_text(tmp_path, pages.opinion_page(body=body))
    texts = [b.text for b in blocks]
    assert "أول سطر في الفقرة هنا" in texts
    assert "سطر بعلامات غير مرئية في طرفيه" in texts
    assert texts[2:5] == ["قصيدة البيت الأول", "البيت الثاني", "البيت الثالث"]  # a <br> ends a line
    assert all("\n" not in t and t == t.strip() and "  " not in t for t in texts)


def test_nested_lists_keep_their_depth(tmp_path: Path) -> None:
    body = (
        f"<p>{'مقدمة طويلة بما يكفي ليعدها المستخرج نصا. ' * 12}</p>"
        "<ol><li>البند الأول<ul><li>بند فرعي أ</li><li>بند فرعي ب</li></ul></li><li>البند الثاني</li></ol>"
        f"<p>{'خاتمة طويلة بما يكفي ليعدها المستخرج نصا. ' * 12}</p>"
    )
    _meta, blocks = import_text(tmp_path, pages.opinion_page(body=body))
    items = [(b.text, b.level) for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("البند الأول", 1), ("بند فرعي أ", 2), ("بند فرعي ب", 2), ("البند الثاني", 1)]


# --- metadata ----------------------------------------------------------------------------------------------


def test_metadata_from_json_ld_graph(tmp_path: Path) -> None:
    meta, _blocks = import_text(tmp_path, pages.opinion_page())
    assert meta.title == pages.TITLE  # &quot; decoded, even double-escaped
    assert meta.author == "سلمى الكاتبة، يوسف المحرر"  # the second by @id reference; Arabic names: "، "
    assert meta.outlet == pages.OUTLET
    assert meta.url == pages.URL  # the canonical link, not og:url with its tracking query
    assert meta.published == "2024-03-25"  # published, not modified
    assert meta.language == "ar"
    assert meta.source_path == str((tmp_path / "page.html").resolve())


def test_metadata_from_open_graph_tags_only(tmp_path: Path) -> None:
    meta, blocks = import_text(tmp_path, pages.og_only_page())
    assert meta.title == "Margins & Notes: Why We Annotate"
    assert meta.author == "Jane Doe"
    assert meta.outlet == "The Daily Margin"
    assert meta.url == "https://margin.example.com/columns/why-we-annotate"
    assert meta.published == "2023-11-02"
    assert meta.language == "en"  # og:locale en_GB
    assert [b.text.split(".")[0] for b in blocks] == [
        "Every serious reader keeps a pencil nearby",
        "Medieval scribes filled the edges of manuscripts with comments",
        "Digital reading made annotation easy and then made it disappear",
        "A note is a conversation with a text you cannot interrupt",
    ]


def test_entities_are_decoded_in_titles_and_text(tmp_path: Path) -> None:
    body = f"<p>أعلنت شركة &amp;quot;موبايلي&amp;quot; عن عروض جديدة &amp;amp; خصومات. {'نص إضافي للمقال. ' * 20}</p>"
    head = '<meta charset="utf-8"><title>&amp;quot;موبايلي&amp;quot; تقدم عروضاً &#8211; جديدة</title>'
    meta, blocks = import_text(tmp_path, pages.opinion_page(head=head, body=body))
    assert meta.title == '"موبايلي" تقدم عروضاً – جديدة'
    assert blocks[0].text.startswith('أعلنت شركة "موبايلي" عن عروض جديدة & خصومات.')


def test_an_organisation_named_as_author_is_not_a_writer(tmp_path: Path) -> None:
    graph = json.loads(pages.json_ld())
    graph["@graph"][1]["author"] = {"@type": "NewsMediaOrganization", "name": pages.OUTLET}
    head = f'<meta charset="utf-8"><meta name="author" content="الهوامش"><script type="application/ld+json">{json.dumps(graph)}</script>'
    meta, _blocks = import_text(tmp_path, pages.opinion_page(head=head))
    assert meta.author == ""


@pytest.mark.parametrize(
    ("attributes", "language"),
    [
        ('lang="ar" dir="rtl"', "ar"),
        ('lang="ar-SA"', "ar"),
        ('xml:lang="ar"', "ar"),
        ('lang="en"', ""),  # an English template around an Arabic article: the text decides
        ("", ""),
    ],
)
def test_language_comes_from_the_page_unless_the_text_contradicts_it(
    tmp_path: Path, attributes: str, language: str
) -> None:
    meta, _blocks = import_text(
        tmp_path, pages.opinion_page(head='<meta charset="utf-8">', html_attributes=attributes)
    )
    assert meta.language == language


def test_language_codes_and_author_separators() -> None:
    assert [language_code(v) for v in ("ar-EG", "en_US", "ara", "AR", "fr-CA, en", "", "x", "123")] == [
        "ar", "en", "ar", "ar", "fr", "", "", "",
    ]  # fmt: skip
    assert join_authors(["سلمى الكاتبة", "يوسف المحرر"]) == "سلمى الكاتبة، يوسف المحرر"
    assert join_authors(["Jane Doe", "سلمى الكاتبة"]) == "Jane Doe, سلمى الكاتبة"
    assert join_authors(["Jane Doe"]) == "Jane Doe"
    assert join_authors([]) == ""


def test_without_a_stated_title_the_first_heading_then_the_file_name(tmp_path: Path) -> None:
    body = f"<p>{'نص المقال بلا عنوان معلن في الصفحة. ' * 20}</p>"
    page = f"<html><body><article>{body}</article></body></html>"
    meta, _blocks = import_text(tmp_path, page, name="my_saved-page.html")
    assert meta.title == "my saved page"


# --- encodings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        (
            "meta charset",
            lambda t: t.replace('<meta charset="utf-8">', '<meta charset="windows-1256">').encode("cp1256"),
        ),
        (
            "http-equiv",
            lambda t: t.replace(
                '<meta charset="utf-8">',
                '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
            ).encode("cp1256"),
        ),
        ("no declaration, cp1256", lambda t: t.replace('<meta charset="utf-8">', "").encode("cp1256")),
        ("no declaration, utf-8", lambda t: t.replace('<meta charset="utf-8">', "").encode("utf-8")),
        ("utf-8 BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16 BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("says utf-8, is cp1256", lambda t: t.encode("cp1256")),
        (
            "unknown charset",
            lambda t: t.replace('charset="utf-8"', 'charset="x-no-such-charset"').encode("utf-8"),
        ),
        (
            "xml declaration",
            lambda t: ('<?xml version="1.0" encoding="windows-1256"?>\n' + t).encode("cp1256"),
        ),
    ],
)
def test_every_encoding_gives_the_same_article(tmp_path: Path, name: str, encode) -> None:
    text = pages.opinion_page().replace("©", "")  # cp1256 has no ©
    expected = import_page(text.encode("utf-8"), tmp_path / "a.html")
    page = tmp_path / "page.html"
    page.write_bytes(encode(text))
    meta, blocks = read_article(page)
    assert blocks == expected[1]
    assert meta.title == pages.TITLE


def test_charset_labels_of_the_web() -> None:
    assert python_codec("ISO-8859-1") == "cp1252"  # as browsers read it
    assert python_codec("windows-1256") == "cp1256"
    assert python_codec("utf-16") == "utf-8"  # a <meta> cannot declare UTF-16
    assert python_codec("x-no-such-charset") is None
    assert python_codec("") is None
    assert declared_charset(b'<html><head><meta charset="UTF-8">') == "UTF-8"
    assert (
        declared_charset(b"<meta http-equiv='content-type' content='text/html;charset=windows-1256'>")
        == "windows-1256"
    )
    assert declared_charset(b"<html><body>no declaration</body></html>") is None


def test_unknown_charset_never_escapes_as_a_lookup_error() -> None:
    data = '<html><head><meta charset="klingon-8"></head><body><p>نص عربي</p></body></html>'.encode()
    assert "نص عربي" in decode_page(data, "x.html")
    assert "نص عربي" in decode_page(data, "x.html", charset="also-unknown")


# --- folders saved with "Web page, complete" ---------------------------------------------------------------


def test_a_complete_page_folder_is_not_walked_into(tmp_path: Path) -> None:
    write(tmp_path / "column.html", pages.opinion_page())
    for folder in ("column_files", "other-files"):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder / "ad-frame.html", "<html><body><p>إعلان</p></body></html>")
        write(tmp_path / folder / "widget.htm", "<html><body><p>أداة</p></body></html>")
        (tmp_path / folder / "style.css").write_text("p {}")
    write(tmp_path / "other.HTM", pages.og_only_page())
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: an ordinary folder
    write(tmp_path / "notes_files" / "kept.html", pages.og_only_page())
    found = [(p.relative_to(tmp_path).as_posix(), e) for p, e in expand_paths([tmp_path])]
    assert found == [("column.html", None), ("other.HTM", None), ("notes_files/kept.html", None)]
    # named on the command line, the folder is imported like any other
    assert [p.name for p, _ in expand_paths([tmp_path / "column_files"])] == ["ad-frame.html", "widget.htm"]


def test_every_web_extension_is_registered() -> None:
    for extension in (".html", ".htm", ".xhtml", ".mhtml", ".mht"):
        assert extension in READERS


def test_xhtml_file(tmp_path: Path) -> None:
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + pages.opinion_page().replace(
        "<html ", '<html xmlns="http://www.w3.org/1999/xhtml" '
    )
    meta, blocks = read_article(write(tmp_path / "page.xhtml", text))
    assert meta.title == pages.TITLE
    assert [b.text for b in blocks if b.text in pages.PARAGRAPHS] == pages.PARAGRAPHS


def test_library_imports_a_page_with_its_metadata(library: Library, tmp_path: Path) -> None:
    page = write(tmp_path / "column.html", pages.opinion_page())
    (result,) = library.import_paths([page])
    assert result.status == "imported", result.error
    article = library.articles.get(result.article_id)
    assert (article.title, article.author, article.published, article.language) == (
        pages.TITLE, "سلمى الكاتبة، يوسف المحرر", "2024-03-25", "ar",
    )  # fmt: skip


# --- bad input ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", ErrorCode.EMPTY),
        (b"   \n\t  ", ErrorCode.EMPTY),
        (PNG_BYTES, ErrorCode.BINARY),
        (gzip.compress(b"<html><body><p>x</p></body></html>", mtime=0), ErrorCode.BINARY),  # .html.gz renamed
        (b"\x00\x01\x02\x03" * 500, ErrorCode.BINARY),
        (b"<html><head><title>Nothing</title></head><body></body></html>", ErrorCode.NO_ARTICLE_TEXT),
        (b"<!-- only a comment -->", ErrorCode.EMPTY),
    ],
    ids=["empty", "whitespace", "png", "gzip", "control bytes", "no body text", "only a comment"],
)
def test_bad_files_give_a_clear_error(tmp_path: Path, data: bytes, code: ErrorCode) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(data)
    with pytest.raises(HawamishError) as caught:
        read_article(page)
    assert caught.value.code is code
    assert caught.value.path == str(page)


def test_a_page_without_an_article(tmp_path: Path) -> None:
    page = "<html><body><nav><a href='/'>الرئيسية</a> <a href='/a'>أخبار</a></nav><footer>© 2024</footer></body></html>"
    with pytest.raises(HawamishError) as caught:
        import_text(tmp_path, page)
    assert caught.value.code is ErrorCode.NO_ARTICLE_TEXT
    assert caught.value.detail == "no article text found in the page"


def test_malformed_html_still_gives_its_text(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{p}" for p in pages.PARAGRAPHS[:4])  # no closing tags anywhere
    page = f"<html><head><title>عنوان</title><body><div><b><i>{paragraphs}</b></i></span></td></html></html><<<>>>&&&;"
    meta, blocks = import_text(tmp_path, page)
    assert meta.title == "عنوان"
    text = canonical_text(blocks)
    assert all(p in text for p in pages.PARAGRAPHS[:4])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div class='x'>",
                "</div>",
                "<",
                ">",
                "&",
                "&quot;",
                "<script>",
                "<!--",
                "<meta charset='",
                "'>",
                "نص عربي طويل ",
                "text ",
                "\x00",
                "\n",
                "<br>",
                "<ul><li>",
            ]
        ),
        max_size=60,
    )
)
def test_no_page_raises_anything_but_hawamish_error(tmp_path: Path, parts: list[str]) -> None:
    with contextlib.suppress(HawamishError):
        import_page("".join(parts).encode("utf-8"), tmp_path / "fuzz.html")


# --- limits: size and time ---------------------------------------------------------------------------------


def test_a_file_above_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    with page.open("wb") as fh:
        fh.truncate(MAX_HTML_BYTES + 1)  # sparse: refused from its size alone
    with pytest.raises(HawamishError) as caught:
        read_article(page)
    assert caught.value.code is ErrorCode.TOO_LARGE
    assert str(MAX_HTML_BYTES + 1) in caught.value.detail


def _timed_import(tmp_path: Path, text: str):
    """(article or error, CPU seconds) of importing `text` as a page: a guard against runaway parsing that a
    loaded machine does not trip (the speed itself is measured by benchmarks/bench_html_extraction.py)."""
    page = write(tmp_path / "hostile.html", text)
    started = time.process_time()
    try:
        outcome: object = read_article(page)
    except HawamishError as error:
        outcome = error
    return outcome, time.process_time() - started


ARTICLE = "<p>" + "كلمات عربية تملأ فقرة المقال في هذه الصفحة. " * 30 + "</p>"


def test_100000_nested_divs_give_a_clear_error_quickly(tmp_path: Path) -> None:
    outcome, seconds = _timed_import(
        tmp_path, "<html><body>" + "<div>" * 100_000 + ARTICLE + "</div>" * 100_000
    )
    assert isinstance(outcome, HawamishError)
    assert outcome.code is ErrorCode.MALFORMED
    assert "depth" in outcome.detail
    assert seconds < 5


def test_a_10_mb_text_node_imports_in_bounded_time(tmp_path: Path) -> None:
    outcome, seconds = _timed_import(
        tmp_path, "<html><body><article><p>" + "word " * 2_000_000 + "</p></article></body></html>"
    )
    assert not isinstance(outcome, HawamishError), outcome
    _meta, blocks = outcome
    assert len(blocks[0].text) == 10_000_000 - 1
    assert seconds < 15


@pytest.mark.parametrize(
    "tag",
    [
        "<div class='" + "x" * 10_000_000 + "'>",  # one 10 MB attribute
        "<div " + " ".join(f"a{i}='v'" for i in range(200_000)) + ">",  # 200,000 attributes
        "<div data-x='" + "<b>" * 300_000 + "'>",  # a huge attribute full of markup
    ],
    ids=["10 MB attribute", "200000 attributes", "markup in an attribute"],
)
def test_huge_attributes_import_in_bounded_time(tmp_path: Path, tag: str) -> None:
    outcome, seconds = _timed_import(tmp_path, f"<html><body>{tag}{ARTICLE * 5}</div></body></html>")
    assert not isinstance(outcome, HawamishError), outcome
    assert "كلمات عربية تملأ فقرة المقال" in canonical_text(outcome[1])
    assert seconds < 10


def test_too_many_elements_are_refused_quickly(tmp_path: Path) -> None:
    outcome, seconds = _timed_import(
        tmp_path, "<html><body>" + "<div>كلمة</div>" * (MAX_ELEMENTS + 10) + "</body></html>"
    )
    assert isinstance(outcome, HawamishError)
    assert outcome.code is ErrorCode.TOO_LARGE
    assert seconds < 5


@pytest.mark.parametrize(
    "piece",
    ["<span>كلمة و</span>", "<script>x()</script>كلمة و", "<svg><path d='M0'/></svg>كلمة و"],
    ids=["spans", "scripts", "icons"],
)
def test_100000_removed_or_unwrapped_elements_stay_fast(tmp_path: Path, piece: str) -> None:
    """They leave 100,000 text nodes side by side, which lxml would join again on every read."""
    outcome, seconds = _timed_import(tmp_path, f"<html><body><div>{piece * 100_000}</div></body></html>")
    assert not isinstance(outcome, HawamishError), outcome
    assert canonical_text(outcome[1]).startswith("كلمة وكلمة و")
    assert seconds < 10


# --- no network ----------------------------------------------------------------------------------------------


def test_importing_pages_never_touches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.core.importers.test_mhtml import mhtml_bytes

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an importer tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    files = [
        write(tmp_path / "opinion.html", pages.opinion_page()),
        write(tmp_path / "column.htm", pages.og_only_page()),
        write(tmp_path / "page.xhtml", pages.opinion_page()),
    ]
    (tmp_path / "saved.mhtml").write_bytes(mhtml_bytes(pages.opinion_page().encode()))
    files.append(tmp_path / "saved.mhtml")
    for path in files:
        meta, blocks = read_article(path)
        assert meta.title and blocks


# --- real pages (../shared/html, opt-in) ---------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _recall(extracted: str, expected: str) -> float:
    got = set(_words(extracted))
    want = _words(expected)
    return sum(1 for w in want if w in got) / len(want)


def _quoteless(text: str) -> str:
    return " ".join(re.sub("[\"'“”«»]", "", text).split())


@pytest.mark.corpus
@needs_shared("html", "fundus", "lb", "LBCGroup_2026_01_08.html.gz")
def test_lbcgroup_arabic_page(tmp_path: Path) -> None:
    page = tmp_path / "lbcgroup.html"
    page.write_bytes(
        gzip.decompress(shared_path("html", "fundus", "lb", "LBCGroup_2026_01_08.html.gz").read_bytes())
    )
    expected = json.loads(shared_path("html", "fundus", "lb", "LBCGroup.json").read_text(encoding="utf-8"))[
        "V1"
    ]
    paragraphs = [p for s in expected["body"]["sections"] for p in s["paragraphs"]]
    meta, blocks = read_article(page)
    assert _quoteless(meta.title) == _quoteless(expected["title"])
    assert meta.published == expected["publishing_date"][:10] == "2026-01-08"
    assert meta.language == "ar"
    assert meta.author == ""  # the page names only the channel (LBCI) as author
    assert meta.url.startswith("https://www.lbcgroup.tv/news/lifestyle/898682/")
    text = canonical_text(blocks)
    assert _recall(text, "\n".join(paragraphs)) >= 0.98
    assert [b.text for b in blocks] == paragraphs  # exactly the article's paragraphs, nothing around them


@pytest.mark.corpus
@needs_shared("html", "trafilatura_eval", "assabah.com.tn.article.html")
def test_assabah_arabic_interview_page(tmp_path: Path) -> None:
    folder = shared_path("html", "trafilatura_eval")
    item = next(
        v for v in json.loads((folder / "evaldata_subset.json").read_text(encoding="utf-8")).values()
        if v["file"] == "assabah.com.tn.article.html"
    )  # fmt: skip
    meta, blocks = read_article(folder / item["file"])
    assert meta.title == " ".join(item["title"].split())
    assert meta.language == "ar"
    assert meta.published == "2019-02-08"  # the page's RDFa dc:date (the evaluation data leaves it blank)
    text = " ".join(canonical_text(blocks).split())
    for snippet in item["with"]:
        assert snippet in text
    for snippet in item["without"]:
        assert snippet not in text
    assert len(blocks) >= 20  # questions and answers, each its own paragraph
