"""Numbers inside translated sentences, in the UI's digits.

Qt writes `%Ln` in the locale's digits, but a count put into a sentence with Python's `format` would be
Western inside an Arabic screen whose dates and other counts are Arabic-Indic: `local_number` writes it as the
default QLocale does (the preferences' digits choice sets that locale; grouping included: 1,500 / ١٬٥٠٠).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from reader.gui.common.appearance.digits import ARABIC_INDIC, convert_digits


def local_number(value: int) -> str:
    return QLocale().toString(int(value))


def local_digits(text: str) -> str:
    """`text` (an ISO date, a page number) with its digits in the default locale's digits (the preferences'
    choice sets that locale: appearance.digits)."""
    arabic = QLocale().zeroDigit() == "\u0660"
    return convert_digits(text, ARABIC_INDIC) if arabic else text
