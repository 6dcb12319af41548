"""Archives the EPUB and Word tests build on the spot: zip bombs, billion laughs, and measuring a refusal."""

from __future__ import annotations

import random
import struct
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError

GIB = 1 << 30
#: zlib.crc32(bytes(GIB)), written down: computing it takes most of a second.
_CRC_OF_A_GIB_OF_ZEROS = 0x5B64C2B0


def _deflated_zeros(size: int) -> bytes:
    """Raw deflate of `size` zero bytes (a multiple of 1 MiB), made from one compressed MiB repeated: after a
    full flush the compressor starts afresh, so every MiB compresses to the same bytes (~1 KB)."""
    mib = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    one = compressor.compress(mib) + compressor.flush(zlib.Z_FULL_FLUSH)
    return one * (size >> 20) + compressor.flush(zlib.Z_FINISH)


def write_zip(path: Path, members: list[tuple[str, bytes]], bomb: tuple[str, int] | None = None) -> Path:
    """A zip written by hand (zipfile cannot store data compressed elsewhere): `members` stored as they
    are, then `bomb` = (name, size): a member of `size` zeros deflated to about size/1000 bytes, with the
    right CRC and sizes in its headers, i.e. a real bomb for any reader that trusts them."""
    entries: list[tuple[bytes, int, int, int, int, int]] = []  # name, method, crc, packed, size, offset
    out = bytearray()

    def add(name: str, method: int, crc: int, data: bytes, size: int) -> None:
        raw = name.encode("utf-8")
        entries.append((raw, method, crc, len(data), size, len(out)))
        out.extend(
            struct.pack(
                "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0x800, method, 0, 0x21, crc, len(data), size, len(raw), 0
            )
        )
        out.extend(raw)
        out.extend(data)

    for name, data in members:
        add(name, 0, zlib.crc32(data), data, len(data))
    if bomb is not None:
        name, size = bomb
        assert size == GIB, "the CRC below is a GiB's"
        add(name, 8, _CRC_OF_A_GIB_OF_ZEROS, _deflated_zeros(size), size)
    directory = len(out)
    for raw, method, crc, packed, size, offset in entries:
        out.extend(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02", 20, 20, 0x800, method, 0, 0x21, crc, packed, size, len(raw), 0, 0, 0, 0, 0, offset,
            )
        )  # fmt: skip
        out.extend(raw)
    out.extend(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(out) - directory, directory, 0
        )
    )
    path.write_bytes(bytes(out))
    return path


def billion_laughs(root: str = "html", namespace: str = "http://www.w3.org/1999/xhtml") -> bytes:
    """The classic entity bomb: ten levels of ten references, a billion 'lol's once expanded."""
    lines = ['<?xml version="1.0"?>', f"<!DOCTYPE {root} [", ' <!ENTITY lol0 "lol">']
    for level in range(1, 10):
        lines.append(f' <!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    lines.append("]>")
    lines.append(f'<{root} xmlns="{namespace}"><body><p>&lol9;</p></body></{root}>')
    return "\n".join(lines).encode()


def deeply_nested(depth: int = 50_000) -> bytes:
    """Elements nested `depth` deep (550 KB: below the size where the zip reader judges compression)."""
    return (
        b'<html xmlns="http://www.w3.org/1999/xhtml"><body>'
        + b"<div>" * depth
        + b"x"
        + b"</div>" * depth
        + b"</body></html>"
    )


def refusal(read: Callable[[], object], *, seconds: float = 2.0, megabytes: int = 64) -> HawamishError:
    """The one HawamishError `read()` raises, checked to come within `seconds` of CPU time and `megabytes` of
    Python allocations (a zip bomb read into memory, or an entity bomb expanded, would blow both; CPU time, so a
    loaded machine does not trip the guard)."""
    tracemalloc.start()
    started = time.process_time()
    try:
        with pytest.raises(HawamishError) as caught:
            read()
    finally:
        elapsed = time.process_time() - started
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    assert peak < megabytes * (1 << 20), f"peak {peak / (1 << 20):.0f} MB"
    return caught.value


def assert_refused(error: HawamishError, path: Path, code: ErrorCode, *words: str) -> None:
    assert error.code is code, error
    assert error.path == str(path)
    for word in words:
        assert word.lower() in error.detail.lower(), error.detail


def damaged_copies(path: Path, count: int) -> Iterator[Path]:
    """`count` copies of `path`, each with 1-8 bytes overwritten at random places (the same every run)."""
    data = path.read_bytes()
    for seed in range(count):
        rng = random.Random(seed)
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        copy = path.with_name(f"damaged-{seed}{path.suffix}")
        copy.write_bytes(bytes(damaged))
        yield copy
