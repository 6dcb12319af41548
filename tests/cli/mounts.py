"""Real full and read-only filesystems for tests: a small tmpfs, a read-only bind mount.

Mounting needs root (or CAP_SYS_ADMIN), as in a CI container; elsewhere the tests using these are skipped
with the reason. File modes are no substitute: root writes into a folder whatever its mode, a read-only
mount refuses everyone.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({' '.join(args[:3])}): {done.stderr.strip() or done.returncode}")


def _unmount(folder: Path) -> None:
    if subprocess.run(["umount", str(folder)], capture_output=True, check=False).returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextmanager
def small_tmpfs(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder` (made if needed)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (the tests of a full disk use a real one)")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _unmount(folder)


@contextmanager
def read_only_view(source: Path, folder: Path) -> Iterator[Path]:
    """`source` seen read-only at `folder` (a bind mount remounted read-only)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (file modes do not stop root)")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(source), str(folder))
    try:
        done = subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            pytest.skip(f"cannot remount read-only here: {done.stderr.strip()}")
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path) -> Path:
    """Write a file in `folder` until its disk has no space left; returns it (delete it to free the space)."""
    filler = folder / "filler"
    chunk = b"\0" * 4096
    with filler.open("wb", buffering=0) as f:
        try:
            while True:
                f.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
    return filler
