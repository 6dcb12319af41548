"""The panel of a shared library: who is in the folder, when it last synced, what waits, conflicts kept."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reader.core.library.sharing import ShareStatus
from reader.gui.common.people import person_color


def dot(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class SharingPanel(QWidget):
    """Shows `library.sharing.status()`; asks for a sync with `sync_requested`."""

    sync_requested = Signal()
    share_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sharingPanel")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("shareSummary")
        self.members = QListWidget(self)
        self.members.setObjectName("shareMembers")
        self.members.setAccessibleName(self.tr("Members"))
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("Sync Now"), self)
        self.sync_button.clicked.connect(self.sync_requested)
        self.share_button = QPushButton(self.tr("Share Library…"), self)
        self.share_button.clicked.connect(self.share_requested)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.members, self.details, self.sync_button, self.share_button):
            layout.addWidget(widget)
        self.show_status(None)

    def show_status(self, status: ShareStatus | None, syncing: bool = False) -> None:
        self.members.clear()
        shared = status is not None
        self.members.setVisible(shared)
        self.sync_button.setVisible(shared)
        self.share_button.setVisible(not shared)
        if status is None:
            self.summary.setText(self.tr("This library is not shared."))
            self.details.setText(
                self.tr("Share it through a folder a sync engine carries, and your team's highlights and notes "
                        "appear here as they write them.")
            )  # fmt: skip
            return
        folder = f"\u2068{status.folder}\u2069"  # isolated: its slashes stay in place in an Arabic sentence
        self.summary.setText(self.tr("Shared through %1").replace("%1", folder))
        for member in status.members:
            name = member.name + (" " + self.tr("(you)") if member.you else "")
            records = self.tr("%Ln record(s)", "", member.records)
            item = QListWidgetItem(dot(person_color(member.rank)), f"{name} — {records}")
            self.members.addItem(item)
        last = status.last_sync
        when = QLocale().toString(_local(last), QLocale.FormatType.ShortFormat) if last else self.tr("never")
        lines = [self.tr("Syncing…") if syncing else self.tr("Last sync: %1").replace("%1", when)]
        if status.pending:
            lines.append(
                self.tr(
                    "%Ln record(s) waiting (an article not here yet, or a file still arriving)",
                    "",
                    status.pending,
                )
            )
        if status.conflicts:
            lines.append(
                self.tr(
                    "%Ln highlight(s) edited at the same time by two people: both versions kept",
                    "",
                    status.conflicts,
                )
            )
        self.details.setText("\n".join(lines))


def _local(iso: str) -> QDateTime:
    return QDateTime.fromString(iso, Qt.DateFormat.ISODate).toLocalTime()
