"""Sharing in the app: the Team panel and status bar, authors and kept versions on the cards, and a sync that
runs by itself when another member's log arrives in the folder."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.core.quotes import find_quote
from reader.gui.annotations.annotation_cards import CARD_ROLE
from reader.gui.common.people import PALETTE, person_color
from reader.gui.main_window import MainWindow

QUOTE = "Reading slowly is a habit worth keeping."


def _highlight(library: Library, article_id: int, note: str) -> int:
    start, end = find_quote(library.articles.get(article_id).text, QUOTE)
    return library.highlights.create(article_id, start, end, note=note).id


def _cards(window: MainWindow) -> list:
    panel = window.annotations.panel
    panel.refresh()
    return [panel.list.item(i).data(CARD_ROLE) for i in range(panel.list.count())]


def test_a_library_that_is_not_shared_offers_to_share(window: MainWindow) -> None:
    sharing = window.sharing
    assert not sharing.status_label.isVisible()
    assert not sharing.sync_action.isEnabled()
    assert sharing.panel.share_button.isVisibleTo(sharing.panel)
    assert window.findChild(type(sharing.panel), "sharingPanel") is sharing.panel


def test_cards_show_the_author_and_a_kept_concurrent_version(
    qtbot, tmp_path: Path, library: Library, sample_ids, settings
) -> None:
    article = sample_ids[1]
    folder = tmp_path / "shared"
    library.sharing.init(folder, "Salma", with_texts=True)
    other = Library(tmp_path / "other")
    try:
        other.sharing.init(folder, "Omar")
        mine = _highlight(library, article, "first")
        library.sharing.sync()
        other.sharing.sync()
        (theirs,) = other.highlights.query()
        library.highlights.update(mine, note="Salma's")
        other.highlights.update(theirs.id, note="Omar's")
        for member in (library, other, library):
            member.sharing.sync()
        window = MainWindow(library, settings, "en")
        qtbot.addWidget(window)
        window.show()
        window.open_article(article)
        (card,) = _cards(window)
        assert card.by == "Salma"
        ranks = library.sharing.member_ranks()
        assert (
            card.by_color == person_color(ranks[library.sharing.config().member]) and card.by_color in PALETTE
        )
        assert len(set(ranks.values())) == 2  # two people, two colours
        assert len(card.history) == 1 and "Edited at the same time by" in card.history[0]
        assert {card.note, card.history[0].rsplit(": ", 1)[1]} == {"Salma's", "Omar's"}
        # the filter box finds who made a highlight: Salma made it, and neither its quote nor its note says so
        assert "Salma" not in card.note + card.quote
        window.annotations.panel.filter_edit.setText("salma")
        assert [c.highlight_id for c in _cards(window)] == [card.highlight_id]
        window.annotations.panel.filter_edit.setText("nobody")
        assert _cards(window) == []
        window.annotations.panel.filter_edit.clear()
        window.sharing.refresh()
        assert window.sharing.status_label.text() == "Shared with 1 other(s) · 1 kept concurrent edit(s)"
        members = window.sharing.panel.members
        assert [members.item(i).text().split(" — ")[0] for i in range(members.count())] == [
            "Salma (you)",
            "Omar",
        ]
        window.close()
    finally:
        other.close()


def test_the_app_syncs_when_another_members_log_arrives(
    qtbot, tmp_path: Path, library: Library, sample_ids, settings
) -> None:
    article = sample_ids[1]
    folder = tmp_path / "shared"
    library.sharing.init(folder, "Salma", with_texts=True)
    window = MainWindow(library, settings, "en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sharing.task is None, timeout=10_000)  # the start-up sync
    window.open_article(article)
    other = Library(tmp_path / "other")
    try:
        other.sharing.init(folder, "Omar")  # the articles arrive with their texts
        (copy,) = [a.id for a in other.articles.list() if a.title == "Why margins matter"]
        _highlight(other, copy, "from Omar")
        other.sharing.sync()  # appends to Omar's log: the window's watcher sees the folder change
        qtbot.waitUntil(lambda: any(c.note == "from Omar" for c in _cards(window)), timeout=15_000)
        (card,) = _cards(window)
        assert card.by == "Omar" and card.history == ()
    finally:
        window.close()
        other.close()


def test_the_export_dialog_can_leave_out_the_team(
    qtbot, tmp_path: Path, library: Library, sample_ids
) -> None:
    from reader.gui.export.export_dialog import ExportDialog

    alone = ExportDialog(library, article_id=sample_ids[1])
    qtbot.addWidget(alone)
    assert not alone.others_check.isVisibleTo(alone)  # a library of one has no others
    assert alone.build_request().others
    library.sharing.init(tmp_path / "shared", "Salma")
    shared = ExportDialog(library, article_id=sample_ids[1])
    qtbot.addWidget(shared)
    assert shared.others_check.isVisibleTo(shared) and shared.others_check.isChecked()
    shared.others_check.setChecked(False)
    assert shared.build_request().others is False
