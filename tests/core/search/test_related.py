"""More like this (Library.related): on a small fixed library an article about a topic finds the other
article about it first, never itself or a copy of its text; a highlight finds articles like its passage."""

from __future__ import annotations

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from tests.core.search.test_search import add_article
from tests.core.seed_helpers import add_seed

OIL_1 = (
    "أسعار النفط ترتفع بعد قرار أوبك",
    "ارتفعت أسعار النفط الخام في الأسواق العالمية بعد أن قررت منظمة أوبك خفض الإنتاج.",
    "وقال محللون إن برميل النفط قد يتجاوز مئة دولار إذا استمر خفض إنتاج أوبك وتراجعت المخزونات.",
)
OIL_2 = (
    "أوبك تمدد خفض إنتاج النفط",
    "مددت منظمة أوبك وحلفاؤها اتفاق خفض إنتاج النفط الخام ستة أشهر، فارتفع سعر البرميل.",
    "وتراجعت المخزونات الأمريكية من النفط الخام للأسبوع الثالث.",
)
FOOTBALL_1 = (
    "الهلال يفوز على النصر في الدوري",
    "فاز فريق الهلال على النصر بهدفين مقابل هدف في مباراة الدوري السعودي لكرة القدم.",
    "وسجل المهاجم الهدف الثاني في الدقيقة الأخيرة من المباراة أمام جماهير الملعب.",
)
FOOTBALL_2 = (
    "النصر يستعد لمباراة الهلال",
    "يستعد فريق النصر لمواجهة الهلال في مباراة قوية ضمن الدوري، والمدرب يراهن على المهاجم.",
    "وتتوقع الجماهير امتلاء الملعب في مباراة كرة القدم.",
)
CINEMA = (
    "افتتاح أول قاعة سينما في الرياض",
    "افتتحت أول قاعة سينما في الرياض بعرض فيلم جديد أمام جمهور من المهتمين بالفن والثقافة.",
)
MIXED = (
    "أسبوع حافل",
    "شهد الأسبوع أحداثا كثيرة في السياسة والثقافة.",
    "وفي الرياضة فاز الهلال على النصر في مباراة الدوري بهدف المهاجم في الدقيقة الأخيرة.",
)


TOPICS = {
    "oil_1": OIL_1,
    "oil_2": OIL_2,
    "football_1": FOOTBALL_1,
    "football_2": FOOTBALL_2,
    "cinema": CINEMA,
    "mixed": MIXED,
}


def add_topics(library: Library, names=tuple(TOPICS), **meta: str) -> dict[str, int]:
    """The articles named (TOPICS), each with `meta` (a `{name}` in a value is the article's name)."""
    return {
        name: add_article(library, *TOPICS[name], **{k: v.format(name=name) for k, v in meta.items()})
        for name in names
    }


@pytest.fixture
def topics(library: Library) -> dict[str, int]:
    ids = add_topics(library)
    ids["seed"] = add_seed(library)
    return ids


def test_an_article_finds_the_other_article_on_its_topic_first(library: Library, topics) -> None:
    related = library.related(topics["oil_1"])
    assert related.hits[0].article_id == topics["oil_2"]
    assert all(h.article_id != topics["oil_1"] for h in related.hits)
    assert all(h.kind == "article" for h in related.hits)
    football = library.related(topics["football_2"])
    assert football.hits[0].article_id == topics["football_1"]
    assert topics["football_2"] not in {h.article_id for h in football.hits}


def test_key_terms_are_words_of_the_source_and_the_hits_mark_them(library: Library, topics) -> None:
    related = library.related(topics["oil_1"])
    words = {t.word for t in related.terms}
    assert {"النفط", "أوبك"} & words
    assert all(t.word in "\n".join(OIL_1) for t in related.terms)
    first = related.hits[0]
    text = library.articles.text(first.article_id)
    marked = {text[s:e] for s, e in first.hits}
    assert "النفط" in marked
    assert first.snippet_marks and first.score > 0
    data = related.to_json()
    assert data["article_id"] == topics["oil_1"] and data["highlight_id"] is None
    assert {"kind", "article_id", "highlight_id", "title", "score", "snippet", "hits"} <= data["hits"][
        0
    ].keys()
    assert {"term", "weight", "word"} <= data["terms"][0].keys()


def test_a_copy_of_the_article_is_left_out(library: Library, topics) -> None:
    copy = add_article(library, "نسخة أخرى", *OIL_1[1:])
    copy_with_title = library.articles.get(copy)
    assert copy_with_title.id != topics["oil_1"]
    # the same canonical text (title aside): a duplicate import, not a related piece
    assert library.articles.text(copy) == library.articles.text(topics["oil_1"])
    related = library.related(topics["oil_1"])
    assert copy not in {h.article_id for h in related.hits}
    assert related.hits[0].article_id == topics["oil_2"]


def test_a_highlight_finds_articles_like_its_passage(library: Library, topics) -> None:
    text = library.articles.text(topics["mixed"])
    start = text.index("وفي الرياضة")
    highlight = library.highlights.create(topics["mixed"], start, len(text))
    related = library.related(topics["mixed"], highlight.id)
    assert related.highlight_id == highlight.id
    assert {h.article_id for h in related.hits[:2]} == {topics["football_1"], topics["football_2"]}
    assert topics["mixed"] not in {h.article_id for h in related.hits}


def test_limit_and_unknown_ids(library: Library, topics) -> None:
    assert len(library.related(topics["oil_1"], limit=1)) == 1
    with pytest.raises(HawamishError) as missing:
        library.related(999)
    assert missing.value.code is ErrorCode.NOT_FOUND
    other = library.highlights.create(topics["cinema"], 0, 5)
    with pytest.raises(HawamishError) as wrong:
        library.related(topics["oil_1"], other.id)
    assert wrong.value.code is ErrorCode.NOT_FOUND


def test_an_article_with_nothing_in_common_has_no_related_articles(library: Library) -> None:
    lonely = add_article(library, "Quarks", "Gluons bind quarks inside protons.")
    add_article(library, "طبخ", "وصفة الكبسة باللحم والأرز.")
    assert library.related(lonely).hits == []
