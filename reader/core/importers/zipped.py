"""Zip archives read without trusting them: EPUB and Word files are zips that anyone may have crafted.

Every decision is made from the central directory before a byte is inflated: the file's own size, the
number of members, each member's name (no absolute or `..` paths), encryption, its declared size and how
many times that exceeds its compressed size (deflate of zeros reaches ~1000x; text and XML stay well under
the limit), and the declared total. Members are only ever read into memory, never extracted to disk, and
each read is bounded: a member that inflates past the size it declares is refused (zipfile would otherwise
trust the header until the CRC check at the very end).

Refusals are typed HawamishErrors naming the file: TOO_LARGE for sizes, MALFORMED (with the reason as
detail) for everything else, "not a valid EPUB file: ..." when the zip structure itself is broken.
"""

from __future__ import annotations

import errno
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from reader.core.errors import ErrorCode, HawamishError

_MIB = 1024 * 1024
#: What zipfile raises on a damaged archive or member (besides OSError, sorted out by errno).
_BROKEN = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,  # UnicodeDecodeError of a name among them
    NotImplementedError,  # "zip file version 11.5", an unknown compression
    struct.error,
)


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What an archive may hold. The defaults fit any real book or document with room to spare."""

    max_file_bytes: int = 200 * _MIB  # the archive on disk (a picture-heavy EPUB is tens of MB)
    max_members: int = 10_000
    max_total_bytes: int = 1024 * _MIB  # the declared uncompressed sizes of all members together
    max_member_bytes: int = 64 * _MIB  # one member read into memory (a 1,000-page document.xml is ~30 MB)
    max_ratio: int = 200  # declared / compressed size: XML text reaches 10-50x, zeros ~1000x
    ratio_floor: int = 1 * _MIB  # small members may have any ratio (a 200-byte file of spaces is harmless)


DEFAULT_LIMITS = ZipLimits()


#: A central directory entry is 46 bytes and its name; allow names and extras up to ~1 KB on average.
_DIRECTORY_ENTRY_BYTES = 1024
_END = b"PK\x05\x06"
_END64_LOCATOR = b"PK\x06\x07"
_END64 = b"PK\x06\x06"


def _directory_size(fh: BinaryIO, size: int) -> tuple[int, int] | None:
    """(entries, bytes) of the central directory as its end record declares them; None when there is no
    end record (zipfile then says what is wrong)."""
    tail_len = min(size, 22 + 0xFFFF)  # the end record and a comment of at most 64 KB
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < 22:
        return None
    entries, directory_bytes = struct.unpack_from("<HI", tail, at + 10)
    zip64 = entries == 0xFFFF or directory_bytes == 0xFFFFFFFF
    if zip64 and at >= 20 and tail[at - 20 : at - 16] == _END64_LOCATOR:
        (offset,) = struct.unpack_from("<Q", tail, at - 20 + 8)
        if offset < size:
            fh.seek(offset)
            record = fh.read(56)
            if len(record) == 56 and record.startswith(_END64):
                entries, directory_bytes = struct.unpack_from("<QQ", record, 32)
    return int(entries), int(directory_bytes)


def _unsafe_name(name: str) -> str:
    """Why `name` may not be a member name ('' when it is fine): absolute, drive-letter or `..` paths."""
    if "\x00" in name:
        return "a NUL character"
    normal = name.replace("\\", "/")
    if normal.startswith("/"):
        return "an absolute path"
    if len(normal) >= 2 and normal[1] == ":":
        return "a drive letter"
    if ".." in normal.split("/"):
        return "a '..' component"
    return ""


class SafeZip:
    """A zip archive checked on opening (raises HawamishError); read members with `read`.

    `kind` names the format in messages ("EPUB", "Word"). Use as a context manager.
    """

    def __init__(self, path: Path, kind: str, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path = Path(path)
        self.kind = kind
        self.limits = limits
        where = str(self.path)
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            raise HawamishError(ErrorCode.MISSING, where) from None
        except OSError as exc:
            raise HawamishError(ErrorCode.UNREADABLE, where, str(exc)) from None
        if size > limits.max_file_bytes:
            raise HawamishError(ErrorCode.TOO_LARGE, where, f"{size} bytes, limit {limits.max_file_bytes}")
        try:
            with self.path.open("rb") as fh:
                directory = _directory_size(fh, size)
        except OSError as exc:
            raise HawamishError(ErrorCode.UNREADABLE, where, str(exc)) from None
        if directory is not None:  # zipfile would build every entry in memory before we could count them
            entries, directory_bytes = directory
            if entries > limits.max_members or directory_bytes > limits.max_members * _DIRECTORY_ENTRY_BYTES:
                raise self.error(
                    f"{entries} members in a {directory_bytes}-byte directory, limit {limits.max_members}",
                    ErrorCode.TOO_LARGE,
                )
        try:
            self._zip = zipfile.ZipFile(self.path)
        except _BROKEN as exc:
            raise self.error(f"not a valid {kind} file: {exc}") from None
        except OSError as exc:
            raise self._os_error(exc, f"not a valid {kind} file") from None
        try:
            self._infos = self._check(self._zip.infolist())
        except BaseException:
            self._zip.close()
            raise

    def error(self, detail: str, code: ErrorCode = ErrorCode.MALFORMED) -> HawamishError:
        return HawamishError(code, str(self.path), detail)

    def _os_error(self, exc: OSError, damaged: str) -> HawamishError:
        """A seek to an offset a damaged header gives (EINVAL) is damage; anything else an I/O error."""
        if exc.errno == errno.EINVAL:
            return self.error(f"{damaged}: {exc}")
        return HawamishError(ErrorCode.UNREADABLE, str(self.path), str(exc))

    def _check(self, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
        limits = self.limits
        if len(infos) > limits.max_members:
            raise self.error(f"{len(infos)} members, limit {limits.max_members}", ErrorCode.TOO_LARGE)
        total = 0
        by_name: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            why = _unsafe_name(info.filename)
            if why:
                raise self.error(f"member name {info.filename!r} has {why}", ErrorCode.UNSAFE_ARCHIVE)
            if info.flag_bits & 0x1:
                raise self.error(f"member {info.filename} is encrypted", ErrorCode.ENCRYPTED)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self.error(f"member {info.filename} uses an unsupported compression")
            declared, packed = info.file_size, info.compress_size
            if declared > limits.ratio_floor and declared > limits.max_ratio * max(packed, 1):
                ratio = declared // max(packed, 1)
                raise self.error(
                    f"member {info.filename} would expand {ratio} times its compressed size "
                    f"({declared} bytes), as zip bombs do",
                    ErrorCode.UNSAFE_ARCHIVE,
                )
            total += declared
            by_name.setdefault(info.filename, info)
        if total > limits.max_total_bytes:
            raise self.error(
                f"members declare {total} bytes uncompressed, limit {limits.max_total_bytes}",
                ErrorCode.TOO_LARGE,
            )
        return by_name

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    @property
    def names(self) -> list[str]:
        """Member names in archive order (folders included)."""
        return list(self._infos)

    def exists(self, name: str) -> bool:
        return name in self._infos

    def size(self, name: str) -> int:
        """The uncompressed size member `name` declares (0 when there is no such member)."""
        info = self._infos.get(name)
        return info.file_size if info is not None else 0

    def read(self, name: str, *, what: str = "") -> bytes:
        """The bytes of member `name`, read with a bound; raises MALFORMED when it is missing (naming it
        as `what`, e.g. "the package document"), TOO_LARGE when it is above the member limit."""
        info = self._infos.get(name)
        if info is None:
            label = f"{what} {name}" if what else name
            raise self.error(f"{label.strip()} is missing from the archive")
        cap = self.limits.max_member_bytes
        if info.file_size > cap:
            raise self.error(f"member {name} holds {info.file_size} bytes, limit {cap}", ErrorCode.TOO_LARGE)
        try:
            with self._zip.open(info) as member:
                data = member.read(info.file_size + 1)
        except _BROKEN as exc:
            raise self.error(f"member {name} is damaged: {exc}") from None
        except RuntimeError as exc:  # zipfile's word for an encrypted member it was not told about
            raise self.error(f"member {name} cannot be read: {exc}") from None
        except OSError as exc:
            raise self._os_error(exc, f"member {name} is damaged") from None
        if len(data) > info.file_size:
            raise self.error(
                f"member {name} inflates past the {info.file_size} bytes it declares",
                ErrorCode.UNSAFE_ARCHIVE,
            )
        return data


def resolve_href(base: str, href: str) -> str:
    """The member name that `href` (URL-encoded, relative to the member `base`) points at, without its
    fragment; '' when it leaves the archive or is not a local reference."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return ""
    target = unquote(parts.path)
    if not target:
        return base
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), target))
    if joined.startswith(("../", "/")) or joined in ("..", "."):
        return ""
    return joined
