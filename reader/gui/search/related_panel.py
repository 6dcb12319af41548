"""The "More Like This" panel: what the articles are like (an article or a highlight), the key words the
match used, and the related articles as the search results list shows them. It only lays them out; the
related controller (related_controller.py) decides what runs and what opening a row does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.gui.search.search_model import ResultRow, results_view
from reader.messages import isolate

#: Key words shown under the title (the strongest first).
SHOWN_WORDS = 10


class RelatedPanel(QWidget):
    """Lives in the window's "More Like This" dock (objectName relatedPanel)."""

    #: A related article was activated (Enter, double click).
    result_activated = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedPanel")
        self.source_label = QLabel(self)
        self.source_label.setObjectName("relatedSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.words_label = QLabel(self)
        self.words_label.setObjectName("relatedWords")
        self.words_label.setWordWrap(True)
        self.words_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel(self)
        self.message.setObjectName("relatedMessage")
        self.message.setWordWrap(True)
        self.results, self.model = results_view(self, "relatedResults", self.tr("Related articles"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.source_label)
        layout.addWidget(self.words_label)
        layout.addWidget(self.message)
        layout.addWidget(self.results, 1)
        self.results.activated.connect(self.result_activated)
        self.results.doubleClicked.connect(self.result_activated)
        self.show_empty()

    def show_empty(self) -> None:
        self.source_label.setText(self.tr("Choose More Like This on an article or a highlight."))
        self.words_label.hide()
        self.message.hide()
        self.model.set_rows([])

    def show_looking(self, article_title: str, quote: str | None) -> None:
        """What is being looked for, while the library is searched."""
        if quote is None:
            self.source_label.setText(
                self.tr("Like the article {title}").format(title=isolate(article_title))
            )
        else:
            self.source_label.setText(self.tr("Like the passage “{quote}”").format(quote=isolate(quote)))
        self.words_label.hide()
        self.message.setText(self.tr("Looking for related articles…"))
        self.message.show()
        self.model.set_rows([])

    def show_rows(self, rows: list[ResultRow], words: list[str]) -> None:
        self.model.set_rows(rows)
        self.words_label.setText(
            self.tr("Key words: {words}").format(words=" · ".join(isolate(w) for w in words[:SHOWN_WORDS]))
        )
        self.words_label.setVisible(bool(words))
        self.message.setText("" if rows else self.tr("Nothing in the library is like it."))
        self.message.setVisible(not rows)
        if rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.scrollToTop()

    def show_error(self, text: str) -> None:
        self.model.set_rows([])
        self.message.setText(text)
        self.message.show()

    def current_row(self) -> ResultRow | None:
        return self.model.row_at(self.results.currentIndex())
