"""A writer killed mid-write leaves its temporary file beside the target (SIGKILL runs no clean-up); the next
write to that target removes it, and never a file a live process is still writing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.exporters.atomic import atomic_write_bytes, temporary_prefix

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process ids are checked on POSIX only")


def _dead_pid() -> int:
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
    )
    return int(child.stdout)


def test_the_next_write_removes_what_a_dead_writer_left(tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    target.write_text("{}", encoding="utf-8")
    dead = tmp_path / f".notes.json.{_dead_pid()}.abc123.part"
    dead.write_bytes(b'{"half": ')
    live = tmp_path / f"{temporary_prefix(target)}xyz.part"  # this process: alive
    live.write_bytes(b"being written")
    other = tmp_path / f".other.json.{_dead_pid()}.abc.part"  # another target's: not ours to judge
    other.write_bytes(b"x")
    atomic_write_bytes(target, b'{"whole": true}')
    assert target.read_bytes() == b'{"whole": true}'
    assert not dead.exists() and live.exists() and other.exists()


def test_a_temporary_file_names_its_writer(tmp_path: Path) -> None:
    assert temporary_prefix(tmp_path / "a.pdf") == f".a.pdf.{os.getpid()}."
