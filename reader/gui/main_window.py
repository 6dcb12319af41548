"""The main window: the library list beside the article view, menus, undo, and where features are built.

The window owns no feature logic. It lays out the library list and the article view, builds each feature
with the `Library` and a `Shell` (reader/gui/shell.py: status messages, opening an article, menu entries,
docks), in one explicit order in `__init__`, and hands one feature to another when it needs it. It is built
with the objects it needs (the library, the settings, the UI language) and never reaches for globals
(STYLE: objects built in main()).
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QMessageBox, QSplitter, QWidget

from reader import APP_ID, __version__
from reader.core.library import Library
from reader.core.models import Article
from reader.core.paths import resources_dir
from reader.gui.annotations.controller import AnnotationController
from reader.gui.backup.backup_flow import BackupFlow
from reader.gui.backup.restore_flow import RestoreFlow
from reader.gui.common.accessibility import name_unlabelled_controls
from reader.gui.common.error_text import describe_error, print_unattended
from reader.gui.common.library_events import LibraryEvents
from reader.gui.common.shortcut_text import isolate_shortcut_text
from reader.gui.compare.compare_controller import CompareController
from reader.gui.export.export_controller import EXPORT_FOLDER_KEY, ExportController
from reader.gui.help.shortcuts_sheet import ShortcutsSheet
from reader.gui.library.file_drop import FileDropImport
from reader.gui.library.import_flow import ImportFlow
from reader.gui.library.library_controller import LibraryListController
from reader.gui.modes import READING, WindowModes
from reader.gui.notebook.notebook_controller import NotebookController
from reader.gui.pages.pages_pane import PagesPane
from reader.gui.preferences.controller import PreferencesController
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.caret_browsing import CaretBrowsing
from reader.gui.reading.context_menu import ArticleContextMenu
from reader.gui.reading.find_bar import FindBar
from reader.gui.reading.focus_mode import FocusMode
from reader.gui.reading.reading_controller import ZOOM_STEP, ReadingController
from reader.gui.reading.reading_progress import ReadingProgress
from reader.gui.search.related_controller import RelatedController
from reader.gui.search.search_controller import SearchController
from reader.gui.sharing.sharing_controller import SharingController
from reader.gui.shell import Menu, MenuExtender, Shell
from reader.gui.tags.completion import LiveTagCompleter
from reader.gui.tags.tag_manager import TagManager
from reader.gui.window_layout import WindowLayout

#: How long a failure to open an article stays in the status bar.
OPEN_FAILED_MS = 5000


def app_icon() -> QIcon:
    """The app's icon (reader/resources/icons/<APP_ID>.svg, the one the desktop file names)."""
    path = resources_dir() / "icons" / f"{APP_ID}.svg"
    return QIcon(str(path)) if path.exists() else qta.icon("fa5s.book-open", color="#7a5c2e")


class MainWindow(QMainWindow):
    """Library list and article view side by side; `open_article` is the one way to show an article."""

    article_opened = Signal(int)
    #: `hawamish gui --search QUERY` asks for a search once the window is shown.
    search_requested = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: QSettings,
        lang: str = "en",
        parent: QWidget | None = None,
        *,
        interactive: bool = True,
    ) -> None:
        super().__init__(parent)
        self.library = library
        # False for --screenshot: nobody is there to close a dialog, so errors go to stderr and are counted
        self.interactive = interactive
        self.unattended_errors = 0
        self.settings = settings
        self.lang = lang
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Hawamish"))
        self.setWindowIcon(app_icon())
        self.undo_stack = QUndoStack(self)
        self.events = LibraryEvents(library, self)
        # what features may ask of the window (its menus are asked for only after _build_menus below)
        self.shell: Shell = WindowShell(self)

        # ---- FEATURES, built here and in this order only -----------------------------------------------
        # Each gets the library and the shell, plus, explicitly, any other feature it needs. The library
        # list comes first: widgets are created in the order they sit on screen, which is also the
        # keyboard focus order; then the article view with what shows an article in it (reading).
        self.library_list = LibraryListController(library, self.shell, settings, self)
        self.library_view = self.library_list.view
        self.library_view.setAccessibleName(self.tr("Library"))
        self.article_view = ArticleView(self)
        self.article_view.setAccessibleName(self.tr("Article"))
        self.article_menu = ArticleContextMenu(self.article_view)
        self.reading = ReadingController(library, settings, self.article_view, self)
        self.events.changed.connect(self.reading.on_library_change)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_list.pane)
        self.splitter.addWidget(self.article_view)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([470, 930])
        self.splitter.setChildrenCollapsible(False)
        # reading is the first of the window's modes; the notebook and compare views add theirs
        self.reading_mode_action = self._action(
            self.tr("&Reading"), "fa5s.book-open", None, QKeySequence("Ctrl+Shift+R")
        )
        self.reading_mode_action.setObjectName("readingModeAction")
        self.modes = WindowModes(self, self.splitter, self.reading_mode_action)
        self.setCentralWidget(self.modes.stack)
        self._count_label = QLabel(self)
        self._count_label.setObjectName("articleCount")
        self.statusBar().addPermanentWidget(self._count_label)

        self._build_menus()  # the window's own entries come first (File: only Quit, which stays last)
        # the order of these is the order of their menu entries, docks, status-bar widgets and article
        # context-menu sections
        self.importer = ImportFlow(library, settings, self.shell, self)  # File → Import Files… / Folder…
        self.file_drop = FileDropImport(self, self.importer)  # files and folders dropped on the window
        self.library_list.add_menu_entries()  # the Article menu and the list's context menu
        self.annotations = AnnotationController(library, self.shell, self)
        self.find_bar = FindBar(self.article_view)
        self.search = SearchController(library, self.shell, self.find_bar, self)
        # More Like This: its dock, the Article menu and the article's context menu; the library list's and
        # the highlight cards' context menus get its entries too
        self.related = RelatedController(library, self.shell, self)
        self.library_list.actions.extend_context_menu(self.related.extend_list_menu)
        self.library_list.actions.extend_context_menu(self.search.extend_list_menu)
        self.annotations.panel.extend_card_menu(self.related.extend_card_menu)
        # the collections panel searches within a collection, and its smart collections (saved searches)
        # follow the index
        self.library_list.collections.set_search_opener(self.search.search_in)
        self.search.service.updated.connect(self.library_list.collections.index_updated)
        self.export = ExportController(
            library,
            self.shell,
            settings,
            lang,
            self.library_list.selected_article_ids,
            self,
            export_defaults=self._export_defaults,  # the preferences are built below; read when exporting
        )
        self.backup = BackupFlow(library, self.shell, self)
        self.restore = RestoreFlow(library, self.shell, self)
        # View → Notebook (Ctrl+Shift+N): every highlight in one list; Export Selected… goes to the export
        self.notebook = NotebookController(
            library, self.shell, self, settings=settings, export_passages=self.export.export_passages
        )
        self.compare = CompareController(library, self.shell, self)  # View → Compare (a mode)
        # research pages beside the notebook's list; quotes come from the notebook and the compare view
        self.pages = PagesPane(library, self.shell)
        self.notebook.view.set_side_pane(self.pages)
        self.notebook.insert_quotes_requested.connect(self.pages.insert_quotes)
        self.compare.insert_quotes_requested.connect(self.pages.insert_quotes)
        self.tag_manager = TagManager(library, self.shell, self)  # Edit → Manage Tags…
        # the notes panel's tag field completes from the library's tags
        self.tag_completion = LiveTagCompleter(self.annotations.panel.tags_edit, library.tags_in_use)
        self.events.changed.connect(self.tag_completion.on_change)
        self.sharing = SharingController(library, self.shell, self)  # File → Share Library…, the Team panel
        self._build_keyboard_reading()  # caret browsing, distraction-free reading, progress, shortcuts sheet
        # Edit → Preferences…; themes, typography and digits are applied from here on
        self.preferences = PreferencesController(
            library,
            self.shell,
            settings,
            self.article_view,
            lang,
            self,
            edit_labels=self.annotations.edit_labels_over,
            export_folder_key=EXPORT_FOLDER_KEY,
        )
        # ---- end of features ---------------------------------------------------------------------------
        # the panels' shares of the width, and the layout saved per UI direction
        self.window_layout = WindowLayout(
            self, settings, self.splitter, self.toggle_library_action, self.annotations.panel
        )
        self.library_share = self.window_layout.library

        # the parts tests and scripts reach for by name
        self.import_action = self.importer.import_files_action
        self.import_folder_action = self.importer.import_folder_action
        self.library_model = self.library_list.model
        self.library_proxy = self.library_list.proxy
        self.search_panel = self.search.panel
        self.search_dock = self.search.dock
        self.index_service = self.search.service

        self.reading.article_opened.connect(self._on_article_opened)
        self.reading.article_closed.connect(self._on_article_closed)
        self.reading.open_failed.connect(
            lambda error: self.statusBar().showMessage(describe_error(error), OPEN_FAILED_MS)
        )
        self.library_list.count_changed.connect(self._show_count)
        self.search_requested.connect(lambda text: self.search.set_query(text, open_first=True))

        self._show_count(self.library_model.shown_total, self.library_list.total)
        self._restore_state()

    # building ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu: QMenu = bar.addMenu(self.tr("&File"))
        self.edit_menu: QMenu = bar.addMenu(self.tr("&Edit"))
        self.articles_menu: QMenu = bar.addMenu(self.tr("&Article"))
        self.view_menu: QMenu = bar.addMenu(self.tr("&View"))
        self.help_menu: QMenu = bar.addMenu(self.tr("&Help"))
        for menu, name in (
            (self.file_menu, "fileMenu"),
            (self.edit_menu, "editMenu"),
            (self.articles_menu, "articleMenu"),
            (self.view_menu, "viewMenu"),
            (self.help_menu, "helpMenu"),
        ):
            menu.setObjectName(name)
        self.menus: dict[Menu, QMenu] = {
            Menu.FILE: self.file_menu,
            Menu.EDIT: self.edit_menu,
            Menu.ARTICLE: self.articles_menu,
            Menu.VIEW: self.view_menu,
            Menu.HELP: self.help_menu,
        }
        # the window's own entries come first; features add theirs after them (File: before Quit)
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

        self.view_menu.addAction(self.reading_mode_action)
        self._modes_end = self.view_menu.addSeparator()  # features' modes are listed before this line
        self.toggle_library_action = self._action(
            self.tr("&Library List"), "fa5s.columns", None, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)
        )
        self.toggle_library_action.setCheckable(True)
        self.toggle_library_action.setChecked(True)
        self.toggle_library_action.toggled.connect(self.library_list.pane.setVisible)
        self.view_menu.addAction(self.toggle_library_action)
        self.view_menu.addSeparator()
        self.zoom_in_action = self._action(
            self.tr("&Larger Text"),
            "fa5s.search-plus",
            lambda: self.reading.zoom(ZOOM_STEP),
            QKeySequence.StandardKey.ZoomIn,
        )
        self.zoom_out_action = self._action(
            self.tr("&Smaller Text"),
            "fa5s.search-minus",
            lambda: self.reading.zoom(-ZOOM_STEP),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.zoom_reset_action = self._action(
            self.tr("&Normal Size"),
            None,
            lambda: self.reading.zoom(0),
            QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_0),
        )
        # Ctrl+= too: Ctrl++ needs Shift on most keyboards
        self.zoom_in_action.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            isolate_shortcut_text(action)
            self.view_menu.addAction(action)

        self.about_action = self._action(self.tr("&About Hawamish"), "fa5s.info-circle", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.help_menu.addAction(self.about_action)

    def _build_keyboard_reading(self) -> None:
        self.caret = CaretBrowsing(self.article_view, self.article_menu, self.settings, self)
        self.focus_mode = FocusMode(self, self.toggle_library_action, self)
        self.progress = ReadingProgress(self.article_view)
        self.shell.add_action(self.caret.action, Menu.VIEW, separated=True)
        self.shell.add_action(self.focus_mode.action, Menu.VIEW)
        self.shell.add_status_widget(self.progress.label)
        self.shortcuts_action = self._action(
            self.tr("&Keyboard Shortcuts"), "fa5s.keyboard", self.show_shortcuts, QKeySequence(Qt.Key.Key_F1)
        )
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.help_menu.insertAction(self.about_action, self.shortcuts_action)
        name_unlabelled_controls(self)

    def show_shortcuts(self) -> ShortcutsSheet:
        sheet = ShortcutsSheet(self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        return sheet

    def _action(
        self,
        text: str,
        icon: str | None,
        slot: Callable[[], object] | None,
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
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
    def _export_defaults(self) -> tuple[str, str, bool]:
        """A new export's format, page size and article text, from the preferences (Labels and Export)."""
        return self.preferences.export_defaults()

    def open_article(self, article_id: int, scroll_to: int | None = None) -> bool:
        """Show an article (select its row, lay it out, scroll to a code-point offset); False if missing."""
        self.modes.show(READING)  # from the notebook or the compare view too
        return self.reading.open_article(article_id, scroll_to)

    def current_article_id(self) -> int | None:
        return self.reading.current_article_id()

    def last_article_id(self) -> int | None:
        return self.reading.last_article_id()

    def _on_article_opened(self, article: Article) -> None:
        self.library_list.show_current(article.id)
        self.setWindowTitle(self.tr("{title} — Hawamish").format(title=article.title))
        self.article_opened.emit(article.id)

    def _on_article_closed(self) -> None:
        self.library_list.show_current(None)
        self.setWindowTitle(self.tr("Hawamish"))

    def _show_count(self, shown: int, count: int) -> None:
        if shown == count:
            self._count_label.setText(self.tr("Articles: {count}").format(count=self._number(count)))
        else:
            self._count_label.setText(
                self.tr("{shown} of {count} articles").format(
                    shown=self._number(shown), count=self._number(count)
                )
            )
        if count == 0:
            self.article_view.set_empty_message(
                self.tr("Your library is empty"),
                self.tr(
                    "Add articles with File → Import Files… (Ctrl+O), or drop files or folders on this "
                    "window: saved web pages, PDF, EPUB and Word files, Markdown, or plain text whose first "
                    "line is the title. File → Import Folder… adds a whole folder at once."
                ),
            )
        else:
            self.article_view.set_empty_message(
                self.tr("No article open"),
                self.tr("Choose an article in the library list, or add more with File → Import Files…"),
            )

    def _number(self, value: int) -> str:
        """A count in the digits the preferences chose (before they are built: as Python writes it)."""
        preferences = getattr(self, "preferences", None)
        return preferences.digits.number(value) if preferences is not None else str(value)

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
        if not self.interactive:  # a modal dialog would wait for a click that cannot come
            self.unattended_errors += 1
            print_unattended(error)
            return
        QMessageBox.warning(self, title or self.tr("Hawamish"), describe_error(error))

    # state ---------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        self.window_layout.restore()
        header = self.settings.value("window/library_header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.library_view.horizontalHeader().restoreState(header)
        self.reading.restore_zoom()

    def save_state(self) -> None:
        self.window_layout.save()
        self.settings.setValue("window/library_header", self.library_view.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # features first: a note being typed is saved, and no worker still uses the library once it closes
        self.annotations.close()
        self.notebook.close()
        self.pages.shut()
        self.tag_manager.close()
        self.search.close()
        self.compare.close()
        self.related.close()
        self.sharing.close()
        self.importer.cancel()
        self.reading.close()  # remembers where the article was left
        self.modes.show(READING)  # the panels a whole-library view hid are saved as the user left them
        self.save_state()
        self.library_list.close()
        self.events.close()
        super().closeEvent(event)


class WindowShell:
    """The main window as features see it (reader/gui/shell.py): only what they may ask of it."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._docks: list[QDockWidget] = []  # in the order features added them

    @property
    def article_view(self) -> ArticleView:
        return self._window.article_view

    @property
    def undo_stack(self) -> QUndoStack:
        return self._window.undo_stack

    @property
    def library_changed(self) -> SignalInstance:
        return self._window.events.changed

    def dialog_parent(self) -> QWidget:
        return self._window

    def show_status(self, text: str, timeout_ms: int = 0) -> None:
        self._window.statusBar().showMessage(text, timeout_ms)

    def clear_status(self) -> None:
        self._window.statusBar().clearMessage()

    def show_error(self, error: BaseException, title: str | None = None) -> None:
        self._window.show_error(error, title)

    def open_article(self, article_id: int, scroll_to: int | None = None) -> bool:
        return self._window.open_article(article_id, scroll_to)

    def add_action(self, action: QAction, menu: Menu | None = None, *, separated: bool = False) -> None:
        window = self._window
        window.addAction(action)  # the shortcut works even when the menu bar is hidden
        if menu is None:
            return
        target = window.menus[menu]
        actions = target.actions()
        if menu is Menu.FILE and window.quit_action in actions:
            # File ends with a separator and Quit: a feature's entry goes before that separator
            before = actions[max(0, actions.index(window.quit_action) - 1)]
            anchor = before if before.isSeparator() else window.quit_action
            if separated:
                target.insertSeparator(anchor)
            target.insertAction(anchor, action)
            return
        if separated:
            target.addSeparator()
        target.addAction(action)

    def remove_action(self, action: QAction) -> None:
        self._window.removeAction(action)

    def add_submenu(self, submenu: QMenu, menu: Menu, *, separated: bool = False) -> None:
        target = self._window.menus[menu]
        if separated:
            target.addSeparator()
        target.addMenu(submenu)

    def add_dock(self, dock: QDockWidget, width: int | None = None) -> None:
        window = self._window
        # QMainWindow does not mirror dock areas, but the central splitter does (the library list moves to
        # the right in RTL): docks go on the side opposite the list, the left when the UI is RTL.
        rtl = window.layoutDirection() == Qt.LayoutDirection.RightToLeft
        area = Qt.DockWidgetArea.LeftDockWidgetArea if rtl else Qt.DockWidgetArea.RightDockWidgetArea
        # the first panel added (the notes panel) stays in front; later ones are tabs behind it
        first = next(
            (d for d in self._docks if d is not dock and window.dockWidgetArea(d) == area),
            None,
        )
        self._docks.append(dock)
        window.addDockWidget(area, dock)
        if first is not None:  # a tab behind the first panel: the article keeps its width
            window.tabifyDockWidget(first, dock)
            first.raise_()
        elif width is not None:
            window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)

    def add_status_widget(self, widget: QWidget) -> None:
        self._window.statusBar().addPermanentWidget(widget)

    def add_mode(self, name: str, widget: QWidget, action: QAction) -> None:
        window = self._window
        window.modes.add(name, widget, action)
        window.addAction(action)
        window.view_menu.insertAction(window._modes_end, action)

    def show_mode(self, name: str) -> None:
        self._window.modes.show(name)

    def extend_article_menu(self, extend: MenuExtender) -> None:
        self._window.article_menu.add_extender(extend)

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        _FirstPaint(self._window, callback)


class _FirstPaint(QObject):
    """Calls `then` on the next turn of the event loop after `window`'s first paint, then goes away."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then = then
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint (and the rest of the frame) is done
            self.deleteLater()
        return False
