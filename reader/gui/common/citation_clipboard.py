"""Highlights on the clipboard as citations, in the UI language's conventions (reader.core.citations):
text/plain for any editor, text/html (the outlet in italics, the URL a link) for word processors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QLocale, QMimeData
from PySide6.QtGui import QGuiApplication

from reader.core.citations import CitedPassage, html_citations, passage_of, plain_citations, today
from reader.core.library import Library
from reader.core.pages import RenderedQuote
from reader.gui.common.label_display import ui_language


def arabic_digits() -> bool:
    """Arabic-Indic digits, as the preferences' digit choice set the default locale."""
    return QLocale().zeroDigit() == "\u0660"


def citation_mime(quotes: Sequence[RenderedQuote], language: str, *, accessed: str = "") -> QMimeData | None:
    """The citations of the quotes that still exist, as plain text and HTML; None when none does."""
    passages: list[CitedPassage] = [p for p in map(passage_of, quotes) if p is not None]
    if not passages:
        return None
    options = {"accessed": accessed or today(), "arabic_digits": arabic_digits()}
    data = QMimeData()
    data.setText(plain_citations(passages, language, **options))
    data.setHtml(html_citations(passages, language, **options))
    return data


def copy_citations(library: Library, highlight_ids: Iterable[int]) -> bool:
    """Put the highlights' citations on the clipboard in the UI language; False when none exists any more."""
    data = citation_mime(library.pages.quotes(highlight_ids), ui_language())
    if data is None:
        return False
    QGuiApplication.clipboard().setMimeData(data)
    return True
