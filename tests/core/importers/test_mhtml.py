"""Pages saved as MHTML (reader/core/importers/html/mhtml.py): the first HTML part, its transfer encoding and
charset, its Content-Location as the URL, and broken files."""

from __future__ import annotations

import email.policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import read_article
from reader.core.importers.html.mhtml import html_part
from tests.core.importers import html_pages as pages

LOCATION = "https://example.org/saved/column"


def mhtml_bytes(
    html: bytes | None,
    *,
    charset: str = "utf-8",
    cte: str = "quoted-printable",
    location: str = LOCATION,
    snapshot: str = "",
) -> bytes:
    """A page as Chrome saves it: multipart/related, the HTML first, then an image and a frame."""
    message = EmailMessage(policy=email.policy.default)
    message["Subject"] = "saved page"
    if snapshot:
        message["Snapshot-Content-Location"] = snapshot
    message.make_related()
    if html is not None:
        page = EmailMessage(policy=email.policy.default)
        page.set_content(html, maintype="text", subtype="html", cte=cte)
        page.set_param("charset", charset)
        if location:
            page["Content-Location"] = location
        message.attach(page)
    image = EmailMessage(policy=email.policy.default)
    image.set_content(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), maintype="image", subtype="png")
    image["Content-Location"] = "https://example.org/logo.png"
    message.attach(image)
    frame = EmailMessage(policy=email.policy.default)
    frame.set_content(
        b"<html><body><p>an advert in a frame</p></body></html>", maintype="text", subtype="html"
    )
    frame["Content-Location"] = "https://ads.example.net/frame"
    message.attach(frame)
    return message.as_bytes()


def save(tmp_path: Path, data: bytes, name: str = "page.mhtml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def without_canonical(page: str) -> str:
    """The opinion page without the URLs it states, so the MHTML's own location is the only one."""
    return page.replace(f'<link rel="canonical" href="{pages.URL}">', "").replace(
        f'<meta property="og:url" content="{pages.URL}?utm_source=share">', ""
    )


def test_quoted_printable_page_with_its_location_as_url(tmp_path: Path) -> None:
    data = mhtml_bytes(without_canonical(pages.opinion_page()).encode("utf-8"))
    assert b"Content-Transfer-Encoding: quoted-printable" in data
    meta, blocks = read_article(save(tmp_path, data))
    assert meta.title == pages.TITLE
    assert meta.url == LOCATION
    assert [b.text for b in blocks if b.text in pages.PARAGRAPHS] == pages.PARAGRAPHS
    assert "an advert in a frame" not in " ".join(b.text for b in blocks)


def test_the_page_own_canonical_url_wins_over_the_location(tmp_path: Path) -> None:
    meta, _blocks = read_article(
        save(tmp_path, mhtml_bytes(pages.opinion_page().encode("utf-8")), "page.mht")
    )
    assert meta.url == pages.URL


def test_snapshot_location_when_the_part_has_none(tmp_path: Path) -> None:
    data = mhtml_bytes(
        without_canonical(pages.opinion_page()).encode(), location="", snapshot=LOCATION + "?s=1"
    )
    meta, _blocks = read_article(save(tmp_path, data))
    assert meta.url == LOCATION + "?s=1"


def test_base64_part_in_windows_1256(tmp_path: Path) -> None:
    html = pages.opinion_page().replace('<meta charset="utf-8">', "").replace("©", "").encode("cp1256")
    meta, blocks = read_article(save(tmp_path, mhtml_bytes(html, charset="windows-1256", cte="base64")))
    assert meta.title == pages.TITLE
    assert pages.PARAGRAPHS[0] in [b.text for b in blocks]


def test_unknown_charset_falls_back_to_the_page_and_its_bytes(tmp_path: Path) -> None:
    html = pages.opinion_page().encode("utf-8")
    meta, _blocks = read_article(save(tmp_path, mhtml_bytes(html, charset="x-mac-klingon")))
    assert meta.title == pages.TITLE
    part = html_part(mhtml_bytes(html, charset="x-mac-klingon"), "x.mhtml")
    assert part.charset is None


@pytest.mark.parametrize(
    ("data", "code", "detail"),
    [
        (mhtml_bytes(None).replace(b"text/html", b"text/plain"), ErrorCode.MALFORMED, "no HTML part"),
        (
            b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x--\r\n",
            ErrorCode.MALFORMED,
            "no HTML part",
        ),
        (b"From: nobody\r\nContent-Type: text/plain\r\n\r\njust text", ErrorCode.MALFORMED, "no HTML part"),
        (b"", ErrorCode.EMPTY, ""),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", ErrorCode.MALFORMED, "no HTML part"),
    ],
    ids=["only an image", "no parts", "plain text", "empty", "binary"],
)
def test_broken_files_give_a_clear_error(tmp_path: Path, data: bytes, code: ErrorCode, detail: str) -> None:
    with pytest.raises(HawamishError) as caught:
        read_article(save(tmp_path, data))
    assert caught.value.code is code
    assert caught.value.detail == detail


def test_truncated_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    data = mhtml_bytes(pages.opinion_page().encode())
    for cut in (40, 200, len(data) // 3):
        try:
            read_article(save(tmp_path, data[:cut]))
        except HawamishError as error:
            assert error.code in (ErrorCode.MALFORMED, ErrorCode.EMPTY)


def test_plain_html_named_mht_is_read_as_a_page(tmp_path: Path) -> None:
    meta, _blocks = read_article(save(tmp_path, pages.opinion_page().encode("utf-8"), "page.mht"))
    assert meta.title == pages.TITLE
