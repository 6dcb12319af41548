"""The Preferences dialog (Ctrl+,): appearance with a live preview, language and digits, colour labels and
export, the library folder. It only edits a `Preferences` value; the controller applies and stores it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.exporters import EXTENSIONS, FORMATS
from reader.gui.common.appearance.digits import ARABIC_INDIC, WESTERN
from reader.gui.common.appearance.themes import DARK, LIGHT, SEPIA, SYSTEM
from reader.gui.common.appearance.typography import (
    BUNDLED_FAMILIES,
    LINE_SPACINGS,
    MAX_COLUMN_CHARS,
    MAX_POINT_SIZE,
    MIN_COLUMN_CHARS,
    MIN_POINT_SIZE,
    Typography,
)
from reader.gui.preferences.store import ExportDefaults, Preferences

#: How a format is named in the preferences (the export dialog names them the same way).
FORMAT_NAMES = {"pdf": "PDF", "md": "Markdown", "html": "HTML", "csv": "CSV", "json": "JSON"}


class PreferencesDialog(QDialog):
    """Edits a copy of the preferences; `preview` emits each change (the window shows it at once)."""

    preview = Signal(object)  # Preferences
    #: "Edit Colour Labels…": the controller opens the Colour Labels dialog (reader/gui/annotations).
    labels_requested = Signal()
    #: a library folder to reopen the app on
    library_requested = Signal(str)

    def __init__(
        self,
        preferences: Preferences,
        *,
        library_folder: Path,
        export_folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self._loading = True  # filling the widgets is not a change to preview
        self.setWindowTitle(self.tr("Preferences"))
        self.initial = preferences
        self._current = preferences
        self._library_folder = library_folder
        tabs = QTabWidget(self)
        tabs.setObjectName("preferencesTabs")
        tabs.addTab(self._appearance_page(), self.tr("Appearance"))
        tabs.addTab(self._language_page(), self.tr("Language"))
        tabs.addTab(
            self._annotations_page(export_folder, preferences.export),
            self.tr("Labels and Export"),
        )
        tabs.addTab(self._library_page(), self.tr("Library"))
        self.tabs = tabs
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self._load(preferences)

    # pages ---------------------------------------------------------------------------------------
    def _appearance_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.theme_box = QComboBox(page)
        self.theme_box.setObjectName("themeBox")
        for value, text in (
            (SYSTEM, self.tr("Follow the system")),
            (LIGHT, self.tr("Light")),
            (SEPIA, self.tr("Sepia")),
            (DARK, self.tr("Dark")),
        ):
            self.theme_box.addItem(text, value)
        form.addRow(self.tr("&Theme:"), self.theme_box)
        self.family_box = QComboBox(page)
        self.family_box.setObjectName("fontFamilyBox")
        for family in BUNDLED_FAMILIES:
            self.family_box.addItem(family, family)
        system = [
            f
            for f in QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)
            if f not in BUNDLED_FAMILIES and not QFontDatabase.isPrivateFamily(f)
        ]
        if system:
            self.family_box.insertSeparator(self.family_box.count())
            for family in system:
                self.family_box.addItem(family, family)
        form.addRow(self.tr("&Font:"), self.family_box)
        self.size_box = QDoubleSpinBox(page)
        self.size_box.setObjectName("fontSizeBox")
        self.size_box.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.size_box.setDecimals(0)
        self.size_box.setSuffix(self.tr(" pt"))
        form.addRow(self.tr("&Size:"), self.size_box)
        self.spacing_box = QComboBox(page)
        self.spacing_box.setObjectName("lineSpacingBox")
        names = (self.tr("Compact"), self.tr("Normal"), self.tr("Relaxed"), self.tr("Loose"))
        for spacing, name in zip(LINE_SPACINGS, names, strict=True):
            self.spacing_box.addItem(name, spacing)
        form.addRow(self.tr("&Line spacing:"), self.spacing_box)
        self.width_box = QSpinBox(page)
        self.width_box.setObjectName("columnWidthBox")
        self.width_box.setRange(MIN_COLUMN_CHARS, MAX_COLUMN_CHARS)
        self.width_box.setSingleStep(5)
        self.width_box.setSuffix(self.tr(" characters"))
        form.addRow(self.tr("Text &width:"), self.width_box)
        self.justify_box = QCheckBox(self.tr("&Justify Arabic paragraphs"), page)
        self.justify_box.setObjectName("justifyBox")
        form.addRow("", self.justify_box)
        hint = QLabel(
            self.tr("Changes show in the open article at once; Cancel puts back what was there."), page
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        for box in (self.theme_box, self.family_box, self.spacing_box):
            box.currentIndexChanged.connect(self._changed)
        self.size_box.valueChanged.connect(self._changed)
        self.width_box.valueChanged.connect(self._changed)
        self.justify_box.toggled.connect(self._changed)
        return page

    def _language_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language_box = QComboBox(page)
        self.language_box.setObjectName("languageBox")
        for value, text in (("system", self.tr("The system's")), ("ar", "العربية"), ("en", "English")):
            self.language_box.addItem(text, value)
        form.addRow(self.tr("&Interface language:"), self.language_box)
        self.restart_note = QLabel(self.tr("Hawamish restarts in the new language when you press OK."), page)
        self.restart_note.setObjectName("restartNote")
        self.restart_note.setWordWrap(True)
        form.addRow(self.restart_note)
        self.digits_box = QComboBox(page)
        self.digits_box.setObjectName("digitsBox")
        self.digits_box.addItem(self.tr("Western (%1)").replace("%1", "0123"), WESTERN)
        self.digits_box.addItem(self.tr("Arabic-Indic (%1)").replace("%1", "٠١٢٣"), ARABIC_INDIC)
        form.addRow(self.tr("&Digits:"), self.digits_box)
        note = QLabel(
            self.tr(
                "Arabic-Indic digits are used when the interface is in Arabic: in the article count of the "
                "status bar and the dates of articles."
            ),
            page,
        )
        note.setWordWrap(True)
        form.addRow(note)
        self.language_box.currentIndexChanged.connect(self._changed)
        self.digits_box.currentIndexChanged.connect(self._changed)
        return page

    def _annotations_page(self, export_folder: str, defaults: ExportDefaults) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        labels = QPushButton(self.tr("Edit Colour &Labels…"), page)
        labels.setObjectName("editLabelsButton")
        labels.clicked.connect(self.labels_requested)
        form.addRow(self.tr("Colour labels:"), labels)
        row = QHBoxLayout()
        self.export_folder = QLineEdit(export_folder, page)
        self.export_folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path
        self.export_folder.setObjectName("exportFolderEdit")
        self.export_folder.setPlaceholderText(self.tr("The folder of the last export"))
        browse = QPushButton(self.tr("&Browse…"), page)
        browse.clicked.connect(self._choose_export_folder)
        row.addWidget(self.export_folder, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Export to:"), page)
        label.setBuddy(self.export_folder)  # a row of two widgets: the label's shortcut goes to the field
        form.addRow(label, row)
        # what a new export starts with (the export dialog can still change it each time)
        self.export_format = QComboBox(page)
        self.export_format.setObjectName("exportFormatBox")
        for key in FORMATS:
            self.export_format.addItem(f"{FORMAT_NAMES[key]} (\u2066{EXTENSIONS[key]}\u2069)", key)
        self.export_format.setCurrentIndex(max(0, self.export_format.findData(defaults.format)))
        form.addRow(self.tr("Export &format:"), self.export_format)
        self.export_page_size = QComboBox(page)
        self.export_page_size.setObjectName("exportPageSizeBox")
        self.export_page_size.addItem(self.tr("As the system prints"), "")
        self.export_page_size.addItem(self.tr("A4"), "A4")
        self.export_page_size.addItem(self.tr("US Letter"), "Letter")
        self.export_page_size.setCurrentIndex(max(0, self.export_page_size.findData(defaults.page_size)))
        form.addRow(self.tr("PDF &page size:"), self.export_page_size)
        self.export_include_text = QCheckBox(
            self.tr("PDF: include the article text with the highlights marked"), page
        )
        self.export_include_text.setObjectName("exportIncludeTextCheck")
        self.export_include_text.setChecked(defaults.include_text)
        form.addRow(self.export_include_text)
        return page

    def export_defaults(self) -> ExportDefaults:
        return ExportDefaults(
            str(self.export_format.currentData()),
            str(self.export_page_size.currentData()),
            self.export_include_text.isChecked(),
        )

    def _library_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("This library:"), page))
        # paths are left-to-right content, whatever the UI's direction (their slashes stay in place)
        current = QLabel(str(self._library_folder), page)
        current.setObjectName("currentLibrary")
        current.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        current.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(current)
        layout.addWidget(QLabel(self.tr("Recent libraries:"), page))
        self.recent_list = QListWidget(page)
        self.recent_list.setObjectName("recentLibraries")
        self.recent_list.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.recent_list.itemActivated.connect(self._open_recent)
        layout.addWidget(self.recent_list, 1)
        row = QHBoxLayout()
        open_recent = QPushButton(self.tr("&Open Selected"), page)
        open_recent.clicked.connect(lambda: self._open_recent(self.recent_list.currentItem()))
        other = QPushButton(self.tr("Open &Another Library…"), page)
        other.setObjectName("openLibraryButton")
        other.clicked.connect(self._choose_library)
        row.addWidget(open_recent)
        row.addWidget(other)
        row.addStretch(1)
        layout.addLayout(row)
        note = QLabel(self.tr("Hawamish closes this library and opens the other one in a new window."), page)
        note.setWordWrap(True)
        layout.addWidget(note)
        return page

    # values --------------------------------------------------------------------------------------
    def _load(self, prefs: Preferences) -> None:
        self._loading = True
        t = prefs.typography
        _select(self.theme_box, prefs.theme)
        if self.family_box.findData(t.family) < 0:
            self.family_box.addItem(t.family, t.family)
        _select(self.family_box, t.family)
        self.size_box.setValue(t.point_size)
        spacing = min(LINE_SPACINGS, key=lambda v: abs(v - t.line_spacing))
        _select(self.spacing_box, spacing)
        self.width_box.setValue(t.column_chars)
        self.justify_box.setChecked(t.justify)
        _select(self.language_box, prefs.language)
        _select(self.digits_box, prefs.digits)
        self.recent_list.clear()
        for path in prefs.recent_libraries:
            item = QListWidgetItem(
                f"\u200e{path}", self.recent_list
            )  # a left-to-right mark first: "/" stays put
            item.setData(Qt.ItemDataRole.UserRole, path)
        self._loading = False
        self._update_restart_note()

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them now."""
        typography = Typography(
            family=str(self.family_box.currentData()),
            point_size=self.size_box.value(),
            line_spacing=float(self.spacing_box.currentData()),
            column_chars=self.width_box.value(),
            justify=self.justify_box.isChecked(),
        )
        return replace(
            self._current,
            theme=str(self.theme_box.currentData()),
            language=str(self.language_box.currentData()),
            digits=str(self.digits_box.currentData()),
            typography=typography,
            export=self.export_defaults(),
        )

    def language_changed(self) -> bool:
        return self.preferences().language != self.initial.language

    def export_folder_text(self) -> str:
        return self.export_folder.text().strip()

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self._current = self.preferences()
        self._update_restart_note()
        self.preview.emit(self._current)

    def _update_restart_note(self) -> None:
        self.restart_note.setVisible(self.language_changed())

    def _choose_export_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.export_folder_text())
        if folder:
            self.export_folder.setText(folder)

    def _choose_library(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Another Library"), str(Path.home()))
        if folder:
            self.library_requested.emit(folder)

    def _open_recent(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.library_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))


def _select(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    if index >= 0:
        box.setCurrentIndex(index)
