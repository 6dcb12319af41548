"""A reader that kills its process on files named *crash*: what a parser's segfault looks like from outside."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reader.core.library.reading import ReadOutcome, read_file


def read_or_die(path: Path, split_chapters: bool) -> ReadOutcome:
    if "crash" in path.name:
        os._exit(70)
    return read_file(path, split_chapters)


def read_or_hang(path: Path, split_chapters: bool) -> ReadOutcome:
    """Loops for ever on files named *hang*: a parser stuck on a hostile file."""
    while "hang" in path.name:
        time.sleep(0.05)
    return read_file(path, split_chapters)
