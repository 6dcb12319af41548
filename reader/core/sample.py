"""The sample library a first-time user opens: the seed article and two short pieces written for Hawamish.

Only the default library gets it (the app calls this on its first start); a folder named with --library
starts empty so scripts and tests see only what they imported. The pieces are chosen to show what the reader
is for: an Arabic news analysis (the seed), an English opinion piece with a quote and a list, and an Arabic
opinion piece that quotes English, with English words inside Arabic sentences.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.importers import read_article
from reader.core.library import Library
from reader.core.paths import resources_dir

#: In the order they are added (the library lists the newest first, so the seed is added first).
SAMPLE_FILES = (
    "01-seed-isis-russia.txt",
    "02-reading-in-the-margins.md",
    "03-borrowed-words.md",
)


def sample_dir() -> Path:
    return resources_dir() / "sample"


def ensure_sample_library(folder: Path) -> bool:
    """Create a library in `folder` holding the sample articles; False (and no change) if one exists.

    Every sample file is read before the library is created, and all are added in one transaction, so a
    broken installation raises HawamishError without leaving a half-filled library behind.
    """
    folder = Path(folder)
    if Library.exists_in(folder):
        return False
    articles = [read_article(sample_dir() / name) for name in SAMPLE_FILES]
    with Library(folder) as library:
        library.articles.add_many(articles)
    return True
