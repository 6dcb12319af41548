"""The notebook's widgets: the filter bar, the list of cards, the editor of the current card, and room for a
side pane (a research page). It only lays out; notebook_controller.py decides what each control does.

```
[ filter text…              ] [Group by ▾] [Sort ▾]   N highlights
[tag…] [label ▾] [author ▾] [outlet ▾] [collection ▾] [since] – [until]
┌──────────────── list of cards ────────────────┐┌── side pane ──┐
│ header (count)                                ││ (set_side_pane)│
│ card …                                        ││                │
├──────────────── editor ───────────────────────┤│                │
│ note … / tags …                               ││                │
└───────────────────────────────────────────────┘└────────────────┘
```
"""

from __future__ import annotations

from collections.abc import Sequence

import qtawesome as qta
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
)
from PySide6.QtGui import QDrag, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.gui.common.text_direction import follow_text_direction
from reader.gui.library.metadata_dialog import TagListCompleter
from reader.gui.notebook.notebook_cards import NotebookDelegate
from reader.gui.notebook.notebook_model import HIGHLIGHT_ID_ROLE, NotebookModel

DATE_WIDTH = 96
MINIMUM_WIDTH = 260


class NotebookList(QTreeView):
    """The cards, as a flat tree: a tree view sizes only the rows it shows when it scrolls by item (a list
    view sizes every row each time it is filled: 10,000 cards took most of a second). Multi-selection; cards
    drag out as highlight ids."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notebookList")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        self._press: QPoint | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.selectionModel().selectionChanged.connect(self._keep_headers_out)

    def _keep_headers_out(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        """A group header is never part of the selection (Qt's default flags make every row selectable)."""
        headers = [i for i in selected.indexes() if i.data(HIGHLIGHT_ID_ROLE) is None]
        for index in headers:
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Deselect)

    def card_indexes(self) -> list[QModelIndex]:
        """The selected cards, in list order."""
        chosen = [i for i in self.selectionModel().selectedIndexes() if i.data(HIGHLIGHT_ID_ROLE) is not None]
        return sorted(chosen, key=lambda i: i.row())

    # drags: started here, since the rows' flags do not say "drag enabled" ---------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        pressed_selected = index.isValid() and self.selectionModel().isSelected(index)
        self._press = event.position().toPoint() if event.button() == Qt.MouseButton.LeftButton else None
        if pressed_selected and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            return  # the press may start dragging the selection: keep it (a click still opens, see below)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        press = self._press
        if (
            press is not None
            and event.buttons() & Qt.MouseButton.LeftButton
            and (event.position().toPoint() - press).manhattanLength() >= QApplication.startDragDistance()
        ):
            self._press = None
            index = self.indexAt(press)
            if index.isValid() and index.data(HIGHLIGHT_ID_ROLE) is not None:
                if not self.selectionModel().isSelected(index):
                    self.setCurrentIndex(index)
                self.drag_selection()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.button() == Qt.MouseButton.LeftButton:
            index = self.indexAt(self._press)
            if index.isValid() and self.selectionModel().isSelected(index):
                # a click on a selected card that did not drag: make it the current one and report the click
                self.setCurrentIndex(index)
                self._press = None
                self.clicked.emit(index)
                return
        self._press = None
        super().mouseReleaseEvent(event)

    def drag_selection(self) -> Qt.DropAction:
        """Drag the selected cards out: highlight ids as application/x-hawamish-highlights, quotes as text."""
        model = self.model()
        indexes = self.card_indexes()
        if not indexes or model is None:
            return Qt.DropAction.IgnoreAction
        drag = QDrag(self)
        drag.setMimeData(model.mimeData(indexes))
        return drag.exec(Qt.DropAction.CopyAction)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        delegate = self.itemDelegate()
        if isinstance(delegate, NotebookDelegate):  # heights follow the width: lay the rows out again
            delegate.clear_cache()
            self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        delegate = self.itemDelegate()
        if event.type() == QEvent.Type.FontChange and isinstance(delegate, NotebookDelegate):
            delegate.reset_fonts()


class NotebookView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notebookView")
        self.setWindowTitle(self.tr("Notebook"))

        # the filter bar ------------------------------------------------------------------------------
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("notebookFilterText")
        self.text_edit.setPlaceholderText(self.tr("Filter highlights and notes…"))
        self.text_edit.setClearButtonEnabled(True)
        self.text_edit.addAction(qta.icon("fa5s.filter"), QLineEdit.ActionPosition.LeadingPosition)
        follow_text_direction(self.text_edit)
        self.group_combo = self._combo("notebookGroupBy")
        self.sort_combo = self._combo("notebookSort")
        for combo in (self.group_combo, self.sort_combo):  # their few choices read whole at 1024 pixels
            combo.setMinimumContentsLength(11)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("notebookCount")

        self.tag_edit = QLineEdit(self)
        self.tag_edit.setObjectName("notebookFilterTag")
        self.tag_edit.setPlaceholderText(self.tr("Any tag"))
        self.tag_edit.setClearButtonEnabled(True)
        follow_text_direction(self.tag_edit)
        self.label_combo = self._combo("notebookFilterLabel")
        self.author_combo = self._combo("notebookFilterAuthor")
        self.outlet_combo = self._combo("notebookFilterOutlet")
        self.collection_combo = self._combo("notebookFilterCollection")
        self.since_edit = self._date_edit("notebookFilterSince", self.tr("Since"))
        self.until_edit = self._date_edit("notebookFilterUntil", self.tr("Until"))

        for widget, name in (
            (self.text_edit, self.tr("Filter highlights")),
            (self.group_combo, self.tr("Group by")),
            (self.sort_combo, self.tr("Sort by")),
            (self.tag_edit, self.tr("Tag")),
            (self.label_combo, self.tr("Colour label")),
            (self.author_combo, self.tr("Author")),
            (self.outlet_combo, self.tr("Outlet")),
            (self.collection_combo, self.tr("Collection")),
            (self.since_edit, self.tr("Article published since")),
            (self.until_edit, self.tr("Article published until")),
        ):
            widget.setAccessibleName(name)

        first = QHBoxLayout()
        first.addWidget(self.text_edit, 1)
        first.addWidget(QLabel(self.tr("Group by:"), self))
        first.addWidget(self.group_combo)
        first.addWidget(QLabel(self.tr("Sort:"), self))
        first.addWidget(self.sort_combo)
        first.addWidget(self.count_label)
        second = QHBoxLayout()
        second.addWidget(self.tag_edit, 1)
        for combo in (self.label_combo, self.author_combo, self.outlet_combo, self.collection_combo):
            second.addWidget(combo, 1)
        second.addWidget(self.since_edit)
        second.addWidget(QLabel("–", self))
        second.addWidget(self.until_edit)

        # the list, its empty state, and the editor of the current card ----------------------------------
        self.model = NotebookModel(self)
        self.list = NotebookList(self)
        self.delegate = NotebookDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setModel(self.model)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("notebookEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.empty_label)

        self.editor = QWidget(self)
        self.editor.setObjectName("notebookEditor")
        self.editor_title = QLabel(self.editor)
        self.editor_title.setObjectName("notebookEditorTitle")
        self.note_edit = QPlainTextEdit(self.editor)
        self.note_edit.setObjectName("notebookNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("Note on the current passage (Markdown)"))
        self.note_edit.setTabChangesFocus(True)
        lines = self.note_edit.fontMetrics().lineSpacing()
        self.note_edit.setMinimumHeight(2 * lines + 12)
        self.tags_edit = QLineEdit(self.editor)
        self.tags_edit.setObjectName("notebookTagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas; Enter saves"))
        follow_text_direction(self.tags_edit)
        self.list.setAccessibleName(self.tr("Highlights"))
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 4, 0, 0)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.note_edit)
        editor_layout.addWidget(self.tags_edit)
        self.editor.setEnabled(False)

        self.column = QSplitter(Qt.Orientation.Vertical, self)
        self.column.setObjectName("notebookColumn")
        self.column.addWidget(self.stack)
        self.column.addWidget(self.editor)
        self.column.setStretchFactor(0, 1)
        self.column.setStretchFactor(1, 0)
        self.column.setChildrenCollapsible(False)
        self.column.setSizes([600, 4 * lines + 40])

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("notebookSplitter")
        self.splitter.addWidget(self.column)
        self.splitter.setChildrenCollapsible(False)
        self.side_pane: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.text_edit)
        # The window's centre stacks the modes, and a stack is as wide as its widest page's minimum: the
        # filter bar's would widen the window's minimum in reading too. Below about 550 pixels the bar's
        # fields get narrower than their text instead.
        self.setMinimumWidth(MINIMUM_WIDTH)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(5)
        return combo

    def _date_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(
            self.tr("A year, a month or a day of the article's date: 2015, 2015-07 or 2015-07-21")
        )
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # dates read left-to-right
        edit.setMaximumWidth(DATE_WIDTH)
        edit.setMinimumWidth(DATE_WIDTH // 2)
        return edit

    # what the controller fills -----------------------------------------------------------------------
    @staticmethod
    def fill(combo: QComboBox, first: str, items: Sequence[tuple[str, str]]) -> None:
        """Replace a combo's items ((text, value) after a first "any" item), keeping the chosen value."""
        chosen = str(combo.currentData() or "")
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, "")
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(chosen)
        if index < 0 and chosen:  # a value no highlight has any more stays chosen (and matches nothing)
            combo.addItem(chosen, chosen)
            index = combo.count() - 1
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def set_tag_choices(self, tags: Sequence[str]) -> None:
        """Complete the tag filter (one tag) and the editor's tags (a list: the tag after the last comma)."""
        one = QCompleter(list(tags), self.tag_edit)
        one.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        one.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_edit.setCompleter(one)
        self.tags_edit.setCompleter(TagListCompleter(tags, self.tags_edit))

    def show_empty(self, message: str | None) -> None:
        """The list, or (with a message) the empty state in its place."""
        if message is None:
            self.stack.setCurrentWidget(self.list)
        else:
            self.empty_label.setText(message)
            self.stack.setCurrentWidget(self.empty_label)

    def set_side_pane(self, widget: QWidget | None) -> None:
        """Put `widget` (a research page) beside the list, at the inline end; None takes it away."""
        if self.side_pane is not None:
            self.side_pane.hide()
            self.side_pane.setParent(None)
        self.side_pane = widget
        if widget is not None:
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(0, 3)
            self.splitter.setStretchFactor(1, 2)
            widget.show()

    def sizeHint(self) -> QSize:
        return QSize(900, 640)
