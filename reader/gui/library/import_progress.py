"""The import's progress dialog: the file being read, files done of total, results so far, Cancel.

Only lays out and shows a snapshot (import_run.ImportSnapshot); the import flow decides when. It is not
modal: the user keeps reading while a large folder is imported, and the list fills in behind it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from reader.gui.common.numbers import local_number
from reader.gui.library.import_run import ImportSnapshot

#: The dialog's width: a long file name is elided in the middle to fit, the dialog never grows with it.
DIALOG_WIDTH = 460


def shown_name(path: str) -> str:
    """A file as the dialog names it: its folder and name (a corpus has many 0001.txt, one per folder)."""
    if not path:
        return ""
    p = Path(path)
    return f"{p.parent.name}/{p.name}" if p.parent.name else p.name


class ImportProgressDialog(QDialog):
    """Current file, a bar of files done of total, counts so far; Cancel (or Esc) asks to stop."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.setWindowTitle(self.tr("Import"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setFixedWidth(DIALOG_WIDTH)
        self.heading = QLabel(self.tr("Importing articles…"), self)
        self.heading.setObjectName("importHeading")
        self.file_label = QLabel(self)
        self.file_label.setObjectName("importCurrentFile")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        # a QLabel aligns plain text by the text's own direction: a Latin file name would sit on the left
        # of an Arabic dialog; it goes where the UI's lines start (the name itself stays isolated, LTR)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        self.file_label.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importBar")
        self.bar.setRange(0, 0)  # busy until the files are counted
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("importCounts")
        self.counts_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.file_label, self.bar, self.counts_label, self.buttons):
            layout.addWidget(widget)
        self.show_snapshot(ImportSnapshot())

    def reject(self) -> None:
        """Cancel, Esc or the close button: ask the import to stop (the dialog stays until it has)."""
        self.cancel_requested.emit()

    def show_cancelling(self) -> None:
        self.heading.setText(self.tr("Cancelling… the articles read so far are kept."))
        self.cancel_button.setEnabled(False)

    def show_snapshot(self, snapshot: ImportSnapshot) -> None:
        if snapshot.total:
            self.bar.setRange(0, snapshot.total)
            self.bar.setValue(snapshot.done)
            self.bar.setFormat(
                self.tr("{done} of {total}").format(
                    done=local_number(snapshot.done), total=local_number(snapshot.total)
                )
            )
        name = shown_name(snapshot.current)
        if name:
            width = self.file_label.width() if self.file_label.width() > 50 else DIALOG_WIDTH - 40
            elided = self.file_label.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, width)
            self.file_label.setText(
                f"\u2068{elided}\u2069"
            )  # isolated: "folder/0001.txt" keeps its order in RTL
            self.file_label.setToolTip(f"\u2068{snapshot.current}\u2069")  # a path: isolated in Arabic
        else:
            self.file_label.setText(self.tr("Finding the files…"))
        counts = snapshot.counts
        parts = [
            self.tr("Imported: {n}").format(n=local_number(counts.get("imported", 0))),
            self.tr("Already in the library: {n}").format(n=local_number(counts.get("duplicate", 0))),
            self.tr("Failed: {n}").format(n=local_number(counts.get("failed", 0))),
        ]
        if counts.get("changed"):
            parts.append(
                self.tr("Changed since they were imported: {n}").format(n=local_number(counts["changed"]))
            )
        self.counts_label.setText(" · ".join(parts))
