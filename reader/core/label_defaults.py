"""The default colour labels: data, in one place.

Read by the migration that creates the `color_labels` table (English names), by the GUI's label editor and
by the exporters' phrasebook (a label whose stored name is still its default is shown in the UI's or the
export's language; a name the user wrote is kept as written).
"""

from __future__ import annotations

from typing import NamedTuple


class DefaultLabel(NamedTuple):
    key: str
    color: str  # #rrggbb
    position: int
    name_en: str
    name_ar: str

    @property
    def name(self) -> str:
        """The name stored in a new library."""
        return self.name_en


#: Names a researcher uses for argument analysis. Colours are mid-tone so they stay readable as a
#: translucent background on light and dark themes (reader.core.labels caps the opacity).
DEFAULT_LABELS: tuple[DefaultLabel, ...] = (
    DefaultLabel("claim", "#f4c430", 0, "Claim", "ادّعاء"),
    DefaultLabel("evidence", "#4caf50", 1, "Evidence", "دليل"),
    DefaultLabel("counter", "#e5534b", 2, "Counter-argument", "حجة مضادة"),
    DefaultLabel("source", "#4a90d9", 3, "Source quoted", "مصدر مقتبس"),
    DefaultLabel("question", "#a371f7", 4, "Question", "سؤال"),
    DefaultLabel("important", "#f08c3a", 5, "Important", "مهم"),
)

#: language -> key -> name of every default label
DEFAULT_LABEL_NAMES: dict[str, dict[str, str]] = {
    "en": {label.key: label.name_en for label in DEFAULT_LABELS},
    "ar": {label.key: label.name_ar for label in DEFAULT_LABELS},
}


def default_label_name(key: str, stored_name: str, language: str) -> str:
    """A default label's name in `language` while its stored name is still the English default; otherwise
    the name the user gave, as written."""
    english = DEFAULT_LABEL_NAMES["en"].get(key)
    if english is not None and stored_name == english:
        return DEFAULT_LABEL_NAMES.get(language, DEFAULT_LABEL_NAMES["en"])[key]
    return stored_name
