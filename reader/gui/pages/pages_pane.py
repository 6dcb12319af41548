"""The research pages pane: a list of pages, and for the chosen one a Markdown editor beside its rendering.

The rendering reads each quote from the library now (reader.core.library.pages): the current words of the
passage with its citation in the UI language, an orphan or a deleted highlight said as such. What is typed is
saved after a short pause and at once before the page changes, the pane hides or the app quits. Highlights
dropped on the pane (MIME `application/x-hawamish-highlights`: a JSON list of ids, UTF-8) or handed to
`insert_quotes` become quote lines at the caret. New, rename and delete are undoable on the window's stack.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QHideEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.changes import Change, ChangeKind
from reader.core.citations import isolated_citation, passage_of, today
from reader.core.errors import ErrorCode, HawamishError
from reader.core.exporters import ExportRequest
from reader.core.exporters.markdown import escape
from reader.core.library import Library
from reader.core.models import Page
from reader.core.pages import QuoteState, RenderedPage, RenderedQuote, TextPiece, insert_quotes
from reader.gui.annotations.annotation_cards import _apply_directions as apply_block_directions
from reader.gui.annotations.note_edit import SAVE_DELAY_MS, NoteEdit
from reader.gui.common.citation_clipboard import arabic_digits
from reader.gui.common.dialogs import ask_text
from reader.gui.common.label_display import ui_language
from reader.gui.common.links import LinkOpener
from reader.gui.common.offline_document import OfflineDocument
from reader.gui.common.workers import Task, run_task
from reader.gui.pages.page_commands import (
    CreatePageCommand,
    DeletePageCommand,
    RenamePageCommand,
    run_page_command,
)
from reader.gui.shell import Shell

#: The MIME type of dragged highlights (the notebook and the compare view put it on their drags).
HIGHLIGHTS_MIME = "application/x-hawamish-highlights"
#: Typing is saved after this pause (the note editor's).
SAVE_MS = SAVE_DELAY_MS
#: Library changes within this many milliseconds refresh the list and the rendering once.
REFRESH_MS = 120
PageIdRole = Qt.ItemDataRole.UserRole + 1


def highlight_ids_of(data: QMimeData) -> list[int]:
    """The highlight ids a drag carries ([] for anything else or a malformed payload)."""
    if not data.hasFormat(HIGHLIGHTS_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(HIGHLIGHTS_MIME).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return []
    if not isinstance(ids, list):
        return []
    return [int(i) for i in ids if isinstance(i, int) and not isinstance(i, bool) and i > 0]


def highlights_mime(highlight_ids: list[int]) -> QMimeData:
    """A drag's payload for highlights (what the notebook and the compare view send)."""
    data = QMimeData()
    data.setData(HIGHLIGHTS_MIME, json.dumps([int(i) for i in highlight_ids]).encode("utf-8"))
    return data


class PagesPane(QWidget):
    def __init__(self, library: Library, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagesPane")
        self.setWindowTitle(self.tr("Research Pages"))
        self._library = library
        self._shell = shell
        self._page: Page | None = None  # the page in the editor, as last saved
        self._loading = False
        self.export_task: Task | None = None
        self.last_export: Path | None = None  # the file the last export wrote

        self.page_list = QListWidget()
        self.page_list.setObjectName("pagesList")
        self.page_list.setAccessibleName(self.tr("Research pages"))
        self.page_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.source = NoteEdit()  # per-paragraph direction, debounced saving (save_requested)
        self.source.setObjectName("pageSource")
        self.source.setAccessibleName(self.tr("Page text (Markdown)"))
        self.source.setPlaceholderText(
            self.tr("Write in Markdown. Drop highlights here to quote them; a quote is a line {{quote ID}}.")
        )
        self.rendered = QTextBrowser()
        self.rendered.setObjectName("pageRendered")
        self.rendered.setAccessibleName(self.tr("Page with its quotes"))
        # a link leaves the app only after a click and a yes (javascript:, file: and the like never)
        self.rendered.setOpenLinks(False)
        self.rendered.anchorClicked.connect(self._link_clicked)

        self.new_action = QAction(self.tr("New Page…"), self)
        self.new_action.setObjectName("newPageAction")
        self.rename_action = QAction(self.tr("Rename Page…"), self)
        self.rename_action.setObjectName("renamePageAction")
        self.delete_action = QAction(self.tr("Delete Page"), self)
        self.delete_action.setObjectName("deletePageAction")
        self.export_action = QAction(self.tr("Export Page…"), self)
        self.export_action.setObjectName("exportPageAction")
        self.new_action.triggered.connect(self.ask_new)
        self.rename_action.triggered.connect(self.ask_rename)
        self.delete_action.triggered.connect(self.delete_current)
        self.export_action.triggered.connect(self.ask_export)
        buttons = QHBoxLayout()
        # icons, their words in the tooltip and the list's context menu: four worded buttons made the list of
        # pages wider than the editor beside the notebook at 1024 pixels
        icons = ("fa5s.file-medical", "fa5s.pen", "fa5s.trash-alt", "mdi6.export")
        for action, icon in zip(
            (self.new_action, self.rename_action, self.delete_action, self.export_action), icons, strict=True
        ):
            action.setIcon(qta.icon(icon))
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setAccessibleName(action.text().replace("…", ""))
            buttons.addWidget(button)
            self.page_list.addAction(action)
        buttons.addStretch(1)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.page_list)
        editor = QSplitter(Qt.Orientation.Vertical)
        editor.addWidget(self.source)
        editor.addWidget(self.rendered)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self._shut = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.source.save_requested.connect(self._save)
        self.source.document().contentsChanged.connect(self._on_text_changed)
        self.page_list.currentItemChanged.connect(self._on_current_changed)
        self.setAcceptDrops(True)
        self.source.viewport().installEventFilter(self)
        shell.library_changed.connect(self._on_library_change)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)
        self.reload()

    # the list --------------------------------------------------------------------------------------
    @property
    def current_page_id(self) -> int | None:
        return self._page.id if self._page is not None else None

    def reload(self) -> None:
        """Read the list of pages again, keeping the chosen one (or choosing the first)."""
        pages = self._library.pages.list()
        keep = self.current_page_id
        self._loading = True
        self.page_list.clear()
        for page in pages:
            item = QListWidgetItem(page.title)
            item.setData(PageIdRole, page.id)
            item.setToolTip(page.title)
            self.page_list.addItem(item)
        self._loading = False
        ids = [p.id for p in pages]
        self.select_page(keep if keep in ids else (ids[0] if ids else None))
        self._update_actions()

    def select_page(self, page_id: int | None) -> None:
        """Choose a page in the list and open it; the page already open keeps its editor (caret, undo)."""
        item = next(
            (
                it
                for it in map(self.page_list.item, range(self.page_list.count()))
                if it.data(PageIdRole) == page_id
            ),
            None,
        )
        if item is None:
            self._open(None)
            return
        if self._page is not None and self._page.id == page_id:
            self._loading = True
            self.page_list.setCurrentItem(item)
            self._loading = False
            self._page = dataclasses.replace(self._page, title=item.text())  # renamed meanwhile
            return
        if self.page_list.currentItem() is item:
            self._open(page_id)
        else:
            self.page_list.setCurrentItem(item)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if self._loading:
            return
        self._open(current.data(PageIdRole) if current is not None else None)

    def _open(self, page_id: int | None) -> None:
        self.flush()
        try:
            self._page = self._library.pages.get(page_id) if page_id is not None else None
        except HawamishError:
            self._page = None
        self._loading = True
        self.source.set_note(self._page.text if self._page is not None else "")
        self._loading = False
        self.source.setEnabled(self._page is not None)
        self.render_current()
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self._page is not None
        for action in (self.rename_action, self.delete_action, self.export_action):
            action.setEnabled(chosen)

    # editing ---------------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if not self._loading and self._page is not None:
            self._refresh_timer.start()

    @property
    def save_pending(self) -> bool:
        return self.source.is_dirty()

    def flush(self) -> None:
        """Save what was typed now (before the page changes, the pane hides or the app quits)."""
        self.source.flush()

    def shut(self) -> None:
        """The window is closing: save what was typed, and refresh no more (the library closes next)."""
        self.flush()
        self._refresh_timer.stop()
        if not self._shut:  # a window may be closed twice
            self._shut = True
            self._shell.library_changed.disconnect(self._on_library_change)

    def _save(self, text: str) -> None:
        page = self._page
        if page is None or text == page.text:
            return
        try:
            self._page = self._library.pages.update(page.id, text=text)
        except HawamishError as exc:
            if exc.code == ErrorCode.NOT_FOUND:  # deleted meanwhile (an undo of its creation)
                self._page = None
            else:
                self._shell.show_error(exc)

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def insert_quotes(self, highlight_ids: list[int]) -> bool:
        """Quote highlights in the chosen page at the caret (each a paragraph of its own); a page is made when
        there is none. False when nothing was inserted."""
        ids = [int(i) for i in highlight_ids]
        if not ids:
            return False
        if self._page is None and not self._create(self._free_title(self.tr("New Page"))):
            return False
        text = self.source.toPlainText()
        new_text, caret = insert_quotes(text, self.source.textCursor().position(), ids)
        cursor = QTextCursor(self.source.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(new_text)  # one step of the editor's own undo
        cursor.setPosition(caret)
        self.source.setTextCursor(cursor)
        self.flush()
        self.render_current()
        return True

    # drops -----------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if "source" not in self.__dict__:  # events of the viewport while the pane is built or torn down
            return super().eventFilter(watched, event)
        kind = event.type()
        if watched is self.source.viewport() and kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag: QDragMoveEvent = event  # type: ignore[assignment]
            if drag.mimeData().hasFormat(HIGHLIGHTS_MIME):
                drag.acceptProposedAction()
                self.source.setTextCursor(self.source.cursorForPosition(drag.position().toPoint()))
                return True
        if watched is self.source.viewport() and kind == QEvent.Type.Drop:
            drop: QDropEvent = event  # type: ignore[assignment]
            ids = highlight_ids_of(drop.mimeData())
            if ids:
                self.source.setTextCursor(self.source.cursorForPosition(drop.position().toPoint()))
                self.insert_quotes(ids)
                drop.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(HIGHLIGHTS_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(HIGHLIGHTS_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = highlight_ids_of(event.mimeData())
        if ids and self.insert_quotes(ids):
            event.acceptProposedAction()

    #: What a click on a link does (tests replace it: the question is never shown without a user).
    link_opener: type[LinkOpener] = LinkOpener

    def _link_clicked(self, url: QUrl) -> None:
        self.link_opener(self).clicked(url)

    # rendering -------------------------------------------------------------------------------------
    def render_current(self) -> None:
        """Show the page as typed, each quote read from the library now."""
        if self._page is None:
            self.rendered.clear()
            return
        page = Page(self._page.id, self._page.title, self.source.toPlainText())
        rendered = self._library.pages.render(page)
        document = OfflineDocument(self.rendered)  # a page's ![image](url) is never loaded
        document.setMarkdown(
            self.page_markdown(rendered), QTextDocument.MarkdownFeature.MarkdownDialectGitHub
        )
        apply_block_directions(document, QApplication.layoutDirection())
        self.rendered.setDocument(document)

    def page_markdown(self, page: RenderedPage) -> str:
        """The page as Markdown for the rendered view: quotes as block quotes with their citations."""
        parts = [f"# {escape(page.title)}"]
        for block in page.blocks:
            parts.append(block.markdown if isinstance(block, TextPiece) else self._quote_markdown(block))
        return "\n\n".join(parts) + "\n"

    def _quote_markdown(self, quote: RenderedQuote) -> str:
        if quote.state == QuoteState.DELETED:
            said = self.tr("Quote deleted: highlight %1 is no longer in the library.").replace(
                "%1", str(quote.highlight_id)
            )
            return f"> *{escape(said)}*"
        lines = [f"> {escape(line)}" for line in quote.exact.splitlines() if line.strip()] or [">"]
        passage = passage_of(quote)
        if passage is not None:
            language = ui_language()
            cite = isolated_citation(
                passage, language, with_quote=False, accessed=today(), arabic_digits=arabic_digits()
            )
            mark = "\u200f" if language == "ar" else "\u200e"  # the note reads in the UI language's direction
            lines += [">", f"> {mark}— {escape(cite)}"]
        if quote.state == QuoteState.ORPHAN:
            lines += [
                ">",
                f"> *{escape(self.tr('The passage was not found in the article’s current text.'))}*",
            ]
        return "\n".join(lines)

    def _on_library_change(self, change: Change) -> None:
        if change.kind in (ChangeKind.PAGE, ChangeKind.HIGHLIGHT, ChangeKind.ARTICLE, ChangeKind.LIBRARY):
            self._refresh_timer.start()

    def refresh(self) -> None:
        """After library changes: the list again (a page made, renamed, deleted or put back) and the quotes."""
        self.flush()
        self.reload()
        self.render_current()

    # new, rename, delete ---------------------------------------------------------------------------
    def _free_title(self, base: str) -> str:
        taken = {p.title for p in self._library.pages.list()}
        title, n = base, 2
        while title in taken:
            title, n = f"{base} {n}", n + 1
        return title

    def ask_new(self) -> None:
        ask_text(
            self,
            self.tr("New Page"),
            self.tr("Title of the new page:"),
            self._create,
            text=self._free_title(self.tr("New Page")),
            object_name="pageTitleDialog",
        )

    def _create(self, title: str) -> bool:
        self.flush()
        command = CreatePageCommand(self._library, title)
        if not run_page_command(self._shell, command):
            return False
        self.reload()
        self.select_page(command.page.id if command.page is not None else None)
        return True

    def ask_rename(self) -> None:
        if self._page is None:
            return
        page = self._page
        ask_text(
            self,
            self.tr("Rename Page"),
            self.tr("New title:"),
            lambda title: self.rename(page.id, title),
            text=page.title,
            object_name="pageTitleDialog",
        )

    def rename(self, page_id: int, title: str) -> bool:
        self.flush()
        old = self._library.pages.get(page_id).title
        done = run_page_command(self._shell, RenamePageCommand(self._library, page_id, old, title))
        self.reload()
        return done

    def delete_current(self) -> None:
        """Delete the chosen page (undo puts it back, Edit → Undo)."""
        if self._page is None:
            return
        self.flush()
        run_page_command(self._shell, DeletePageCommand(self._library, self._page.id))
        self._page = None
        self.reload()

    # export ----------------------------------------------------------------------------------------
    def ask_export(self) -> None:
        if self._page is None:
            return
        pdf, markdown = self.tr("PDF (*.pdf)"), self.tr("Markdown (*.md)")
        path, chosen = QFileDialog.getSaveFileName(
            self._shell.dialog_parent(),
            self.tr("Export Page"),
            f"{self._page.title}.pdf",
            f"{pdf};;{markdown}",
        )
        if path:
            fmt = "md" if chosen == markdown or path.lower().endswith(".md") else "pdf"
            self.export_to(Path(path), fmt)

    def _exported(self, path: Path, _summary: object) -> None:
        self.last_export = path
        self._shell.show_status(self.tr("Page exported to %1").replace("%1", str(path)), 5000)

    def export_to(self, path: Path, fmt: str) -> Task | None:
        """Export the chosen page to `path` off the UI thread (PDF or Markdown, in the UI language)."""
        if self._page is None:
            return None
        self.flush()
        request = ExportRequest(format=fmt, page=str(self._page.id), language=ui_language())
        library = self._library
        self.export_task = run_task(
            self,
            lambda _progress, _cancelled: library.export(request, path),
            on_done=functools.partial(self._exported, path),
            on_error=self._shell.show_error,
        )
        return self.export_task
