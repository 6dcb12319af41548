"""The main window: the library list beside the article view, menus, undo, and where features attach.

The window owns no feature logic: highlights, search and export live in their own modules and attach to it
through one call each (see FEATURE MODULES in __init__). It is built with the objects it needs (the
library, the settings, the UI language) and never reaches for globals (STYLE: objects built in main()).
"""

from __future__ import annotations

import logging

import qtawesome as qta
from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from reader import APP_ID, __version__
from reader.core.article_store import ArticleStore
from reader.core.errors import HawamishError
from reader.core.library import Change, Library
from reader.core.paths import resources_dir
from reader.gui.annotations.controller import attach_annotations
from reader.gui.backup.backup_flow import attach_backup
from reader.gui.common.error_text import describe_error
from reader.gui.common.settings import library_key
from reader.gui.export.export_dialog import attach_export
from reader.gui.library.import_flow import ImportFlow
from reader.gui.library.library_model import COL_TITLE, DirectionDelegate, LibraryModel, LibrarySortModel
from reader.gui.reading.article_view import ArticleView
from reader.gui.search.search_panel import attach_search

log = logging.getLogger(__name__)

ARTICLE_ZOOM_STEP = 1


def app_icon() -> QIcon:
    """The app's icon (resources/icons/<APP_ID>.svg, the one the desktop file names)."""
    path = resources_dir() / "icons" / f"{APP_ID}.svg"
    return QIcon(str(path)) if path.exists() else qta.icon("fa5s.book-open", color="#7a5c2e")


class MainWindow(QMainWindow):
    """Library list and article view side by side; `open_article` is the one way to show an article."""

    article_opened = Signal(int)
    #: `hawamish gui --search QUERY` asks for a search once the window is shown (the search module runs it).
    search_requested = Signal(str)
    #: Every library Change, delivered on the UI thread (stores may write from worker threads).
    library_changed = Signal(object)
    _change_from_any_thread = Signal(object)

    def __init__(
        self, library: Library, settings: QSettings, lang: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.settings = settings
        self.lang = lang
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hawamish"))
        self.setWindowIcon(app_icon())
        self.undo_stack = QUndoStack(self)
        self._opening = False
        self._closed = False

        self.library_model = LibraryModel(library, self)
        self.library_proxy = LibrarySortModel(self)
        self.library_proxy.setSourceModel(self.library_model)
        self.library_view = self._build_library_view()
        self.article_view = ArticleView(self)
        self.article_view.setAccessibleName(self.tr("Article"))
        self.library_view.setAccessibleName(self.tr("Library"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_view)
        self.splitter.addWidget(self.article_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 930])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._count_label)

        self.importer = ImportFlow(self)
        self._build_menus()

        self._change_from_any_thread.connect(self._on_library_change)
        self._refresh_timer = QTimer(self, singleShot=True, interval=100)
        self._refresh_timer.timeout.connect(self._refresh_library)
        library.add_listener(self._library_listener)

        # ---- FEATURE MODULES attach here: one line each, `attach_xxx(self)` ---------------------------
        # Each gets this window and adds its docks, actions, menu entries and overlay layers.
        attach_annotations(self)
        attach_search(self)
        attach_export(self)
        attach_backup(self)
        # ---- end of feature modules --------------------------------------------------------------------

        self._update_count()
        self._restore_state()

    # building ------------------------------------------------------------------------------------
    def _build_library_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("libraryView")
        view.setModel(self.library_proxy)
        view.setItemDelegate(DirectionDelegate(view))
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several rows: export them
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 100), (2, 90), (3, 86), (4, 36)):
            header.resizeSection(column, width)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in range(1, self.library_model.columnCount()):
            name = self.library_model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            )
            toggle = QAction(name, header)
            toggle.setCheckable(True)
            toggle.setChecked(not header.isSectionHidden(column))
            toggle.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            header.sectionResized.connect(
                lambda *_, a=toggle, c=column: a.setChecked(not header.isSectionHidden(c))
            )
            header.addAction(toggle)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # newest first until the user sorts
        header.setSortIndicatorClearable(True)
        view.setSortingEnabled(True)
        view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.library_proxy.modelReset.connect(self._reselect_current)
        return view

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu: QMenu = bar.addMenu(self.tr("&File"))
        self.edit_menu: QMenu = bar.addMenu(self.tr("&Edit"))
        self.view_menu: QMenu = bar.addMenu(self.tr("&View"))
        self.help_menu: QMenu = bar.addMenu(self.tr("&Help"))
        for menu, name in (
            (self.file_menu, "fileMenu"),
            (self.edit_menu, "editMenu"),
            (self.view_menu, "viewMenu"),
            (self.help_menu, "helpMenu"),
        ):
            menu.setObjectName(name)

        self.import_action = self._action(
            self.tr("&Import…"),
            "fa5s.file-import",
            self.importer.choose_and_import,
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I),
        )
        self.import_action.setStatusTip(self.tr("Add articles from text or Markdown files"))
        self.import_folder_action = self._action(
            self.tr("Import &Folder…"), "fa5s.folder-open", self.importer.choose_folder_and_import
        )
        self.import_folder_action.setStatusTip(self.tr("Add every article in a folder and its subfolders"))
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.import_folder_action)
        self.file_menu.addSeparator()
        self.quit_action = self._action(
            self.tr("&Quit"), "fa5s.sign-out-alt", self.close, QKeySequence.StandardKey.Quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.file_menu.addAction(self.quit_action)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(qta.icon("fa5s.undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setIcon(qta.icon("fa5s.redo"))
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.copy_action = self._action(
            self.tr("&Copy"), "fa5s.copy", self.article_view.copy, QKeySequence.StandardKey.Copy
        )
        self.copy_action.setEnabled(False)
        self.article_view.copyAvailable.connect(self.copy_action.setEnabled)
        self.edit_menu.addAction(self.copy_action)
        self.select_all_action = self._action(
            self.tr("Select &All"), None, self.article_view.selectAll, QKeySequence.StandardKey.SelectAll
        )
        self.edit_menu.addAction(self.select_all_action)

        self.toggle_library_action = self._action(
            self.tr("&Library List"), "fa5s.columns", None, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)
        )
        self.toggle_library_action.setCheckable(True)
        self.toggle_library_action.setChecked(True)
        self.toggle_library_action.toggled.connect(self.library_view.setVisible)
        self.view_menu.addAction(self.toggle_library_action)
        self.view_menu.addSeparator()
        self.zoom_in_action = self._action(
            self.tr("&Larger Text"),
            "fa5s.search-plus",
            lambda: self.zoom_article(ARTICLE_ZOOM_STEP),
            QKeySequence.StandardKey.ZoomIn,
        )
        self.zoom_out_action = self._action(
            self.tr("&Smaller Text"),
            "fa5s.search-minus",
            lambda: self.zoom_article(-ARTICLE_ZOOM_STEP),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.zoom_reset_action = self._action(
            self.tr("&Normal Size"),
            None,
            lambda: self.zoom_article(0),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0),
        )
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            self.view_menu.addAction(action)

        self.about_action = self._action(self.tr("&About Hawamish"), "fa5s.info-circle", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu.addAction(self.about_action)

    def add_file_action(self, action: QAction) -> None:
        """Put a feature's action in the File menu after the others, keeping Quit last after its separator;
        its shortcut works even when the menu bar is hidden."""
        actions = self.file_menu.actions()
        if self.quit_action in actions:
            before = actions[max(0, actions.index(self.quit_action) - 1)]
            self.file_menu.insertAction(before if before.isSeparator() else self.quit_action, action)
        else:
            self.file_menu.addAction(action)
        self.addAction(action)

    def _action(self, text: str, icon: str | None, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(qta.icon(icon))
        if shortcut is not None:
            action.setShortcut(shortcut)
        if slot is not None:
            action.triggered.connect(lambda checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    # articles ------------------------------------------------------------------------------------
    def open_article(self, article_id: int, scroll_to: int | None = None) -> bool:
        """Show an article (select its row, lay it out, scroll to a code-point offset); False if missing."""
        try:
            article = ArticleStore(self.library).get(article_id)
        except HawamishError as exc:
            self.statusBar().showMessage(describe_error(exc), 5000)
            return False
        self._opening = True
        try:
            self._select_row(article_id)
        finally:
            self._opening = False
        current = self.article_view.article
        if current is None or current.id != article.id or current.content_hash != article.content_hash:
            same_article = current is not None and current.id == article.id
            kept_position = self.article_view.top_offset() if same_article else 0  # its text was updated
            if current is not None and not same_article:
                self.save_reading_position()
            self.article_view.set_article(article)
            if scroll_to is None:
                position = kept_position if same_article else self._reading_position(article.id)
                if position:
                    self.article_view.scroll_to_offset(position, fraction=0.0)
        if scroll_to is not None:
            self.article_view.scroll_to_offset(scroll_to)
        self.setWindowTitle(self.tr("{title} — Hawamish").format(title=article.title))
        self.settings.setValue(library_key(self.library.folder, "last_article"), article.id)
        self.article_opened.emit(article.id)
        return True

    def save_reading_position(self) -> None:
        """Remember where the open article is scrolled to (in the library: it is the user's data)."""
        article = self.article_view.article
        if article is None or self._closed:
            return
        offset = self.article_view.top_offset() if self.article_view.verticalScrollBar().value() > 0 else 0
        try:
            self.library.set_setting(f"reading_position/{article.id}", str(offset))
        except Exception:  # noqa: BLE001 (a busy or read-only library must not stop reading)
            log.warning("could not save the reading position", exc_info=True)

    def _reading_position(self, article_id: int) -> int:
        try:
            return int(self.library.get_setting(f"reading_position/{article_id}", "0") or 0)
        except (ValueError, TypeError):
            return 0

    def current_article_id(self) -> int | None:
        article = self.article_view.article
        return article.id if article is not None else None

    def _select_row(self, article_id: int) -> None:
        row = self.library_model.row_of(article_id)
        if row is None:
            return
        proxy_index = self.library_proxy.mapFromSource(self.library_model.index(row, COL_TITLE))
        if not proxy_index.isValid():
            return
        selection = self.library_view.selectionModel()
        if selection.currentIndex().row() != proxy_index.row():
            selection.setCurrentIndex(
                proxy_index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self.library_view.scrollTo(proxy_index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._opening or not current.isValid():
            return
        article_id = self.library_proxy.article_id(current.row())
        if article_id is not None and article_id != self.current_article_id():
            self.open_article(article_id)

    def _reselect_current(self) -> None:
        article_id = self.current_article_id()
        if article_id is not None:
            self._opening = True
            try:
                self._select_row(article_id)
            finally:
                self._opening = False

    def zoom_article(self, step: int) -> None:
        """Larger or smaller article text (0 resets); remembered in the settings."""
        zoom = 0 if step == 0 else int(self.settings.value("view/zoom", 0)) + step
        zoom = max(-6, min(12, zoom))
        self.settings.setValue("view/zoom", zoom)
        self.article_view.set_zoom(zoom)

    # library changes -----------------------------------------------------------------------------
    def _library_listener(self, change: Change) -> None:
        """Called by the core on whatever thread wrote; the signal carries the change to the UI thread."""
        try:
            self._change_from_any_thread.emit(change)
        except RuntimeError:  # the window is gone (its C++ side was deleted before it was closed)
            self.library.remove_listener(self._library_listener)

    def _on_library_change(self, change: Change) -> None:
        if self._closed:
            return
        if change.kind == "article":
            self._refresh_timer.start()
            article = self.article_view.article
            if article is not None and article.id in change.article_ids:
                if change.op == "deleted":
                    self.article_view.set_article(None)
                    self.setWindowTitle(self.tr("Hawamish"))
                else:
                    QTimer.singleShot(0, lambda: self.open_article(article.id))
        elif change.kind == "highlight":
            self.library_model.update_counts(change.article_ids)
        self.library_changed.emit(change)

    def _refresh_library(self) -> None:
        if self._closed:
            return
        self.library_model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        count = self.library_model.total
        self._count_label.setText(self.tr("Articles: {count}").format(count=count))
        if count == 0:
            self.article_view.set_empty_message(
                self.tr("Your library is empty"),
                self.tr(
                    "Add articles with File → Import… (Ctrl+I): plain text files whose first line is the "
                    "title, or Markdown files. File → Import Folder… adds a whole folder at once."
                ),
            )
        else:
            self.article_view.set_empty_message(
                self.tr("No article open"),
                self.tr("Choose an article in the library list, or add more with File → Import…"),
            )

    # dialogs -------------------------------------------------------------------------------------
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Hawamish"),
            self.tr(
                "<h3>Hawamish {version}</h3><p>Read, annotate, search and export opinion pieces.</p>"
                "<p>Arabic text is set in Amiri (SIL Open Font License).</p>"
            ).format(version=__version__),
        )

    def show_error(self, error: BaseException, title: str | None = None) -> None:
        QMessageBox.warning(self, title or self.tr("Hawamish"), describe_error(error))

    # state ---------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
            screen = self.screen().availableGeometry() if self.screen() is not None else None
            if screen is not None and screen.width() > 400:
                self.resize(min(1440, int(screen.width() * 0.92)), min(940, int(screen.height() * 0.92)))
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        header = self.settings.value("window/library_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.library_view.horizontalHeader().restoreState(header)
        zoom = int(self.settings.value("view/zoom", 0))
        if zoom:
            self.article_view.set_zoom(zoom)

    def last_article_id(self) -> int | None:
        value = self.settings.value(library_key(self.library.folder, "last_article"))
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/library_header", self.library_view.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.save_reading_position()
        self.save_state()
        self._closed = True
        self._refresh_timer.stop()
        self.importer.cancel()
        self.library.remove_listener(self._library_listener)
        super().closeEvent(event)
