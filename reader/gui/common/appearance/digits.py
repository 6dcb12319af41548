"""The digits the GUI writes numbers in: Western (0-9) or Arabic-Indic (٠-٩), one system per screen.

In the Arabic UI the default QLocale decides what every `QLocale().toString(...)` writes: Egyptian Arabic
(Arabic-Indic digits) or the Emirates' Arabic (the same month names, Western digits). Python's str.format
writes Western digits whatever the locale: the places that format a number that way go through
`DigitStyle.number()` or `DigitStyle.text()`. docs/appearance.md lists the places that follow the choice.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QObject, Signal

Language, Country = QLocale.Language, QLocale.Country

WESTERN, ARABIC_INDIC = "western", "arabic"
DIGIT_CHOICES = (WESTERN, ARABIC_INDIC)
_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def convert_digits(text: str, system: str) -> str:
    """`text` with every digit written in `system`."""
    return text.translate(_TO_ARABIC if system == ARABIC_INDIC else _TO_WESTERN)


class DigitStyle(QObject):
    """The chosen digits; Arabic-Indic only in an Arabic UI (an English UI always writes 0-9)."""

    changed = Signal()

    def __init__(self, system: str = ARABIC_INDIC, lang: str = "en", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._system = system
        self._lang = lang
        self._apply_locale()

    @property
    def system(self) -> str:
        return ARABIC_INDIC if self._system == ARABIC_INDIC and self._lang == "ar" else WESTERN

    def set_system(self, system: str) -> None:
        if system != self._system:
            self._system = system
            self._apply_locale()
            self.changed.emit()

    def _apply_locale(self) -> None:
        if self._lang == "ar":
            country = Country.Egypt if self.system == ARABIC_INDIC else Country.UnitedArabEmirates
            QLocale.setDefault(QLocale(Language.Arabic, country))

    def text(self, text: str) -> str:
        return convert_digits(text, self.system)

    def number(self, value: int) -> str:
        return self.text(str(value))

    def date(self, date: QDate, pattern: str = "d MMMM yyyy") -> str:
        return self.text(QLocale().toString(date, pattern))
