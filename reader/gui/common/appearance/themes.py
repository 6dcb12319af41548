"""The colour themes: one `Theme` a look, the same colours for the panels and the article.

Plain data and arithmetic, no Qt: the contrast rules are tested without a display. `label_fill` is the
theme-aware form of `reader.core.labels.label_background`: a label colour is laid over *this* theme's paper
at an opacity lowered until the theme's ink over it keeps a WCAG contrast of 4.5.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

from reader.core.labels import MIN_MARK_CONTRAST, MIN_TEXT_CONTRAST, RGB, blend, contrast_ratio, parse_color

LIGHT, SEPIA, DARK, SYSTEM = "light", "sepia", "dark", "system"
THEME_NAMES = (LIGHT, SEPIA, DARK)
#: What the preferences offer: the three themes and "follow the system" (light or dark).
THEME_CHOICES = (SYSTEM, LIGHT, SEPIA, DARK)
#: The lowest opacity a label fill may fall to; below it a highlight no longer reads as one.
MIN_FILL_ALPHA = 0.12


@dataclass(frozen=True)
class Theme:
    """Every colour the app paints with in one look (#rrggbb)."""

    name: str
    dark: bool
    # the article
    paper: str
    ink: str
    muted_ink: str
    rule: str
    quote_tint: str
    quote_rule: str
    #: preferred opacity of a label's fill (lowered per colour by `label_fill` when the ink needs it)
    fill_alpha: float
    #: the background of find and search hits: a hue no default label uses, readable under the ink
    find_hit: str
    find_current: str
    #: the text over the current hit (dark themes light it up and write on it in dark ink)
    find_current_ink: str
    # the panels (QPalette)
    window: str
    base: str
    alternate_base: str
    button: str
    text: str
    disabled_text: str
    selection: str
    selected_text: str
    link: str


THEMES: dict[str, Theme] = {
    LIGHT: Theme(
        name=LIGHT,
        dark=False,
        paper="#fcfaf5",
        ink="#1d1d1b",
        muted_ink="#5b5750",
        rule="#ddd5c6",
        quote_tint="#f1ece1",
        quote_rule="#b89b6a",
        fill_alpha=0.40,
        find_hit="#a8eef2",
        find_current="#3fc6d0",
        find_current_ink="#1d1d1b",
        window="#efefed",
        base="#ffffff",
        alternate_base="#f6f5f2",
        button="#e8e7e3",
        text="#1d1d1b",
        disabled_text="#8a8782",
        selection="#2f6db5",
        selected_text="#ffffff",
        link="#1f5fa8",
    ),
    SEPIA: Theme(
        name=SEPIA,
        dark=False,
        paper="#f4ecd8",
        ink="#3b2f20",
        muted_ink="#6a5640",
        rule="#d6c5a2",
        quote_tint="#ebdfc3",
        quote_rule="#a07f4f",
        fill_alpha=0.38,
        find_hit="#9fe3dc",
        find_current="#3fbfb4",
        find_current_ink="#3b2f20",
        window="#e8dcc0",
        base="#f7f0de",
        alternate_base="#efe5cc",
        button="#e2d4b4",
        text="#3b2f20",
        disabled_text="#8f7d64",
        selection="#8a5a2b",
        selected_text="#ffffff",
        link="#7a4a16",
    ),
    DARK: Theme(
        name=DARK,
        dark=True,
        paper="#1c1c1e",
        ink="#e4e2dd",
        muted_ink="#a8a39a",
        rule="#3d3b37",
        quote_tint="#2a2826",
        quote_rule="#a08a60",
        fill_alpha=0.35,
        find_hit="#1d5f66",
        find_current="#5fd3dc",
        find_current_ink="#121212",
        window="#262628",
        base="#1c1c1e",
        alternate_base="#232325",
        button="#303033",
        text="#e4e2dd",
        disabled_text="#7c7872",
        selection="#3d6fb4",
        selected_text="#ffffff",
        link="#8ab4f8",
    ),
}


def theme_named(name: str, system_dark: bool = False) -> Theme:
    """The theme for a preference value: 'system' follows the desktop (dark or light), unknown is light."""
    if name == SYSTEM:
        return THEMES[DARK if system_dark else LIGHT]
    return THEMES.get(name, THEMES[LIGHT])


def label_fill(color: str, theme: Theme) -> tuple[int, int, int, float]:
    """(r, g, b, alpha) to fill a highlight of `color` with on `theme`'s paper.

    Starts from the theme's opacity and lowers it (0.01 at a time, not below MIN_FILL_ALPHA) until the ink
    over the blend has a contrast ratio of at least 4.5.
    """
    rgb = parse_color(color)
    paper, ink = parse_color(theme.paper), parse_color(theme.ink)
    alpha = theme.fill_alpha
    while alpha > MIN_FILL_ALPHA and contrast_ratio(ink, blend(rgb, paper, alpha)) < MIN_TEXT_CONTRAST:
        alpha = round(alpha - 0.01, 2)
    return rgb[0], rgb[1], rgb[2], alpha


def label_text_contrast(color: str, theme: Theme) -> float:
    """The contrast of the theme's ink over a highlight of `color` as `label_fill` draws it."""
    r, g, b, alpha = label_fill(color, theme)
    return contrast_ratio(parse_color(theme.ink), blend((r, g, b), parse_color(theme.paper), alpha))


def label_underline(color: str, theme: Theme) -> RGB:
    """A solid colour for the underline style: the label's hue moved towards the ink until it stands out
    from the paper by 3:1 (WCAG 1.4.11, non-text marks)."""
    rgb = parse_color(color)
    paper = parse_color(theme.paper)
    target = (255, 255, 255) if theme.dark else (0, 0, 0)
    current, step = rgb, 0.0
    while contrast_ratio(current, paper) < MIN_MARK_CONTRAST and step < 1.0:
        step = round(step + 0.05, 2)
        current = blend(target, rgb, step)
    return current


def text_contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    return contrast_ratio(parse_color(foreground), parse_color(background))


def hue_degrees(color: str) -> float:
    r, g, b = (c / 255 for c in parse_color(color))
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


def hue_distance(a: str, b: str) -> float:
    """Degrees between the hues of two colours on the colour wheel (0 to 180)."""
    d = abs(hue_degrees(a) - hue_degrees(b)) % 360
    return min(d, 360 - d)
