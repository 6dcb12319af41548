"""Find-in-article and search hits are drawn in a hue no colour label uses (a hit is never taken for a
highlight)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from reader.core.label_defaults import DEFAULT_LABELS
from reader.gui.reading.find_bar import ALL_MATCHES, CURRENT_MATCH
from reader.gui.reading.highlight_layer import FLASH_COLOR
from reader.gui.search.search_controller import SEARCH_MARK

#: Degrees of hue between a hit's colour and any label's: far enough to be told apart at a glance.
MIN_HUE_DISTANCE = 30


def hue_distance(a: QColor, b: QColor) -> int:
    d = abs(a.hslHue() - b.hslHue()) % 360
    return min(d, 360 - d)


@pytest.mark.parametrize("hit", [ALL_MATCHES, CURRENT_MATCH, SEARCH_MARK])
def test_hit_colours_differ_from_every_label(hit: str) -> None:
    colour = QColor(hit)
    assert colour.hslSaturation() > 60  # a colour, not a grey that any hue would match
    others = [label.color for label in DEFAULT_LABELS] + [FLASH_COLOR.name()]
    for other in others:
        assert hue_distance(colour, QColor(other)) >= MIN_HUE_DISTANCE, (hit, other)


def test_find_bar_draws_its_colours(window, sample_ids) -> None:
    window.open_article(sample_ids[1])
    bar = window.find_bar
    bar.open_bar()
    bar.box.setText("margins")
    selections = window.article_view.overlay("find")
    colours = {sel.format.background().color().name() for sel in selections}
    assert colours <= {QColor(ALL_MATCHES).name(), QColor(CURRENT_MATCH).name()} and colours
    bar.close_bar()
