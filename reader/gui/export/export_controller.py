"""File → Export Notes… and the article's "Export Notes of This Article…": which dialog opens, with what.

The dialog (export_dialog.py) gathers the choices and runs the export; this controller decides when one
opens (one at a time: a running export is shown rather than a second one started), what it starts with
(the open article, the articles selected in the library list, the folder of the last export) and keeps its
preview in step with the library's changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QObject, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from reader.core.exporters import ExportSection
from reader.core.library import Library
from reader.gui.export.export_dialog import ExportDialog
from reader.gui.shell import Menu, Shell

EXPORT_FOLDER_KEY = "export/folder"  # in the app's settings: where the last export went
#: A new export's format key, page size ("A4", "Letter"; '': the system's paper) and whether it includes the
#: article text: the user's preferences, handed in by the window (the export feature does not read them).
ExportDefaults = Callable[[], tuple[str, str, bool]]


class ExportController(QObject):
    """The export actions and the one export dialog they open."""

    def __init__(
        self,
        library: Library,
        shell: Shell,
        settings: QSettings,
        language: str | None,
        selected_article_ids: Callable[[], list[int]],
        parent: QObject | None = None,
        *,
        export_defaults: ExportDefaults | None = None,
    ) -> None:
        """`language` is the UI language (the export's own words follow it); `selected_article_ids` gives
        the articles selected in the library list when the dialog opens."""
        super().__init__(parent)
        self._library = library
        self._shell = shell
        self._settings = settings
        self._export_defaults = export_defaults
        self._language = language
        self._selected_article_ids = selected_article_ids
        self.dialog: ExportDialog | None = None

        self.action = QAction(
            qta.icon("mdi6.export"), QCoreApplication.translate("ExportDialog", "&Export Notes…"), self
        )
        self.action.setObjectName("exportAction")
        self.action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        self.action.setStatusTip(
            QCoreApplication.translate(
                "ExportDialog", "Export highlights and notes to PDF, Markdown, HTML, CSV or JSON"
            )
        )
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        shell.add_action(self.action, Menu.FILE)  # Import Files… | Import Folder… | Export… | — | Quit
        self.article_action = QAction(
            qta.icon("mdi6.export"),
            QCoreApplication.translate("ExportDialog", "Export Notes of This Article…"),
            self,
        )
        self.article_action.setObjectName("exportArticleAction")
        self.article_action.triggered.connect(lambda _checked=False: self.open_dialog(scope="article"))
        shell.extend_article_menu(self._extend_article_menu)

    def open_dialog(
        self, *, scope: str | None = None, sections: Sequence[ExportSection] = ()
    ) -> ExportDialog:
        """Open (or raise) the export dialog with the open article and the library selection; it starts in
        the folder of the last export. `sections`: passages the notebook chose, grouped as it shows them
        (the dialog then starts with them)."""
        existing = self.dialog
        if existing is not None:
            if existing.export_task is not None:  # an export is running: show it rather than start another
                existing.raise_()
                existing.activateWindow()
                return existing
            existing.close()
        article = self._shell.article_view.article
        folder = self._settings.value(EXPORT_FOLDER_KEY)
        dialog = ExportDialog(
            self._library,
            self._shell.dialog_parent(),
            article_id=article.id if article is not None else None,
            selected_ids=self._selected_article_ids(),
            scope=scope,
            start_folder=Path(str(folder)) if folder else None,
            language=self._language,
            sections=sections,
        )
        if self._export_defaults is not None:
            dialog.apply_defaults(*self._export_defaults())
        dialog.exported.connect(self._remember_folder)
        self._shell.library_changed.connect(dialog.library_changed)
        dialog.finished.connect(dialog.deleteLater)  # closed (Esc, Close, the window's X): gone
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def export_passages(self, sections: Sequence[ExportSection]) -> ExportDialog:
        """The dialog for passages chosen across articles (the notebook's Export Selected…)."""
        return self.open_dialog(scope="passages", sections=sections)

    def _remember_folder(self, path: str) -> None:
        self._settings.setValue(EXPORT_FOLDER_KEY, str(Path(path).parent))

    def _forget(self, dialog: ExportDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _extend_article_menu(self, menu: QMenu, _pos: QPoint) -> None:
        """ "Export Notes of This Article…" at the end of the article's context menu, when one is open."""
        if self._shell.article_view.article is None or self.article_action in menu.actions():
            return
        menu.addSeparator()
        menu.addAction(self.article_action)
