"""The compare view (`compareView`): a query bar, then the passages in columns side by side.

It lays out only: the controller (compare_controller.py) runs the query and hands it `CompareColumn`s. Each
column is a header (its name and count) over a QListView of its passages, scrolled on its own; the columns
sit in a horizontal scroll area, in the UI's direction (the first column rightmost in the Arabic UI, since
the layout mirrors).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare import COLUMN_KEYS
from reader.gui.compare.passage_model import PassageDelegate, PassageModel, PassageRow

COLUMN_WIDTH = 310


@dataclass(slots=True)
class CompareColumn:
    key: str  # the author, outlet or article id as text; '' for passages without one
    name: str  # what the header says
    rows: list[PassageRow]


class PassageColumn(QFrame):
    """A column: its name and count over its passages."""

    def __init__(self, column: CompareColumn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        self.column = column
        self.header = QLabel(self)
        self.header.setObjectName("compareColumnHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.count = QLabel(self.tr("%Ln passage(s)", "", len(column.rows)), self)
        self.count.setObjectName("compareColumnCount")
        self.header.setText(column.name)
        self.model = PassageModel(column.rows, self)
        self.list = QListView(self)
        self.list.setObjectName("compareColumnList")
        self.list.setAccessibleName(column.name)
        self.list.setModel(self.model)
        self.list.setItemDelegate(PassageDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.count)
        layout.addWidget(self.list, 1)

    def selected_rows(self) -> list[PassageRow]:
        indexes = sorted(self.list.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [r for r in (self.model.row_at(i) for i in indexes) if r is not None]


class CompareView(QWidget):
    """Query bar (tag, label or search; columns by author, outlet or article) over the columns."""

    #: The user asked for a comparison: the query text and what the columns stand for.
    query_submitted = Signal(str, str)
    #: A passage was clicked (or activated with the keyboard).
    passage_activated = Signal(object)
    #: The context menu of passages: the rows selected in that column, and where (global position).
    passage_menu_requested = Signal(object, QPoint)
    #: The view became visible (the controller brings stale columns up to date).
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareView")
        self.query = QComboBox(self)
        self.query.setObjectName("compareQuery")
        self.query.setEditable(True)
        self.query.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.query.setMinimumContentsLength(4)  # the window's centre stays narrow enough for 700 px
        self.query.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        line = self.query.lineEdit()
        assert line is not None  # an editable combo box has one
        line.setPlaceholderText(self.tr("tag:security, label:claim or words to search"))
        line.setClearButtonEnabled(True)
        completer = QCompleter(self.query.model(), self.query)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.query.setCompleter(completer)
        self.query.setAccessibleName(self.tr("Compare passages with"))
        self.by = QComboBox(self)
        self.by.setObjectName("compareBy")
        for key, text in zip(
            COLUMN_KEYS, (self.tr("Author"), self.tr("Outlet"), self.tr("Article")), strict=True
        ):
            self.by.addItem(text, key)
        self.by.setAccessibleName(self.tr("Columns by"))
        self.go = QPushButton(self.tr("Compare"), self)
        self.go.setObjectName("compareButton")
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        bar = QHBoxLayout()
        by_label = QLabel(self.tr("Columns &by:"), self)
        by_label.setBuddy(self.by)
        bar.addWidget(self.query, 1)
        bar.addWidget(by_label)
        bar.addWidget(self.by)
        bar.addWidget(self.go)

        self.empty = QLabel(self)
        self.empty.setObjectName("compareEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.strip = QWidget()
        self.strip.setObjectName("compareColumns")
        self.strip_layout = QHBoxLayout(self.strip)
        self.strip_layout.setContentsMargins(0, 0, 0, 0)
        self.strip_layout.setSpacing(8)
        self.strip_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("compareScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.strip)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.scroll_area)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        self.columns: list[PassageColumn] = []
        line.returnPressed.connect(self._submit)
        self.query.activated.connect(lambda _i: self._submit())
        self.go.clicked.connect(self._submit)
        self.by.currentIndexChanged.connect(
            lambda _i: self._submit() if self.query.currentText().strip() else None
        )

    # what the controller sets ---------------------------------------------------------------------
    def set_suggestions(self, suggestions: Sequence[str]) -> None:
        """The queries the field offers (every tag and label), keeping what is typed."""
        text = self.query.currentText()
        self.query.blockSignals(True)
        self.query.clear()
        self.query.addItems(list(suggestions))
        self.query.setCurrentIndex(-1)
        self.query.setEditText(text)
        self.query.blockSignals(False)

    def set_query(self, text: str, by: str | None = None) -> None:
        if by is not None and (i := self.by.findData(by)) >= 0:
            self.by.blockSignals(True)
            self.by.setCurrentIndex(i)
            self.by.blockSignals(False)
        self.query.setEditText(text)

    def column_key(self) -> str:
        return str(self.by.currentData())

    def show_message(self, title: str, text: str) -> None:
        """An empty state instead of the columns."""
        self.empty.setText(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>")
        self.summary.clear()
        self.stack.setCurrentWidget(self.empty)
        self._clear_columns()

    def set_columns(self, columns: Sequence[CompareColumn], summary: str) -> None:
        self._clear_columns()
        for column in columns:
            widget = PassageColumn(column, self.strip)
            widget.list.clicked.connect(self._clicked)
            widget.list.activated.connect(self._activated)
            widget.list.customContextMenuRequested.connect(lambda pos, w=widget: self._menu(w, pos))
            self.strip_layout.insertWidget(self.strip_layout.count() - 1, widget)
            self.columns.append(widget)
        self.summary.setText(summary)
        self.stack.setCurrentWidget(self.scroll_area)

    # events ---------------------------------------------------------------------------------------
    def _submit(self) -> None:
        self.query_submitted.emit(self.query.currentText(), self.column_key())

    def _clicked(self, index: QModelIndex) -> None:
        if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
            return  # Ctrl/Shift+click selects several (to drag or insert them), it does not open
        self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(PassageModel.RowRole)
        if isinstance(row, PassageRow):
            self.passage_activated.emit(row)

    def _menu(self, column: PassageColumn, pos: QPoint) -> None:
        index = column.list.indexAt(pos)
        if not index.isValid():
            return
        if not column.list.selectionModel().isSelected(index):
            column.list.setCurrentIndex(index)
        self.passage_menu_requested.emit(column.selected_rows(), column.list.viewport().mapToGlobal(pos))

    def _clear_columns(self) -> None:
        for widget in self.columns:
            self.strip_layout.removeWidget(widget)
            widget.deleteLater()
        self.columns = []

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.query.setFocus()
        self.shown.emit()
