"""Counts put into sentences follow the UI's digits."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from reader.gui.common.numbers import local_number


def test_local_number_writes_the_default_locales_digits() -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
        assert local_number(1502) == "١٬٥٠٢"
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.UnitedArabEmirates))
        assert local_number(7) == "7"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert local_number(1502) == "1,502"
    finally:
        QLocale.setDefault(before)


def test_local_digits_converts_only_ascii_digits() -> None:
    from reader.gui.common.numbers import local_digits

    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
        assert local_digits("2024-06-02 · ¶ 3") == "٢٠٢٤-٠٦-٠٢ · ¶ ٣"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        assert local_digits("2024-06-02") == "2024-06-02"
    finally:
        QLocale.setDefault(before)
