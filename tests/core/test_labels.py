"""Colour arithmetic of the labels (reader.core.labels): readable text on every fill, visible marks."""

from __future__ import annotations

import pytest

from reader.core.label_defaults import DEFAULT_LABELS
from reader.core.labels import (
    MIN_MARK_CONTRAST,
    MIN_TEXT_CONTRAST,
    blend,
    contrast_ratio,
    label_background,
    label_underline,
    parse_color,
    theme_colors,
)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("key,color", [(label.key, label.color) for label in DEFAULT_LABELS])
def test_default_labels_keep_body_text_readable_and_stay_visible(key: str, color: str, dark: bool) -> None:
    page, text = theme_colors(dark)
    r, g, b, alpha = label_background(color, dark)
    fill = blend((r, g, b), page, alpha)
    assert contrast_ratio(text, fill) >= MIN_TEXT_CONTRAST, key
    # the palette must not need the safety cap: its preferred opacity is what users see
    assert alpha >= 0.3, key
    # and the fill must be told apart from the page
    assert contrast_ratio(fill, page) >= 1.15, key
    assert contrast_ratio(label_underline(color, dark), page) >= MIN_MARK_CONTRAST, key


@pytest.mark.parametrize("dark", [False, True])
def test_a_glaring_user_colour_is_toned_down_until_text_is_readable(dark: bool) -> None:
    for color in ("#ffffff", "#ffff00", "#000000", "#00ff00"):
        page, text = theme_colors(dark)
        r, g, b, alpha = label_background(color, dark)
        assert contrast_ratio(text, blend((r, g, b), page, alpha)) >= MIN_TEXT_CONTRAST, color


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio(parse_color("#777777"), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
