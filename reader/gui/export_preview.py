"""The export dialog's helpers that do not need widgets: the preview worker, file names, error sentences.

The preview is the real exporter writing to a temporary file, so what the user sees is what they get. For
PDF its first page is rendered by poppler's `pdftoppm` (the PySide6-Essentials wheel has no QtPdf module);
for the text formats the first lines are shown. Everything here but `export_reason` runs on a worker thread.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import EXTENSIONS, ExportRequest, export
from reader.core.exporters.collect import collect
from reader.core.library import Library
from reader.gui.error_text import error_reason

#: The preview exports at most this many articles: the first page only ever shows the first one.
PREVIEW_ARTICLES = 2
PREVIEW_DPI = 72
PREVIEW_TEXT_LINES = 80
_FILENAME_BAD = re.compile(r'[\\/:*?"<>|\x00-\x1f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+')


def safe_file_name(title: str, fallback: str = "notes") -> str:
    """A file name from an article title: no path separators or characters Windows refuses, no bidi
    controls, at most 80 characters, never empty."""
    name = _FILENAME_BAD.sub(" ", title)
    name = re.sub(r"\s+", " ", name).strip(" .")
    return name[:80].rstrip(" .") or fallback


def all_tags(library: Library) -> list[str]:
    """Every tag used on a highlight or an article, for the tag choosers (no core store lists them all)."""
    with library.read() as db:
        rows = db.execute("SELECT tag FROM highlight_tags UNION SELECT tag FROM article_tags ORDER BY tag")
        return [str(r[0]) for r in rows]


def preview_request(library: Library, request: ExportRequest) -> ExportRequest:
    """The same export restricted to the first articles it would show (reading is cheap, rendering is not),
    so previewing "the whole library" costs no more than previewing one article."""
    if request.article_ids and len(request.article_ids) <= PREVIEW_ARTICLES:
        return request
    document = collect(library, request, "")
    first = tuple(article.id for article in document.articles[:PREVIEW_ARTICLES])
    if not first:
        return request  # nothing to show: the exporter renders its own "no notes" document
    return dataclasses.replace(request, article_ids=first, all_articles=False, tag=None)


def render_first_page(pdf: Path, out_dir: Path, dpi: int = PREVIEW_DPI) -> bytes:
    """PNG bytes of the first page of `pdf`, rendered by poppler's pdftoppm."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise HawamishError(ErrorCode.UNSUPPORTED, str(pdf), "pdftoppm (poppler-utils) is not installed")
    stem = out_dir / "page"
    try:
        subprocess.run(
            [exe, "-png", "-f", "1", "-l", "1", "-r", str(dpi), "-singlefile", str(pdf), str(stem)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (subprocess.SubprocessError, OSError) as exc:
        raise HawamishError(ErrorCode.MALFORMED, str(pdf), f"pdftoppm: {exc}") from exc
    return stem.with_suffix(".png").read_bytes()


def make_preview(
    library: Library, request: ExportRequest, progress: Callable[[int, int], None], cancelled: Callable[[], bool]
) -> tuple[str, bytes | str]:
    """Export to a temporary file; return ('png', first page) for PDF or ('text', first lines)."""
    request = preview_request(library, request)
    with tempfile.TemporaryDirectory(prefix="hawamish-preview-") as tmp:
        out = Path(tmp) / f"preview{EXTENSIONS[request.format]}"
        export(library, request, out, progress=progress, cancel=cancelled)
        if request.format == "pdf":
            return "png", render_first_page(out, Path(tmp))
        with out.open(encoding="utf-8-sig", errors="replace") as fh:
            head = [line for _, line in zip(range(PREVIEW_TEXT_LINES), fh, strict=False)]
        return "text", "".join(head)


def export_reason(error: BaseException) -> str:
    """A translated sentence saying why an export failed, with what to do about it; never a traceback."""
    tr = QCoreApplication.translate
    if isinstance(error, HawamishError):
        specific = {
            ErrorCode.UNWRITABLE: tr(
                "ExportDialog", "Hawamish cannot write there: the folder is read-only or you lack permission. "
                "Choose another folder."
            ),
            ErrorCode.DISK_FULL: tr("ExportDialog", "The disk is full. Free some space or choose another disk."),
            ErrorCode.CANCELLED: tr("ExportDialog", "The export was cancelled; no file was written."),
            ErrorCode.NOT_FOUND: tr("ExportDialog", "An article to export is no longer in the library."),
        }.get(error.code)
        return specific or error_reason(error)
    if isinstance(error, OSError) and error.strerror:
        return tr("ExportDialog", "The file could not be written ({reason}).").format(reason=error.strerror)
    return tr("ExportDialog", "An unexpected error stopped the export ({kind}).").format(kind=type(error).__name__)
