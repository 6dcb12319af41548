"""Importing files into a library: one reader per file type, one result per file.

`READERS` maps a lower-case extension to a function `(Path) -> (ArticleMeta, list[Block])` that raises
HawamishError for bad input. It is the extension point for new formats: another module registers itself with
`register_reader(".json", read_web_annotations)`; nothing else here changes. A format whose files can hold
several articles (an e-book of essays) also registers a `Splitter` with `register_splitter`: with
`split_chapters`, `read_articles` returns one article per chapter instead of one article per file.

Readers return articles and never touch the library: `Library.import_paths` (reader.core.library.importing)
stores them, in batches, and never lets one bad file stop a batch.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers.docx import read_docx
from reader.core.importers.epub import read_epub, split_epub
from reader.core.importers.html import read_html, read_mhtml
from reader.core.importers.markdown import read_markdown
from reader.core.importers.pdf import read_pdf
from reader.core.importers.plain_text import read_plain_text
from reader.core.models import ArticleMeta
from reader.core.text import Block

Reader = Callable[[Path], tuple[ArticleMeta, list[Block]]]
Splitter = Callable[[Path], list[tuple[ArticleMeta, list[Block]]]]
#: changed: the file is a page already in the library (same canonical URL) whose text has changed since;
#: it was not imported, `article_id` names the earlier one (an update replaces its text).
Status = Literal["imported", "duplicate", "updated", "changed", "failed"]

#: Extension (lower case, with the dot) -> reader. Extend with register_reader().
READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".epub": read_epub,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".mhtml": read_mhtml,
    ".mht": read_mhtml,
}


#: Extension -> a reader of one article per chapter (used with `split_chapters`).
SPLITTERS: dict[str, Splitter] = {}


def _extension(extension: str) -> str:
    ext = extension.lower()
    return ext if ext.startswith(".") else f".{ext}"


def register_reader(extension: str, reader: Reader) -> None:
    """Make `reader` handle files ending in `extension` (e.g. '.json'); later registrations win."""
    READERS[_extension(extension)] = reader


def register_splitter(extension: str, splitter: Splitter) -> None:
    """Make `splitter` read files ending in `extension` as one article per chapter (`--split chapters`)."""
    SPLITTERS[_extension(extension)] = splitter


register_splitter(".epub", split_epub)


def supported_extensions() -> list[str]:
    return sorted(READERS)


@dataclass(slots=True)
class ImportResult:
    """What happened to one file (or to one chapter of it: `part` counts chapters from 1 when a file was
    split). `title` is the imported article's (or the existing duplicate's source's)."""

    path: str
    status: Status
    article_id: int | None = None
    error: HawamishError | None = None
    title: str = ""
    part: int | None = None

    @property
    def ok(self) -> bool:
        return self.status != "failed"


#: Extensions of annotation files: notes re-anchored onto articles already in the library (not new
#: articles), e.g. the W3C Web Annotation JSON that `hawamish export --format json` writes. The Library
#: applies them (reader.core.library.annotation_import); readers here only turn files into articles.
ANNOTATION_EXTENSIONS = frozenset({".json"})


def read_article(path: Path) -> tuple[ArticleMeta, list[Block]]:
    """Metadata and blocks of the article in `path` (raises HawamishError: MISSING, UNSUPPORTED, ...)."""
    path = Path(path)
    if not path.exists():
        raise HawamishError(ErrorCode.MISSING, str(path))
    if path.is_dir():
        raise HawamishError(ErrorCode.UNREADABLE, str(path), "a folder, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise HawamishError(ErrorCode.UNSUPPORTED, str(path), path.suffix or "no extension")
    return reader(path)


def read_articles(path: Path, *, split_chapters: bool = False) -> list[tuple[ArticleMeta, list[Block]]]:
    """The articles in `path`: one, or one per chapter when `split_chapters` and the format has chapters."""
    splitter = SPLITTERS.get(Path(path).suffix.lower()) if split_chapters else None
    if splitter is not None and Path(path).is_file():
        return splitter(Path(path))
    return [read_article(path)]


#: A browser's "Web page, complete" saves `X.html` and, beside it, `X_files/` (`X-files/` by some) with the
#: page's images, scripts and frames: the frames' .html files are adverts and widgets, not articles.
_SAVED_PAGE_SUFFIXES = ("_files", "-files")


def _saved_page_folder(folder: str, files: list[str]) -> bool:
    """Whether `folder` holds the resources of a saved page `X.html`/`X.htm` among `files` (its siblings)."""
    lower = folder.lower()
    for suffix in _SAVED_PAGE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            pages = {f"{lower[: -len(suffix)]}.html", f"{lower[: -len(suffix)]}.htm"}
            return any(name.lower() in pages for name in files)
    return False


def expand_paths(paths: Iterable[Path | str]) -> Iterator[tuple[Path, HawamishError | None]]:
    """Every file to import, in a stable order, with the error that already disqualifies it (if any).

    Named files are always attempted (an unsupported one is reported); inside folders, only files with a
    supported extension are taken, hidden files and folders are skipped, and symlinked folders are not
    followed (no loops), nor the `X_files` folder of a page `X.html` saved complete. A folder with nothing
    to import is itself reported.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield path, HawamishError(ErrorCode.MISSING, str(path))
        elif path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not d.startswith(".") and not _saved_page_folder(d, files)
                )
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in READERS:
                        found = True
                        yield Path(root) / name, None
            if not found:
                yield path, HawamishError(ErrorCode.EMPTY, str(path), "no files to import in this folder")
        else:
            yield path, None
