"""The export dialog's preview panel, and the helpers it shares with the dialog (file names, tags, errors).

The preview is the real exporter writing to a temporary file in a worker, so what the user sees is what they
get. For PDF the first page is rendered by poppler's `pdftoppm` (the PySide6-Essentials wheel has no QtPdf
module); for the text formats the first lines are shown. A change of options restarts it after a short pause
and a preview made for options that changed meanwhile is dropped.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest, render
from reader.core.exporters.collect import ExportDocument
from reader.core.library import Library
from reader.gui.common.error_text import error_reason
from reader.gui.common.workers import Task, run_task

# The preview renders at most this many articles and highlights an article: more never fit on page 1.
PREVIEW_ARTICLES = 2
PREVIEW_HIGHLIGHTS = 24
PREVIEW_DPI = 110  # sharp once scaled down to the panel; renders in about 0.1 s
PREVIEW_TEXT_LINES = 80
_FILENAME_BAD = re.compile(r'[\\/:*?"<>|\x00-\x1f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]+')


def safe_file_name(title: str, fallback: str = "notes") -> str:
    """A file name from an article title: no path separators or characters Windows refuses, no bidi
    controls, at most 80 characters, never empty."""
    name = _FILENAME_BAD.sub(" ", title)
    name = re.sub(r"\s+", " ", name).strip(" .")
    return name[:80].rstrip(" .") or fallback


def preview_document(
    library: Library, request: ExportRequest, cancelled: Callable[[], bool] | None = None
) -> ExportDocument:
    """What the export would show, cut to what its first page can hold: the first articles and their first
    highlights. Reading is cheap and rendering is not, so previewing "the whole library" or an article with
    300 highlights costs no more than a short article. Only the "page 1 of N" count can differ."""
    exported_at = datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    document = library.export_document(request, exported_at, cancelled=cancelled)
    articles = tuple(
        dataclasses.replace(article, highlights=article.highlights[:PREVIEW_HIGHLIGHTS])
        for article in document.articles[:PREVIEW_ARTICLES]
    )
    return dataclasses.replace(document, articles=articles)


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
    library: Library,
    request: ExportRequest,
    progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> tuple[str, bytes | str]:
    """Render the preview document with the real exporter; ('png', first page) for PDF, else
    ('text', first lines of the file); ('empty', '') when nothing in the scope matches."""
    document = preview_document(library, request, cancelled)
    if not document.articles:
        return "empty", ""
    data, _pages = render(document, request.format, progress=progress, cancel=cancelled)
    if request.format != "pdf":
        lines = data.decode("utf-8-sig", errors="replace").splitlines(keepends=True)
        return "text", "".join(lines[:PREVIEW_TEXT_LINES])
    with tempfile.TemporaryDirectory(prefix="hawamish-preview-") as tmp:
        pdf = Path(tmp) / "preview.pdf"
        pdf.write_bytes(data)
        return "png", render_first_page(pdf, Path(tmp))


def export_reason(error: BaseException) -> str:
    """A translated sentence saying why an export failed, with what to do about it; never a traceback."""
    translate = QCoreApplication.translate
    if isinstance(error, HawamishError):
        if error.code is ErrorCode.UNWRITABLE:
            return translate(
                "ExportDialog",
                "Hawamish cannot write there: the folder is read-only, missing or "
                "not a folder. Choose another place.",
            )
        if error.code is ErrorCode.DISK_FULL:
            return translate("ExportDialog", "The disk is full. Free some space or choose another disk.")
        if error.code is ErrorCode.CANCELLED:
            return translate("ExportDialog", "The export was stopped; no file was written.")
        if error.code is ErrorCode.NOT_FOUND:
            return translate("ExportDialog", "An article to export is no longer in the library.")
        return error_reason(error)
    if isinstance(error, OSError) and error.strerror:
        return translate("ExportDialog", "The file could not be written ({reason}).").format(
            reason=error.strerror
        )
    return translate("ExportDialog", "An unexpected error stopped the export ({kind}).").format(
        kind=type(error).__name__
    )


class ExportPreview(QGroupBox):
    """The first page of a PDF export (or the first lines of a text export) for the dialog's options."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preview"))
        self.setObjectName("exportPreview")
        self.library = library
        self.task: Task | None = None
        self.pixmap: QPixmap | None = None
        self._request: ExportRequest | None = None
        self._generation = 0
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._start)

        self.image = QLabel(self)
        self.image.setObjectName("exportPreviewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.image.setMinimumSize(260, 340)
        self.image.setAccessibleName(self.tr("First page of the export"))
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("exportPreviewText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("First lines of the exported file"))
        self.message = QLabel(self)
        self.message.setObjectName("exportPreviewMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setEnabled(False)  # drawn in the disabled (grey) text colour
        self.stack = QStackedWidget(self)
        for widget in (self.message, self.image, self.text):
            self.stack.addWidget(widget)
        self.caption = QLabel(self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.caption)

    @property
    def busy(self) -> bool:
        return self.task is not None or self._timer.isActive()

    def schedule(self, request: ExportRequest | None) -> None:
        """Preview `request` after a short pause (None: nothing to preview); drops any preview under way."""
        self._generation += 1
        self.cancel()
        self._request = request
        self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _start(self) -> None:
        request = self._request
        if request is None:
            self._show_message(self.tr("Nothing to preview: choose at least one colour label."))
            return
        self._show_message(self.tr("Preparing the preview…"))
        generation = self._generation
        library = self.library

        def work(
            progress: Callable[[int, int], None], cancelled: Callable[[], bool]
        ) -> tuple[str, bytes | str]:
            return make_preview(library, request, progress, cancelled)

        self.task = run_task(
            self,
            work,
            on_done=lambda result: self._ready(generation, result),
            on_error=lambda error: self._failed(generation, error),
        )

    def _ready(self, generation: int, result: tuple[str, bytes | str]) -> None:
        if generation != self._generation:
            return  # the options changed while this preview was being made
        self.task = None
        kind, payload = result
        if kind == "empty":
            self._show_message(
                self.tr(
                    "Nothing matches these choices: no article in them has highlights with "
                    "these colour labels and tags."
                )
            )
        elif kind == "png":
            image = QImage.fromData(bytes(payload), "PNG")  # type: ignore[arg-type]
            if image.isNull():
                self._show_message(self.tr("The preview could not be drawn."))
                return
            self.pixmap = QPixmap.fromImage(image)
            self.stack.setCurrentWidget(self.image)
            self._scale()
            self.caption.setText(self.tr("First page"))
        else:
            self.text.setPlainText(str(payload))
            _left_to_right(self.text)
            self.stack.setCurrentWidget(self.text)
            self.caption.setText(self.tr("First lines of the file"))

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.task = None
        if isinstance(error, HawamishError) and error.code is ErrorCode.CANCELLED:
            return
        self._show_message(self.tr("No preview: {reason}").format(reason=export_reason(error)))

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.caption.setText("")
        self.stack.setCurrentWidget(self.message)

    def _scale(self) -> None:
        """The page scaled to the panel, on a thin border and a soft shadow, as a viewer shows paper."""
        if self.pixmap is None:
            return
        ratio = self.devicePixelRatioF()
        room = self.stack.size() * ratio  # a QStackedLayout only resizes its current page
        room.setWidth(max(40, room.width() - 8))
        room.setHeight(max(40, room.height() - 8))
        page = self.pixmap.scaled(
            room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        framed = QPixmap(page.width() + 6, page.height() + 6)
        framed.fill(Qt.GlobalColor.transparent)
        painter = QPainter(framed)
        painter.fillRect(QRect(4, 4, page.width(), page.height()), QColor(0, 0, 0, 50))  # shadow
        painter.drawPixmap(1, 1, page)
        painter.setPen(QColor(0, 0, 0, 90))
        painter.drawRect(QRect(1, 1, page.width() - 1, page.height() - 1))
        painter.end()
        framed.setDevicePixelRatio(ratio)
        self.image.setPixmap(framed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()


def _left_to_right(edit: QPlainTextEdit) -> None:
    """Show a file's source as a code editor does: every line left to right, so Markdown's `#` and `>`,
    CSV's commas and JSON's keys stay at the start of their line (Arabic runs inside keep their order).
    QPlainTextEdit lays lines out with the document's default text option, not with block formats."""
    document = edit.document()
    option = document.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    document.setDefaultTextOption(option)
