"""What the article view shows: opening an article, where it was left, text size, and library changes.

The article view only lays an article out; this controller decides which article it shows and where: the
reading position of each article is kept in the library (it is the user's data), the last article and the
text size in the app's settings, and a change to the open article (its text updated, or the article
deleted) is shown at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from reader.core.changes import Change, ChangeKind, ChangeOp
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.gui.common.settings import library_key
from reader.gui.reading.article_view import ArticleView

log = logging.getLogger(__name__)

ZOOM_STEP = 1
ZOOM_MIN, ZOOM_MAX = -6, 12
ZOOM_KEY = "view/zoom"


class ReadingController(QObject):
    """Opens articles in the view; `open_article` is the one way to show one."""

    #: An article is shown (opened, or shown again after its text changed).
    article_opened = Signal(object)  # Article
    #: The open article left the library: the view is empty.
    article_closed = Signal()
    #: `open_article` could not open an article: the sentence to show in the status bar.
    open_failed = Signal(object)  # HawamishError

    def __init__(
        self, library: Library, settings: QSettings, view: ArticleView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings
        self._view = view
        self._closed = False

    # opening -------------------------------------------------------------------------------------
    def open_article(self, article_id: int, scroll_to: int | None = None) -> bool:
        """Show an article, scrolled to a code-point offset (else to where it was left); False if missing."""
        try:
            article = self._library.articles.get(article_id)
        except HawamishError as exc:
            self.open_failed.emit(exc)
            return False
        view = self._view
        current = view.article
        if current is None or current.id != article.id or current.content_hash != article.content_hash:
            same_article = current is not None and current.id == article.id
            kept_position = view.top_offset() if same_article else 0  # its text was updated
            if current is not None and not same_article:
                self.save_reading_position()
            view.set_article(article)
            if scroll_to is None:
                position = kept_position if same_article else self._reading_position(article.id)
                if position:
                    view.scroll_to_offset(position, fraction=0.0)
        if scroll_to is not None:
            view.scroll_to_offset(scroll_to)
        self._settings.setValue(library_key(self._library.folder, "last_article"), article.id)
        self.article_opened.emit(article)
        return True

    def current_article_id(self) -> int | None:
        article = self._view.article
        return article.id if article is not None else None

    def last_article_id(self) -> int | None:
        """The article open when this library was last closed (None the first time)."""
        value = self._settings.value(library_key(self._library.folder, "last_article"))
        return _as_int(value) if value is not None and str(value).isdigit() else None

    # reading positions ---------------------------------------------------------------------------
    def save_reading_position(self) -> None:
        """Remember where the open article is scrolled to (in the library: it is the user's data)."""
        article = self._view.article
        if article is None or self._closed:
            return
        offset = self._view.top_offset() if self._view.verticalScrollBar().value() > 0 else 0
        try:
            self._library.set_setting(f"reading_position/{article.id}", str(offset))
        except Exception:
            log.warning("could not save the reading position", exc_info=True)

    def _reading_position(self, article_id: int) -> int:
        try:
            return int(self._library.get_setting(f"reading_position/{article_id}", "0") or 0)
        except (ValueError, TypeError):
            return 0

    # text size -----------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        """Larger (+) or smaller (-) article text; 0 resets. Remembered in the settings."""
        zoom = 0 if step == 0 else _as_int(self._settings.value(ZOOM_KEY, 0)) + step
        zoom = max(ZOOM_MIN, min(ZOOM_MAX, zoom))
        self._settings.setValue(ZOOM_KEY, zoom)
        self._view.set_zoom(zoom)

    def restore_zoom(self) -> None:
        zoom = _as_int(self._settings.value(ZOOM_KEY, 0))
        if zoom:
            self._view.set_zoom(zoom)

    # library changes -----------------------------------------------------------------------------
    def on_library_change(self, change: Change) -> None:
        """The open article was updated (shown again, at the same place) or deleted (the view empties);
        after a restore (LIBRARY) it is read again, or the view empties when the backup did not have it."""
        article = self._view.article
        if self._closed or article is None:
            return
        if change.kind == ChangeKind.LIBRARY:
            gone = not self._library.articles.exists(article.id)
        elif change.kind == ChangeKind.ARTICLE and article.id in change.article_ids:
            gone = change.op == ChangeOp.DELETED
        else:
            return
        if gone:
            self._view.set_article(None)
            self.article_closed.emit()
        else:
            # after the other listeners of this change: the list has its new row before it is selected
            QTimer.singleShot(0, lambda: self._reopen(article.id))

    def _reopen(self, article_id: int) -> None:
        if not self._closed:
            self.open_article(article_id)

    def close(self) -> None:
        """The window closes: remember the reading position, then ignore what still arrives."""
        self.save_reading_position()
        self._closed = True


def _as_int(value: object) -> int:
    """A number kept in the INI settings (read back as text); 0 when it is not one."""
    try:
        return int(str(value))
    except ValueError:
        return 0
