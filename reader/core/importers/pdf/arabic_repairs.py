"""Arabic text as PDF text layers break it, put right where the breakage is recognisable.

Every repair is a rule of high precision, written from how the breakage arises, not a lookup in a word list
(seven particles aside); `benchmarks/bench_pdf_repairs.py` runs them over every word of a newspaper corpus (correct text)
and counts the words they change (docs/import.md has the numbers):

- presentation forms (U+FB50-FDFF, U+FE70-FEFF, the shaped glyphs some PDFs map their glyphs to) become the
  letters they show (NFKC, for those characters only; the space NFKC puts before an isolated haraka is
  dropped, the haraka belongs to the letter before it);
- lam-alef: a producer that maps the ligature لا to its two letters in visual order gives `اإلنتاجية` for
  `الإنتاجية`, `األمر` for `الأمر`, `االستثمار` for `الاستثمار`, `خالل` for `خلال`. An alef followed by
  أ/إ/آ and lam never occurs in correct words (0 in the corpus), nor does a word starting (after و ف ب ك)
  with اال and one of the derived noun patterns افتعال/انفعال/استفعال; those two are repaired always and
  are the evidence for the breakage. Where there is such evidence and the document has almost no intact
  lam-alef (a broken producer breaks them all), the rarer forms are repaired too: a word ending in
  `الل` (`خالل`, `احتالل`), in `الء` (`هؤالء`), and the negations and particles ال وال فال إال وإال أال.
- kashida: a connecting stroke the font has no Unicode for (the connectors Amiri adds between ل and خ, a
  tatweel glyph a producer did not map) comes back as U+FFFD. Where a kashida can stand (after a joining
  letter, or drawn just before the joining letter it follows) it is layout, not text, and is dropped:
  `الـخبراء` would otherwise appear in every quote from a PDF set in such a font.
- harakat: a space pypdf puts between a letter and the haraka drawn after it (`مثل ًا`), and harakat
  extracted before their letter (`َكَتَب` for `كَتَبَ`) by a producer that reverses them with the text. Both
  are repaired only when the document shows them more than once (a stray haraka after a space is a
  typing slip in real text, not a reason to move it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
_TATWEEL = "\u0640"
_NOT_ALEF = "\u0628-\u063a\u0641-\u064a"  # letters after the hamzas and alefs (ب .. ي)
#: Letters that join the letter after them (so a kashida can follow them).
_DUAL_JOINING = "بتثجحخسشصضطظعغفقكلمنهيئىٮٯپچکگی"

#: An Arabic word: letters with their marks and tatweels.
ARABIC_WORD = re.compile(f"[{_LETTERS}{_MARKS}{_TATWEEL}]+")
_MARK = re.compile(f"[{_MARKS}]")
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]+")


def strip_marks(word: str) -> str:
    return _MARK.sub("", word).replace(_TATWEEL, "")


# --- presentation forms ------------------------------------------------------------------------------------


def _nfkc_form(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    if folded.startswith(" ") and all(_MARK.match(c) for c in folded[1:]) and len(folded) > 1:
        return folded[1:]  # an isolated haraka: it sits on the letter before it
    return folded


def normalise_presentation_forms(text: str) -> str:
    """NFKC for Arabic presentation forms only; every other character is left as it is."""
    if not _PRESENTATION.search(text):
        return text
    return _PRESENTATION.sub(lambda m: "".join(_nfkc_form(ch) for ch in m.group()), text)


# --- the rules ---------------------------------------------------------------------------------------------

_W = f"[{_LETTERS}{_MARKS}{_TATWEEL}]"  # a word character
_START = f"(?<!{_W})"
_END = f"(?!{_W})"

#: Always: alef, hamza-alef, lam: the article's lam ligated with the hamza-alef after it (اإل, األ, اآل).
_ALEF_HAMZA_LAM = re.compile("ا([أإآ])ل")
#: Always: a word starting (after و ف ب ك) with ا ال and a derived noun (افتعال, انفعال, استفعال: a long
#: vowel ا within the next four letters): the article's lam ligated with the alef of the noun.
_ARTICLE_ALEF = re.compile(f"{_START}([وفبك]?)اال(?=[{_NOT_ALEF}]{{1,4}}ا)")
#: With evidence: words ending in الل (خالل خلال, احتالل احتلال) and in الء (هؤالء هؤلاء).
_FINAL_LAM = re.compile(f"(?<=[{_LETTERS}])ال([لء]){_END}")
#: With evidence: particles whose lam-alef is the whole word (or after a prefix).
_PARTICLES = {
    "ال": "لا",
    "وال": "ولا",
    "فال": "فلا",
    "إال": "إلا",
    "وإال": "وإلا",
    "أال": "ألا",
    "أوال": "أولا",
}
_PARTICLE = re.compile(
    f"(?<!\\S)({'|'.join(sorted(_PARTICLES, key=len, reverse=True))})(?=\\s|$|[،؛؟!.,:])"  # a word of its own
)
_INTACT_LAM_ALEF = re.compile("ل[اأإآ]")

#: U+FFFD after a joining letter (or tatweel), before another letter: a kashida. (At the end of a word it
#: may as well be a quotation mark without a mapping: left alone.)
_KASHIDA = re.compile(f"([{_DUAL_JOINING}{_TATWEEL}][{_MARKS}]*)\ufffd+(?=[{_MARKS}]*[{_LETTERS}])")
#: U+FFFD drawn before the joining letter it follows (the letter and its connector are one cluster):
#: `�لكن`, `ا�لكونغو`.
_KASHIDA_BEFORE = re.compile(
    f"(?<![{_DUAL_JOINING}{_TATWEEL}\ufffd])\ufffd+(?=[{_DUAL_JOINING}][{_MARKS}]*[{_LETTERS}])"
)

#: A space between a letter and a haraka.
_SPACE_BEFORE_MARK = re.compile(f"(?<=[{_LETTERS}]) (?=[{_MARKS}])")
#: A word that starts with a haraka.
_MARK_FIRST_WORD = re.compile(f"{_START}[{_MARKS}]+[{_LETTERS}]{_W}*")
_MARK_RUN_THEN_LETTER = re.compile(f"([{_MARKS}]+)([{_LETTERS}])")


def _article_alef(m: re.Match[str]) -> str:
    return f"{m.group(1)}الا"


def _marks_after_letters(word: str) -> str:
    """`َكَتَب` -> `كَتَبَ`: every run of harakat moves after the letter that follows it."""
    return _MARK_RUN_THEN_LETTER.sub(lambda m: m.group(2) + m.group(1), word)


@dataclass(frozen=True, slots=True)
class ArabicRepairs:
    """Which repairs a document needs, decided once from all its text, then applied line by line."""

    lam_alef: bool = False  # the rarer lam-alef forms (the evidence ones are always repaired)
    space_before_mark: bool = False
    marks_before_letters: bool = False

    @classmethod
    def for_text(cls, lines: Iterable[str]) -> ArabicRepairs:
        texts = [normalise_presentation_forms(line) for line in lines]
        evidence = sum(len(_ALEF_HAMZA_LAM.findall(t)) + len(_ARTICLE_ALEF.findall(t)) for t in texts)
        spaced = sum(len(_SPACE_BEFORE_MARK.findall(t)) for t in texts)
        if spaced >= 2:  # those harakat are not before their letter: count the others
            texts = [_SPACE_BEFORE_MARK.sub("", t) for t in texts]
        intact = mark_first = marked = 0
        for text in texts:
            for word in ARABIC_WORD.findall(text):
                intact += bool(_INTACT_LAM_ALEF.search(word))
                if _MARK.search(word):
                    marked += 1
                    mark_first += bool(_MARK.match(word))
        return cls(
            lam_alef=evidence >= 1 and intact * 4 <= evidence,
            space_before_mark=spaced >= 2,
            marks_before_letters=mark_first >= 2 and mark_first * 3 >= marked,
        )

    def apply(self, text: str) -> str:
        """`text` with presentation forms normalised and this document's breakages repaired."""
        text = normalise_presentation_forms(text)
        text = _KASHIDA_BEFORE.sub("", text)
        text = _KASHIDA.sub(r"\1", text)
        text = _ALEF_HAMZA_LAM.sub(r"ال\1", text)
        text = _ARTICLE_ALEF.sub(_article_alef, text)
        if self.lam_alef:
            text = _FINAL_LAM.sub(r"لا\1", text)
            text = _PARTICLE.sub(lambda m: _PARTICLES[m.group(1)], text)
        if self.space_before_mark:
            text = _SPACE_BEFORE_MARK.sub("", text)
        if self.marks_before_letters:
            text = _MARK_FIRST_WORD.sub(lambda m: _marks_after_letters(m.group()), text)
        return text


def repair_arabic(text: str) -> str:
    """`text` repaired with the evidence of `text` alone (one line, one word, or a whole document)."""
    return ArabicRepairs.for_text([text]).apply(text)


#: Every repair switched on, whatever the evidence: the worst case the benchmark measures.
ALL_REPAIRS = ArabicRepairs(lam_alef=True, space_before_mark=True, marks_before_letters=True)
