"""Colour labels: the meanings a researcher gives to highlight colours (claim, evidence, ...).

Labels live in the library (table `color_labels`, default palette in reader.core.label_defaults) so that a library moved
to another machine keeps its meanings. A highlight stores the label's *key*, never its colour: renaming or
recolouring a label recolours every highlight that uses it, and deleting a label leaves its highlights alone
(they keep the key and are drawn in a neutral colour by the GUI).

The colour helpers here are shared by the GUI and the PDF exporter so a label looks the same everywhere:
`label_background()` gives the translucent fill for a theme, with the opacity capped so body text over it
keeps a WCAG contrast ratio of at least 4.5; `label_underline()` gives a solid colour that stands out from the
page (3:1, the WCAG ratio for non-text marks).
"""

from __future__ import annotations

import re

from reader.core.errors import ErrorCode, HawamishError

_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")

#: Page and body-text colours of the two themes. The GUI's palettes and the PDF use these values.
LIGHT_PAGE, LIGHT_TEXT = "#ffffff", "#1a1a1a"
DARK_PAGE, DARK_TEXT = "#1e1e1e", "#e6e6e6"
#: Preferred fill opacity per theme (dark pages need less: a mid-tone colour lights them up quickly).
LIGHT_ALPHA, DARK_ALPHA = 0.40, 0.35
MIN_TEXT_CONTRAST = 4.5  # WCAG AA, body text
MIN_MARK_CONTRAST = 3.0  # WCAG 1.4.11, non-text marks (underlines)

RGB = tuple[int, int, int]


# --- colour arithmetic --------------------------------------------------------------------------------


def validate_color(color: str) -> str:
    """The colour in lower-case #rrggbb, or INVALID_COLOR."""
    if not isinstance(color, str) or not _COLOR_RE.match(color.strip()):
        raise HawamishError(ErrorCode.INVALID_COLOR, detail=repr(color))
    return color.strip().lower()


def parse_color(color: str) -> RGB:
    c = validate_color(color)
    return int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)


def _channel(value: float) -> float:
    v = value / 255
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    r, g, b = (_channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2 contrast ratio between two opaque colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(color: RGB, page: RGB, alpha: float) -> RGB:
    """What `color` at opacity `alpha` looks like over `page`."""
    return tuple(round(alpha * c + (1 - alpha) * p) for c, p in zip(color, page, strict=True))  # type: ignore[return-value]


def theme_colors(dark: bool) -> tuple[RGB, RGB]:
    """(page, text) colours of a theme."""
    return (
        (parse_color(DARK_PAGE), parse_color(DARK_TEXT))
        if dark
        else (
            parse_color(LIGHT_PAGE),
            parse_color(LIGHT_TEXT),
        )
    )


def label_background(color: str, dark: bool) -> tuple[int, int, int, float]:
    """(r, g, b, alpha) to fill a highlight with on the light or dark theme.

    The alpha is the theme's preferred opacity, lowered (in steps of 0.01) until body text over the blended
    colour keeps a contrast ratio of at least 4.5: a user-picked bright colour stays readable on a dark page.
    """
    rgb = parse_color(color)
    page, text = theme_colors(dark)
    alpha = DARK_ALPHA if dark else LIGHT_ALPHA
    while alpha > 0.12 and contrast_ratio(text, blend(rgb, page, alpha)) < MIN_TEXT_CONTRAST:
        alpha = round(alpha - 0.01, 2)
    return rgb[0], rgb[1], rgb[2], alpha


def label_underline(color: str, dark: bool) -> RGB:
    """A solid colour for the underline style: the label's hue, darkened (light theme) or lightened (dark
    theme) until it stands out from the page by 3:1."""
    rgb = parse_color(color)
    page, _text = theme_colors(dark)
    target = (255, 255, 255) if dark else (0, 0, 0)
    step = 0.0
    current = rgb
    while contrast_ratio(current, page) < MIN_MARK_CONTRAST and step < 1.0:
        step = round(step + 0.05, 2)
        current = blend(target, rgb, step)
    return current
