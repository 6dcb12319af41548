"""The words an export writes itself ("Highlights", "Note", the default label names, the export date), in
the export's language.

These are part of the exported document, not UI messages: an Arabic notes file must read as Arabic even when
it is made from the command line, without Qt and its translators. So they live here as plain data, one dict
per language. The Arabic words are the ones the app's Arabic UI uses (i18n/hawamish_ar.ts), so a label reads
the same on screen and on paper.

Mixed-direction lines ("1. Claim · ¶ 3 · #tag" inside an Arabic paragraph) are built with every
interpolated fragment inside Unicode bidi isolates (FSI … PDI), so a Latin label name, a number or a tag
cannot reorder its neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reader.core.label_defaults import default_label_name

LANGUAGES = ("ar", "en")

FSI = "\u2068"  # first strong isolate: the fragment takes the direction of its own first strong letter
PDI = "\u2069"  # pop directional isolate

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "notes_title": "Hawamish notes",
        "note": "Note",
        "highlights": "Highlights",
        "text": "Text",
        "exported": "Exported {date} · Hawamish",
        "paragraph": "¶ {n}",
        "orphan": "orphan",
        "nothing": "No highlights to export.",
        "header": "Hawamish · {date} · {articles} articles · {highlights} highlights",
        "subject": "Notes on {articles} article(s), {highlights} highlight(s)",
        "list_separator": ", ",
        "references": "References",
        "quote_deleted": "Quote deleted: highlight {id} is no longer in the library.",
        "quote_orphan": "The passage was not found in the article's current text.",
        "page_subject": "Research page, {quotes} quote(s)",
    },
    "ar": {
        "notes_title": "ملاحظات هوامش",
        "note": "ملاحظة",
        "highlights": "التظليلات",
        "text": "النص",
        "exported": "صُدِّرت في {date} · هوامش",
        "paragraph": "¶ {n}",
        "orphan": "يتيم",
        "nothing": "لا تظليلات للتصدير.",
        "header": "هوامش · {date} · المقالات: {articles} · التظليلات: {highlights}",
        "subject": "ملاحظات على المقالات: {articles}، التظليلات: {highlights}",
        "list_separator": "، ",
        "references": "المراجع",
        "quote_deleted": "اقتباس محذوف: لم يعد التظليل {id} في المكتبة.",
        "quote_orphan": "لم يُعثر على المقطع في نص المقال الحالي.",
        "page_subject": "صفحة بحث، الاقتباسات: {quotes}",
    },
}

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
}
_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    return language


def phrase(language: str, key: str, **values: object) -> str:
    """One of the export's own words, with `values` filled in (each isolated, see `isolate`)."""
    template = PHRASES[check_language(language)][key]
    return template.format(**{k: isolate(str(v)) for k, v in values.items()}) if values else template


def isolate(fragment: str) -> str:
    """`fragment` between FSI and PDI: laid out in its own direction, as one unit, inside any paragraph."""
    return f"{FSI}{fragment}{PDI}" if fragment else fragment


def strip_isolates(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def label_name(key: str, stored_name: str, language: str) -> str:
    """A colour label's name in the export: a default name in the export language, a user's name as written."""
    return default_label_name(key, stored_name, check_language(language))


def localized_digits(text: str, language: str) -> str:
    """Arabic-Indic digits in an Arabic export, as the app's Arabic UI writes dates (QLocale ar_EG)."""
    return text.translate(_ARABIC_INDIC) if language == "ar" else text


def month_name(month: int, language: str) -> str:
    """The name of month 1–12 in the language (Arabic: the Egyptian names the app's Arabic UI shows)."""
    return _MONTHS[check_language(language)][month - 1]


def format_date(iso: str, language: str) -> str:
    """'15 January 2026' / '١٥ يناير ٢٠٢٦' from an ISO date or timestamp; the input as is when it does not parse."""
    try:
        day = datetime.fromisoformat(iso.replace("Z", "+00:00")[:10])
    except ValueError:
        return iso
    text = f"{day.day} {_MONTHS[check_language(language)][day.month - 1]} {day.year}"
    return localized_digits(text, language)


def majority_language(languages: Sequence[str]) -> str:
    """'ar' when most of the exported articles are Arabic, else 'en'."""
    arabic = sum(1 for lang in languages if lang == "ar")
    return "ar" if arabic * 2 > len(languages) else "en"
