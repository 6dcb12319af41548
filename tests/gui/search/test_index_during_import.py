"""While an import adds articles, the index waits for it and then indexes them together (not once a batch:
whoosh beside the import in this process slowed both down and stalled the window)."""

from __future__ import annotations

import pytest

from reader.core.models import ArticleMeta
from reader.core.text import Block, BlockKind
from reader.gui.main_window import MainWindow
from reader.gui.search import index_service


def test_the_index_waits_while_articles_keep_arriving(
    qtbot, window: MainWindow, library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_service, "IMPORT_QUIET_MS", 1500)  # a loaded test machine is no reason to fail
    service = window.index_service
    assert service.wait_idle()
    writes: list[bool] = []
    service.busy_changed.connect(lambda busy: writes.append(busy) if busy else None)
    words = ["alpha", "bravo", "charlie", "delta"]
    for word in words:
        library.articles.add(
            ArticleMeta(title=f"Arriving {word}"), [Block(BlockKind.PARAGRAPH, f"A text about {word}.")]
        )
        qtbot.wait(150)
        assert writes == []  # articles keep arriving: nothing is written yet
    qtbot.waitUntil(lambda: bool(writes), timeout=5000)  # they stopped: one write for all of them
    assert service.wait_idle()
    assert [h.title for h in library.search("delta").hits] == ["Arriving delta"]
    assert [h.title for h in library.search("alpha").hits] == ["Arriving alpha"]
