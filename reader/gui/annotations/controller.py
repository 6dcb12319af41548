"""Highlights and notes: the controller that decides what each request does and what a change refreshes.

The controller connects the parts: the selection actions and toolbar (selection_toolbar.py) ask for a
highlight, the panel (annotation_panel.py) asks for edits, and each request becomes an undoable command
(annotation_commands.py) pushed on the window's undo stack, which writes to SQLite at once. The highlight
layer and the panel are then refreshed from the Library's change notifications, so an undo, a CLI write
seen on the next open, or a re-import all show up the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QKeySequence, QTextDocument, QUndoCommand
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.models import ColorLabel, Highlight
from reader.gui.annotations.annotation_commands import (
    ArticleNoteCommand,
    CreateHighlightCommand,
    DeleteHighlightCommand,
    EditNoteCommand,
    EditTagsCommand,
    ReattachHighlightCommand,
    RecolorCommand,
    RestyleCommand,
)
from reader.gui.annotations.annotation_panel import AnnotationPanel
from reader.gui.annotations.highlight_menu import HighlightHandlers, add_highlight_entries
from reader.gui.annotations.label_editor import LabelEditorDialog
from reader.gui.annotations.selection_toolbar import SelectionActions, SelectionToolbar
from reader.gui.common.citation_clipboard import copy_citations
from reader.gui.reading.highlight_layer import NEUTRAL_COLOR, HighlightLayer
from reader.gui.shell import Menu, Shell

#: The notes panel's width when the window first shows it.
PANEL_WIDTH = 360


class AnnotationController(QObject):
    """Highlights, notes and colour labels of the open article: the panel, the layer and the actions."""

    def __init__(self, library: Library, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.view = shell.article_view
        self.undo_stack = shell.undo_stack
        self.store = library.highlights
        self.articles = library.articles
        self._library = library
        self.label_store = library.labels
        self.labels: list[ColorLabel] = []
        self._colors: dict[str, str] = {}
        self.article_id: int | None = None
        self._highlights: dict[int, Highlight] = {}
        self._prepared: tuple[int, QTextDocument, list[Highlight]] | None = None

        self.layer = HighlightLayer(self.view, lambda: self._colors)
        self.actions = SelectionActions(shell, self)
        self.toolbar = SelectionToolbar(self.view, self.actions)
        self.panel = AnnotationPanel(shell.dialog_parent())
        self.panel.people = library.sharing.annotation_info  # {} unless the library shares a folder
        shell.add_dock(self.panel, width=PANEL_WIDTH)
        shell.extend_article_menu(self._extend_context_menu)

        self.labels_action = QAction(self.tr("Colour &Labels…"), self)
        self.labels_action.setObjectName("editLabelsAction")
        self.labels_action.triggered.connect(self.edit_labels)
        self.panel_action = self.panel.toggleViewAction()
        self.panel_action.setText(self.tr("&Notes Panel"))
        self.panel_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        shell.add_submenu(self.actions.menu, Menu.EDIT, separated=True)
        shell.add_action(self.labels_action, Menu.EDIT)
        shell.add_action(self.panel_action, Menu.VIEW, separated=True)

        self.actions.highlight_requested.connect(self.highlight_selection)
        self.layer.highlight_clicked.connect(self.panel.select_highlight)
        self.layer.note_marker_clicked.connect(lambda hid: self.panel.select_highlight(hid, focus_note=True))
        self.panel.activated.connect(self.jump_to)
        self.panel.note_saved.connect(self.edit_note)
        self.panel.tags_saved.connect(self.edit_tags)
        self.panel.color_chosen.connect(self.recolor)
        self.panel.style_chosen.connect(self.restyle)
        self.panel.delete_requested.connect(self.delete)
        self.panel.reattach_requested.connect(self.reattach_to_selection)
        self.panel.article_note_saved.connect(self.edit_article_note)
        self.panel.labels_requested.connect(self.edit_labels)
        self.panel.citation_requested.connect(self.copy_citation)
        self.view.selectionChanged.connect(
            lambda: self.panel.set_selection_available(self.actions.has_selection())
        )
        self.view.document_ready.connect(self._prepare_document)
        self.view.article_loaded.connect(self.load_article)
        shell.library_changed.connect(self._on_change)

        self._load_labels()
        if self.view.article is not None:
            self.load_article(self.view.article.id)
        else:
            self.panel.show_article(None, [], "")

    # loading -------------------------------------------------------------------------------------
    def _load_labels(self) -> None:
        self.labels = self.label_store.list()
        self._colors = {label.key: label.color for label in self.labels}
        self.actions.set_labels(self.labels)
        self.toolbar.rebuild()
        self.panel.set_labels(self.labels)

    def _prepare_document(self, document: QTextDocument) -> None:
        """Place the highlights on the article's document before the view shows it (first paint)."""
        article = self.view.article
        if article is None:
            return
        highlights = self.store.for_article(article.id)
        self._prepared = (article.id, document, highlights)
        self.layer.set_highlights(highlights, document)

    def load_article(self, article_id: int) -> None:
        """The view shows another article (or the same one with a new text): draw and list its highlights."""
        article = self.view.article
        if article is None or article.id != article_id:
            return
        self.panel.flush()
        self.article_id = article_id
        prepared, self._prepared = self._prepared, None
        if prepared is not None and prepared[0] == article_id and prepared[1] is self.view.document():
            highlights = prepared[2]  # already drawn by _prepare_document
        else:
            highlights = self.store.for_article(article_id)
            self.layer.set_highlights(highlights)
        self._highlights = {h.id: h for h in highlights}
        self.panel.show_article(article, highlights, self.articles.note(article_id))

    def reload_highlights(self, change: Change | None = None) -> None:
        """Refresh after a change: only the highlights it names are read again (a new highlight shows
        without re-reading the article's hundreds of others); anything else reads them all."""
        if self.article_id is None or self.view.article is None:
            return
        if change is None or not change.ids or len(change.ids) > 20:
            self._highlights = {h.id: h for h in self.store.for_article(self.article_id)}
        else:
            for highlight_id in change.ids:
                try:
                    h = self.store.get(highlight_id)
                except HawamishError:  # deleted
                    self._highlights.pop(highlight_id, None)
                    continue
                if h.article_id == self.article_id:
                    self._highlights[h.id] = h
                else:
                    self._highlights.pop(h.id, None)
        highlights = list(self._highlights.values())
        self.layer.set_highlights(highlights)
        self.panel.set_highlights(highlights)

    def _on_change(self, change: Change) -> None:
        """What a library change refreshes: the labels, the open article's highlights or its note."""
        if change.kind == ChangeKind.LIBRARY:
            self._on_library_replaced()
        elif change.kind == ChangeKind.LABELS:
            self._load_labels()
            self.layer.redraw()
        elif change.kind == ChangeKind.HIGHLIGHT and self.article_id in change.article_ids:
            self.reload_highlights(change)
        elif change.kind == ChangeKind.ARTICLE_NOTE and self.article_id in change.article_ids:
            self.panel.set_article_note(self.articles.note(self.article_id))
        elif (
            change.kind == ChangeKind.ARTICLE
            and change.op == ChangeOp.DELETED
            and self.article_id in change.article_ids
        ):
            self._clear()

    def _on_library_replaced(self) -> None:
        """A restore replaced everything: the undo history names highlights that may be gone, and the labels,
        highlights and note of the open article are read again (the view empties if the article is gone)."""
        self.undo_stack.clear()
        self._load_labels()
        article = self.view.article
        if article is None or not self.articles.exists(article.id):
            self._clear()
            return
        self.article_id = article.id
        highlights = self.store.for_article(article.id)
        self._highlights = {h.id: h for h in highlights}
        self.layer.set_highlights(highlights)
        self.panel.set_highlights(highlights)
        self.panel.set_article_note(self.articles.note(article.id))

    def _clear(self) -> None:
        self.article_id = None
        self._highlights = {}
        self.layer.set_highlights([])
        self.panel.show_article(None, [], "")

    def close(self) -> None:
        """The window closes: save a note still being typed; a refresh still queued reads no library after."""
        self.panel.flush()
        self.panel.people = None  # the library closes next

    # requests ------------------------------------------------------------------------------------
    def _push(self, command: QUndoCommand) -> bool:
        try:
            self.undo_stack.push(command)
        except HawamishError as exc:
            self._shell.show_error(exc)
            return False
        return True

    def highlight_selection(
        self, color: str, style: str = "background", with_note: bool = False
    ) -> Highlight | None:
        """Highlight the view's selection (trimmed of surrounding spaces); returns the new highlight."""
        article = self.view.article
        selected = self.view.selected_range()
        if article is None or selected is None:
            return None
        start, end = _trim(article.text, *selected)
        if end <= start:
            return None
        existing = next((h for h in self.layer.highlights if (h.start, h.end) == (start, end)), None)
        if existing is not None and with_note:  # the passage is already highlighted: go to its note
            self._clear_selection()
            self.panel.select_highlight(existing.id, focus_note=True)
            return existing
        command = CreateHighlightCommand(self.store, article.id, start, end, color=color, style=style)
        if not self._push(command) or command.highlight is None:
            return None
        self._clear_selection()
        self.panel.select_highlight(command.highlight.id, focus_note=with_note)
        return command.highlight

    def _clear_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)

    def _current(self, highlight_id: int) -> Highlight | None:
        try:
            return self.store.get(highlight_id)
        except HawamishError:
            return None

    def edit_note(self, highlight_id: int, note: str) -> None:
        h = self._current(highlight_id)
        if h is not None and h.note != note:
            self._push(EditNoteCommand(self.store, h, note))

    def edit_tags(self, highlight_id: int, tags: list[str]) -> None:
        h = self._current(highlight_id)
        if h is not None and list(h.tags) != list(tags):
            self._push(EditTagsCommand(self.store, h, tags))

    def recolor(self, highlight_id: int, color: str) -> None:
        h = self._current(highlight_id)
        if h is not None and h.color != color:
            self._push(RecolorCommand(self.store, h, color))

    def restyle(self, highlight_id: int, style: str) -> None:
        h = self._current(highlight_id)
        if h is not None and h.style != style:
            self._push(RestyleCommand(self.store, h, style))

    def delete(self, highlight_id: int) -> None:
        h = self._current(highlight_id)
        if h is not None:
            self._push(DeleteHighlightCommand(self.store, h))

    def reattach_to_selection(self, highlight_id: int) -> None:
        h = self._current(highlight_id)
        article = self.view.article
        selected = self.view.selected_range()
        if h is None or article is None or selected is None:
            return
        start, end = _trim(article.text, *selected)
        if end > start and self._push(ReattachHighlightCommand(self.store, h, start, end)):
            self._clear_selection()
            self.panel.select_highlight(h.id)

    def edit_article_note(self, text: str) -> None:
        if self.article_id is None:
            return
        before = self.articles.note(self.article_id)
        if before != text:
            self._push(ArticleNoteCommand(self.articles, self.article_id, before, text))

    def copy_citation(self, highlight_id: int) -> None:
        """The highlight as a citation on the clipboard (plain text and HTML), in the UI language's style."""
        if copy_citations(self._library, [highlight_id]):
            self._shell.show_status(self.tr("Citation copied"), 3000)

    def jump_to(self, highlight_id: int) -> None:
        """Scroll the article to a highlight and flash it."""
        h = self.panel.highlight(highlight_id) or self._current(highlight_id)
        if h is None or h.orphan or self.view.article is None or h.article_id != self.view.article.id:
            return
        self.view.scroll_to_offset(h.start)
        self.layer.flash(h.start, h.end)

    def edit_labels(self) -> None:
        self.edit_labels_over(self._shell.dialog_parent())

    def edit_labels_over(self, parent: QWidget) -> None:
        """The Colour Labels dialog over `parent` (Preferences opens it over itself)."""
        dialog = LabelEditorDialog(self.label_store, parent)
        try:
            dialog.exec()
        except HawamishError as exc:
            self._shell.show_error(exc)

    # context menu --------------------------------------------------------------------------------
    def _extend_context_menu(self, menu: QMenu, pos: QPoint) -> None:
        if self.view.article is None:
            return
        if self.actions.has_selection():
            self.actions.add_to_menu(menu)
            return
        hits = self.layer.highlights_at(self.view.offset_at(pos))
        handlers = HighlightHandlers(
            edit_note=lambda hid: self.panel.select_highlight(hid, focus_note=True),
            recolor=self.recolor,
            restyle=self.restyle,
            delete=self._confirm_and_delete,
        )
        add_highlight_entries(menu, hits, self.labels, self._colors, handlers, NEUTRAL_COLOR)

    def _confirm_and_delete(self, highlight_id: int) -> None:
        h = self._current(highlight_id)
        if h is not None and self.panel.confirm_delete(h):
            self.delete(h.id)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A selection without the spaces and line breaks around it (double-click selects a trailing space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
