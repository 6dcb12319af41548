"""Every default label, in every theme: the theme's ink over the label's fill keeps WCAG 4.5:1 (no display)."""

from __future__ import annotations

import pytest

from reader.core.label_defaults import DEFAULT_LABELS
from reader.core.labels import contrast_ratio, parse_color
from reader.gui.common.appearance.themes import (
    DARK,
    LIGHT,
    SYSTEM,
    THEMES,
    hue_distance,
    label_fill,
    label_text_contrast,
    label_underline,
    text_contrast,
    theme_named,
)


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
@pytest.mark.parametrize("label", DEFAULT_LABELS, ids=[label.key for label in DEFAULT_LABELS])
def test_ink_on_every_label_keeps_contrast(theme, label) -> None:
    assert label_text_contrast(label.color, theme) >= 4.5
    alpha = label_fill(label.color, theme)[3]
    assert 0.12 <= alpha <= theme.fill_alpha  # still visibly a highlight


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_a_bright_user_colour_is_toned_down_until_readable(theme) -> None:
    for color in ("#ffff00", "#00ff00", "#ffffff", "#000000", "#ff00ff"):
        _r, _g, _b, alpha = label_fill(color, theme)
        if alpha > 0.12:
            assert label_text_contrast(color, theme) >= 4.5


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_theme_text_and_marks_contrast(theme) -> None:
    assert text_contrast(theme.ink, theme.paper) >= 7
    assert text_contrast(theme.muted_ink, theme.paper) >= 4.5
    assert text_contrast(theme.text, theme.base) >= 7
    assert text_contrast(theme.text, theme.window) >= 7
    assert text_contrast(theme.selected_text, theme.selection) >= 4.5
    assert text_contrast(theme.ink, theme.quote_tint) >= 4.5
    assert text_contrast(theme.muted_ink, theme.quote_tint) >= 4.5
    assert text_contrast(theme.ink, theme.find_hit) >= 4.5
    assert text_contrast(theme.find_current_ink, theme.find_current) >= 4.5
    for label in DEFAULT_LABELS:
        underline = label_underline(label.color, theme)
        assert contrast_ratio(underline, parse_color(theme.paper)) >= 3.0


@pytest.mark.parametrize("theme", THEMES.values(), ids=list(THEMES))
def test_find_hits_use_a_hue_no_label_uses(theme) -> None:
    for label in DEFAULT_LABELS:
        assert hue_distance(theme.find_hit, label.color) >= 20, label.key
        assert hue_distance(theme.find_current, label.color) >= 20, label.key


def test_follow_the_system() -> None:
    assert theme_named(SYSTEM, system_dark=True) is THEMES[DARK]
    assert theme_named(SYSTEM, system_dark=False) is THEMES[LIGHT]
    assert theme_named("no such theme") is THEMES[LIGHT]
