"""The notebook (View → Notebook, Ctrl+Shift+N): every highlight of the library in one list, filtered as the
user types, grouped and sorted as they choose; a click opens the passage; notes and tags edited in place.

What it decides (notebook_view.py only lays out):
- **Loading**: the whole notebook (`Library.notebook()`: three queries, each highlight's text folded) is read
  on a worker once the window has painted, so opening the view shows it at once; a library change reads it
  again in the background (changes a moment apart in one read), while the view is shown, or when it is next
  shown.
- **Filtering** runs on the UI thread over the loaded items (reader.core.notes: a loop over folded strings,
  a few milliseconds for 10,000 highlights) at every keystroke; nothing is queried.
- **Keeping the place**: a refresh that leaves the same rows only repaints them (a note edited elsewhere);
  one that changes them keeps the current card, the selection and the card at the top of the list.
- **Editing**: the editor under the list shows the current card's note and tags. The note is saved after a
  pause in typing and when the editor loses focus, the tags on Enter, each as the notes panel's undo
  commands (annotation_commands.py), on the window's undo stack.
- **Export Selected…** hands the selected passages, grouped as shown, to the export feature.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import qtawesome as qta
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QMenu, QWidget

from reader.core.changes import Change
from reader.core.errors import HawamishError
from reader.core.exporters import ExportSection
from reader.core.library import Library
from reader.core.notes import GROUP_KEYS, SORT_KEYS, Notebook, NoteItem, NotesFilter, group_items
from reader.gui.annotations.annotation_commands import EditNoteCommand, EditTagsCommand
from reader.gui.common.error_ink import error_ink
from reader.gui.common.label_display import label_display_name
from reader.gui.common.numbers import local_number
from reader.gui.common.workers import Task, run_task
from reader.gui.library.metadata_dialog import join_tags, split_tags
from reader.gui.notebook.notebook_model import HIGHLIGHT_ID_ROLE, ROW_ROLE, Row
from reader.gui.notebook.notebook_view import NotebookView
from reader.gui.shell import Shell

#: The name `hawamish gui --view notebook` and Shell.show_mode use.
MODE = "notebook"
#: Changes closer together than this are read in one go.
REFRESH_MS = 150
#: Where the settings keep the grouping and the order chosen last.
GROUP_KEY = "notebook/group_by"
SORT_KEY = "notebook/sort"
#: A pause in typing a note this long saves it.
NOTE_SAVE_MS = 600

ExportPassages = Callable[[Sequence[ExportSection]], object]


def _t(text: str) -> str:
    return QCoreApplication.translate("NotebookController", text)


def group_names() -> dict[str, str]:
    return {
        "": _t("Nothing"),
        "tag": _t("Tag"),
        "color": _t("Label"),
        "article": _t("Article"),
        "author": _t("Author"),
        "outlet": _t("Outlet"),
        "collection": _t("Collection"),
        "month": _t("Month"),
    }


def no_value_names() -> dict[str, str]:
    """What the group of highlights without a value is called, by grouping."""
    return {
        "tag": _t("Untagged"),
        "author": _t("No author"),
        "outlet": _t("No outlet"),
        "collection": _t("In no collection"),
        "month": _t("No date"),
        "color": _t("No label"),
        "article": _t("Untitled"),
    }


def sort_names() -> dict[str, str]:
    return {
        "position": _t("Article and position"),
        "date": _t("Article date"),
        "created": _t("Newest first"),
    }


class NotebookController(QObject):
    #: Highlight ids to insert into the research page open beside the list (the pages pane connects here).
    insert_quotes_requested = Signal(list)

    def __init__(
        self,
        library: Library,
        shell: Shell,
        parent: QObject | None = None,
        *,
        settings: QSettings | None = None,
        export_passages: ExportPassages | None = None,
    ) -> None:
        """`settings` keep the grouping and the order the user last chose; `export_passages` opens the export
        for passages chosen here (the export feature's)."""
        super().__init__(parent)
        self._settings = settings
        self._library = library
        self._shell = shell
        self._export_passages = export_passages
        self.notebook: Notebook | None = None
        self._load_task: Task | None = None
        self._stale = True
        self._reload_again = False
        self._current_id: int | None = None  # the card the editor shows
        self._closed = False

        self.view = NotebookView()
        view = self.view
        view.fill(view.group_combo, group_names()[""], [(group_names()[k], k) for k in GROUP_KEYS])
        view.fill(view.sort_combo, sort_names()["position"], [(sort_names()[k], k) for k in SORT_KEYS[1:]])
        if settings is not None:  # as the user left them
            for combo, key in ((view.group_combo, GROUP_KEY), (view.sort_combo, SORT_KEY)):
                combo.setCurrentIndex(max(0, combo.findData(str(settings.value(key, "")))))
        self._fill_choices()

        self.action = QAction(qta.icon("fa5s.book"), _t("&Notebook"), self)
        self.action.setObjectName("notebookModeAction")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.action.setStatusTip(_t("Every highlight and note in the library, filtered and grouped"))
        shell.add_mode(MODE, view, self.action)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.reload)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_MS)
        self._note_timer.timeout.connect(self.save_note)

        for edit in (view.text_edit, view.tag_edit):
            edit.textChanged.connect(lambda _text: self.apply())
        for edit in (view.since_edit, view.until_edit):
            edit.textChanged.connect(self._dates_edited)
        view.group_combo.currentIndexChanged.connect(lambda _i: self._remember(GROUP_KEY, view.group_combo))
        view.sort_combo.currentIndexChanged.connect(lambda _i: self._remember(SORT_KEY, view.sort_combo))
        for combo in (
            view.group_combo,
            view.sort_combo,
            view.label_combo,
            view.author_combo,
            view.outlet_combo,
            view.collection_combo,
        ):
            combo.currentIndexChanged.connect(lambda _index: self.apply())
        view.list.clicked.connect(self._clicked)
        view.list.customContextMenuRequested.connect(self._context_menu)
        view.list.installEventFilter(self)
        view.list.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_current(current)
        )
        view.note_edit.textChanged.connect(self._note_typed)
        view.note_edit.installEventFilter(self)
        view.tags_edit.returnPressed.connect(self.save_tags)
        view.installEventFilter(self)
        shell.library_changed.connect(self._library_changed)
        shell.after_first_paint(self.reload)
        self._build_actions()

    def _build_actions(self) -> None:
        self.open_action = QAction(qta.icon("fa5s.book-open"), _t("&Open"), self)
        self.open_action.triggered.connect(lambda _c=False: self.open_current())
        self.edit_note_action = QAction(qta.icon("fa5s.sticky-note"), _t("Edit &Note"), self)
        self.edit_note_action.triggered.connect(lambda _c=False: self._edit(self.view.note_edit))
        self.edit_tags_action = QAction(qta.icon("fa5s.tags"), _t("Edit &Tags"), self)
        self.edit_tags_action.triggered.connect(lambda _c=False: self._edit(self.view.tags_edit))
        self.copy_action = QAction(qta.icon("fa5s.copy"), _t("&Copy"), self)
        self.copy_action.triggered.connect(lambda _c=False: self.copy_selected())
        self.export_action = QAction(qta.icon("mdi6.export"), _t("&Export Selected…"), self)
        self.export_action.setObjectName("notebookExportAction")
        self.export_action.triggered.connect(lambda _c=False: self.export_selected())
        self.export_action.setEnabled(self._export_passages is not None)
        self.insert_action = QAction(qta.icon("fa5s.quote-right"), _t("&Insert Quote into Page"), self)
        self.insert_action.setObjectName("notebookInsertQuoteAction")
        self.insert_action.triggered.connect(
            lambda _c=False: self.insert_quotes_requested.emit(
                [i.highlight.id for i in self.selected_items()]
            )
        )

    def _remember(self, key: str, combo: QComboBox) -> None:
        if self._settings is not None:
            self._settings.setValue(key, str(combo.currentData() or ""))

    # loading -----------------------------------------------------------------------------------------
    def close(self) -> None:
        """The window closes: the note being typed is saved, no read starts and a running one is waited
        for (the library is closed after the window)."""
        self.save_note()
        self._closed = True
        self._refresh_timer.stop()
        task = self._load_task
        if task is not None:
            task.cancel()
            task.wait(10.0)

    def reload(self) -> None:
        """Read the notebook again on a worker (a read already running is followed by one more)."""
        if self._closed:
            return
        if self._load_task is not None:
            self._reload_again = True
            return
        self._stale = False
        library = self._library
        self._load_task = run_task(
            self,
            lambda _progress, _cancelled: library.notebook(),
            on_done=self._loaded,
            on_error=self._failed,
        )

    def _loaded(self, notebook: Notebook) -> None:
        self._load_task = None
        self.notebook = notebook
        self._fill_choices()
        self.apply(keep_place=True)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self._load_task = None
        self._shell.show_error(error)

    def _library_changed(self, _change: Change) -> None:
        if self.view.isVisible():
            self._refresh_timer.start()
        else:
            self._stale = True  # read when the notebook is next shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        view = self.view
        if watched is view and event.type() == QEvent.Type.Show and self._stale:
            self.reload()
        elif watched is view.list and event.type() == QEvent.Type.ShortcutOverride:
            # Ctrl+C in the list copies its passages, not the article's selection (the window's Copy): taking
            # the override makes it a key press here
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Copy):
                event.accept()
                return True
        elif watched is view.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selected()
                return True
        elif watched is view.note_edit and event.type() == QEvent.Type.FocusOut:
            self.save_note()
        return super().eventFilter(watched, event)

    # filtering -----------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        view = self.view
        notebook = self.notebook
        labels = [(label_display_name(label), label.key) for label in self._library.labels.list()]
        view.fill(view.label_combo, _t("Any label"), labels)
        authors = notebook.authors() if notebook else []
        outlets = notebook.outlets() if notebook else []
        collections = notebook.collections() if notebook else []
        view.fill(view.author_combo, _t("Any author"), [(a, a) for a in authors])
        view.fill(view.outlet_combo, _t("Any outlet"), [(o, o) for o in outlets])
        view.fill(view.collection_combo, _t("Any collection"), [(c, c) for c in collections])
        view.set_tag_choices(notebook.tags() if notebook else [])
        view.delegate.labels = {
            label.key: (label_display_name(label), label.color) for label in self._library.labels.list()
        }

    def selection(self) -> NotesFilter:
        """What the filter bar asks for (a date that is not one yet is left out until it is)."""
        view = self.view
        return NotesFilter(
            text=view.text_edit.text(),
            tags=(view.tag_edit.text().strip(),) if view.tag_edit.text().strip() else (),
            colors=(str(view.label_combo.currentData()),) if view.label_combo.currentData() else (),
            author=str(view.author_combo.currentData() or ""),
            outlet=str(view.outlet_combo.currentData() or ""),
            collection=str(view.collection_combo.currentData() or ""),
            since=self._date(view.since_edit.text()),
            until=self._date(view.until_edit.text()),
        )

    @staticmethod
    def _date(text: str) -> str:
        from reader.core.importers.common import normalise_date

        return normalise_date(text.strip()) if text.strip() else ""

    def _dates_edited(self, _text: str) -> None:
        """A date being typed that is not one (yet) is shown in the error colour and left out."""
        for edit in (self.view.since_edit, self.view.until_edit):
            bad = bool(edit.text().strip()) and not self._date(edit.text())
            palette = QPalette(self.view.palette())
            if bad:
                palette.setColor(QPalette.ColorRole.Text, error_ink(palette))
            edit.setPalette(palette)
            edit.setToolTip(_t("Not a date: write 2015, 2015-07 or 2015-07-21") if bad else "")
        self.apply()

    @property
    def group_by(self) -> str | None:
        return str(self.view.group_combo.currentData() or "") or None

    @property
    def sort(self) -> str:
        return str(self.view.sort_combo.currentData() or "position")

    def apply(self, *, keep_place: bool = True) -> None:
        """Show what the filter bar asks for, keeping the current card, the selection and the top card."""
        view = self.view
        notebook = self.notebook
        if notebook is None:
            view.count_label.setText("")
            view.show_empty(_t("Reading the notebook…"))
            return
        group_by = self.group_by
        items = notebook.select(self.selection(), self.sort)
        groups = group_items(items, notebook.labels, group_by)
        view.delegate.no_value = no_value_names().get(group_by or "", "")
        place = self._place() if keep_place else None
        if view.model.set_groups(groups, headers=group_by is not None) and place is not None:
            self._restore_place(*place)
        shown, total = len(items), len(notebook)
        if shown == total:
            view.count_label.setText(self._count(total))
        else:
            view.count_label.setText(
                _t("{shown} of {total}").format(shown=local_number(shown), total=local_number(total))
            )
        if total == 0:
            view.show_empty(
                "<h3>{}</h3><p>{}</p>".format(
                    _t("No highlights yet"),
                    _t(
                        "Select a passage in an article and choose a colour: every highlight and note you make "
                        "is gathered here."
                    ),
                )
            )
        elif not view.model.items:
            view.show_empty(
                "<h3>{}</h3><p>{}</p>".format(_t("Nothing matches"), _t("Change or clear the filters."))
            )
        else:
            view.show_empty(None)
        self._show_current(view.list.currentIndex())

    @staticmethod
    def _count(total: int) -> str:
        return QCoreApplication.translate("NotebookController", "%Ln highlight(s)", "", total)

    def _place(self) -> tuple[int | None, list[int], int | None]:
        """(current highlight, selected highlights, highlight of the top visible card) before a change."""
        view = self.view
        current = view.list.currentIndex()
        current_id = current.data(HIGHLIGHT_ID_ROLE) if current.isValid() else None
        selected = [
            index.data(HIGHLIGHT_ID_ROLE)
            for index in view.list.selectionModel().selectedIndexes()
            if index.data(HIGHLIGHT_ID_ROLE) is not None
        ]
        top = view.list.indexAt(QPoint(4, 4))
        top_id = top.data(HIGHLIGHT_ID_ROLE) if top.isValid() else None
        return current_id, selected, top_id

    def _restore_place(self, current_id: int | None, selected: list[int], top_id: int | None) -> None:
        from PySide6.QtCore import QItemSelectionModel

        view = self.view
        model = view.model
        selection = view.list.selectionModel()
        if current_id is not None and (row := model.row_of_highlight(current_id)) >= 0:
            selection.setCurrentIndex(model.index(row), QItemSelectionModel.SelectionFlag.NoUpdate)
        for highlight_id in selected:
            if (row := model.row_of_highlight(highlight_id)) >= 0:
                selection.select(model.index(row), QItemSelectionModel.SelectionFlag.Select)
        if top_id is not None and (row := model.row_of_highlight(top_id)) >= 0:
            view.list.scrollTo(model.index(row), QAbstractItemView.ScrollHint.PositionAtTop)

    # the current card and its editor ---------------------------------------------------------------------
    def current_item(self) -> NoteItem | None:
        index = self.view.list.currentIndex()
        row: Row | None = index.data(ROW_ROLE) if index.isValid() else None
        return row.item if row is not None else None

    def selected_items(self) -> list[NoteItem]:
        """The selected cards in list order (each highlight once), else the current one."""
        view = self.view
        items: dict[int, NoteItem] = {}
        for index in sorted(view.list.selectionModel().selectedIndexes(), key=lambda i: i.row()):
            row: Row = index.data(ROW_ROLE)
            if row.item is not None:
                items.setdefault(row.item.highlight.id, row.item)
        if not items and (current := self.current_item()) is not None:
            items[current.highlight.id] = current
        return list(items.values())

    def _show_current(self, index: QModelIndex) -> None:
        view = self.view
        row: Row | None = index.data(ROW_ROLE) if index.isValid() else None
        item = row.item if row is not None else None
        new_id = item.highlight.id if item is not None else None
        if new_id != self._current_id:
            self.save_note()  # the note typed for the card being left
        editing = view.note_edit.hasFocus() or view.tags_edit.hasFocus()
        if new_id == self._current_id and editing:
            return  # a refresh while typing: the editor keeps what is being typed
        self._current_id = new_id
        view.editor.setEnabled(item is not None)
        view.note_edit.blockSignals(True)
        view.note_edit.setPlainText(item.highlight.note if item is not None else "")
        view.note_edit.blockSignals(False)
        view.tags_edit.setText(join_tags(item.highlight.tags) if item is not None else "")
        view.editor_title.setText(
            _t("Note and tags of: {title}").format(title=f"\u2068{item.article_title}\u2069") if item else ""
        )

    def _note_typed(self) -> None:
        self._note_timer.start()

    def save_note(self) -> None:
        """Save the editor's note on the current card (one undo step for a run of typing)."""
        self._note_timer.stop()
        if self._current_id is None:
            return
        text = self.view.note_edit.toPlainText()
        store = self._library.highlights
        try:
            before = store.get(self._current_id)
        except HawamishError:  # deleted meanwhile
            return
        if before.note != text:
            self._shell.undo_stack.push(EditNoteCommand(store, before, text))

    def save_tags(self) -> None:
        if self._current_id is None:
            return
        store = self._library.highlights
        try:
            before = store.get(self._current_id)
        except HawamishError:
            return
        tags = split_tags(self.view.tags_edit.text())
        if tags != before.tags:
            self._shell.undo_stack.push(EditTagsCommand(store, before, tags))
        self.view.list.setFocus()

    def _edit(self, editor: QWidget) -> None:
        if self.current_item() is not None:
            editor.setFocus()

    # opening, copying, exporting -------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        """A click on a card opens its passage; with Ctrl or Shift it only selects (several cards)."""
        modifiers = QApplication.keyboardModifiers()
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier):
            return
        row: Row | None = index.data(ROW_ROLE)
        if row is not None and row.item is not None:
            self.open_item(row.item)

    def open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_item(item)

    def open_item(self, item: NoteItem) -> None:
        self.save_note()
        h = item.highlight
        if not self._shell.open_article(h.article_id, scroll_to=h.start):
            self._shell.show_status(_t("That article is no longer in the library."), 5000)

    def copy_selected(self) -> str:
        """The selected passages' quotes on the clipboard, a blank line between them."""
        text = "\n\n".join(item.highlight.exact for item in self.selected_items())
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def selected_sections(self) -> list[ExportSection]:
        """The selected cards as export sections: one per group shown, in list order (ungrouped: one)."""
        view = self.view
        selected = {item.highlight.id for item in self.selected_items()}
        no_value = no_value_names().get(self.group_by or "", "")
        sections: list[ExportSection] = []
        for row in view.model.rows:
            if row.item is None or row.item.highlight.id not in selected:
                continue
            heading = (row.group.label or no_value) if self.group_by else ""
            if not sections or sections[-1].heading != heading:
                sections.append(ExportSection(heading, ()))
            last = sections[-1]
            sections[-1] = ExportSection(last.heading, (*last.highlight_ids, row.item.highlight.id))
        return sections

    def export_selected(self) -> None:
        sections = self.selected_sections()
        if sections and self._export_passages is not None:
            self.save_note()
            self._export_passages(sections)

    def _context_menu(self, pos: QPoint) -> None:
        view = self.view
        index = view.list.indexAt(pos)
        if index.isValid() and not view.list.selectionModel().isSelected(index):
            view.list.setCurrentIndex(index)
        if not self.selected_items():
            return
        menu = self.context_menu()
        menu.exec(view.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """Open, Edit Note, Edit Tags, Copy, Export Selected… for the selected cards."""
        menu = QMenu(self.view)
        menu.setObjectName("notebookMenu")
        one = len(self.selected_items()) == 1
        for action in (self.open_action, self.edit_note_action, self.edit_tags_action):
            action.setEnabled(one)
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.insert_action)
        menu.addAction(self.copy_action)
        menu.addAction(self.export_action)
        return menu
