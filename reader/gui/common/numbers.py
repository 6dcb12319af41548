"""Numbers inside translated sentences, in the UI's digits.

Qt writes `%Ln` in the locale's digits, but a count put into a sentence with Python's `format` would be
Western inside an Arabic screen whose dates and other counts are Arabic-Indic: `local_number` writes it as the
default QLocale does (the preferences' digits choice sets that locale; grouping included: 1,500 / ١٬٥٠٠).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale


def local_number(value: int) -> str:
    return QLocale().toString(int(value))


def local_digits(text: str) -> str:
    """`text` (an ISO date, a page number) with its ASCII digits in the default locale's digits."""
    zero = QLocale().zeroDigit()
    if zero == "0":
        return text
    offset = ord(zero) - ord("0")
    return "".join(chr(ord(ch) + offset) if "0" <= ch <= "9" else ch for ch in text)
