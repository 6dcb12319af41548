"""The safe zip reader under EPUB and Word files: every refusal before a byte is inflated, bounded reads."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.zipped import DEFAULT_LIMITS, SafeZip, ZipLimits, resolve_href
from tests.core.importers.zip_helpers import GIB, assert_refused, refusal, write_zip


def _zip(path: Path, members: dict[str, bytes], **options: object) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, **options) as archive:  # type: ignore[arg-type]
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_reads_members_into_memory(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"a/b.xml": b"<r>\xd9\x86\xd8\xb5</r>", "c.txt": b"x" * 5000})
    with SafeZip(path, "EPUB") as archive:
        assert archive.names == ["a/b.xml", "c.txt"]
        assert archive.read("a/b.xml") == "<r>نص</r>".encode()
        assert archive.size("c.txt") == 5000
        assert archive.exists("c.txt") and not archive.exists("d.txt")
        with pytest.raises(HawamishError) as caught:
            archive.read("d.txt", what="the chapter")
    assert_refused(caught.value, path, ErrorCode.MALFORMED, "the chapter d.txt is missing")


def test_a_gigabyte_of_zeros_is_refused_from_its_headers(tmp_path: Path) -> None:
    path = write_zip(
        tmp_path / "bomb.zip", [("mimetype", b"application/epub+zip")], bomb=("zeros.xhtml", GIB)
    )
    assert path.stat().st_size < 2 * (1 << 20)
    # a real bomb to a reader that trusts it
    with zipfile.ZipFile(path) as plain, plain.open("zeros.xhtml") as member:
        assert member.read(1 << 20) == bytes(1 << 20)
    error = refusal(lambda: SafeZip(path, "EPUB"))
    assert_refused(error, path, ErrorCode.UNSAFE_ARCHIVE, "zeros.xhtml", "zip bomb")


@pytest.mark.parametrize(
    ("limits", "code", "words"),
    [
        (ZipLimits(max_members=3), ErrorCode.TOO_LARGE, ["5 members", "limit 3"]),
        (ZipLimits(max_total_bytes=10_000), ErrorCode.TOO_LARGE, ["limit 10000"]),
        (ZipLimits(max_file_bytes=100), ErrorCode.TOO_LARGE, ["limit 100"]),
        (ZipLimits(max_ratio=5, ratio_floor=1000), ErrorCode.UNSAFE_ARCHIVE, ["zip bomb"]),
    ],
)
def test_each_limit(tmp_path: Path, limits: ZipLimits, code: ErrorCode, words: list[str]) -> None:
    path = _zip(tmp_path / "five.zip", {f"m{i}.xml": b"a" * 4000 for i in range(5)})
    with pytest.raises(HawamishError) as caught:
        SafeZip(path, "Word", limits)
    assert_refused(caught.value, path, code, *words)


def test_a_member_above_the_read_limit_is_refused_when_read(tmp_path: Path) -> None:
    path = _zip(tmp_path / "big.zip", {"small.xml": b"<a/>", "big.xml": b"<a>" + b" " * 5000 + b"</a>"})
    with SafeZip(path, "Word", ZipLimits(max_member_bytes=1000)) as archive:
        assert archive.read("small.xml") == b"<a/>"
        with pytest.raises(HawamishError) as caught:
            archive.read("big.xml")
    assert_refused(caught.value, path, ErrorCode.TOO_LARGE, "big.xml")


def test_a_directory_claiming_too_many_members_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = _zip(tmp_path / "ok.zip", {"a.xml": b"<a/>"})
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, 60_000, 60_000)  # entries on this disk, entries in all
    path.write_bytes(bytes(data))
    error = refusal(lambda: SafeZip(path, "EPUB"))
    assert_refused(error, path, ErrorCode.TOO_LARGE, "60000 members", f"limit {DEFAULT_LIMITS.max_members}")


def test_a_member_that_inflates_past_its_declared_size_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "liar.zip", {"chapter.xhtml": b"<p>" + "نص ".encode() * 20_000 + b"</p>"})
    data = bytearray(path.read_bytes())
    directory = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, directory + 24, 100)  # the central directory's uncompressed size
    path.write_bytes(bytes(data))
    with SafeZip(path, "EPUB") as archive:
        assert archive.size("chapter.xhtml") == 100
        error = refusal(lambda: archive.read("chapter.xhtml"))
    assert_refused(error, path, ErrorCode.MALFORMED, "chapter.xhtml")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("../../etc/evil.xhtml", "'..'"),
        ("OEBPS/../../evil.xhtml", "'..'"),
        ("/etc/passwd", "absolute"),
        ("\\windows\\evil.xml", "absolute"),
        ("C:/evil.xml", "drive letter"),
        ("OEBPS\\..\\..\\evil.xml", "'..'"),
    ],
)
def test_path_traversal_names_are_refused(tmp_path: Path, name: str, why: str) -> None:
    path = write_zip(tmp_path / "evil.epub", [("mimetype", b"application/epub+zip"), (name, b"<p>x</p>")])
    with pytest.raises(HawamishError) as caught:
        SafeZip(path, "EPUB")
    assert_refused(caught.value, path, ErrorCode.UNSAFE_ARCHIVE, "member name", why)


def test_an_encrypted_member_is_refused(tmp_path: Path) -> None:
    path = _zip(tmp_path / "locked.docx", {"word/document.xml": b"\x00" * 64})
    data = bytearray(path.read_bytes())  # zipfile writes no encrypted members: set the flag by hand
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1  # general purpose flag bit 0: encrypted (ZipCrypto or stronger)
    path.write_bytes(bytes(data))
    with pytest.raises(HawamishError) as caught:
        SafeZip(path, "Word")
    assert_refused(caught.value, path, ErrorCode.ENCRYPTED, "encrypted")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: bytes((i * 7919 + 13) % 251 for i in range(4096)), id="random-bytes"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: data[:-22] + b"PK\x05\x06" + b"\xff" * 18, id="broken-end-record"),
    ],
)
def test_a_damaged_archive_is_not_a_valid_file(tmp_path: Path, damage) -> None:
    good = _zip(tmp_path / "good.zip", {"a.xml": b"<a>" + b"text " * 2000 + b"</a>"})
    path = tmp_path / "book.epub"
    path.write_bytes(damage(good.read_bytes()))
    with pytest.raises(HawamishError) as caught:
        SafeZip(path, "EPUB")
    assert caught.value.code in (ErrorCode.MALFORMED, ErrorCode.TOO_LARGE)
    assert caught.value.path == str(path)
    if caught.value.code is ErrorCode.MALFORMED:
        assert "not a valid EPUB file" in caught.value.detail


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(HawamishError) as caught:
        SafeZip(tmp_path / "nowhere.epub", "EPUB")
    assert caught.value.code is ErrorCode.MISSING


@pytest.mark.parametrize(
    ("base", "href", "member"),
    [
        ("OEBPS/content.opf", "Text/ch%201.xhtml#p3", "OEBPS/Text/ch 1.xhtml"),
        ("OEBPS/Text/nav.xhtml", "../Text/ch2.xhtml", "OEBPS/Text/ch2.xhtml"),
        ("content.opf", "ch.xhtml", "ch.xhtml"),
        ("OEBPS/content.opf", "../../outside.xhtml", ""),
        ("OEBPS/content.opf", "https://example.org/ch.xhtml", ""),
        ("OEBPS/toc.ncx", "#top", "OEBPS/toc.ncx"),
    ],
)
def test_resolve_href(base: str, href: str, member: str) -> None:
    assert resolve_href(base, href) == member
