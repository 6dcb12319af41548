"""The annotation panel (QDockWidget `annotationPanel`): the open article's note and highlights.

Top to bottom: the article-level note; a filter row (text, colour, tag, sort by position or date); the
highlights as cards (annotation_cards.py); orphans, in their own section with their quote; and an editor
for the current highlight (colour, underline, note, tags, delete, re-attach).

The panel is a view: it shows what it is given and emits what the user asked for; the controller
(reader/gui/annotations/controller.py) turns requests into undoable commands that write to SQLite at once. Docked on
the right, it appears on the left when the UI is right-to-left (QMainWindow mirrors dock areas).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

import qtawesome as qta
from PySide6.QtCore import QLocale, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.sharing import AnnotationInfo
from reader.core.models import Article, ColorLabel, Highlight
from reader.core.quotes import normalize_tags
from reader.core.text import block_spans, normalize_arabic
from reader.gui.annotations.annotation_cards import CARD_ROLE, ID_ROLE, CardData, CardDelegate, short_date
from reader.gui.annotations.note_edit import NoteEdit
from reader.gui.common.label_display import label_display_name, swatch_icon
from reader.gui.common.people import person_color

SORT_POSITION, SORT_DATE = "position", "date"


class AnnotationPanel(QDockWidget):
    activated = Signal(int)  # a highlight was clicked: scroll to it and flash it
    note_saved = Signal(int, str)
    tags_saved = Signal(int, list)
    color_chosen = Signal(int, str)
    style_chosen = Signal(int, str)
    delete_requested = Signal(int)
    reattach_requested = Signal(int)
    article_note_saved = Signal(str)
    labels_requested = Signal()
    citation_requested = Signal(int)  # Copy as Citation: the highlight's citation on the clipboard

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._card_menu_extenders: list[Callable[[QMenu, Highlight], None]] = []
        self.setObjectName("annotationPanel")
        self.setWindowTitle(self.tr("Notes"))
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.article: Article | None = None
        self.labels: list[ColorLabel] = []
        self._highlights: dict[int, Highlight] = {}
        self._items: dict[int, tuple[QListWidget, QListWidgetItem]] = {}
        self._block_starts: list[int] = []
        self._scroll_to_current = False
        self._paragraph_text = self.tr("¶ %1")
        self._current: int | None = None
        self._selection_available = False
        #: In a shared library, who made each highlight and the versions a merge kept (set by the controller).
        self.people: Callable[[list[int]], dict[int, AnnotationInfo]] | None = None
        self._build()
        self.setMinimumWidth(240)  # reader/gui/window_layout.py: NOTES_MIN

    # building ------------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)

        note_label = QLabel(self.tr("Article note"), body)
        note_label.setObjectName("articleNoteLabel")
        font = note_label.font()
        font.setBold(True)
        note_label.setFont(font)
        self.article_note_edit = NoteEdit(body)
        self.article_note_edit.setObjectName("articleNoteEdit")
        self.article_note_edit.setPlaceholderText(self.tr("Your note on the whole article (Markdown)…"))
        self.article_note_edit.setMaximumHeight(110)
        self.article_note_edit.save_requested.connect(self.article_note_saved)
        note_label.setBuddy(self.article_note_edit)
        layout.addWidget(note_label)
        layout.addWidget(self.article_note_edit)

        filters = QHBoxLayout()
        self.filter_edit = QLineEdit(body)
        self.filter_edit.setObjectName("annotationFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter highlights…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._refilter_soon)
        self.color_filter = QComboBox(body)
        self.color_filter.setObjectName("colorFilter")
        self.color_filter.currentIndexChanged.connect(self.refresh)
        self.tag_filter = QComboBox(body)
        self.tag_filter.setObjectName("tagFilter")
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        self.sort_combo = QComboBox(body)
        self.sort_combo.setObjectName("annotationSort")
        self.sort_combo.addItem(self.tr("By position"), SORT_POSITION)
        self.sort_combo.addItem(self.tr("Newest first"), SORT_DATE)
        self.sort_combo.currentIndexChanged.connect(self.refresh)
        self.labels_button = QToolButton(body)
        self.labels_button.setObjectName("editLabelsButton")
        self.labels_button.setIcon(qta.icon("fa5s.palette"))
        self.labels_button.setToolTip(self.tr("Edit colour labels…"))
        self.labels_button.clicked.connect(self.labels_requested)
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(self.labels_button)
        layout.addLayout(filters)
        combos = QHBoxLayout()
        for combo in (self.color_filter, self.tag_filter, self.sort_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
            combo.setMinimumWidth(64)  # narrower than 6 letters, elided: three fit a 240-pixel panel
            combos.addWidget(combo, 1)
        layout.addLayout(combos)

        splitter = QSplitter(Qt.Orientation.Vertical, body)
        splitter.setObjectName("annotationSplitter")
        lists = QWidget(splitter)
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel(lists)
        self.count_label.setObjectName("annotationCount")
        self.count_label.setWordWrap(True)
        self.list = self._make_list("annotationList", lists)
        self.orphan_label = QLabel(lists)
        self.orphan_label.setObjectName("orphanLabel")
        self.orphan_label.setWordWrap(True)
        self.orphan_list = self._make_list("orphanList", lists)
        self.orphan_list.setMaximumHeight(220)
        lists_layout.addWidget(self.count_label)
        lists_layout.addWidget(self.list, 1)
        lists_layout.addWidget(self.orphan_label)
        lists_layout.addWidget(self.orphan_list)
        splitter.addWidget(lists)
        splitter.addWidget(self._build_editor(splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.setWidget(body)

        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._filter_timer = QTimer(self, singleShot=True, interval=150)
        self._filter_timer.timeout.connect(self.refresh)
        self.delete_action = QAction(self.tr("Delete Highlight"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.list.addAction(self.delete_action)
        self.orphan_list.addAction(self.delete_action)

    def _make_list(self, name: str, parent: QWidget) -> QListWidget:
        view = QListWidget(parent)
        view.setObjectName(name)
        view.setItemDelegate(CardDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        # cards are as wide as the list (CardDelegate.sizeHint): never a sideways scroll bar that cuts them,
        # and a vertical bar that is always there, so the width a card's height was measured at stays its width
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setSpacing(0)
        view.itemClicked.connect(self._on_item_clicked)
        view.itemActivated.connect(self._on_item_clicked)
        view.currentItemChanged.connect(self._on_current_changed)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda pos, v=view: self._context_menu(v, pos))
        return view

    def _build_editor(self, parent: QWidget) -> QWidget:
        box = QFrame(parent)
        box.setObjectName("highlightEditor")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 6, 6, 6)
        row = QHBoxLayout()
        self.color_row = QHBoxLayout()
        self.color_row.setSpacing(2)
        self.color_group = QButtonGroup(box)
        self.color_group.setExclusive(True)
        row.addLayout(self.color_row)
        row.addStretch(1)
        self.underline_button = QToolButton(box)
        self.underline_button.setObjectName("underlineButton")
        self.underline_button.setIcon(qta.icon("fa5s.underline"))  # an icon: a Latin "U" is English in Arabic
        self.underline_button.setAccessibleName(self.tr("Underline"))
        self.underline_button.setCheckable(True)
        self.underline_button.setToolTip(self.tr("Underline instead of background"))
        self.underline_button.toggled.connect(self._on_underline_toggled)
        row.addWidget(self.underline_button)
        layout.addLayout(row)
        self.note_edit = NoteEdit(box)
        self.note_edit.setObjectName("highlightNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("Note (Markdown)…"))
        self.note_edit.setMinimumHeight(60)
        self.note_edit.save_requested.connect(self._on_note_save)
        layout.addWidget(self.note_edit, 1)
        self.tags_edit = QLineEdit(box)
        self.tags_edit.setObjectName("highlightTagsEdit")
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.editingFinished.connect(self._on_tags_finished)
        layout.addWidget(self.tags_edit)
        buttons = QHBoxLayout()
        self.reattach_button = QPushButton(self.tr("Re-attach to Selection"), box)
        self.reattach_button.setObjectName("reattachButton")
        self.reattach_button.setToolTip(
            self.tr("Select the passage in the article, then re-attach this highlight to it")
        )
        self.reattach_button.clicked.connect(self._reattach_current)
        self.delete_button = QPushButton(self.tr("Delete"), box)
        self.delete_button.setObjectName("deleteHighlightButton")
        self.delete_button.clicked.connect(self._delete_current)
        buttons.addWidget(self.reattach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.editor = box
        return box

    # content -------------------------------------------------------------------------------------
    def set_labels(self, labels: Sequence[ColorLabel]) -> None:
        """The colour labels, for the colour filter, the colour buttons and the cards."""
        self.labels = list(labels)
        current = self.color_filter.currentData()
        self.color_filter.blockSignals(True)
        self.color_filter.clear()
        self.color_filter.addItem(self.tr("All colours"), None)
        for label in self.labels:
            self.color_filter.addItem(swatch_icon(label.color), label_display_name(label), label.key)
        index = self.color_filter.findData(current)
        self.color_filter.setCurrentIndex(max(0, index))
        self.color_filter.blockSignals(False)
        for button in self.color_group.buttons():
            self.color_group.removeButton(button)
            button.hide()
            button.deleteLater()
        for n, label in enumerate(self.labels):
            button = QToolButton(self.editor)
            button.setObjectName(f"colorButton_{label.key}")
            button.setCheckable(True)
            button.setIconSize(QSize(18, 18))
            button.setIcon(swatch_icon(label.color, 18))
            tip = label_display_name(label) + (f"  (Ctrl+{n + 1})" if n < 6 else "")
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _=False, key=label.key: self._on_color_clicked(key))
            self.color_group.addButton(button)
            self.color_row.addWidget(button)
        self.refresh()

    def show_article(
        self, article: Article | None, highlights: Sequence[Highlight], article_note: str
    ) -> None:
        """Show another article (or none): its note and highlights; filters are kept, the editor cleared."""
        self.note_edit.flush()
        self.article_note_edit.flush()
        self.article = article
        self._block_starts = (
            [start for start, _end in block_spans(article.blocks)] if article is not None else []
        )
        self._current = None
        self.article_note_edit.set_note(article_note)
        self.article_note_edit.setEnabled(article is not None)
        self.set_highlights(highlights)

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """New highlights: the editor follows now, the cards right after the article view has painted (the
        list is rebuilt from a zero timer, so a new highlight shows in the text without waiting for it)."""
        self._highlights = {h.id: h for h in highlights}
        if self._current not in self._highlights:
            self._current = None
        self._show_current()
        self._refresh_timer.start()

    def ensure_listed(self) -> None:
        """Rebuild the cards now if a rebuild is pending."""
        if self._refresh_timer.isActive():
            self.refresh()

    def set_article_note(self, text: str) -> None:
        """A note that changed elsewhere (undo, another window); kept back while the user is typing."""
        if not self.article_note_edit.is_dirty():
            self.article_note_edit.set_note(text)

    def highlight(self, highlight_id: int) -> Highlight | None:
        return self._highlights.get(highlight_id)

    def current_highlight_id(self) -> int | None:
        return self._current

    def set_selection_available(self, available: bool) -> None:
        self._selection_available = available
        self._update_editor_state()

    # listing -------------------------------------------------------------------------------------
    def visible_ids(self) -> list[int]:
        """Ids of the highlights the list shows, in order (orphans excluded)."""
        self.ensure_listed()
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def orphan_ids(self) -> list[int]:
        self.ensure_listed()
        return [self.orphan_list.item(i).data(ID_ROLE) for i in range(self.orphan_list.count())]

    def _refilter_soon(self) -> None:
        self._filter_timer.start()

    def _tags(self) -> list[str]:
        return sorted({t for h in self._highlights.values() for t in h.tags}, key=str.casefold)

    def _refresh_tag_filter(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), None)
        for tag in self._tags():
            self.tag_filter.addItem("#" + tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def _matches(self, h: Highlight, needle: str, color: str | None, tag: str | None, by: str = "") -> bool:
        if color is not None and h.color != color:
            return False
        if tag is not None and tag not in h.tags:
            return False
        if needle:
            hay = normalize_arabic(" ".join([h.exact, h.note, *h.tags, by]))  # by: who made it, when shared
            return needle in hay
        return True

    def refresh(self) -> None:
        """Rebuild the cards from the highlights, the filters and the sort order; keep the current one."""
        self._refresh_timer.stop()
        self._refresh_tag_filter()
        needle = normalize_arabic(self.filter_edit.text().strip())
        color = self.color_filter.currentData()
        tag = self.tag_filter.currentData()
        by_date = self.sort_combo.currentData() == SORT_DATE
        everything = list(self._highlights.values())
        people = self.people([h.id for h in everything]) if self.people is not None and everything else {}
        authors = {hid: info.by for hid, info in people.items()}

        def matches(h: Highlight) -> bool:
            return self._matches(h, needle, color, tag, authors.get(h.id, ""))

        placed = [h for h in everything if not h.orphan and matches(h)]
        orphans = [h for h in everything if h.orphan and matches(h)]
        if by_date:
            placed.sort(key=lambda h: (h.created, h.id), reverse=True)
        else:
            placed.sort(key=lambda h: (h.start, h.end, h.id))
        orphans.sort(key=lambda h: (h.start, h.id))
        self._items = {}
        self._fill(self.list, placed, people)
        self._fill(self.orphan_list, orphans, people)
        if self._scroll_to_current and self._current in self._items:
            view, item = self._items[self._current]
            view.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        self._scroll_to_current = False
        total = sum(1 for h in everything if not h.orphan)
        if self.article is None:
            self.count_label.setText(self.tr("No article open."))
        elif not everything:
            self.count_label.setText(
                self.tr(
                    "No highlights yet. Select a passage in the article and pick a colour (Ctrl+1 … Ctrl+6)."
                )
            )
        elif len(placed) == total:
            self.count_label.setText(self.tr("%Ln highlight(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("%1 of %2 highlights").replace("%1", str(len(placed))).replace("%2", str(total))
            )
        n_orphans = sum(1 for h in everything if h.orphan)
        self.orphan_label.setText(
            self.tr("Orphans: %Ln highlight(s) whose passage is no longer in the text", "", n_orphans)
        )
        self.orphan_label.setVisible(n_orphans > 0)
        self.orphan_list.setVisible(n_orphans > 0)
        self._show_current()

    def _card(
        self, h: Highlight, labels: dict[str, tuple[ColorLabel, str]], person: AnnotationInfo | None = None
    ) -> CardData:
        label, name = labels.get(h.color, (None, h.color))
        paragraph = bisect_right(self._block_starts, h.start)
        history = tuple(
            self.tr("Edited at the same time by %1: %2")
            .replace("%1", "\u2068" + kept.by + "\u2069")
            .replace("%2", " ".join(kept.note.split()) or "—")
            for kept in (person.history if person else [])
        )
        return CardData(
            highlight_id=h.id,
            label=name,
            color=label.color if label else "#9e9e9e",
            quote=h.exact,
            note=h.note,
            tags=tuple(h.tags),
            where=self._paragraph_text.replace("%1", QLocale().toString(paragraph)) if paragraph else "",
            date=short_date(h.created),
            style=h.style,
            orphan=h.orphan,
            by=person.by if person else "",
            by_color=person_color(person.rank) if person else "",
            history=history,
        )

    def _fill(
        self, view: QListWidget, highlights: Sequence[Highlight], people: dict[int, AnnotationInfo]
    ) -> None:
        view.blockSignals(True)
        view.setUpdatesEnabled(False)
        view.clear()
        # each label's name in the UI language once, not once a card (a refresh lists every highlight)
        labels = {label.key: (label, label_display_name(label)) for label in self.labels}
        current = None
        for h in highlights:
            item = QListWidgetItem()
            item.setData(ID_ROLE, h.id)
            card = self._card(h, labels, people.get(h.id))
            item.setData(CARD_ROLE, card)
            item.setToolTip("\n\n".join([h.note or h.exact, *card.history]))  # kept versions in full
            view.addItem(item)
            self._items[h.id] = (view, item)
            if h.id == self._current:
                current = item
        if current is not None:
            view.setCurrentItem(current)
        view.setUpdatesEnabled(True)
        view.blockSignals(False)

    def _item_of(self, highlight_id: int) -> tuple[QListWidget, QListWidgetItem] | None:
        self.ensure_listed()
        return self._items.get(highlight_id)

    # selection -----------------------------------------------------------------------------------
    def select_highlight(self, highlight_id: int, *, focus_note: bool = False) -> bool:
        """Make a highlight current (clearing filters that hide it); optionally put the cursor in its note."""
        if highlight_id not in self._highlights:
            return False
        self.note_edit.flush()
        if self._refresh_timer.isActive():  # the cards are about to be rebuilt: select it when they are
            if not self._passes_filters(self._highlights[highlight_id]):
                self._clear_filters()
            self._current = highlight_id
            self._scroll_to_current = True
            self._show_current()
            self._focus_note_if(focus_note)
            return True
        found = self._item_of(highlight_id)
        if found is None:  # hidden by a filter: clear the filters and list again
            self._clear_filters()
            self._current = highlight_id
            self.refresh()
            found = self._item_of(highlight_id)
        if found is not None:
            view, item = found
            other = self.orphan_list if view is self.list else self.list
            for v, current in ((other, None), (view, item)):
                v.blockSignals(True)
                if current is None:
                    v.setCurrentIndex(QModelIndex())
                else:
                    v.setCurrentItem(current)
                v.blockSignals(False)
            self._current = highlight_id
            self._show_current()
            view.scrollToItem(item, QAbstractItemView.ScrollHint.EnsureVisible)
        self._focus_note_if(focus_note)
        return True

    def _focus_note_if(self, focus_note: bool) -> None:
        if focus_note:
            if not self.isVisible():
                self.show()
            self.raise_()
            self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.note_edit.moveCursor(self.note_edit.textCursor().MoveOperation.End)

    def _clear_filters(self) -> None:
        self.filter_edit.blockSignals(True)
        self.filter_edit.clear()
        self.filter_edit.blockSignals(False)
        for combo in (self.color_filter, self.tag_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _passes_filters(self, h: Highlight) -> bool:
        needle = normalize_arabic(self.filter_edit.text().strip())
        info = self.people([h.id]).get(h.id) if self.people is not None and needle else None
        by = info.by if info is not None else ""
        return self._matches(h, needle, self.color_filter.currentData(), self.tag_filter.currentData(), by)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        highlight_id = item.data(ID_ROLE)
        self._set_current(highlight_id)
        h = self._highlights.get(highlight_id)
        if h is not None and not h.orphan:
            self.activated.emit(highlight_id)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._set_current(current.data(ID_ROLE))

    def _set_current(self, highlight_id: int) -> None:
        if highlight_id == self._current:
            return
        self.note_edit.flush()
        self._current = highlight_id
        other = self.orphan_list if self._highlights[highlight_id].orphan is False else self.list
        other.blockSignals(True)
        other.clearSelection()
        other.setCurrentIndex(QModelIndex())
        other.blockSignals(False)
        self._show_current()

    def _show_current(self) -> None:
        """Put the current highlight in the editor (a note being typed is never overwritten)."""
        h = self._highlights.get(self._current) if self._current is not None else None
        if h is None:
            self.note_edit.set_note("")
            self.tags_edit.setText("")
        else:
            if self.note_edit.property("highlightId") != h.id or not self.note_edit.is_dirty():
                self.note_edit.set_note(h.note)
            if not self.tags_edit.hasFocus() or self.tags_edit.property("highlightId") != h.id:
                self.tags_edit.setText(", ".join(h.tags))
            for button in self.color_group.buttons():
                button.setChecked(button.objectName() == f"colorButton_{h.color}")
            self.underline_button.blockSignals(True)
            self.underline_button.setChecked(h.style == "underline")
            self.underline_button.blockSignals(False)
        self.note_edit.setProperty("highlightId", h.id if h else None)
        self.tags_edit.setProperty("highlightId", h.id if h else None)
        self._update_editor_state()

    def _update_editor_state(self) -> None:
        h = self._highlights.get(self._current) if self._current is not None else None
        self.editor.setEnabled(h is not None)
        self.editor.setVisible(h is not None)  # nothing to edit: the cards get the room
        self.reattach_button.setVisible(h is not None and h.orphan)
        self.reattach_button.setEnabled(self._selection_available)

    # requests ------------------------------------------------------------------------------------
    def _on_note_save(self, text: str) -> None:
        highlight_id = self.note_edit.property("highlightId")
        current = self._highlights.get(highlight_id) if highlight_id is not None else None
        if current is not None and current.note != text:
            self.note_saved.emit(int(highlight_id), text)

    def _on_tags_finished(self) -> None:
        highlight_id = self.tags_edit.property("highlightId")
        h = self._highlights.get(highlight_id) if highlight_id is not None else None
        if h is None:
            return
        tags = normalize_tags(self.tags_edit.text().replace("،", ",").split(","))
        if tags != list(h.tags):
            self.tags_saved.emit(h.id, tags)

    def _on_color_clicked(self, key: str) -> None:
        if self._current is not None and self._highlights[self._current].color != key:
            self.color_chosen.emit(self._current, key)

    def _on_underline_toggled(self, checked: bool) -> None:
        if self._current is not None:
            self.style_chosen.emit(self._current, "underline" if checked else "background")

    def confirm_delete(self, h: Highlight) -> bool:
        quote = h.exact if len(h.exact) <= 80 else h.exact[:80] + "…"
        answer = QMessageBox.question(
            self,
            self.tr("Delete Highlight"),
            self.tr("Delete this highlight and its note?\n\n“%1”").replace("%1", "\u2068" + quote + "\u2069"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _delete_current(self) -> None:
        if self._current is None:
            return
        h = self._highlights[self._current]
        if self.confirm_delete(h):
            self.delete_requested.emit(h.id)

    def _reattach_current(self) -> None:
        if self._current is not None:
            self.reattach_requested.emit(self._current)

    def _context_menu(self, view: QListWidget, pos: QPoint) -> None:
        item = view.itemAt(pos)
        if item is None:
            return
        self._set_current(item.data(ID_ROLE))
        menu = self.build_card_menu(self._highlights[item.data(ID_ROLE)])
        menu.exec(view.viewport().mapToGlobal(pos))

    def build_card_menu(self, h: Highlight) -> QMenu:
        """A highlight card's context menu (the caller shows it)."""
        menu = QMenu(self)
        if h.orphan:
            reattach = menu.addAction(self.tr("Re-attach to Selection"))
            reattach.setEnabled(self._selection_available)
            reattach.triggered.connect(self._reattach_current)
        else:
            menu.addAction(self.tr("Show in Article"), lambda: self.activated.emit(h.id))
        menu.addAction(self.tr("Edit Note"), lambda: self.select_highlight(h.id, focus_note=True))
        menu.addAction(self.tr("Copy as Citation"), lambda: self.citation_requested.emit(h.id))
        for extend in self._card_menu_extenders:  # other features' entries (More Like This)
            extend(menu, h)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        return menu

    def extend_card_menu(self, extend: Callable[[QMenu, Highlight], None]) -> None:
        """Add entries to a highlight card's context menu each time it opens (the window wires it)."""
        self._card_menu_extenders.append(extend)

    def flush(self) -> None:
        """Save anything being typed (before the article changes or the window closes)."""
        self.note_edit.flush()
        self.article_note_edit.flush()
        self._on_tags_finished()
