"""Highlighting a selection: a small floating toolbar, a context-menu section and keyboard shortcuts.

When the user selects text in the article view, a toolbar floats just above the selection with one swatch
per colour label, an underline button and a note button. The same actions are in the view's context menu
and in Edit → Highlight, with Ctrl+1 … Ctrl+6 for the first six colours, Ctrl+U for underline and Ctrl+M
for "highlight and add a note". The actions only ask; the controller creates the
highlight (an undoable command, committed at once).
"""

from __future__ import annotations

from collections.abc import Sequence

import qtawesome as qta
from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QToolButton

from reader.core.models import ColorLabel
from reader.gui.common.label_display import label_display_name, swatch_icon
from reader.gui.reading.article_view import ArticleView
from reader.gui.shell import Shell

SHOW_DELAY_MS = 180
COLOR_SHORTCUTS = 6


class SelectionActions(QObject):
    """The window-wide actions that turn the view's selection into a highlight."""

    highlight_requested = Signal(str, str, bool)  # label key, style, then focus the note

    def __init__(self, shell: Shell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell = shell
        self.view = shell.article_view
        self.color_actions: list[QAction] = []
        self.labels: list[ColorLabel] = []
        self.menu = QMenu(self.tr("&Highlight"), shell.dialog_parent())
        self.menu.setObjectName("highlightMenu")
        self.underline_action = QAction(qta.icon("fa5s.underline"), self.tr("&Underline"), self)
        self.underline_action.setShortcut(QKeySequence("Ctrl+U"))
        self.underline_action.triggered.connect(
            lambda: self._request(self.default_color(), "underline", False)
        )
        self.note_action = QAction(qta.icon("fa5s.comment-medical"), self.tr("Highlight and Add &Note"), self)
        # Ctrl+M alone: Ctrl+Shift+N is kept for the notebook view (every highlight of the library)
        self.note_action.setShortcut(QKeySequence("Ctrl+M"))
        self.note_action.triggered.connect(lambda: self._request(self.default_color(), "background", True))
        for action in (self.underline_action, self.note_action):
            shell.add_action(action)  # the shortcuts; the menu entries come with the Highlight menu
        self.view.selectionChanged.connect(self.update_enabled)
        self.update_enabled()

    def set_labels(self, labels: Sequence[ColorLabel]) -> None:
        for action in self.color_actions:
            self._shell.remove_action(action)
            action.deleteLater()
        self.labels = list(labels)
        self.color_actions = []
        self.menu.clear()
        for n, label in enumerate(self.labels):
            action = QAction(swatch_icon(label.color), label_display_name(label), self)
            action.setObjectName(f"highlightAction_{label.key}")
            if n < COLOR_SHORTCUTS:
                action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _=False, key=label.key: self._request(key, "background", False))
            self._shell.add_action(action)
            self.color_actions.append(action)
            self.menu.addAction(action)
        self.menu.addSeparator()
        self.menu.addAction(self.underline_action)
        self.menu.addAction(self.note_action)
        self.update_enabled()

    def default_color(self) -> str:
        return self.labels[0].key if self.labels else "claim"

    def has_selection(self) -> bool:
        return self.view.article is not None and self.view.selected_range() is not None

    def update_enabled(self) -> None:
        enabled = self.has_selection()
        for action in [*self.color_actions, self.underline_action, self.note_action]:
            action.setEnabled(enabled)

    def _request(self, key: str, style: str, with_note: bool) -> None:
        if self.has_selection():
            self.highlight_requested.emit(key, style, with_note)

    def add_to_menu(self, menu: QMenu) -> None:
        """The context-menu section: one entry per colour, underline, note."""
        menu.addSection(self.tr("Highlight"))
        for action in self.color_actions:
            menu.addAction(action)
        menu.addAction(self.underline_action)
        menu.addAction(self.note_action)


class SelectionToolbar(QFrame):
    """Floats above the article view's selection, with the highlight actions as buttons."""

    def __init__(self, view: ArticleView, actions: SelectionActions) -> None:
        super().__init__(view.viewport())
        self.setObjectName("selectionToolbar")
        self.view = view
        self.selection_actions = actions
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#selectionToolbar { background: palette(window); border: 1px solid palette(mid); border-radius: 6px; }"
        )
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 2, 4, 2)
        self._layout.setSpacing(1)
        self._buttons: list[QToolButton] = []
        self._timer = QTimer(self, singleShot=True, interval=SHOW_DELAY_MS)
        self._timer.timeout.connect(self.reposition)
        self._mouse_down = False
        view.selectionChanged.connect(self._on_selection_changed)
        view.verticalScrollBar().valueChanged.connect(self._on_scroll)
        view.viewport().installEventFilter(self)
        actions.highlight_requested.connect(lambda *_: self.hide())
        self.rebuild()
        self.hide()

    def rebuild(self) -> None:
        """One button per colour action, then underline and note (after the labels change)."""
        for button in self._buttons:
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons = []
        for action in [
            *self.selection_actions.color_actions,
            self.selection_actions.underline_action,
            self.selection_actions.note_action,
        ]:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setIconSize(QSize(18, 18))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(action.text().replace("&", "") + (f"  ({shortcut})" if shortcut else ""))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setFixedSize(QSize(28, 26))
            if action is self.selection_actions.underline_action:
                self._layout.addSpacing(4)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.adjustSize()

    def buttons(self) -> list[QToolButton]:
        return list(self._buttons)

    def _on_selection_changed(self) -> None:
        if self.selection_actions.has_selection():
            if not self._mouse_down:
                self._timer.start()
        else:
            self._timer.stop()
            self.hide()

    def _on_scroll(self) -> None:
        if self.isVisible():
            self.reposition()

    def reposition(self) -> None:
        """Show above the selection's first line (below it when there is no room), inside the viewport."""
        if not self.selection_actions.has_selection():
            self.hide()
            return
        cursor = self.view.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        probe = self.view.textCursor()
        probe.setPosition(start)
        first = self.view.cursorRect(probe)
        probe.setPosition(end)
        last = self.view.cursorRect(probe)
        self.adjustSize()
        viewport = self.view.viewport().rect()
        x = (
            (first.center().x() + last.center().x()) // 2 - self.width() // 2
            if first.top() == last.top()
            else (viewport.center().x() - self.width() // 2)
        )
        y = first.top() - self.height() - 6
        if y < 0:
            y = last.bottom() + 6
        x = max(4, min(x, viewport.width() - self.width() - 4))
        y = max(4, min(y, viewport.height() - self.height() - 4))
        self.move(QPoint(x, y))
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._mouse_down = True
            self.hide()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._mouse_down = False
            if self.selection_actions.has_selection():
                self._timer.start()
        return False
