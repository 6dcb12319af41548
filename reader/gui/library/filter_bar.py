"""The filter bar above the library list: a text box, the Filters button and its panel. It only lays out.

The box narrows the list by title, author or outlet as the user types; the Filters panel (a popup under the
button) by tag, collection, author, outlet, language, date range and highlights. What a value does is the
filter controller's decision (filter_controller.py): the bar shows the controller's state and reports what
the user changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import qtawesome as qta
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import ArticleFilter
from reader.gui.common.error_ink import show_as_error
from reader.gui.common.text_direction import follow_text_direction


def _fill(combo: QComboBox, first: str, items: Sequence[tuple[str, str]]) -> None:
    """Replace a combo's items ((text, value) pairs after a first "any" item), keeping the chosen value."""
    chosen = combo.currentData() if combo.currentIndex() > 0 else ""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(first, "")
    for text, value in items:
        combo.addItem(text, value)
    _choose(combo, str(chosen or ""))
    combo.blockSignals(False)


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    if index < 0 and value:
        combo.addItem(value, value)
        index = combo.count() - 1
    combo.setCurrentIndex(max(0, index))


class FilterPopup(QFrame):
    """The Filters panel: every filter but the text, applied as the user changes it (`changed`)."""

    changed = Signal()
    #: a typed field (author, outlet, a date) changed: the controller waits for a pause
    edited = Signal()
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("libraryFiltersPopup")
        self.setWindowTitle(self.tr("Filters"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tag_combo = self._combo("libraryFilterTag", self.tr("Any tag"))
        self.collection_combo = self._combo("libraryFilterCollection", self.tr("Any collection"))
        self.language_combo = self._combo("libraryFilterLanguage", self.tr("Any language"))
        self.set_languages([])
        self.author_edit = self._edit("libraryFilterAuthor", self.tr("Any author"))
        self.outlet_edit = self._edit("libraryFilterOutlet", self.tr("Any outlet"))
        self.since_edit = self._edit("libraryFilterSince", "2015")
        self.until_edit = self._edit("libraryFilterUntil", "2016-06")
        for edit in (self.since_edit, self.until_edit):
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # dates read left-to-right
            edit.setMaximumWidth(110)
        self.date_problem = QLabel(self)
        self.date_problem.setObjectName("libraryFilterDateProblem")
        self.date_problem.setWordWrap(True)
        show_as_error(self.date_problem)
        self.date_problem.hide()
        self.highlights_check = QCheckBox(self.tr("Only articles with highlights"), self)
        self.highlights_check.setObjectName("libraryFilterHighlights")
        self.highlights_check.toggled.connect(lambda _on: self.changed.emit())
        self.clear_button = QPushButton(self.tr("Clear Filters"), self)
        self.clear_button.setObjectName("libraryFilterClearAll")
        self.clear_button.clicked.connect(self.clear_requested)

        dates = QHBoxLayout()
        dates.addWidget(self.since_edit)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.until_edit)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Collection:"), self.collection_combo)
        form.addRow(self.tr("Tag:"), self.tag_combo)
        form.addRow(self.tr("Author:"), self.author_edit)
        form.addRow(self.tr("Outlet:"), self.outlet_edit)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Published:"), dates)
        form.addRow("", self.date_problem)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.highlights_check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self.setMinimumWidth(320)

    def _combo(self, name: str, first: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(first, "")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        return combo

    def _edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        edit.textEdited.connect(lambda _t: self.edited.emit())
        follow_text_direction(edit)
        return edit

    # choices ---------------------------------------------------------------------------------------
    def set_choices(self, tags: Sequence[str], collections: Sequence[str], languages: Sequence[str]) -> None:
        _fill(self.tag_combo, self.tr("Any tag"), [(t, t) for t in tags])
        _fill(self.collection_combo, self.tr("Any collection"), [(c, c) for c in collections])
        self.set_languages(languages)

    def set_languages(self, codes: Sequence[str]) -> None:
        names = {"ar": self.tr("Arabic"), "en": self.tr("English")}
        ordered = ["ar", "en", *sorted(c for c in codes if c and c not in names)]
        _fill(self.language_combo, self.tr("Any language"), [(names.get(c, c), c) for c in ordered])

    def set_completions(self, authors: Iterable[str], outlets: Iterable[str]) -> None:
        from PySide6.QtWidgets import QCompleter

        for edit, words in ((self.author_edit, authors), (self.outlet_edit, outlets)):
            completer = QCompleter(sorted(words), edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.activated.connect(lambda _t: self.edited.emit())
            edit.setCompleter(completer)

    # values ----------------------------------------------------------------------------------------
    def values(self, text: str = "") -> ArticleFilter:
        """The panel's filters (the box's `text` added)."""
        return ArticleFilter(
            text=text,
            tag=str(self.tag_combo.currentData() or ""),
            collection=str(self.collection_combo.currentData() or ""),
            author=self.author_edit.text().strip(),
            outlet=self.outlet_edit.text().strip(),
            language=str(self.language_combo.currentData() or ""),
            since=self.since_edit.text().strip(),
            until=self.until_edit.text().strip(),
            has_highlights=self.highlights_check.isChecked(),
        )

    def set_values(self, wanted: ArticleFilter) -> None:
        """Show `wanted` (without emitting `changed`)."""
        widgets = (
            self.tag_combo, self.collection_combo, self.language_combo, self.author_edit, self.outlet_edit,
            self.since_edit, self.until_edit, self.highlights_check,
        )  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        _choose(self.tag_combo, wanted.tag)
        _choose(self.collection_combo, wanted.collection)
        _choose(self.language_combo, wanted.language)
        for edit, value in (
            (self.author_edit, wanted.author),
            (self.outlet_edit, wanted.outlet),
            (self.since_edit, wanted.since),
            (self.until_edit, wanted.until),
        ):
            if edit.text() != value:
                edit.setText(value)
        self.highlights_check.setChecked(wanted.has_highlights)
        for widget in widgets:
            widget.blockSignals(False)

    def show_date_problem(self, message: str) -> None:
        self.date_problem.setText(message)
        self.date_problem.setVisible(bool(message))

    def show_under(self, anchor: QWidget) -> None:
        """Open under `anchor`, aligned with its leading edge, kept on the screen."""
        self.adjustSize()
        rtl = anchor.layoutDirection() == Qt.LayoutDirection.RightToLeft
        corner = anchor.rect().bottomRight() if rtl else anchor.rect().bottomLeft()
        point = anchor.mapToGlobal(corner)
        x = point.x() - self.width() if rtl else point.x()
        screen = anchor.screen().availableGeometry() if anchor.screen() is not None else None
        if screen is not None:
            x = max(screen.left(), min(x, screen.right() - self.width()))
        self.move(QPoint(x, point.y()))
        self.show()
        self.collection_combo.setFocus()


class FilterBar(QWidget):
    """The box, the Filters button, a clear button and, when filters are on, a line saying which."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryFilter")
        self.box = QLineEdit(self)
        self.box.setObjectName("libraryFilterBox")
        self.box.setPlaceholderText(self.tr("Filter…"))
        self.box.setToolTip(
            self.tr(
                "Titles, authors and outlets that contain these letters (hamza, ta marbuta and harakat "
                "aside). Ctrl+Shift+F"
            )
        )
        self.box.setClearButtonEnabled(True)
        self.box.addAction(qta.icon("mdi6.filter-outline"), QLineEdit.ActionPosition.LeadingPosition)
        follow_text_direction(self.box)
        self.filters_button = QToolButton(self)
        self.filters_button.setObjectName("libraryFiltersButton")
        self.filters_button.setIcon(qta.icon("mdi6.tune-variant"))
        self.filters_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.filters_button.setAccessibleName(self.tr("Filters"))
        self.filters_button.setToolTip(
            self.tr("Filters: collection, tag, author, outlet, language, date, highlights")
        )
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("libraryFilterClear")
        self.clear_button.setIcon(qta.icon("mdi6.filter-remove-outline"))
        self.clear_button.setToolTip(self.tr("Clear every filter"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.hide()
        self.summary = QLabel(self)
        self.summary.setObjectName("libraryFilterSummary")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.popup = FilterPopup(self)
        self.show_state(0, "")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.box, 1)
        row.addWidget(self.filters_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 2)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.summary)

    def show_state(self, active: int, summary: str) -> None:
        """How many filters besides the text are on, and a line naming them ('' hides it)."""
        # the list column is narrow: the icon, and how many filters are on (the line below names them)
        self.filters_button.setText(str(active) if active else "")
        self.filters_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon if active else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        font = self.filters_button.font()
        font.setBold(bool(active))
        self.filters_button.setFont(font)
        self.summary.setText(summary)
        self.summary.setToolTip(summary)
        self.summary.setVisible(bool(summary))

    def show_clear(self, visible: bool) -> None:
        self.clear_button.setVisible(visible)
