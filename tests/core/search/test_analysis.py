"""One test per rule of the analysis chain (DESIGN §4) and for find-in-article."""

from __future__ import annotations

import pytest

from reader.core.search.analysis import (
    analyze_word,
    find_all,
    hawamish_analyzer,
    light10,
    matching_spans,
    normalize_for_find,
    prefix_behind_article,
    query_variants,
    surface_variants,
    word_terms,
)


def terms_of(text: str) -> list[str]:
    return [t.text for t in hawamish_analyzer()(text)]


def tokens_of(text: str) -> list[tuple[str, int, int, int]]:
    return [
        (t.text, t.pos, t.startchar, t.endchar) for t in hawamish_analyzer()(text, positions=True, chars=True)
    ]


def same_stem(a: str, b: str) -> bool:
    return analyze_word(a)[1] == analyze_word(b)[1]


@pytest.mark.parametrize("variant", ["أحمد", "إحمد", "آحمد", "ٱحمد", "احمد"])
def test_hamza_and_madda_on_alef_fold_to_bare_alef(variant: str) -> None:
    assert word_terms(variant)[0] == "احمد"


def test_alef_maqsura_folds_to_yeh() -> None:
    assert word_terms("مستشفى")[0] == word_terms("مستشفي")[0] == "مستشفي"


def test_teh_marbuta_folds_to_heh() -> None:
    assert word_terms("المتحدة")[0] == word_terms("المتحده")[0]


def test_hamza_on_waw_and_yeh() -> None:
    assert word_terms("مؤتمر")[0] == "موتمر"
    assert word_terms("رئيس")[0] == "رييس"


def test_harakat_tanween_shadda_sukun_dagger_alef_are_removed() -> None:
    assert word_terms("مُحَمَّدٌ")[0] == "محمد"
    assert word_terms("شخصًا")[0] == "شخصا"
    assert word_terms("قُلْ")[0] == "قل"
    assert analyze_word("هٰذا", removestops=False)[0][0] == "هذا"  # هذا is a stop word
    assert word_terms("الرَّحْمٰن")[0] == "رحمن"  # (behind its article)


def test_vocalised_word_is_one_token() -> None:
    # whoosh's default tokenizer splits this into letters (DESIGN §4)
    assert [t[0] for t in tokens_of("مُحَمَّدٌ رسولٌ")][:1] == ["محمد"]
    assert len({t[1] for t in tokens_of("مُحَمَّدٌ رسولٌ")}) == 2


def test_tatweel_is_removed() -> None:
    assert word_terms("داعـــش")[0] == "داعش"


def test_arabic_indic_digits_fold_to_ascii() -> None:
    assert word_terms("٢٠١٤") == ("2014",)
    assert word_terms("۲۰۱۵") == ("2015",)


def test_latin_is_lower_cased_and_english_stemmed() -> None:
    assert word_terms("Running") == ("running", "run")
    assert same_stem("elections", "election")
    assert same_stem("connected", "connecting")


def test_stop_words_are_dropped_in_both_languages() -> None:
    assert terms_of("the war in Syria") == ["war", "syria"]
    assert terms_of("في سوريا") == ["سوريا"]
    assert word_terms("إلى") == ()  # a stop word written with hamza is still a stop word
    assert analyze_word("في", removestops=False)[0] == ("في",)


def test_positions_close_over_stop_words() -> None:
    # a phrase with a stop word inside still matches: positions are renumbered over kept words
    positions = sorted({t[1] for t in tokens_of("war in Syria")})
    assert positions == [0, 1]


def test_waw_prefix_is_stripped_when_three_letters_remain() -> None:
    assert light10("وبوتين") == light10("بوتين")
    assert same_stem("وبوتين", "بوتين")
    assert light10("ولد") == "ولد"  # only two letters would remain


@pytest.mark.parametrize("prefix", ["ال", "وال", "بال", "كال", "فال", "لل"])
def test_each_article_prefix_is_stripped(prefix: str) -> None:
    assert light10(prefix + "كتاب") == "كتاب"


def test_article_prefix_keeps_at_least_two_letters() -> None:
    assert light10("الم") == "الم"


@pytest.mark.parametrize("clitic", ["ف", "ب", "ك", "ل"])
def test_the_word_behind_a_one_letter_clitic_is_indexed_too(clitic: str) -> None:
    # light10 leaves ف ب ك ل alone (root letters: بوتين); the index holds the word behind them as well
    assert word_terms(clitic + "روسيا") == (clitic + "روسيا", "روسيا")
    # and the word's surface without the clitic (not stemmed: proclitic_forms)
    assert word_terms(clitic + "عملية") == (clitic + "عمليه", clitic + "عمل", "عمل", "عمليه")
    # so the query needs no clitic forms of its own words...
    assert query_variants("روسيا") == ("روسيا",)
    # ...but strips one when 4 letters remain: كتاب is not ك + تاب
    assert "روسيا" in query_variants(clitic + "روسيا") + surface_variants(clitic + "روسيا")
    assert "تاب" not in query_variants("كتاب") + surface_variants("كتاب")
    assert "كره" not in surface_variants("فكرة")


def test_no_word_behind_the_article_or_a_short_word() -> None:
    # بال is the article (light10 takes it); the surface behind it is indexed, not another stem
    assert word_terms("بالحكومة") == ("حكومه", "حكوم")
    assert word_terms("بيت") == ("بيت",)  # 2 letters would remain
    assert word_terms("بآلاف") == ("بالاف", "الاف")  # آ: not an article, so ب is a clitic


@pytest.mark.parametrize("word", ["الحكومة", "والحكومة", "بالحكومة", "للحكومة", "فالحكومة", "كالحكومة"])
def test_a_word_with_the_article_is_indexed_and_looked_for_behind_it(word: str) -> None:
    # its written form told only the clitics before the article apart: a fifth of the postings for nothing
    assert word_terms(word) == ("حكومه", "حكوم")
    assert query_variants(word) == ("حكومه", "حكوم")
    assert surface_variants(word) == ("حكومه",)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("الحك", "حك"),
        ("وبالحك", "حك"),
        ("للحك", "حك"),
        ("الم", "م"),  # the bare article may leave one letter
        ("بالغ", "بالغ"),  # after a clitic, two must remain: بالغ is a word
        ("ال", "ال"),
        ("وزار", "وزار"),
    ],
)
def test_a_prefix_typed_with_the_article_is_looked_for_behind_it(pattern: str, expected: str) -> None:
    assert prefix_behind_article(pattern) == expected


def test_a_hamza_alef_is_not_taken_for_the_article_when_indexing() -> None:
    assert word_terms("آلاف")[0] == "الاف" and word_terms("ألمانيا")[0] == "المانيا"


def test_a_conjunction_before_a_root_waw() -> None:
    assert word_terms("وزارة") == ("وزاره", "زار", "زاره")  # light10 takes the root و
    assert "زار" in query_variants("ووزارة")


@pytest.mark.parametrize("suffix", ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"])
def test_each_suffix_is_stripped(suffix: str) -> None:
    assert analyze_word("معلم" + suffix)[1] == "معلم"


def test_suffix_keeps_three_letters() -> None:
    assert light10("بيان") == "بيان"
    assert light10("رايه") == "راي"


@pytest.mark.parametrize("word", ["مصدراً", "مصدرًا", "مصدرـاً"])
def test_the_alef_of_accusative_tanween_is_not_part_of_the_stem(word: str) -> None:
    assert same_stem(word, "مصدر") and same_stem(word, "المصدر")


def test_a_final_alef_without_tanween_stays() -> None:
    assert analyze_word("روسيا")[1] == "روسيا"
    assert analyze_word("كتابا")[1] == "كتابا"  # no tanween written: cannot tell an accusative from a name


@pytest.mark.parametrize(
    ("word", "expected"),
    [("آلاف", "الاف"), ("وآلاف", "الاف"), ("ألمانيا", "المانيا"), ("إلغاء", "الغاء"), ("بإلغاء", "بالغاء")],
)
def test_a_hamza_or_madda_alef_is_never_the_article(word: str, expected: str) -> None:
    assert analyze_word(word)[1] == expected


def test_the_article_is_still_stripped_before_a_hamza_word() -> None:
    assert analyze_word("الألعاب")[1] == "العاب"
    assert analyze_word("ٱلْكِتَابِ")[1] == "كتاب"  # alef wasla is the article's alef
    assert analyze_word("للأمم")[1] == "امم"
    assert analyze_word("الاف")[1] == "اف"  # written without its madda: cannot be told apart


def test_a_word_with_the_article_is_looked_for_as_itself_and_its_stem_only() -> None:
    assert query_variants("العمل") == ("عمل",)


def test_exact_form_is_kept_beside_the_stem() -> None:
    terms, stem = analyze_word("مفاوضات")
    assert terms[0] == "مفاوضات" and stem in terms and stem != terms[0]
    terms, stem = analyze_word("والولايات")  # behind the article
    assert terms[0] == "ولايات" and stem in terms and stem != terms[0]


def test_all_variants_share_one_position_and_the_original_offsets() -> None:
    text = "قال الرئيسُ"
    toks = tokens_of(text)
    assert {t[1] for t in toks if t[2] == 4} == {1}
    for _, _, start, end in toks:
        assert text[start:end] in ("قال", "الرئيسُ")


def test_offsets_stay_on_vocalised_text() -> None:
    text = "قالَ الرَّئِيسُ الأمريكيُّ"
    spans = [(s, e) for _, _, s, e in tokens_of(text)]
    assert (5, 15) in spans and text[5:15] == "الرَّئِيسُ"
    assert matching_spans(text, frozenset(word_terms("الامريكي"))) == [(16, len(text))]


def test_query_mode_emits_only_the_stem() -> None:
    toks = [t.text for t in hawamish_analyzer()("وبوتين", mode="query")]
    assert toks == [analyze_word("بوتين")[1]]


def test_underscore_and_hyphen_split_words() -> None:
    assert terms_of("داعش-خراسان")[0] == "داعش"
    assert "موسكو" in terms_of("#هجوم_موسكو")


def test_normalize_for_find() -> None:
    assert normalize_for_find("  الولاياتُ   المتحدة ") == "الولايات المتحده"


def test_find_all_gives_offsets_on_the_real_text() -> None:
    text = "قالت إيرانُ إنّ الولايات المتحدة... وإيران"
    hits = find_all(text, "ايران")
    assert [text[s:e] for s, e in hits] == ["إيرانُ", "إيران"]
    hits = find_all(text, "الولايات   المتحده")
    assert [text[s:e] for s, e in hits] == ["الولايات المتحدة"]
    assert find_all(text, "   ") == []
    assert find_all(text, "غير موجود") == []


def test_find_all_ignores_tatweel_and_case() -> None:
    text = "داعـــش and ISIS"
    assert [text[s:e] for s, e in find_all(text, "داعش")] == ["داعـــش"]
    assert find_all(text, "isis") == [(12, 16)]


def _matching_spans_word_by_word(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    """The plain definition matching_spans must agree with: every word, analysed, judged."""
    from reader.core.search.analysis import WORD_PATTERN

    return [m.span() for m in WORD_PATTERN.finditer(text) if not terms.isdisjoint(word_terms(m.group()))]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("قالَ الرئيسُ إنّ روسيا ولروسيا و روسيا_الكبرى بروسيا وروسيّا.", "روسيا"),
        ("الحكومةُ والحكومات وبالحكومة حكومة الحكومه حكوميّ", "الحكومة"),
        ("مُحَمَّدٌ ومحمد محمّداً محمـــد 2024 ٢٠٢٤", "محمد"),
        ("Russia and Russia's russian RUSSIA: studies studied study", "studies"),
        ("عام ٢٠٢٤ و2024م و 2024", "2024"),
        ("نصٌ بلا الكلمة المطلوبة", "روسيا"),
        ("روسيا", "روسيا"),
        ("", "روسيا"),
    ],
)
def test_matching_spans_agrees_with_the_word_by_word_definition(text: str, query: str) -> None:
    terms = frozenset(t for w in query.split() for t in query_variants(w))
    assert matching_spans(text, terms) == _matching_spans_word_by_word(text, terms)


def test_matching_spans_on_random_texts_agrees_with_the_word_by_word_definition() -> None:
    import random

    rng = random.Random(4)
    pieces = [
        "روسيا",
        "لروسيا",
        "ولروسيا",
        "الرُّوسِيّة",
        "روس",
        "كتاب",
        "كتابـاً",
        "الكتاب",
        "Book",
        "books",
        "٣",
        "3",
        "_",
        "-",
        " ",
        "\n",
        "،",
        "َ",
        "ّ",
        "ـ",
        "مُحَمَّد",
        "محمد",
    ]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        query = rng.choice(["روسيا", "كتاب", "book", "محمد", "3", "الروسيه"])
        terms = frozenset(query_variants(query))
        assert matching_spans(text, terms) == _matching_spans_word_by_word(text, terms), (text, query)


def test_indexed_words_is_what_the_analyzer_emits_in_index_mode() -> None:
    import random

    from reader.core.search.analysis import indexed_words

    def by_analyzer(text: str) -> list[tuple[str, ...]]:
        words: dict[int, list[str]] = {}
        for t in hawamish_analyzer()(text, positions=True, mode="index"):
            words.setdefault(t.pos, []).append(t.text)
        assert sorted(words) == list(range(len(words)))  # positions 0..n-1, stop words closed over
        return [tuple(words[p]) for p in sorted(words)]

    rng = random.Random(9)
    pieces = [
        "روسيا",
        "لروسيا",
        "ولروسيا",
        "في",
        "من",
        "الرُّوسِيّة",
        "كتابـاً",
        "آلاف",
        "the",
        "Books",
        "٣",
        "_",
        "-",
        " ",
        "\n",
        "،",
        "مُحَمَّد",
        "وبالحكومة",
        "ّ",
    ]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(200)]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(200)]
    for text in texts:
        assert indexed_words(text) == by_analyzer(text), text
