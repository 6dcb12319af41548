from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core import anchors
from reader.core.anchors import Placement, reanchor
from reader.core.models import Highlight
from reader.core.quotes import quote_at
from reader.core.text import (
    ARABIC_MARKS,
    canonical_text,
    content_hash,
    fold_with_map,
    is_arabic_letter,
    normalize_arabic,
)
from tests.core.seed_helpers import QUOTES, SEED, blocks_from_lines, seed_lines


def make(text: str, quote: str, hid: int = 1, occurrence: int = 0) -> Highlight:
    start = text.index(quote)
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    exact, prefix, suffix = quote_at(text, start, start + len(quote))
    return Highlight(
        hid,
        1,
        start,
        start + len(quote),
        exact,
        prefix,
        suffix,
        content_hash(text),
        "claim",
        "background",
        "",
    )


def one(h: Highlight, new_text: str) -> Placement:
    [placement] = reanchor([h], new_text)
    assert 0 <= placement.start <= placement.end <= len(new_text)
    return placement


def test_unchanged_text_keeps_every_highlight_exact() -> None:
    hs = [make(SEED, q, i) for i, q in enumerate(QUOTES)]
    assert [(p.start, p.end, p.how) for p in reanchor(hs, SEED)] == [(h.start, h.end, "exact") for h in hs]


def test_paragraph_inserted_before_moves_the_highlight_onto_the_same_words() -> None:
    lines = seed_lines()
    lines.insert(3, "فقرة جديدة أضيفت في التحديث، وفيها كلام عن قوته مرة أخرى وعن الهجوم.")
    new_text = canonical_text(blocks_from_lines(lines))
    for q in QUOTES:
        p = one(make(SEED, q), new_text)
        assert p.how == "moved" and new_text[p.start : p.end] == q


def test_a_repeated_quote_follows_its_context_not_the_nearest_copy() -> None:
    # "داعش" occurs many times; the highlighted one is in paragraph 7, after "عنفًا هو "
    start = SEED.index("عنفًا هو داعش") + len("عنفًا هو ")
    exact, prefix, suffix = quote_at(SEED, start, start + 4)
    h = Highlight(1, 1, start, start + 4, exact, prefix, suffix, "", "claim", "background", "")
    lines = seed_lines()
    lines.insert(2, "تنظيم داعش " * 3)  # shifts everything by a few words, with more copies near the old spot
    new_text = canonical_text(blocks_from_lines(lines))
    p = one(h, new_text)
    assert p.how == "moved"
    assert new_text[p.start - len("عنفًا هو ") : p.end] == "عنفًا هو داعش"


def test_a_word_changed_inside_the_quote_is_placed_fuzzily_on_the_same_words() -> None:
    q = "قالت وكالة أنباء روسية حكومية"
    edited = "قالت وكالة أنباء روسيّة رسمية"
    new_text = SEED.replace(q, edited)
    p = one(make(SEED, q), new_text)
    assert p.how == "fuzzy"
    assert new_text[p.start : p.end] == edited


def test_a_longer_replacement_word_moves_the_end_boundary() -> None:
    q = "بدأ يستعيد قوته مرة أخرى"
    edited = "بدأ يستعيد عافيته وقدراته مرة أخرى"
    new_text = SEED.replace(q, edited)
    p = one(make(SEED, q), new_text)
    assert p.how == "fuzzy" and new_text[p.start : p.end] == edited


def test_the_quoted_passage_deleted_makes_an_orphan() -> None:
    lines = seed_lines()
    victim = next(i for i, line in enumerate(lines) if "قالت وكالة أنباء روسية" in line)
    h = make(SEED, "قالت وكالة أنباء روسية حكومية")
    del lines[victim]
    new_text = canonical_text(blocks_from_lines(lines))
    p = one(h, new_text)
    assert p.how == "orphan"


def _vocalise(text: str) -> str:
    """Add a fatha after every Arabic letter that has no mark yet (a fully vocalised copy)."""
    out: list[str] = []
    for i, ch in enumerate(text):
        out.append(ch)
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if is_arabic_letter(ch) and ch not in ARABIC_MARKS and ch != "\u0640" and nxt not in ARABIC_MARKS:
            out.append("\u064e")
    return "".join(out)


def test_harakat_added_everywhere_keeps_highlights_on_the_vocalised_words() -> None:
    new_text = _vocalise(SEED)
    for q in QUOTES:
        p = one(make(SEED, q), new_text)
        assert p.how in ("moved", "fuzzy")
        placed = new_text[p.start : p.end]
        assert normalize_arabic(placed) == normalize_arabic(q)
        assert placed.endswith("\u064e") or not is_arabic_letter(q[-1])  # the last letter keeps its haraka
        assert new_text[p.end : p.end + 1] not in ARABIC_MARKS


def test_an_emoji_before_the_passage_shifts_it_by_one_code_point() -> None:
    q = QUOTES[1]
    h = make(SEED, q)
    new_text = SEED[: h.start - 10] + "🙂" + SEED[h.start - 10 :]
    p = one(h, new_text)
    assert p.how == "moved" and (p.start, p.end) == (h.start + 1, h.end + 1)
    assert new_text[p.start : p.end] == q


def test_an_old_orphan_is_placed_again_when_its_passage_returns() -> None:
    h = make(SEED, QUOTES[0])
    h.orphan = True
    h.start, h.end = 5, 9  # wherever it was left
    assert one(h, SEED).how == "moved"


def test_empty_new_text_orphans_everything() -> None:
    assert [p.how for p in reanchor([make(SEED, q) for q in QUOTES], "")] == ["orphan"] * len(QUOTES)


# --- properties over random edits ----------------------------------------------------------------

QUOTE = QUOTES[2]
H = make(SEED, QUOTE)
words = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهوي ءأإآةى،.🙂\u064e\u0651")), max_size=40
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.integers(0, len(SEED)), length=st.integers(0, 80), inserted=words, before=st.booleans())
def test_edits_away_from_the_highlight_keep_it_on_the_same_words(where, length, inserted, before) -> None:
    # an edit (delete `length` code points at a point, insert `inserted`) strictly outside quote + context
    lo, hi = H.start - len(H.prefix), H.end + len(H.suffix)
    if before:
        at = where % max(1, lo)
        end = min(at + length, lo)
    else:
        at = hi + where % max(1, len(SEED) - hi)
        end = min(at + length, len(SEED))
    new_text = SEED[:at] + inserted + SEED[end:]
    p = one(H, new_text)
    assert p.how in ("exact", "moved")
    assert new_text[p.start : p.end] == QUOTE
    shift = len(inserted) - (end - at) if before else 0
    assert p.start == H.start + shift or new_text.count(QUOTE) > 1


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    at=st.integers(0, len(SEED)),
    length=st.integers(0, 400),
    inserted=words,
    quote_index=st.integers(0, len(QUOTES) - 1),
)
def test_any_edit_never_crashes_and_positions_stay_inside_the_text(at, length, inserted, quote_index) -> None:
    h = make(SEED, QUOTES[quote_index])
    new_text = SEED[:at] + inserted + SEED[at + length :]
    p = one(h, new_text)
    assert p.how in anchors.HOW
    if p.how != "orphan":
        assert p.start < p.end


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200), st.text(min_size=1, max_size=30), st.text(max_size=200))
def test_arbitrary_texts_never_crash(before: str, quote: str, after: str) -> None:
    text = before + quote + after
    assume(quote)
    h = make(text, quote, occurrence=0)
    p = one(h, after + before)
    assert p.how in anchors.HOW


def test_a_haraka_added_on_the_last_letter_joins_the_highlight() -> None:
    q = "داعش-خراسان في أفغانستان"
    h = make(SEED, q)
    new_text = SEED[: h.end] + "\u064e" + SEED[h.end :]
    p = one(h, new_text)
    assert p.how == "exact" and new_text[p.start : p.end] == q + "\u064e"


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("أإآٱىةؤئیکابت ٠١۹\u064b\u064e\u0651\u0670\u0640\u200f\u2067ﻻﺷΣİAbC🙂")),
            st.characters(),
        ),
        max_size=60,
    )
)
def test_fold_fast_equals_fold_with_map(text: str) -> None:
    fast, slow = anchors.fold_fast(text), fold_with_map(text)
    assert (fast.text, fast.origin, fast.original) == (slow.text, slow.origin, slow.original)


def test_a_zero_width_no_break_space_in_the_text_does_not_crash() -> None:
    # U+FEFF sits in the presentation-forms block but NFKC leaves it alone: folding once recursed forever
    assert fold_with_map("\ufeffكلمة\ufefd").text == "\ufeffكلمه\ufefd"
    h = make(SEED, QUOTES[0])
    new_text = "\ufeff" + SEED.replace(QUOTES[0], "بدأ يستعيد\ufeff قوته مرة أخرى")
    assert one(h, new_text).how in ("fuzzy", "moved")
