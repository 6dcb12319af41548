"""Undo commands for research pages: create, rename, delete. Each step writes through the Library at once;
the pane refreshes from the Library's PAGE changes, never from the commands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.models import Page
from reader.gui.shell import Shell


def _tr(text: str) -> str:
    return QCoreApplication.translate("PageCommands", text)


class PageCommand(QUndoCommand):
    """A command whose first step runs before it is pushed: a write the library refuses (a title taken) is
    reported and never reaches the undo stack."""

    def __init__(self, library: Library, text: str) -> None:
        super().__init__(text)
        self.library = library
        self._already_done = False

    def do(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._already_done:
            self._already_done = False
            return
        self.do()


def run_page_command(shell: Shell, command: PageCommand) -> bool:
    try:
        command.do()
    except HawamishError as exc:
        shell.show_error(exc)
        return False
    command._already_done = True
    shell.undo_stack.push(command)
    return True


class CreatePageCommand(PageCommand):
    def __init__(self, library: Library, title: str) -> None:
        super().__init__(library, _tr("New Page"))
        self.title = title
        self.page: Page | None = None

    def do(self) -> None:
        if self.page is None:
            self.page = self.library.pages.create(self.title)
        else:  # redo: the same page back, with what was typed into it before the undo
            self.page = self.library.pages.restore(self.page)

    def undo(self) -> None:
        if self.page is not None:
            self.page = self.library.pages.delete(self.page.id)


class RenamePageCommand(PageCommand):
    def __init__(self, library: Library, page_id: int, old: str, new: str) -> None:
        super().__init__(library, _tr("Rename Page"))
        self.page_id, self.old, self.new = page_id, old, new

    def do(self) -> None:
        self.library.pages.update(self.page_id, title=self.new)

    def undo(self) -> None:
        self.library.pages.update(self.page_id, title=self.old)


class DeletePageCommand(PageCommand):
    def __init__(self, library: Library, page_id: int) -> None:
        super().__init__(library, _tr("Delete Page"))
        self.page_id = page_id
        self.deleted: Page | None = None

    def do(self) -> None:
        self.deleted = self.library.pages.delete(self.page_id)

    def undo(self) -> None:
        if self.deleted is not None:
            self.page_id = self.library.pages.restore(self.deleted).id
