from __future__ import annotations

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.labels import (
    MIN_MARK_CONTRAST,
    MIN_TEXT_CONTRAST,
    LabelStore,
    blend,
    contrast_ratio,
    label_background,
    label_underline,
    parse_color,
    theme_colors,
)
from reader.core.library import Change, Library
from reader.core.storage.migrations import DEFAULT_LABELS


def test_default_palette_has_argument_analysis_meanings(library: Library) -> None:
    labels = LabelStore(library).list()
    assert [label.key for label in labels] == [
        "claim",
        "evidence",
        "counter",
        "source",
        "question",
        "important",
    ]
    assert [label.position for label in labels] == list(range(6))
    assert {label.name for label in labels} >= {"Claim", "Evidence", "Counter-argument", "Question"}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("key,color", [(k, c) for k, _n, c, _p in DEFAULT_LABELS])
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


def test_rename_recolour_add_delete_and_notify(library: Library) -> None:
    changes: list[Change] = []
    library.add_listener(changes.append)
    store = LabelStore(library)
    updated = store.update("claim", name="أطروحة", color="#E0B020")
    assert (updated.name, updated.color) == ("أطروحة", "#e0b020")
    added = store.add("method", "Method", "#336699")
    assert added.position == 6 and store.list()[-1] == added
    store.delete("method")
    assert "method" not in store.keys()
    assert [c.kind for c in changes] == ["labels"] * 3


@pytest.mark.parametrize("bad", ["red", "#12345", "#1234567", "#gggggg", "", "123456"])
def test_colours_must_be_rrggbb(library: Library, bad: str) -> None:
    with pytest.raises(HawamishError) as err:
        LabelStore(library).update("claim", color=bad)
    assert err.value.code is ErrorCode.INVALID_COLOR
    assert LabelStore(library).get("claim").color == "#f4c430"  # nothing written


def test_unknown_and_invalid_keys(library: Library) -> None:
    store = LabelStore(library)
    with pytest.raises(HawamishError) as err:
        store.update("nope", name="x")
    assert err.value.code is ErrorCode.UNKNOWN_LABEL
    with pytest.raises(HawamishError) as err:
        store.get("nope")
    assert "claim" in err.value.detail  # the known keys are named
    for key in ("Claim", "with space", "", "claim"):
        with pytest.raises(HawamishError) as err:
            store.add(key, "Name", "#123456")
        assert err.value.code is ErrorCode.INVALID_LABEL_KEY
    with pytest.raises(HawamishError):
        store.delete("nope")
