"""The search panel: the search box (Ctrl+K), compact filters and the results list. It only lays them out.

What a query runs, which results are shown and what opening one does are the search controller's decisions
(search_controller.py); the panel reads its form into a `SearchRequest`, shows rows and messages, and
reports what the user did through its signals.
"""

from __future__ import annotations

from collections.abc import Sequence

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.gui.common.combo_text import fit_combo_text
from reader.gui.common.error_ink import error_ink
from reader.gui.search.search_model import ResultRow, results_view
from reader.gui.search.search_queries import FilterChoices, SearchRequest

#: Rows from the end of the list at which scrolling asks for the next page of results.
END_MARGIN = 4


class SearchPanel(QWidget):
    """Search box, compact filters and the results list; lives in the window's search dock."""

    #: The user typed in the box (the controller waits for a pause before it searches).
    query_edited = Signal()
    #: Enter in the box, or a filter chosen: search at once.
    search_requested = Signal()
    #: Esc emptied the box.
    query_cleared = Signal()
    #: "Search within results" switched on or off.
    within_toggled = Signal(bool)
    #: A result was activated (Enter, double click).
    result_activated = Signal(QModelIndex)
    #: The list was scrolled to its end (the controller fetches the next page when there is one).
    end_reached = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")

        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setPlaceholderText(self.tr("Search articles, highlights and notes (Ctrl+K)"))
        self.box.setClearButtonEnabled(True)
        self.box.addAction(qta.icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        self.box.setToolTip(
            self.tr(
                'Words must all match; use OR, -word, "a phrase", prefix*, title:, author:, outlet:, tag:, '
                "collection:, color:, date:2024 or date:2020..2023"
            )
        )
        # search by root: off by default (the extractor is right about 4 words in 5, docs/search.md)
        by_root = QCoreApplication.translate("SearchByRoot", "Search by root")
        self.root_action = QAction(qta.icon("mdi6.family-tree"), by_root, self)
        self.root_action.setObjectName("searchByRoot")
        self.root_action.setCheckable(True)
        self.root_action.setToolTip(
            QCoreApplication.translate(
                "SearchByRoot", "Search by root: كتب finds كتاب, مكتبة, كاتب and يكتبون (root:)"
            )
        )
        self.box.addAction(self.root_action, QLineEdit.ActionPosition.TrailingPosition)
        self.message = QLabel(self)
        self.message.setObjectName("searchMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.kind_combo = self._combo("searchKind", self.tr("Kind"))
        self.kind_combo.addItem(self.tr("Everything"), None)
        self.kind_combo.addItem(qta.icon("mdi6.file-document-outline"), self.tr("Articles"), "article")
        self.kind_combo.addItem(qta.icon("mdi6.marker"), self.tr("Highlights"), "highlight")
        self.kind_combo.addItem(qta.icon("mdi6.note-text-outline"), self.tr("Notes"), "note")
        self.color_combo = self._combo("searchColor", self.tr("Colour label"))
        self.tag_combo = self._combo("searchTag", self.tr("Tag"))
        self.outlet_combo = self._combo("searchOutlet", self.tr("Outlet"))
        self.date_combo = self._combo("searchDate", self.tr("Date"))
        self.fill_choices(FilterChoices())

        self.within = QCheckBox(self.tr("Search within results"), self)
        self.within.setObjectName("searchWithin")
        self.within.setToolTip(self.tr("Keep the current results and narrow them with the next query"))
        self.within_label = QLabel(self)
        self.within_label.setObjectName("searchWithinQueries")
        self.within_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("searchCount")

        self.results, self.model = results_view(self, "searchResults", self.tr("Search results"))

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(4)
        filters.setVerticalSpacing(4)
        for i, combo in enumerate((self.kind_combo, self.color_combo, self.tag_combo)):
            filters.addWidget(combo, 0, i)
        filters.addWidget(self.outlet_combo, 1, 0, 1, 2)
        filters.addWidget(self.date_combo, 1, 2)
        within_row = QHBoxLayout()
        within_row.addWidget(self.within)
        within_row.addWidget(self.within_label, 1)
        within_row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.box)
        layout.addWidget(self.message)
        layout.addLayout(filters)
        layout.addLayout(within_row)
        layout.addWidget(self.results, 1)

        self.box.textEdited.connect(lambda _text: self.query_edited.emit())
        self.box.returnPressed.connect(self.search_requested)
        for combo in (self.kind_combo, self.color_combo, self.tag_combo, self.outlet_combo, self.date_combo):
            combo.activated.connect(lambda _i: self.search_requested.emit())
        self.within.toggled.connect(self.within_toggled)
        self.root_action.toggled.connect(lambda _on: self.search_requested.emit())
        self.results.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.results.activated.connect(self.result_activated)
        self.results.doubleClicked.connect(self.result_activated)
        self.box.installEventFilter(self)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.setMinimumWidth(64)  # narrower than 6 letters, elided: the panel fits 240 pixels
        fit_combo_text(combo)  # (Qt itself cuts the text off mid-letter)
        return combo

    # the form ------------------------------------------------------------------------------------
    def fill_choices(self, choices: FilterChoices) -> None:
        """The colour, tag, outlet and year lists; what was chosen stays chosen when it is still there."""

        def refill(combo: QComboBox, any_text: str, items: list[tuple[str, str]]) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for text, data in items:
                combo.addItem(text, data)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

        refill(self.color_combo, self.tr("Any colour"), [(name, key) for key, name, _c in choices.colors])
        for i, (_key, _name, color) in enumerate(choices.colors, start=1):
            self.color_combo.setItemIcon(i, qta.icon("mdi6.circle", color=color))
        refill(self.tag_combo, self.tr("Any tag"), [(t, t) for t in choices.tags])
        refill(self.outlet_combo, self.tr("Any outlet"), [(o, o) for o in choices.outlets])
        refill(self.date_combo, self.tr("Any date"), [(y, y) for y in choices.years])

    def request(self, within: Sequence[str], limit: int) -> SearchRequest:
        """The query as typed and the filters as chosen, with the earlier within-results queries."""
        return SearchRequest(
            text=self.box.text().strip(),
            within=tuple(within),
            kind=self.kind_combo.currentData(),
            color=self.color_combo.currentData(),
            tag=self.tag_combo.currentData(),
            outlet=self.outlet_combo.currentData(),
            date=self.date_combo.currentData(),
            limit=limit,
            roots=self.root_action.isChecked(),
        )

    def show_within(self, queries: Sequence[str]) -> None:
        """The queries every new one must also match, each isolated (an English query in an Arabic row)."""
        self.within_label.setVisible(bool(queries))
        self.within_label.setText(" › ".join(f"\u2068{q}\u2069" for q in queries))

    # showing results -----------------------------------------------------------------------------
    def current_row(self) -> ResultRow | None:
        return self.model.row_at(self.results.currentIndex())

    def show_rows(self, rows: list[ResultRow], *, more: bool, keep_position: bool) -> None:
        """Show a query's rows (`more`: the query matched more than these); `keep_position` keeps the
        current row and the scroll position (the same query re-run), else the first row is current."""
        current = self.current_row()
        scroll = self.results.verticalScrollBar().value()
        self.model.set_rows(rows)
        if keep_position and current is not None:
            same = next(
                (
                    i
                    for i, r in enumerate(rows)
                    if (r.kind, r.article_id, r.highlight_id)
                    == (current.kind, current.article_id, current.highlight_id)
                ),
                0,
            )
            self.results.setCurrentIndex(self.model.index(same, 0))
            self.results.verticalScrollBar().setValue(scroll)
        elif rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.scrollToTop()
        if more:
            self.count_label.setText(self.tr("%1+ results").replace("%1", str(len(rows))))
        else:
            self.count_label.setText(self.tr("%Ln result(s)", "", len(rows)) if rows else "")
        self.show_message("" if rows else self.tr("Nothing found. Try fewer words, or a word's stem with *."))
        self.results.viewport().update()

    def clear_rows(self) -> None:
        self.model.set_rows([])
        self.count_label.clear()

    def show_indexing(self) -> None:
        self.show_message(self.tr("The library is being indexed: the results will appear when it is ready."))

    def show_unreadable_query(self, reason: str) -> None:
        self.show_message(self.tr("This query cannot be read: %1").replace("%1", reason), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """A line under the box (empty: none); errors in red."""
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet(f"color: {error_ink(self.palette()).name()};" if error else "")
        self.message.setVisible(bool(text))

    # focus ---------------------------------------------------------------------------------------
    def raise_dock(self) -> None:
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()

    def focus_box(self) -> None:
        self.raise_dock()
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def _on_scrolled(self, value: int) -> None:
        if value >= self.results.verticalScrollBar().maximum() - END_MARGIN:
            self.end_reached.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.results.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                self.query_cleared.emit()
                return True
        return super().eventFilter(watched, event)
