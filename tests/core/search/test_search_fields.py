"""The index's one text field (title, text and note as sections), and rebuilds with worker processes."""

from __future__ import annotations

import multiprocessing

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.search import SearchIndex
from reader.core.search import index as index_module
from tests.core.search.test_search import add_article, articles, own_index


def test_a_title_word_ranks_its_article_above_a_mention_in_the_text(library: Library) -> None:
    filler = " ".join(f"كلمة{i}" for i in range(40))
    mention = add_article(library, "تقرير عن الطقس", f"{filler} ذكر الاقتصاد مرة واحدة")
    titled = add_article(library, "الاقتصاد السعودي", f"{filler} وفي ختام المقال ذكر الاقتصاد")
    index = library.search_index()
    assert [h.article_id for h in index.search("الاقتصاد").hits] == [titled, mention]


def test_a_phrase_does_not_run_from_the_title_into_the_text(library: Library) -> None:
    across = add_article(library, "زيارة الوزير", "الرياض استقبلت الضيوف")
    inside = add_article(library, "خبر", "زيارة الوزير الرياض أمس")
    index = library.search_index()
    assert articles(index.search('"الوزير الرياض"')) == {inside}
    assert articles(index.search("الوزير الرياض")) == {across, inside}


def test_a_word_is_found_behind_each_one_letter_clitic_also_in_phrases(library: Library) -> None:
    found = {c: add_article(library, c, f"قالت {c}روسيا تقول ذلك") for c in "فبكل"}
    plain = add_article(library, "بلا", "قالت روسيا تقول ذلك")
    index = library.search_index()
    assert articles(index.search("روسيا")) == {*found.values(), plain}
    assert articles(index.search('"روسيا تقول"')) == {*found.values(), plain}
    # and the other way round, the exact form first
    assert articles(index.search("لروسيا")) == {*found.values(), plain}
    assert index.search("لروسيا").hits[0].article_id == found["ل"]
    hit = next(h for h in index.search("روسيا").hits if h.article_id == found["ب"])
    assert texts_of(library, hit) == ["بروسيا"]


def texts_of(library: Library, hit) -> list[str]:
    text = library.articles.get(hit.article_id).text
    return [text[s:e] for s, e in hit.hits]


def test_field_names_still_narrow_the_search(library: Library) -> None:
    titled = add_article(library, "الاقتصاد السعودي", "نص عن السياحة")
    texted = add_article(library, "السياحة", "نص عن الاقتصاد")
    index = library.search_index()
    assert articles(index.search("الاقتصاد")) == {titled, texted}
    assert articles(index.search("title:الاقتصاد")) == {titled}
    # text: and body: are the searchable text (title, text and notes), as a word without a field
    assert (
        articles(index.search("body:الاقتصاد")) == articles(index.search("text:الاقتصاد")) == {titled, texted}
    )


def test_note_words_are_found_and_reported_as_note_hits(library: Library) -> None:
    article = add_article(library, "مقال", "قالت الحكومة إن الموازنة متوازنة")
    highlight = library.highlights.create(article, 0, 10, note="يحتاج مصدراً للأرقام")
    index = library.search_index()
    hits = index.search("مصدر", kinds=["note"]).hits
    assert [(h.kind, h.highlight_id) for h in hits] == [("note", highlight.id)]
    assert articles(index.search("note:مصدر")) == set()  # the article itself has no note
    assert [h.kind for h in index.search("note:مصدر").hits] == ["note"]


@pytest.fixture
def many(library: Library) -> Library:
    for i in range(60):
        add_article(library, f"عنوان {i}", f"نص رقم {i} عن الاقتصاد", "والسياحة" if i % 2 else "والزراعة")
    return library


def _segments(index: SearchIndex) -> int:
    with index._mutex:
        return len(index.searcher().reader().leaf_readers())


def test_a_rebuild_with_two_processes_finds_what_one_process_finds(many: Library, monkeypatch) -> None:
    one = own_index(many)
    one.rebuild()
    expected = {q: articles(one.search(q, limit=100)) for q in ("الاقتصاد", "السياحة", "زرا*", '"رقم 7"')}
    one.close()
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 10)
    two = many.search_index(procs=2)
    assert two.rebuild().total == 60
    assert _segments(two) == 2  # one segment a worker
    assert {q: articles(two.search(q, limit=100)) for q in expected} == expected
    assert len(expected["السياحة"]) == 30 and len(expected["زرا*"]) == 30
    assert not multiprocessing.active_children()
    two.close()


def test_a_small_library_is_rebuilt_in_one_process(many: Library) -> None:
    index = many.search_index(procs=2)
    index.rebuild()
    assert _segments(index) == 1
    index.close()


def test_cancelling_a_rebuild_with_two_processes_stops_the_workers(many: Library, monkeypatch) -> None:
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 10)
    index = many.search_index(procs=2)
    index.rebuild()
    live = sorted(p.name for p in index.folder.iterdir() if p.is_dir())
    calls = []

    def cancel_after_the_first_batch() -> bool:
        calls.append(1)
        return True

    with pytest.raises(HawamishError) as info:
        index.rebuild(cancel=cancel_after_the_first_batch)
    assert info.value.code is ErrorCode.CANCELLED and calls
    assert not multiprocessing.active_children()  # no worker left waiting for jobs
    assert sorted(p.name for p in index.folder.iterdir() if p.is_dir()) == live
    assert len(articles(index.search("الاقتصاد", limit=100))) == 60
    index.close()


@pytest.mark.parametrize("procs", [1, 2])
def test_cached_length_scores_are_whoosh_bm25f_scores(many: Library, monkeypatch, procs: int) -> None:
    from whoosh.scoring import BM25F

    from reader.core.search import scoring
    from reader.core.search.query import parse_query
    from reader.core.search.scoring import CachedLengthBM25F

    add_article(many, "مقال طويل", " ".join(["الاقتصاد والسياحة"] * 30 + [f"كلمة{i}" for i in range(200)]))
    monkeypatch.setattr(index_module, "PARALLEL_MIN_DOCS", 10)
    index = own_index(many, procs=procs)
    index.rebuild()
    ix = index._open()
    with ix.searcher(weighting=BM25F()) as plain, ix.searcher(weighting=CachedLengthBM25F()) as cached:
        for text in ("الاقتصاد", "السياحة الاقتصاد", '"رقم 7"', "عنوان OR طويل", "كلمة1*"):
            q = parse_query(text, index.schema)
            expected = [(h.docnum, round(h.score, 9)) for h in plain.search(q, limit=None)]
            assert expected
            assert [(h.docnum, round(h.score, 9)) for h in cached.search(q, limit=None)] == expected
        assert len(scoring._cache) >= procs  # the cached lengths were used (one entry a segment)
        for reader in cached.reader().leaf_readers():
            segment_reader = reader[0]
            n = segment_reader.doc_count_all()
            public = [segment_reader.doc_field_length(d, "text", 1) or 1 for d in range(n)]
            assert scoring.segment_lengths(segment_reader, "text") == public
    index.close()


def test_the_gui_index_process_builds_at_low_priority_with_two_processes(
    many: Library, monkeypatch, capsys
) -> None:
    import os
    import signal

    from reader.gui.search import index_process

    niceness: list[int] = []
    procs: list[int] = []
    monkeypatch.setattr(os, "nice", niceness.append)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # keep the test process's handlers
    monkeypatch.setattr(index_process, "BACKGROUND_NICENESS", 10)
    real_init = SearchIndex.__init__

    def recording_init(self, folder, source, **kwargs):
        procs.append(kwargs.get("procs", 1))
        real_init(self, folder, source, **kwargs)

    monkeypatch.setattr(SearchIndex, "__init__", recording_init)
    monkeypatch.setattr(index_module.os, "cpu_count", lambda: 8)
    assert index_process.main([str(many.folder), "--rebuild"]) == 0
    assert niceness == [10] and procs == [2]
    assert capsys.readouterr().out.splitlines()[-1] == "done 60 0 0"
