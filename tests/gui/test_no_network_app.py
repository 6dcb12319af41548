"""No network in the app: its views, on a page and notes full of remote references, make zero requests.

The app runs offscreen in this process with the socket layer guarded (tests/network_guard.py: every
non-loopback connection or name lookup is refused and recorded) while a server on 127.0.0.1 counts
requests. Each step of `STEPS` drives one part of the app; a new view (the notebook) joins the test as one
more step. After every step: no request reached the server, no attempt reached the guard. The documents
that show text (OfflineDocument) are asked for the note's images and refuse them all.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.core.importers.html import read_html
from reader.core.library import Library
from reader.gui.common.offline_document import OfflineDocument
from tests.core.importers.test_mhtml import mhtml_bytes
from tests.network_guard import CountingServer, guarded, remote_note, remote_page, write_sitecustomize

WAIT_MS = 20_000
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class App:
    """What a step gets: the window, its library, the article with remote references, and the server."""

    window: object
    library: Library
    article_id: int
    server: CountingServer
    qtbot: object
    tmp_path: Path


def import_in_reader_processes(app: App) -> None:
    """The window's import reads pages in spawned reader processes: they carry the guard (sitecustomize)."""
    from reader.core.library.importing import ImportOptions

    folder = app.tmp_path / "to import"
    folder.mkdir()
    page = remote_page(app.server.base)
    for name, words in (("another.html", "سطر رقم"), ("saved.mhtml", "مقطع رقم")):
        text = page.replace("فقرة رقم", words).replace("/column", f"/{name}")
        path = folder / name
        if name.endswith(".mhtml"):
            path.write_bytes(mhtml_bytes(text.encode()))
        else:
            path.write_text(text, encoding="utf-8")
    results = app.library.import_paths([folder], options=ImportOptions(processes=2))
    assert [r.status for r in results] == ["imported", "imported"], [r.error for r in results]


def open_article_view(app: App) -> None:
    assert app.window.open_article(app.article_id)  # type: ignore[attr-defined]
    app.qtbot.wait(50)  # type: ignore[attr-defined]
    view = app.window.article_view  # type: ignore[attr-defined]
    assert isinstance(view.document(), OfflineDocument)
    view.grab()  # paint it: a document loads its images when it lays out and paints


def show_annotation_panel(app: App) -> None:
    panel = app.window.annotations.panel  # type: ignore[attr-defined]
    panel.show()
    panel.raise_()
    app.qtbot.waitUntil(lambda: panel.count_label.text() != "", timeout=WAIT_MS)  # type: ignore[attr-defined]
    panel.grab()  # the cards, with the note rendered from its Markdown


def edit_the_article_note(app: App) -> None:
    panel = app.window.annotations.panel  # type: ignore[attr-defined]
    panel.article_note_edit.setPlainText(remote_note(app.server.base) + "\n\nملاحظة على المقال كله.")
    panel.article_note_edit.flush()
    panel.grab()


def search(app: App) -> None:
    app.window.search.set_query("شبكة", open_first=True)  # type: ignore[attr-defined]
    app.window.search.search_now()  # type: ignore[attr-defined]
    panel = app.window.search_panel  # type: ignore[attr-defined]
    app.qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=WAIT_MS)  # type: ignore[attr-defined]
    panel.grab()


def export_every_format(app: App) -> None:
    from reader.gui.export.export_dialog import ExportDialog

    dialog = ExportDialog(app.library, article_id=app.article_id)
    app.qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    dialog.show()
    for fmt in ("md", "html", "pdf", "csv", "json"):
        dialog.set_format(fmt)
        app.qtbot.waitUntil(lambda: not dialog.preview.busy, timeout=WAIT_MS)  # type: ignore[attr-defined]
        dialog.grab()  # the preview
        dialog.start_export(app.tmp_path / f"export.{fmt}")
        app.qtbot.waitUntil(lambda: dialog.export_task is None, timeout=WAIT_MS)  # type: ignore[attr-defined]
        assert (app.tmp_path / f"export.{fmt}").stat().st_size > 0
    dialog.close()


def open_the_notebook(app: App) -> None:
    controller = app.window.notebook  # type: ignore[attr-defined]
    controller.action.trigger()
    app.qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: controller.notebook is not None and controller._load_task is None, timeout=WAIT_MS
    )
    controller.view.grab()  # its cards, each note rendered from its Markdown


def write_a_research_page(app: App) -> None:
    """A research page in Markdown with remote images and links, and a quote of the highlight."""
    pages = app.window.pages  # type: ignore[attr-defined]
    highlight = app.library.highlights.for_article(app.article_id)[0]
    text = remote_note(app.server.base) + f"\n\n{{{{quote {highlight.id}}}}}\n"
    page = app.library.pages.create("صفحة بحث", text)  # type: ignore[attr-defined]
    pages.refresh()  # (the list also follows the library's change, later)
    pages.select_page(page.id)
    pages.render_current()
    assert isinstance(pages.rendered.document(), OfflineDocument)
    assert not pages.rendered.openLinks() and not pages.rendered.openExternalLinks()
    pages.rendered.grab()
    # a click on a link asks first (answered "no" here: a test never shows the question); others never run
    from PySide6.QtCore import QUrl

    from reader.gui.common.links import LinkOpener

    asked: list[str] = []
    opened: list[str] = []

    class AnsweringNo(LinkOpener):
        def __init__(self, parent: object) -> None:
            super().__init__(
                None,
                confirm=lambda _parent, url: bool(asked.append(url.toString())),
                open_url=lambda url: opened.append(url.toString()),
            )

    pages.link_opener = AnsweringNo
    for link in (f"{app.server.base}/link", "javascript:alert(1)", "file:///etc/passwd"):
        pages.rendered.anchorClicked.emit(QUrl(link))
    assert (asked, opened) == ([f"{app.server.base}/link"], [])


#: The app's parts that show text, in order (the notebook view joins here when it lands).
STEPS: list[Callable[[App], None]] = [
    import_in_reader_processes,
    open_article_view,
    show_annotation_panel,
    edit_the_article_note,
    search,
    export_every_format,
    open_the_notebook,
    write_a_research_page,
]


@pytest.fixture
def server() -> Iterator[CountingServer]:
    with CountingServer() as running:
        yield running


def test_no_view_of_the_app_makes_a_request(
    qtbot, library: Library, settings, server: CountingServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.gui.main_window import MainWindow

    asked: list[str] = []
    refuse = OfflineDocument.loadResource

    def record(self: OfflineDocument, kind: int, name: object) -> object:
        asked.append(name.toString())  # type: ignore[attr-defined]
        return refuse(self, kind, name)

    monkeypatch.setattr(OfflineDocument, "loadResource", record)
    page = tmp_path / "column.html"
    page.write_text(remote_page(server.base), encoding="utf-8")
    meta, blocks = read_html(page)
    article_id = library.articles.add(meta, blocks)
    text = library.articles.get(article_id).text
    start = text.index("فقرة رقم 1")
    library.highlights.create(article_id, start, start + 10, note=remote_note(server.base), tags=["شبكة"])
    library.articles.set_note(article_id, remote_note(server.base))

    log = tmp_path / "attempts.log"
    # spawned reader processes start a new interpreter: the guard reaches them through sitecustomize
    site = write_sitecustomize(tmp_path / "site")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join([str(site), str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    monkeypatch.setenv("HAWAMISH_NETWORK_LOG", str(log))
    with guarded(log):
        window = MainWindow(library, settings, "en")
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        app = App(window, library, article_id, server, qtbot, tmp_path)
        for step in STEPS:
            step(app)
            qtbot.wait(20)
            assert server.requests == [], (step.__name__, server.requests)
            assert log.read_text() == "", (step.__name__, log.read_text())
        window.close()
    # the note's images were asked for, and refused: none was fetched, from the server or elsewhere
    assert f"{server.base}/img.png" in asked
    assert "https://example.com/img.png" in asked


def test_the_guard_sees_an_attempt_in_this_process(tmp_path: Path) -> None:
    """The in-process guard can fail the test above: a connection to a public host is refused and recorded."""
    import socket

    log = tmp_path / "attempts.log"
    with guarded(log), pytest.raises(OSError, match="refused by the test guard"):
        socket.create_connection(("203.0.113.7", 80), timeout=1)
    assert "203.0.113.7" in log.read_text()


def test_a_note_naming_a_device_file_renders_without_reading_it(tmp_path: Path) -> None:
    """`![z](file:///dev/zero)` in a note: a plain QTextDocument reads the device forever (the app froze);
    the note card's document loads nothing. In a child process, so that a regression fails, not hangs."""
    import subprocess
    import sys

    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QFont\n"
        "app = QApplication([])\n"
        "from reader.gui.annotations.annotation_cards import MarkdownText\n"
        "note = MarkdownText('![z](file:///dev/zero) ![r](x.png) نص', QFont(), 300, 4, Qt.LayoutDirection.RightToLeft)\n"
        "print('rendered', note.height > 0, note.document.refused)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "rendered True" in done.stdout, done.stderr
    assert "file:///dev/zero" in done.stdout
