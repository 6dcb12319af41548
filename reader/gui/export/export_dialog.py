"""File → Export…: what to export (scope, filters, order), in which format, with a live preview.

The dialog only gathers choices into the core's `ExportRequest` and shows what happens; the export itself
runs through `ExportRun` (export_run.py) and the preview in its own worker, so a large export never blocks
the UI and can be cancelled, and a failure is
reported as a translated sentence naming the file, never a traceback. The dialog is not modal: the user can
keep reading while an export runs, and the dialog stays usable after a failure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import HawamishError
from reader.core.exporters import EXTENSIONS, FORMATS, ExportRequest, ExportSection, ExportSummary
from reader.core.library import Library
from reader.gui.common.color_chips import ColorChips
from reader.gui.common.file_dialogs import dialog_directions
from reader.gui.common.numbers import local_number
from reader.gui.common.workers import Task
from reader.gui.export.export_preview import ExportPreview, export_reason, safe_file_name
from reader.gui.export.export_run import ExportRun

_FORMAT_ICONS = {
    "pdf": "mdi6.file-pdf-box",
    "md": "mdi6.language-markdown-outline",
    "html": "mdi6.language-html5",
    "csv": "mdi6.file-delimited-outline",
    "json": "mdi6.code-json",
}


def _isolate(text: str) -> str:
    """Wrap an interpolated fragment in bidi isolates so an English file name stays whole in Arabic."""
    return f"\u2068{text}\u2069"


def _elide(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True, slots=True)
class ScopeChoice:
    """Which articles the user chose, before filters."""

    kind: str  # 'article', 'selection', 'tag', 'all', 'passages'
    article_ids: tuple[int, ...] = ()
    tag: str = ""


class ExportDialog(QDialog):
    """Scope, filters, order, format and PDF options on the left; the preview on the right."""

    # emitted with the path of a finished export
    exported = Signal(str)

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        article_id: int | None = None,
        selected_ids: Sequence[int] = (),
        scope: str | None = None,
        start_folder: Path | None = None,
        language: str | None = None,
        sections: Sequence[ExportSection] = (),
    ) -> None:
        """`sections`: passages chosen in the notebook, grouped as it shows them (the "passages" scope)."""
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.library = library
        self.language = language  # the UI language: the export's own words follow it (None: the articles')
        self.article_id = article_id
        self.selected_ids = tuple(selected_ids)
        self.sections = tuple(sections)
        self.start_folder = start_folder
        self.run = ExportRun(library, self)
        self.run.progress.connect(self._export_progress)
        self.run.done.connect(self._export_done)
        self.run.stopped.connect(self._export_stopped)
        self.run.failed.connect(self._export_failed)
        self.message_box: QMessageBox | None = None
        self.last_path: Path | None = None
        self.last_summary: ExportSummary | None = None

        self.setWindowTitle(self.tr("Export Notes"))
        self.setWindowIcon(qta.icon("mdi6.export"))
        self._build()
        self._load_choices(scope)
        self._update_state()
        self._schedule_preview()

    # building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.options_panel = QWidget(self)
        options = QVBoxLayout(self.options_panel)
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self._build_scope())
        options.addWidget(self._build_filters())
        options.addWidget(self._build_format())
        options.addStretch(1)

        body = QHBoxLayout()
        body.addWidget(self.options_panel, 5)
        self.preview = ExportPreview(self.library, self)
        body.addWidget(self.preview, 4)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("exportProgress")
        self.progress_bar.setAccessibleName(self.tr("Export progress"))
        self.progress_bar.setVisible(False)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("exportStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.export_button = QPushButton(qta.icon("mdi6.export"), self.tr("Export…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.choose_destination_and_export)
        self.cancel_button = QPushButton(qta.icon("mdi6.stop-circle-outline"), self.tr("Stop Export"), self)
        self.cancel_button.setObjectName("cancelExportButton")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)

        root = QVBoxLayout(self)
        root.addLayout(body, 1)
        root.addWidget(self.progress_bar)
        root.addLayout(buttons)
        self.resize(940, 660)

    def _build_scope(self) -> QGroupBox:
        box = QGroupBox(self.tr("Articles"), self)
        self.scope_group = QButtonGroup(self)
        self.scope_article = QRadioButton(box)
        self.scope_selection = QRadioButton(box)
        self.scope_tag = QRadioButton(self.tr("All articles tagged"), box)
        self.scope_all = QRadioButton(box)
        self.scope_passages = QRadioButton(box)
        for name, button in (
            ("scopePassages", self.scope_passages),
            ("scopeArticle", self.scope_article),
            ("scopeSelection", self.scope_selection),
            ("scopeTag", self.scope_tag),
            ("scopeAll", self.scope_all),
        ):
            button.setObjectName(name)
            self.scope_group.addButton(button)
        self.scope_tag_combo = QComboBox(box)
        self.scope_tag_combo.setObjectName("scopeTagCombo")
        self.scope_tag_combo.setMinimumContentsLength(12)
        tag_row = QHBoxLayout()
        tag_row.addWidget(self.scope_tag)
        tag_row.addWidget(self.scope_tag_combo, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.scope_passages)
        layout.addWidget(self.scope_article)
        layout.addWidget(self.scope_selection)
        layout.addLayout(tag_row)
        layout.addWidget(self.scope_all)
        self.scope_group.buttonToggled.connect(self._options_changed)
        self.scope_tag_combo.activated.connect(lambda _index: self.scope_tag.setChecked(True))
        self.scope_tag_combo.currentIndexChanged.connect(self._options_changed)
        return box

    def _build_filters(self) -> QGroupBox:
        box = QGroupBox(self.tr("Notes"), self)
        self.color_chips = ColorChips(self.library.labels.list(), box)
        self.color_chips.changed.connect(self._options_changed)
        self.chips = self.color_chips.chips
        self.filter_tag_combo = QComboBox(box)
        self.filter_tag_combo.setObjectName("filterTagCombo")
        self.sort_combo = QComboBox(box)
        self.sort_combo.setObjectName("sortCombo")
        self.sort_combo.addItem(self.tr("Position in the article"), "position")
        self.sort_combo.addItem(self.tr("Date of the highlight"), "date")
        form = QFormLayout(box)
        form.addRow(self.tr("Colour labels:"), self.color_chips)
        form.addRow(self.tr("Tag:"), self.filter_tag_combo)
        form.addRow(self.tr("Order:"), self.sort_combo)
        # a shared library: the team's highlights and notes too, or only yours
        self.others_check = QCheckBox(
            self.tr("Include the highlights and notes of the others in the team"), box
        )
        self.others_check.setObjectName("othersCheck")
        self.others_check.setChecked(True)
        self.others_check.setVisible(self.library.sharing.config() is not None)
        form.addRow(self.others_check)
        self.filter_tag_combo.currentIndexChanged.connect(self._options_changed)
        self.sort_combo.currentIndexChanged.connect(self._options_changed)
        return box

    def _build_format(self) -> QGroupBox:
        box = QGroupBox(self.tr("Format"), self)
        self.format_combo = QComboBox(box)
        self.format_combo.setObjectName("formatCombo")
        for key in FORMATS:
            self.format_combo.addItem(qta.icon(_FORMAT_ICONS[key]), self.format_label(key), key)
        self.include_text_check = QCheckBox(
            self.tr("Include the article text with the highlights marked"), box
        )
        self.include_text_check.setObjectName("includeTextCheck")
        self.page_size_combo = QComboBox(box)
        self.page_size_combo.setObjectName("pageSizeCombo")
        self.page_size_combo.addItem(self.tr("A4"), "A4")
        self.page_size_combo.addItem(self.tr("US Letter"), "Letter")
        if QCoreApplication.instance() is not None and _uses_letter():
            self.page_size_combo.setCurrentIndex(1)
        self.pdf_options = QWidget(box)
        self.pdf_options.setObjectName("pdfOptions")
        pdf_form = QFormLayout(self.pdf_options)
        pdf_form.setContentsMargins(0, 0, 0, 0)
        pdf_form.addRow(self.tr("Page size:"), self.page_size_combo)
        pdf_form.addRow(self.include_text_check)
        form = QFormLayout(box)
        form.addRow(self.tr("File type:"), self.format_combo)
        form.addRow(self.pdf_options)
        self.format_combo.currentIndexChanged.connect(self._options_changed)
        self.include_text_check.toggled.connect(self._options_changed)
        self.page_size_combo.currentIndexChanged.connect(self._options_changed)
        return box

    def format_name(self, key: str) -> str:
        return {
            "pdf": self.tr("PDF document"),
            "md": self.tr("Markdown"),
            "html": self.tr("Web page (HTML)"),
            "csv": self.tr("Spreadsheet (CSV)"),
            "json": self.tr("W3C Web Annotation (JSON)"),
        }[key]

    def format_label(self, key: str) -> str:
        """The name with its suffix, isolated so that ".pdf" keeps its dot in front in an Arabic UI."""
        return f"{self.format_name(key)} ({_isolate(EXTENSIONS[key])})"

    # choices from the library --------------------------------------------------------------------
    def _load_choices(self, scope: str | None) -> None:
        articles = self.library.articles
        self.article_title = ""
        if self.article_id is not None:
            try:
                self.article_title = articles.get(self.article_id).title
            except HawamishError:
                self.article_id = None
        if self.article_title:
            self.scope_article.setText(
                self.tr("This article: {title}").format(title=_isolate(_elide(self.article_title, 48)))
            )
            self.scope_article.setToolTip(self.article_title)
        else:
            self.scope_article.setText(self.tr("This article (none is open)"))
        self.scope_article.setEnabled(self.article_id is not None)
        count = len(self.selected_ids)
        self.scope_selection.setText(
            self.tr("The articles selected in the library ({count})").format(count=local_number(count))
        )
        self.scope_selection.setEnabled(count > 0)
        self.scope_all.setText(
            self.tr("The whole library (articles: {count})").format(count=local_number(articles.count()))
        )

        passages = len({hid for section in self.sections for hid in section.highlight_ids})
        self.scope_passages.setText(
            self.tr("The passages selected in the notebook ({count})").format(count=local_number(passages))
        )
        self.scope_passages.setVisible(bool(self.sections))  # only when the notebook opened the dialog
        self.scope_passages.setEnabled(bool(self.sections))

        tags = self.library.tags_in_use()
        self.filter_tag_combo.addItem(self.tr("Any tag"), "")
        for tag in tags:
            self.scope_tag_combo.addItem(tag, tag)
            self.filter_tag_combo.addItem(tag, tag)
        if not tags:
            self.scope_tag_combo.addItem(self.tr("(no tags yet)"), "")
        self.scope_tag.setEnabled(bool(tags))
        self.scope_tag_combo.setEnabled(bool(tags))
        self.filter_tag_combo.setEnabled(bool(tags))

        wanted = {
            "article": self.scope_article,
            "selection": self.scope_selection,
            "tag": self.scope_tag,
            "all": self.scope_all,
            "passages": self.scope_passages,
        }.get(scope or "")
        for candidate in (wanted, self.scope_article, self.scope_selection, self.scope_all):
            if candidate is not None and candidate.isEnabled():
                candidate.setChecked(True)
                break

    # reading the choices ---------------------------------------------------------------------------
    def scope_choice(self) -> ScopeChoice:
        if self.scope_passages.isChecked() and self.sections:
            return ScopeChoice("passages")
        if self.scope_article.isChecked() and self.article_id is not None:
            return ScopeChoice("article", (self.article_id,))
        if self.scope_selection.isChecked() and self.selected_ids:
            return ScopeChoice("selection", self.selected_ids)
        if self.scope_tag.isChecked() and self.scope_tag_combo.currentData():
            return ScopeChoice("tag", tag=str(self.scope_tag_combo.currentData()))
        return ScopeChoice("all")

    @property
    def format(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, key: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(key))

    def apply_defaults(self, format_key: str, page_size: str, include_text: bool) -> None:
        """Start from the user's export defaults (Preferences); unknown values leave the dialog's own."""
        if self.format_combo.findData(format_key) >= 0:
            self.set_format(format_key)
        if self.page_size_combo.findData(page_size) >= 0:
            self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(page_size))
        self.include_text_check.setChecked(include_text)

    def checked_colors(self) -> list[str]:
        return self.color_chips.checked()

    def build_request(self) -> ExportRequest:
        scope = self.scope_choice()
        colors = self.checked_colors()
        filter_tag = str(self.filter_tag_combo.currentData() or "")
        return ExportRequest(
            format=self.format,
            article_ids=scope.article_ids,
            all_articles=scope.kind == "all",
            sections=self.sections if scope.kind == "passages" else (),
            tag=scope.tag if scope.kind == "tag" else None,
            colors=() if self.color_chips.all_checked() else tuple(colors),
            tags=(filter_tag,) if filter_tag else (),
            sort=str(self.sort_combo.currentData()),
            include_article_text=self.include_text_check.isChecked(),
            page_size=str(self.page_size_combo.currentData()),
            language=self.language,
            others=self.others_check.isChecked(),
        )

    def default_file_name(self) -> str:
        """The article's title for one article, else a name saying what was exported."""
        scope = self.scope_choice()
        fallback = self.tr("Notes")
        if scope.kind == "article":
            stem = safe_file_name(self.article_title, fallback)
        elif scope.kind == "selection" and len(scope.article_ids) == 1:
            stem = safe_file_name(_title_of(self.library, scope.article_ids[0]), fallback)
        elif scope.kind == "tag":
            stem = safe_file_name(self.tr("Notes tagged {tag}").format(tag=scope.tag), fallback)
        elif scope.kind == "passages":
            stem = safe_file_name(self.tr("Notebook passages"), fallback)
        else:
            stem = safe_file_name(self.tr("Hawamish notes"), fallback)
        return stem + EXTENSIONS[self.format]

    # reacting to changes ---------------------------------------------------------------------------
    def _options_changed(self, *_: object) -> None:
        self._update_state()
        self._schedule_preview()

    def _update_state(self) -> None:
        self.pdf_options.setVisible(self.format == "pdf")
        busy = self.export_task is not None
        self.options_panel.setEnabled(not busy)  # what is being exported cannot change under the export
        nothing = not self.checked_colors()
        self.export_button.setEnabled(not busy and not nothing)
        if not busy:
            self.status_label.setText(self.tr("Choose at least one colour label.") if nothing else "")

    def library_changed(self, change: object = None) -> None:
        """A highlight, note or label changed elsewhere in the app: the preview shows the library as it is."""
        if self.export_task is None:
            self._schedule_preview()

    def _schedule_preview(self) -> None:
        self.preview.schedule(self.build_request() if self.checked_colors() else None)

    # export ----------------------------------------------------------------------------------------
    def choose_destination(self) -> Path | None:
        """Ask where to save, offering the format's suffix and a name from the title; None on cancel."""
        suffix = EXTENSIONS[self.format]
        start = self._start_folder() / self.default_file_name()
        name_filter = f"{self.format_name(self.format)} (*{suffix})"
        with dialog_directions():
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export Notes To"), str(start), name_filter)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return path

    def _start_folder(self) -> Path:
        if self.start_folder is not None and self.start_folder.is_dir():
            return self.start_folder
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(docs) if docs and Path(docs).is_dir() else Path.home()

    def choose_destination_and_export(self) -> None:
        path = self.choose_destination()
        if path is not None:
            self.start_export(path)

    @property
    def export_task(self) -> Task | None:
        """The running export, if any."""
        return self.run.task

    def start_export(self, path: Path) -> Task:
        """Start the export to `path` (ExportRun); progress, cancel and the outcome are shown here."""
        self.last_path = path
        self.last_summary = None
        self.start_folder = path.parent
        task = self.run.start(self.build_request(), path)
        self.progress_bar.setRange(0, 0)  # busy until the first report
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.close_button.setEnabled(False)  # Stop Export (or Esc) first: closing mid-export is not a choice
        self._update_state()
        self.status_label.setText(self.tr("Exporting to {name}…").format(name=_isolate(path.name)))
        return task

    def cancel_export(self) -> None:
        if self.run.cancel():
            self.cancel_button.setEnabled(False)
            self.status_label.setText(self.tr("Stopping the export…"))

    def _export_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    def _export_finished(self) -> None:
        self.close_button.setEnabled(True)
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_state()

    def _export_done(self, summary: ExportSummary) -> None:
        self._export_finished()
        self.last_summary = summary
        self.exported.emit(summary.path)
        path = Path(summary.path)
        self.status_label.setText(self.tr("Exported to {name}.").format(name=_isolate(path.name)))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export Finished"),
            "",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("exportDoneMessage")
        box.setText(self.tr("The notes were exported to {path}").format(path=_isolate(str(path))))
        box.setInformativeText(
            self.tr("Articles: {articles} · highlights: {highlights}").format(
                articles=summary.articles, highlights=summary.highlights
            )
        )
        open_file = box.addButton(self.tr("Open File"), QMessageBox.ButtonRole.AcceptRole)
        show_folder = box.addButton(self.tr("Show in Folder"), QMessageBox.ButtonRole.ActionRole)
        open_file.setObjectName("openFileButton")
        show_folder.setObjectName("showFolderButton")
        open_file.setIcon(qta.icon("mdi6.file-eye-outline"))
        show_folder.setIcon(qta.icon("mdi6.folder-open-outline"))
        open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
        show_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
        self._show_message(box)

    def _export_stopped(self) -> None:
        self._export_finished()
        self.status_label.setText(self.tr("Export stopped; no file was written."))

    def _export_failed(self, error: BaseException) -> None:
        self._export_finished()
        where = error.path if isinstance(error, HawamishError) and error.path else str(self.last_path or "")
        reason = export_reason(error)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export Failed"),
            self.tr("The notes could not be exported to {path}.").format(path=_isolate(where)),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("exportErrorMessage")
        box.setInformativeText(reason)
        self.status_label.setText(self.tr("Export failed: {reason}").format(reason=reason))
        self._show_message(box)

    def _show_message(self, box: QMessageBox) -> None:
        """Window-modal and not blocking: the dialog stays usable after it, and tests can read it."""
        if self.message_box is not None:
            self.message_box.close()
        self.message_box = box
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()

    def reject(self) -> None:
        """Esc, the window's close button and Close: while an export runs they stop it (the atomic write
        leaves no partial file) and the dialog stays to say so; otherwise the dialog goes."""
        if self.export_task is not None:
            self.cancel_export()
            return
        self.preview.cancel()
        super().reject()


def _uses_letter() -> bool:
    """US Letter where the system locale prints on it, A4 elsewhere (the UI language says nothing about paper)."""
    from PySide6.QtCore import QLocale

    return QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem


def _title_of(library: Library, article_id: int) -> str:
    try:
        return library.articles.get(article_id).title
    except HawamishError:
        return ""
