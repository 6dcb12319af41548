"""The Arabic/English analysis chain of the search index, and find-in-article with the same folding.

Why a chain of our own (DESIGN §4): whoosh's default tokenizer, like FTS5's, cuts vocalised words
(`مُحَمَّدٌ`) into single letters, and its Arabic analyzer crashes on 3.11+ and over-stems. So:

1. tokenise the ORIGINAL text with a pattern that keeps harakat and tatweel inside words (token offsets stay
   on the real text, so hits and snippets land on vocalised words);
2. fold each token (reader.core.text.fold_char: tashkeel and tatweel dropped, أ إ آ ٱ → ا, ى → ي, ة → ه,
   ؤ → و, ئ → ي, Arabic-Indic digits → ASCII, Latin lower-cased);
3. drop stop words (Arabic and English);
4. light stemming: light10 for Arabic, Snowball for English. The folded word and its stem are both
   indexed at the SAME position; a query word becomes the OR of its variants (`query_variants`: its own
   terms, and forms with and without a one-letter clitic), so a document holding the exact form matches
   more terms (exact words rank first) while any variant still finds it.

Per-word work is cached (`analyze_word`): word frequencies are Zipfian, so most tokens of a new article are
cache hits, which is what makes indexing fast enough in pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import snowballstemmer
from whoosh.analysis import Composable, Filter, RegexTokenizer

from reader.core.text import fold_char, fold_with_map, normalize_arabic

#: Bump when anything here changes what terms a text produces: the index is then rebuilt (index.py).
ANALYZER_VERSION = 8

#: A word: letters and digits of any script (not "_", so #هجوم_موسكو is two words), with Arabic marks and
#: tatweel allowed anywhere inside it.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
WORD_PATTERN = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")

# --- stop words (folded forms: written here unfolded for readability, folded at import) ---------------

_ARABIC_STOPS = """
في من إلى الى على عن مع أن ان إن لا لم لن ما ماذا هل قد لقد كان كانت يكون تكون كل بعض هذا هذه ذلك تلك
هؤلاء أولئك الذي التي الذين اللذين اللتين اللاتي ثم أو او أم بل لكن لكن حتى إذا اذا إذ لو كما أي أيضا
عند عندما بين بعد قبل حول خلال منذ هو هي هم هن أنا نحن أنت أنتم له لها لهم به بها بهم فيه فيها فيهم
منه منها عليه عليها إليه إليها وهو وهي ولا وما وقد وفي ومن وعلى وأن وإن فإن فقد كذلك غير دون ليس
ليست إلا الا مثل عليه يا
"""

_ENGLISH_STOPS = """
a an and are as at be been but by for from had has have he her his i in is it its of on or she that the
their them there these they this those to was were which who will with would you your we our not no so
if than then into about up out do does did can could should
"""

ENGLISH_STOP_WORDS = frozenset(_ENGLISH_STOPS.split())
ARABIC_STOP_WORDS = frozenset(normalize_arabic(w) for w in _ARABIC_STOPS.split())
STOP_WORDS = ENGLISH_STOP_WORDS | ARABIC_STOP_WORDS

# --- light stemming ------------------------------------------------------------------------------------

#: light10's definite articles, longest first (folded forms).
ARTICLE_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
#: One-letter proclitics that light10 leaves alone (they collide with root letters: بوتين, كتاب); we emit
#: the word without them as an extra variant when at least 4 letters remain.
CLITIC_LETTERS = "فبكل"
#: light10's suffixes in the order they are tried (ية and ة are written folded: يه, ه).
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

_english = snowballstemmer.stemmer("english")


def _is_arabic(word: str) -> bool:
    return "\u0600" <= word[0] <= "\u06ff"


def light10(word: str, *, strip_waw: bool = True, hamza_alefs: frozenset[int] = frozenset()) -> str:
    """Larkey's light10 on a folded Arabic word: و (≥3 left), an article (≥2 left), one suffix (≥3 left).

    light10 lets a suffix leave 2 letters; we keep 3, so short words keep their ending (رايه → راي, not را;
    بيان stays بيان). `hamza_alefs` are the indexes of letters that were أ إ آ before folding: the article
    is written with a bare alef, so آلاف, ألمانيا and بإلغاء keep their "ال" (folding alone made آلاف look
    like ال + اف, and its stem اف matched كاف).
    """
    offset = 0
    if strip_waw and word.startswith("و") and len(word) - 1 >= 3:
        word = word[1:]
        offset = 1
    word = word[len(_article(word, frozenset(i - offset for i in hamza_alefs))) :]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word


def _article(word: str, hamza_alefs: frozenset[int]) -> str:
    """The article light10 takes off `word` (ال, وال, بال, ..., لل when 2 letters remain), or "". An alef
    at an index in `hamza_alefs` was أ إ آ before folding, and the article's alef is always bare."""
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            alef = prefix.find("ا")  # -1 for لل, whose alef is not written
            return prefix if alef < 0 or alef not in hamza_alefs else ""
    return ""


def stem(word: str, hamza_alefs: frozenset[int] = frozenset()) -> str:
    """The stem of a folded word (light10 for Arabic, Snowball for English; digits unchanged)."""
    if not word or word.isdigit():
        return word
    if _is_arabic(word):
        return light10(word, hamza_alefs=hamza_alefs)
    stem: str = _english.stemWord(word)
    return stem


def _hamza_alefs(raw: str) -> frozenset[int]:
    """Indexes, in the folded form of `raw`, of the letters that were أ إ آ (see light10)."""
    if not any(ch in _HAMZA_ALEFS for ch in raw):
        return frozenset()
    found, index = set(), 0
    for ch in raw:
        folded = fold_char(ch)
        if ch in _HAMZA_ALEFS:
            found.add(index)
        index += len(folded)
    return frozenset(found)


#: A word ending in alef with fathatan (either order, harakat or tatweel may follow): the accusative tanween.
_HAMZA_ALEFS = frozenset("أإآ")
_TANWEEN_ALEF = re.compile("(?:\u064b\u0627|\u0627\u064b)[\u064b-\u065f\u0640]*$")

_WORD_CACHE: dict[str, tuple[tuple[str, ...], str]] = {}
_WORD_CACHE_MAX = 400_000


def clear_cache() -> None:
    _WORD_CACHE.clear()
    query_variants.cache_clear()
    surface_variants.cache_clear()


def analyze_word(raw: str, removestops: bool = True) -> tuple[tuple[str, ...], str]:
    """(terms, stem) of one raw token; cached in a plain dict (a hot path of indexing and of hits)."""
    if not removestops:
        return _analyze_word(raw, False)
    found = _WORD_CACHE.get(raw)
    if found is None:
        if len(_WORD_CACHE) >= _WORD_CACHE_MAX:
            _WORD_CACHE.clear()
        found = _WORD_CACHE[raw] = _analyze_word(raw, True)
    return found


def _analyze_word(raw: str, removestops: bool) -> tuple[tuple[str, ...], str]:
    """(terms, stem) of one raw token as the index stores it: its folded form (behind the article, for a word
    with one), its stem, for a word starting with a one-letter clitic ف ب ك ل the stem of the word behind
    it, and its surface (proclitic_forms).

    ((), "") for a stop word or a token of marks only. light10 leaves ف ب ك ل alone because they are often
    root letters (بوتين, كتاب); indexing the word behind them as well (لروسيا → روسيا, بعمل → عمل) lets a
    search for روسيا find لروسيا with one term instead of an OR over four clitic forms of every query word
    (two-word p95 at 100k articles 164 → 83 ms; docs/search.md). A root letter taken for a clitic (كتاب →
    تاب) only matters to someone searching تاب.
    """
    folded = normalize_arabic(raw)
    if not folded or (removestops and folded in STOP_WORDS):
        return (), ""
    hamza_alefs = _hamza_alefs(raw)
    tanween = bool(_TANWEEN_ALEF.search(raw)) and len(folded) >= 4
    # مصدراً, جديداً: the alef only carries the accusative tanween, so the stem is that of مصدر
    base = folded[:-1] if tanween else folded
    stemmed = stem(base, hamza_alefs)
    forms = proclitic_forms(folded, hamza_alefs)
    surface = forms[-1]
    # A word with the article is indexed under its surface behind it, not also as written (الحكومه,
    # بالحكومه → حكومه): the written form only told the article's clitics apart, which no query needs (a
    # query word asks for its surface, and a prefix typed with the article is looked for behind it too:
    # prefix_behind_article); it was a fifth of every article's postings (docs/search.md).
    written = surface if article_stripped(forms) else folded
    terms = [written] if stemmed == written else [written, stemmed]
    # the conjunction may come first: ولروسيا, وبعمل
    skip = 1 if base[0] == "و" and len(base) >= 5 and base[1] in CLITIC_LETTERS else 0
    if (
        base[skip] in CLITIC_LETTERS
        and len(base) - skip - 1 >= 3
        and not _article(folded[skip:], frozenset(i - skip for i in hamza_alefs))
    ):
        shifted = frozenset(i - skip - 1 for i in hamza_alefs)
        behind = light10(base[skip + 1 :], strip_waw=False, hamza_alefs=shifted)
        if behind not in terms:
            terms.append(behind)
    if surface not in terms:
        terms.append(surface)
    return tuple(terms), stemmed


def proclitic_forms(folded: str, hamza_alefs: frozenset[int] = frozenset()) -> list[str]:
    """A folded word and the forms left as its proclitics come off one by one, least stripped first:
    a conjunction و ف, then a one-letter clitic ب ك ل (or ل of لل, the article's alef unwritten), then
    the article ال (والكتابين → الكتابين, كتابين; للحكومه → حكومه). A one-letter proclitic comes off only
    when 4 letters remain, as query_variants strips one: كتاب is not ك + تاب, فكره not ف + كره (a query
    form is also a way to match, so a shorter rest would find other words); the article when 3 remain.

    The last form, the word's surface without its proclitics but with its suffixes, is indexed beside the
    stem (`_analyze_word`), and a query word asks for all of its forms with a boost (`surface_variants`):
    the document holding the very word typed, with or without its clitics, outranks those that only share
    its stem. A query takes every form because a root letter cannot be told from a clitic (وفيات is the
    word وفيات, not و + فيات, in الوفيات); documents take the last one, so the query's forms always include
    it. `hamza_alefs` as in light10 (آلاف keeps its ال).
    """
    forms = [folded]
    word, offset = folded, 0
    if word[:1] in "وف" and len(word) - 1 >= 4:
        word, offset = word[1:], offset + 1
        forms.append(word)
    if word.startswith("لل") and len(word) - 2 >= 3:
        forms.append(word[2:])
        return forms
    if word[:1] in "بكل" and len(word) - 1 >= 4:
        word, offset = word[1:], offset + 1
        forms.append(word)
    if word.startswith("ال") and len(word) - 2 >= 3 and offset not in hamza_alefs:
        forms.append(word[2:])
    return forms


def article_stripped(forms: list[str]) -> bool:
    """Whether the last of proclitic_forms took the article off (الحكومه → حكومه, للحكومه → حكومه)."""
    return len(forms) >= 2 and forms[-2].startswith(("ال", "لل")) and forms[-1] == forms[-2][2:]


#: The article in a prefix pattern, and the clitics that may stand before it (a conjunction, then a
#: one-letter clitic; ل before the article, whose alef is then not written: للحك).
_ARTICLE_IN_PREFIX = re.compile("^(?:(?P<clitics>[وف]?[بكل]?)ال|[وف]?لل)")


def prefix_behind_article(prefix: str) -> str:
    """A folded prefix pattern with its article (and the clitics before it) taken off, as words with the
    article are indexed (الحك → حك, وبالحك → حك, للحك → حك); unchanged without an article, or when the
    article would leave nothing. A pattern may also be a word of its own (بالغ is not ب + ال + غ): after
    clitics, the article is taken off only when 2 letters remain; query.py looks for both patterns."""
    m = _ARTICLE_IN_PREFIX.match(prefix)
    if not m:
        return prefix
    rest = prefix[m.end() :]
    bare_article = m.group("clitics") == ""
    return rest if len(rest) >= (1 if bare_article else 2) else prefix


@lru_cache(maxsize=100_000)
def surface_variants(raw: str, removestops: bool = True) -> tuple[str, ...]:
    """The index terms that hold a query word's own surface (its folded form, with or without its
    proclitics; see proclitic_forms; only behind the article for a word with one): query.py asks for them
    with SURFACE_BOOST."""
    folded = normalize_arabic(raw)
    if not folded or (removestops and folded in STOP_WORDS) or not _is_arabic(folded):
        return (folded,) if folded and not (removestops and folded in STOP_WORDS) else ()
    forms = proclitic_forms(folded, _hamza_alefs(raw))
    # a word with the article is only in the index behind it (_analyze_word)
    return (forms[-1],) if article_stripped(forms) else tuple(forms)


@lru_cache(maxsize=100_000)
def query_variants(raw: str, removestops: bool = True) -> tuple[str, ...]:
    """Every index term a query word should match, its own indexed form first.

    The word's form as indexed (behind the article for a word with one) and its stem, and for Arabic:
    - without a one-letter clitic ف ب ك ل when 4 letters remain (لروسيا → روسيا); the other way round (روسيا
      finding لروسيا) is the index's job (_analyze_word);
    - without a leading و before light10 takes another (ووزارة → وزارة → زار): light10 takes و for the
      conjunction even when it is a root letter, so وزارة is indexed under زار.
    Terms that are in no document cost a dictionary look-up each at query time.
    """
    terms, stemmed = analyze_word(raw, removestops)
    if not terms:
        return ()
    written = terms[0]
    own = [written] if stemmed == written else [written, stemmed]
    if not _is_arabic(written):
        return tuple(own)
    folded = normalize_arabic(raw)
    hamza_alefs = _hamza_alefs(raw)
    out = list(own)
    extra: list[str] = []
    behind = [t for t in terms[len(own) :] if t != proclitic_forms(folded, hamza_alefs)[-1]]
    if folded[0] in CLITIC_LETTERS and behind and len(folded) - 1 >= 4:
        extra += [folded[1:], behind[0]]  # the word behind the clitic, and its stem (_analyze_word)
    if folded[0] == "و" and len(folded) - 1 >= 4:
        rest = folded[1:]  # as the index holds it: behind its article, when it has one (والحكومه → حكومه)
        forms = proclitic_forms(rest, frozenset(i - 1 for i in hamza_alefs))
        extra += [forms[-1] if article_stripped(forms) else rest, stem(rest)]
    # A document holding the token v is indexed under v and stem(v): when stem(v) is already looked for,
    # v finds nothing more and only costs a posting list read per query. The ranking variants above stay.
    covered = set(out)
    for v in extra:
        if v not in covered and stem(v) not in covered:
            out.append(v)
            covered.add(v)
    return tuple(dict.fromkeys(out))


def indexed_words(text: str) -> list[tuple[str, ...]]:
    """The index terms of each word of `text` that is indexed, in order: one entry per position, exactly
    what the analyzer emits in index mode (tested). The fast path of indexing: the regex engine lists the
    words and each is a cache look-up, where the analyzer builds and passes along a token object per word
    (a sixth of a worker's indexing time)."""
    cache = _WORD_CACHE
    out = []
    for w in WORD_PATTERN.findall(text):
        found = cache.get(w)
        if found is None:
            found = analyze_word(w)
        if found[0]:
            out.append(found[0])
    return out


def word_terms(raw: str, removestops: bool = True) -> tuple[str, ...]:
    """The index terms of one raw token (see analyze_word)."""
    return analyze_word(raw, removestops)[0]


class VariantFilter(Filter):  # type: ignore[misc]  # whoosh ships no types
    """Fold, drop stop words and stem; emit the exact form and the stem at the word's position.

    Positions are renumbered over the kept words (as whoosh's StopFilter does), so a phrase with a stop
    word inside still matches. In "query" mode only the stem is emitted: the query parser (query.py) builds
    its own OR of the variants for single words, and phrases need one term per position.
    """

    is_morph = True

    def __call__(self, tokens: Iterable[Any]) -> Iterator[Any]:
        pos = 0
        for t in tokens:
            terms, stemmed = analyze_word(t.text, bool(t.removestops))
            if not terms:
                continue
            if t.positions:
                t.pos = pos
            pos += 1
            if t.mode == "query":
                t.text = stemmed
                yield t
                continue
            for term in terms:
                t.text = term
                yield t


def hawamish_analyzer() -> Composable:
    """The analyzer of every text field (title, author, outlet, body, note)."""
    return RegexTokenizer(WORD_PATTERN) | VariantFilter()


# --- helpers shared with query.py (hits on the real text) ------------------------------------------------


def word_spans(text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, terms) of every indexed word of `text`, offsets in code points of the original text."""
    spans = []
    for m in WORD_PATTERN.finditer(text):
        terms = word_terms(m.group(0))
        if terms:
            spans.append((m.start(), m.end(), terms))
    return spans


def matching_spans(text: str, terms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Offsets of the words of `text` that produce any of `terms` (index terms of a query).

    Hot path of search results (every hit of a page, a quarter of a search at 10k articles): the words are
    listed by the regex engine, each distinct word is analysed (cached) and judged once, and only the words
    that match are looked for again, whole, with one pattern.
    """
    if not terms:
        return []
    cache = _WORD_CACHE
    matched = []
    for w in set(WORD_PATTERN.findall(text)):
        found = cache.get(w) or analyze_word(w)
        if not terms.isdisjoint(found[0]):
            matched.append(w)
    if not matched:
        return []
    spans = []
    end_of_text = len(text)
    for w in matched:  # each occurrence standing as a whole word (not inside a longer one)
        size = len(w)
        i = text.find(w)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_word_char(text[i - 1])) and (
                j == end_of_text or not _is_word_char(text[j])
            ):
                spans.append((i, j))
            i = text.find(w, j if j > i else i + 1)
    spans.sort()
    return spans


_MARK_CHARS = frozenset(ch for ch in map(chr, range(0x0600, 0x0700)) if re.fullmatch(f"[{_MARKS}]", ch))


def _is_word_char(ch: str) -> bool:
    """A character WORD_PATTERN keeps inside a word: a letter or digit of any script, or an Arabic mark."""
    return ch.isalnum() or ch in _MARK_CHARS


# --- find in article -----------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def normalize_for_find(text: str) -> str:
    """The folded form find-in-article compares (same folding as the index, no stemming)."""
    return _SPACES.sub(" ", normalize_arabic(text)).strip()


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every occurrence of `query` in `text`, folded as the index folds, as (start, end) on the real text.

    A match never splits a letter from its harakat: the end is extended over the marks of the last letter.
    Whitespace in the query matches any run of whitespace in the text.
    """
    needle = normalize_for_find(query)
    if not needle:
        return []
    folded = fold_with_map(text)
    pattern = re.compile(r"\s+".join(re.escape(part) for part in needle.split(" ")))
    return [folded.to_original(m.start(), m.end()) for m in pattern.finditer(folded.text)]
