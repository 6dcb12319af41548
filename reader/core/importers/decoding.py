"""Turn a file's bytes into text, or say precisely why not.

Researchers' files come from everywhere: Windows-1256 exports of Arabic newspapers, UTF-16 files saved by
Notepad, images renamed by mistake. Every failure here is a typed HawamishError (EMPTY, BINARY, TOO_LARGE,
UNDECODABLE, UNREADABLE) naming the file, so one bad file never stops a batch.

Order of decisions, cheapest and most certain first: size (from stat, before reading a byte), emptiness,
byte-order marks, magic numbers of common binary formats, UTF-16 without a BOM, NUL and control bytes, strict
UTF-8, UTF-8 with a handful of damaged bytes, then charset-normalizer with preferences for Windows-1256
(Arabic) and Windows-1252 (Latin) over its sometimes exotic first guess (it takes a Latin-1 pound sign for
Japanese cp932, for instance).
"""

from __future__ import annotations

import codecs
from pathlib import Path

from reader.core.errors import ErrorCode, HawamishError
from reader.core.text import detect_language, is_arabic_letter

#: Larger files are refused before they are read: no opinion piece is 20 MB of text.
MAX_BYTES = 20 * 1024 * 1024

#: Checked longest first so UTF-32 LE (FF FE 00 00) is not mistaken for UTF-16 LE (FF FE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Leading bytes of binary formats people drop on a reader by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word/Excel)"),
)

#: C0 control bytes that never occur in text files (tab, LF, VT, FF, CR and ESC are allowed).
_CONTROL_BYTES = frozenset(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}

_CONTROL_BYTES_TABLE = bytes(sorted(_CONTROL_BYTES))  # for bytes.translate(None, delete): counts in C

_SNIFF = 8192


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The decoded text of the file at `path` (raises HawamishError)."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), str(path))


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the file at `path`, refused above `max_bytes` before they are read (raises HawamishError)."""
    where = str(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise HawamishError(ErrorCode.MISSING, where) from None
    except OSError as exc:
        raise HawamishError(ErrorCode.UNREADABLE, where, str(exc)) from None
    if not path.is_file():
        raise HawamishError(ErrorCode.UNREADABLE, where, "not a regular file")
    if stat.st_size > max_bytes:
        raise HawamishError(ErrorCode.TOO_LARGE, where, f"{stat.st_size} bytes, limit {max_bytes}")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise HawamishError(ErrorCode.UNREADABLE, where, str(exc)) from None
    if len(data) > max_bytes:
        raise HawamishError(ErrorCode.TOO_LARGE, where, f"more than {max_bytes} bytes")
    return data


def decode_bytes(data: bytes, path: str | None = None) -> str:
    """Decode `data` as described in the module docstring; the BOM, if any, is not part of the result."""
    if not data:
        raise HawamishError(ErrorCode.EMPTY, path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                text = _mostly_utf8(data[len(bom) :]) if encoding == "utf-8" else None
                if text is not None:
                    return text
                raise HawamishError(ErrorCode.UNDECODABLE, path, f"{encoding} BOM but {exc.reason}") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise HawamishError(ErrorCode.BINARY, path, kind)
    head = data[:_SNIFF]
    if b"\x00" in head:
        text = _bomless_utf16(data)
        if text is not None:
            return text
        raise HawamishError(ErrorCode.BINARY, path, "NUL bytes")
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES_TABLE))
    if controls > max(2, len(head) // 100):
        raise HawamishError(ErrorCode.BINARY, path, f"{controls} control bytes in the first {len(head)}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text
    text = _legacy(data)
    if text is None:
        raise HawamishError(ErrorCode.UNDECODABLE, path)
    return text


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: the NULs of ASCII characters all fall on one parity of byte positions."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if even_nuls and odd_nuls:
        return None
    encoding = "utf-16-le" if odd_nuls else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(ord(ch) in _CONTROL_BYTES for ch in text[:_SNIFF]):
        return None
    return text


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few damaged bytes (a truncated copy, one stray Latin-1 byte) stays UTF-8.

    Only when the file has many valid multi-byte sequences and few invalid bytes: a legacy 8-bit file almost
    never forms valid UTF-8 sequences, so its invalid bytes outnumber the valid ones by far.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad and multibyte >= 20 * bad:
        return text
    return None


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text[:20000] if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if is_arabic_letter(ch)) / len(letters)


def _decode_or_none(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _legacy(data: bytes) -> str | None:
    """An 8-bit legacy encoding chosen by charset-normalizer, with the priors of a reader of Arabic and English.

    charset-normalizer ranks candidates without knowing who reads the file; its first guess for short or
    mostly-ASCII files is often exotic (cp932 for a Latin-1 pound sign, cp1006 for German umlauts). Among
    the encodings it finds plausible, Windows-1256 wins when it yields mostly Arabic letters, then
    Windows-1252 when the bytes are mostly ASCII (English with a few accents or symbols). A file too short
    for any statistics that reads as pure Arabic in Windows-1256 is taken as such.
    """
    from charset_normalizer import from_bytes  # imported here: only legacy files pay for it

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    plausible = {enc for m in matches for enc in (m.encoding, *m.could_be_from_charset)}
    arabic = _decode_or_none(data, "cp1256")
    share = _arabic_share(arabic) if arabic else 0.0
    if arabic and share > 0.5 and ("cp1256" in plausible or best.language in ("Arabic", "Farsi")):
        return arabic
    if arabic and share >= 0.9 and len(data) < 200:
        return arabic
    ascii_share = sum(1 for b in data if b < 0x80) / len(data)
    if ascii_share >= 0.7 and plausible & {"cp1252", "latin_1", "iso8859_15"}:
        latin = _decode_or_none(data, "cp1252")
        if latin is not None and detect_language(latin) == "en":
            return latin
    return str(best)
