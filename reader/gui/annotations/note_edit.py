"""A Markdown note editor whose paragraphs each take their direction from their own text.

A researcher's note mixes Arabic and English: "هذا ادعاء — see the UN report" must read right-to-left,
and the next paragraph, in English, left-to-right. As in ArticleView, each block gets an explicit layout
direction from its first strong character (reader.core.text.first_strong_direction); a block with no strong
character follows the block before it (or the widget's direction for the first one). The note is saved as
plain Markdown text: direction is never stored, it is recomputed from the text.

Saving is debounced: `save_requested(text)` fires when typing pauses, on focus-out and on `flush()`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from reader.core.text import Direction, first_strong_direction

SAVE_DELAY_MS = 700


class NoteEdit(QTextEdit):
    """Plain-text (Markdown) editing with per-paragraph direction and debounced saving."""

    save_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self._applying = False
        self._saved_text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.document().contentsChanged.connect(self._on_changed)

    # content ---------------------------------------------------------------------------------------
    def note(self) -> str:
        return self.toPlainText()

    def set_note(self, text: str) -> None:
        """Show `text` as the saved state (no save is requested for it)."""
        self._timer.stop()
        self._saved_text = text
        if text != self.toPlainText():
            self._applying = True
            try:
                self.setPlainText(text)
            finally:
                self._applying = False
            self.apply_directions(undoable=False)
            self.document().clearUndoRedoStacks()  # loading a note is not an edit the user can undo

    def is_dirty(self) -> bool:
        """True when the text differs from what was last loaded or saved."""
        return self.toPlainText() != self._saved_text

    def flush(self) -> None:
        """Request a save now if the text changed."""
        self._timer.stop()
        if self.is_dirty():
            self._saved_text = self.toPlainText()
            self.save_requested.emit(self._saved_text)

    def _on_changed(self) -> None:
        if self._applying:
            return
        self.apply_directions(undoable=True)
        if self.is_dirty():
            self._timer.start()

    # direction -------------------------------------------------------------------------------------
    def apply_directions(self, *, undoable: bool) -> None:
        """Give every paragraph the direction of its own first strong character."""
        doc = self.document()
        fallback = self.layoutDirection()
        changes: list[tuple[int, Qt.LayoutDirection]] = []
        block = doc.begin()
        while block.isValid():
            strong = first_strong_direction(block.text())
            if strong is None:
                wanted = fallback
            else:
                wanted = (
                    Qt.LayoutDirection.RightToLeft
                    if strong is Direction.RTL
                    else Qt.LayoutDirection.LeftToRight
                )
            fallback = wanted
            if block.blockFormat().layoutDirection() != wanted:
                changes.append((block.position(), wanted))
            block = block.next()
        if not changes:
            return
        self._applying = True
        try:
            cursor = QTextCursor(doc)
            if undoable and doc.isUndoAvailable():
                cursor.joinPreviousEditBlock()  # one undo step with the typing that caused it
            else:
                cursor.beginEditBlock()
            for position, direction in changes:
                cursor.setPosition(position)
                fmt = QTextBlockFormat(cursor.blockFormat())
                fmt.setLayoutDirection(direction)
                cursor.setBlockFormat(fmt)
            cursor.endEditBlock()
        finally:
            self._applying = False

    def block_directions(self) -> list[Qt.LayoutDirection]:
        """The layout direction of each paragraph (tests, accessibility checks)."""
        out = []
        block = self.document().begin()
        while block.isValid():
            out.append(block.blockFormat().layoutDirection())
            block = block.next()
        return out

    # events ----------------------------------------------------------------------------------------
    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.flush()
        super().focusOutEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.LayoutDirectionChange:
            self.apply_directions(undoable=False)
