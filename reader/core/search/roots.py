"""Arabic root extraction for `root:` searches (كتب finds كتاب, مكتبة, كاتب, يكتبون).

Our own implementation of the approach of the ISRI stemmer (Taghva, Elkhoury and Coombs, "Arabic stemming
without a root dictionary", ITCC 2005), written from its description: no root dictionary; strip a
conjunction, the article and prefixes, strip suffixes, then match what is left against the patterns
(awzan) of 4-7 letters and keep the letters the pattern says are the root's. What this version does its
own way:
- hamza is kept apart from the long vowel alef until the end (سؤال → سءال matches فعال, root سءل), and
  roots are compared and indexed folded (`fold_root`: every hamza and alef → ا, ى → ي), so a user may type
  root:سأل or root:سال;
- a word that fits no pattern after stripping gets no root (None) rather than a guess: an index term that
  is wrong finds the wrong articles, a missing one only misses;
- a two-letter remainder is a doubled root (حق → حقق, تضم is left alone).
- a long vowel where a root letter should be is taken for a weak و (قال, ساد → قول, سود; دعا → دعو; a
  hollow ي root such as سار → سور is missed), ى for ي (نفى → نفي). Measured on 304 hand-checked pairs (tests/core/search/data/roots_checked.txt,
docs/search.md).
"""

from __future__ import annotations

from functools import lru_cache

from reader.core.text import normalize_arabic

_HAMZAS = str.maketrans({"أ": "ء", "إ": "ء", "آ": "ء", "ؤ": "ء", "ئ": "ء", "ى": "ي"})
_FOLD_ROOT = str.maketrans({"ء": "ا", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "ا", "ئ": "ا", "ى": "ي", "ة": "ه"})
_MARKS = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640"}

#: Articles with the prepositions fused to them, longest first (ISRI's P3 and P2).
_ARTICLES = ("وال", "بال", "كال", "فال", "ولل", "ال", "لل")
#: Suffixes, longest first within each length (pronouns, plural and dual endings, verb endings).
_SUFFIXES_3 = ("تما", "هما", "كما", "تين", "تان")
_SUFFIXES_2 = ("ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين", "ان", "وا", "تم", "تن", "يه", "ني")
_SUFFIXES_1 = ("ه", "ي", "ك", "ت", "ا", "ن")
#: One-letter prefixes: prepositions, the future س, the verb's person letters.
_PREFIXES_1 = ("ب", "ل", "ك", "س", "ي", "ت", "ن", "ا")

# Patterns: word length → [(positions that must hold these letters, root positions)], tried in order.
_PATTERNS: dict[int, list[tuple[dict[int, str], tuple[int, int, int]]]] = {
    4: [
        ({1: "ا"}, (0, 2, 3)),  # فاعل
        ({2: "ا"}, (0, 1, 3)),  # فعال
        ({2: "و"}, (0, 1, 3)),  # فعول
        ({2: "ي"}, (0, 1, 3)),  # فعيل
        ({0: "م"}, (1, 2, 3)),  # مفعل
        ({0: "ت"}, (1, 2, 3)),  # تفعل
        ({0: "ا"}, (1, 2, 3)),  # افعل
        ({0: "ي"}, (1, 2, 3)),  # يفعل
        ({0: "ن"}, (1, 2, 3)),  # نفعل
        ({1: "و"}, (0, 2, 3)),  # فوعل
    ],
    5: [
        ({0: "م", 3: "و"}, (1, 2, 4)),  # مفعول
        ({0: "م", 3: "ا"}, (1, 2, 4)),  # مفعال
        ({0: "م", 2: "ا"}, (1, 3, 4)),  # مفاعل
        ({0: "م", 2: "ت"}, (1, 3, 4)),  # مفتعل
        ({0: "م", 1: "ت"}, (2, 3, 4)),  # متفعل
        ({0: "م", 1: "ن"}, (2, 3, 4)),  # منفعل
        ({0: "ا", 2: "ت"}, (1, 3, 4)),  # افتعل
        ({0: "ا", 1: "ن"}, (2, 3, 4)),  # انفعل
        ({0: "ا", 3: "ا"}, (1, 2, 4)),  # افعال
        ({0: "ت", 2: "ا"}, (1, 3, 4)),  # تفاعل
        ({0: "ت", 3: "ي"}, (1, 2, 4)),  # تفعيل
        ({0: "ت", 1: "ت"}, (2, 3, 4)),  # تتفعل
        ({0: "ي", 2: "ت"}, (1, 3, 4)),  # يفتعل
        ({0: "ي", 1: "ت"}, (2, 3, 4)),  # يتفعل
        ({0: "ت", 2: "ت"}, (1, 3, 4)),  # تفتعل
        ({0: "ن", 2: "ت"}, (1, 3, 4)),  # نفتعل
        ({1: "و", 2: "ا"}, (0, 3, 4)),  # فواعل
        ({2: "ا", 3: "ء"}, (0, 1, 4)),  # فعائل
        ({2: "ا", 4: "ه"}, (0, 1, 3)),  # فعاله
        ({1: "ا", 3: "و"}, (0, 2, 4)),  # فاعول
        ({3: "ا", 4: "ن"}, (0, 1, 2)),  # فعلان
        ({2: "ي", 3: "ا"}, (0, 1, 4)),  # فعيال
        ({1: "ت", 3: "ا"}, (0, 2, 4)),  # (ا)فتعال without its alef
        ({2: "ا", 4: "ي"}, (0, 1, 3)),  # فعالي
    ],
    6: [
        ({0: "ا", 1: "س", 2: "ت"}, (3, 4, 5)),  # استفعل
        ({0: "م", 1: "س", 2: "ت"}, (3, 4, 5)),  # مستفعل
        ({0: "ي", 1: "س", 2: "ت"}, (3, 4, 5)),  # يستفعل
        ({0: "ت", 1: "س", 2: "ت"}, (3, 4, 5)),  # تستفعل
        ({0: "ا", 2: "ت", 4: "ا"}, (1, 3, 5)),  # افتعال
        ({0: "ا", 1: "ن", 4: "ا"}, (2, 3, 5)),  # انفعال
        ({0: "م", 1: "ت", 3: "ا"}, (2, 4, 5)),  # متفاعل
        ({0: "م", 2: "ا", 4: "ي"}, (1, 3, 5)),  # مفاعيل
        ({0: "ت", 2: "ا", 4: "ي"}, (1, 3, 5)),  # تفاعيل
        ({0: "ت", 1: "ت", 3: "ا"}, (2, 4, 5)),  # تتفاعل
        ({0: "ي", 1: "ت", 3: "ا"}, (2, 4, 5)),  # يتفاعل
        ({0: "ا", 3: "ي", 4: "ا"}, (1, 2, 5)),  # افعيال
    ],
    7: [
        ({0: "ا", 1: "س", 2: "ت", 5: "ا"}, (3, 4, 6)),  # استفعال
    ],
}


def fold_root(text: str) -> str:
    """A root as the index holds it and compares it: hamza and alef alike, ى as ي, ة as ه, no marks."""
    return "".join(ch for ch in text if ch not in _MARKS).translate(_FOLD_ROOT)


def _prepare(raw: str) -> str:
    """The word without marks, hamza written ء on any seat (the long vowel alef stays ا)."""
    word = "".join(ch for ch in raw if ch not in _MARKS).translate(_HAMZAS)
    return normalize_arabic(word) if not word.isalpha() else word


def _match(word: str) -> str | None:
    for letters, positions in _PATTERNS.get(len(word), ()):
        if all(word[i] == ch for i, ch in letters.items()):
            root = "".join(word[i] for i in positions)
            if letters == {1: "ا"} and root[1] == "ء":  # فاعل of a hollow root: قائد, رائع, عائد
                root = root[0] + "و" + root[2]
            return root
    return None


def _weak(root: str) -> str:
    """A long vowel standing for a root's weak letter: in the middle it is و (قال → قول, ساد → سود; ي roots
    such as سار are missed), at the end و too (دعا → دعو); ى was already ي (نفى → نفي)."""
    if root[1] == "ا":
        root = root[0] + "و" + root[2]
    if root[2] == "ا":
        root = root[:2] + "و"
    return root


def _strip_suffix(word: str) -> str | None:
    for group in (_SUFFIXES_3, _SUFFIXES_2, _SUFFIXES_1):
        for suffix in group:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                return word[: -len(suffix)]
    return None


def _candidates(word: str) -> list[str]:
    """What may be the word's stem, in the order tried: the word (without an accusative alef first), then
    with its suffixes off one by one; then each of those without a one-letter prefix. A four-letter form
    ending in ت, ه or a nisba ي tries it off first (تركت is ترك + ت, not ت + ركت; متنه, أدبي)."""
    bases = [word[:-1], word] if word.endswith("ا") and not word.endswith("وا") and len(word) >= 5 else [word]
    out: list[str] = []
    for base in bases:
        levels = []
        current: str | None = base
        while current is not None:
            levels.append(current)
            current = _strip_suffix(current) if len(current) > 3 else None
        for level in levels:
            if len(level) == 4 and (level[-1] in "ته" or (level[-1] == "ي" and level[0] not in "يتنا")):
                out.append(level[:-1])  # ترك+ت, متن+ه, ادب+ي (but يحمي is a verb)
            out.append(level)
        for level in levels:
            if level[:1] in _PREFIXES_1 and len(level) - 1 >= 3:
                rest = level[1:]
                out.append("ا" + rest[1:] if rest[0] == "ء" else rest)  # لإقناع → اقناع (افعال)
    return out


@lru_cache(maxsize=200_000)
def extract_root(raw: str) -> str | None:
    """The folded three-letter root of an Arabic word (fold_root), or None when no pattern fits."""
    word = _prepare(raw)
    if len(word) < 2 or not all("\u0621" <= ch <= "\u064a" for ch in word):
        return None
    # a conjunction: و before 3+ letters (وجرح; a root و is lost: وصلت), ف before 4+ (فقال is not ف + قال)
    if (word[0] == "و" and len(word) >= 4) or (word[0] == "ف" and len(word) >= 5):
        word = word[1:]
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            word = word[len(article) :]
            break
    if word[0] == "ء":  # a hamza starting the word is an alef to the patterns (إيقاف: افعال)
        word = "ا" + word[1:]
    if word.endswith("ة") and len(word) >= 3:  # ta marbuta: never a root letter
        word = word[:-1]
    if len(word) == 2:
        return fold_root(word + word[1])
    if len(word) == 3:
        return fold_root(_weak(word))
    for candidate in _candidates(word):
        if len(candidate) == 3:
            return fold_root(_weak(candidate))
        found = _match(candidate)
        if found is not None:
            return fold_root(_weak(found))
    return None
