"""Preferences: loads and stores them, applies them to the window, opens the dialog (Edit → Preferences…).

Built by the main window with the library, the shell, the settings and the article view. What it applies:
the theme (every panel's palette and the article's colours), the typography, the digits. The interface
language needs the app to start again (the translators and the mirrored layout are set before any window is
built), as does another library: `relaunch` starts a new process and the window closes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from reader.core.library import Library
from reader.gui.common.appearance.digits import DigitStyle
from reader.gui.common.shortcut_text import isolate_shortcut_text
from reader.gui.preferences.appearance import Appearance
from reader.gui.preferences.preferences_dialog import PreferencesDialog
from reader.gui.preferences.store import (
    Preferences,
    load_preferences,
    preferences_path,
    save_preferences,
)
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.reading_controller import ZOOM_KEY
from reader.gui.shell import Menu, Shell

Relaunch = Callable[[Sequence[str]], bool]
#: Opens the Colour Labels dialog over a parent (the annotations feature's, handed in by the window).
EditLabels = Callable[[QWidget], None]


def relaunch_app(arguments: Sequence[str]) -> bool:
    """Start `python -m reader ARGUMENTS` as a new process (the running one then closes)."""
    return bool(QProcess.startDetached(sys.executable, ["-m", "reader", *arguments]))


class PreferencesController(QObject):
    def __init__(
        self,
        library: Library,
        shell: Shell,
        settings: QSettings,
        view: ArticleView,
        lang: str,
        parent: QObject | None = None,
        *,
        edit_labels: EditLabels | None = None,
        export_folder_key: str = "export/folder",
        path: Path | None = None,
        relaunch: Relaunch = relaunch_app,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._settings = settings
        self._lang = lang
        self._relaunch = relaunch
        self._edit_labels_in = edit_labels
        #: the export feature's settings key for where exports go (its default export folder)
        self._export_folder_key = export_folder_key
        # beside the settings file (the platform's config folder, or a test's temp folder)
        self.path = path if path is not None else preferences_path(Path(settings.fileName()).parent)
        legacy = settings.value(ZOOM_KEY)
        self.preferences, migrated = load_preferences(self.path, _as_float(legacy))
        if migrated:  # the old text size now is the font size: the zoom on top of it starts again from 0
            settings.remove(ZOOM_KEY)
        remembered = self.preferences.with_recent_library(library.folder)
        if migrated or remembered != self.preferences:
            self.preferences = remembered
            self.save()
        self.digits = DigitStyle(self.preferences.digits, lang, self)
        view.set_digits(self.digits)
        self.appearance = Appearance(view, self.digits, self)
        self._apply(self.preferences)
        self.dialog: PreferencesDialog | None = None

        self.action = QAction(self.tr("&Preferences…"), self)
        self.action.setObjectName("preferencesAction")
        self.action.setShortcut(QKeySequence("Ctrl+,"))
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        isolate_shortcut_text(self.action)  # "Ctrl+," keeps its order in an Arabic menu
        self.action.triggered.connect(self.show_dialog)
        shell.add_action(self.action, Menu.EDIT, separated=True)

    # applying ------------------------------------------------------------------------------------
    def _apply(self, prefs: Preferences) -> None:
        self.appearance.set_theme(prefs.theme)
        self.appearance.set_typography(prefs.typography)
        self.appearance.set_digits(prefs.digits)

    def set_theme_override(self, theme: str | None) -> None:
        """`gui --theme NAME`: this run shows NAME whatever the preference says."""
        self.appearance.set_override(theme)

    def save(self) -> None:
        save_preferences(self.path, self.preferences)

    def export_defaults(self) -> tuple[str, str, bool]:
        """A new export's format, page size and whether it includes the article text (the export dialog
        starts from them: the main window hands this to the export feature)."""
        chosen = self.preferences.export
        return chosen.format, chosen.page_size, chosen.include_text

    def update(self, prefs: Preferences) -> None:
        """Apply and store new preferences."""
        self.preferences = prefs
        self._apply(prefs)
        self.save()

    # the dialog ----------------------------------------------------------------------------------
    def build_dialog(self) -> PreferencesDialog:
        folder = self._settings.value(self._export_folder_key)
        dialog = PreferencesDialog(
            self.preferences,
            library_folder=self._library.folder,
            export_folder=str(folder) if folder else "",
            parent=self._shell.dialog_parent(),
        )
        dialog.preview.connect(self._apply)
        dialog.labels_requested.connect(lambda: self._edit_labels(dialog))
        dialog.library_requested.connect(lambda folder: self.open_library(folder, dialog))
        dialog.accepted.connect(lambda: self._accepted(dialog))
        dialog.rejected.connect(lambda: self._apply(self.preferences))
        self.dialog = dialog
        return dialog

    def show_dialog(self) -> None:
        dialog = self.build_dialog()
        try:
            dialog.exec()
        finally:
            self.dialog = None
            dialog.deleteLater()

    def _accepted(self, dialog: PreferencesDialog) -> None:
        language_changed = dialog.language_changed()
        self.update(dialog.preferences())
        export_folder = dialog.export_folder_text()
        if export_folder:
            self._settings.setValue(self._export_folder_key, export_folder)
        else:
            self._settings.remove(self._export_folder_key)
        if language_changed:
            answer = QMessageBox.question(
                self._shell.dialog_parent(),
                self.tr("Restart Hawamish"),
                self.tr("The new interface language is used after a restart. Restart Hawamish now?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._restart(str(self._library.folder))

    def _edit_labels(self, parent: PreferencesDialog) -> None:
        if self._edit_labels_in is not None:
            self._edit_labels_in(parent)

    def open_library(self, folder: str, dialog: PreferencesDialog | None = None) -> bool:
        """Reopen the app on another library folder (remembered first among the recent libraries)."""
        if Path(folder).resolve() == Path(self._library.folder).resolve():
            return False
        if dialog is not None:  # the dialog's other changes are kept, then it closes
            self.preferences = dialog.preferences()
            dialog.reject()
        return self._restart(folder)

    def _restart(self, library_folder: str) -> bool:
        self.update(self.preferences.with_recent_library(library_folder))
        started = self._relaunch(["gui", "--library", library_folder])
        if started:
            self._shell.dialog_parent().close()
        return started


def _as_float(value: object) -> float | None:
    try:
        return float(str(value)) if value is not None else None
    except ValueError:
        return None
