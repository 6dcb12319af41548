"""Search on the seed article and small articles of our own: analysis through the index, the query
language, filters, hits on the real text, and an index that heals (missing, stale, corrupt, two processes)."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library import Library
from reader.core.models import ArticleMeta
from reader.core.search import SearchFilters, SearchIndex
from reader.core.search.analysis import query_variants
from reader.core.search.index import CURRENT
from reader.core.storage.index_rows import IndexRowSource
from reader.core.text import Block, BlockKind
from tests.core.seed_helpers import add_seed

VOCALISED = "قالَ الرَّئِيسُ الأمريكيُّ إنَّ مُحَمَّدًا سافرَ إلى القاهرةِ"


def add_article(library: Library, title: str, *paragraphs: str, **meta: str) -> int:
    blocks = [Block(BlockKind.PARAGRAPH, p) for p in paragraphs]
    return library.articles.add(ArticleMeta(title=title, **meta), blocks)


def own_index(library: Library, **options) -> SearchIndex:
    """A SearchIndex object of its own on the library's index folder (another window or thread would have
    one); `library.search_index()` is the library's shared one."""
    return SearchIndex(library.index_dir, IndexRowSource(library.db_path), **options)


@pytest.fixture
def seeded(library: Library) -> tuple[Library, int, SearchIndex]:
    seed_id = add_seed(library)
    index = library.search_index()
    yield library, seed_id, index
    index.close()


def texts(library: Library, article_id: int, spans) -> list[str]:
    text = library.articles.get(article_id).text
    return [text[s:e] for s, e in spans]


def ids(results) -> list[tuple[str, int]]:
    return [(h.kind, h.article_id) for h in results.hits]


# --- the seed (DESIGN §4's examples) -----------------------------------------------------------------


def test_iran_typed_without_hamza_finds_it_with_hamza(seeded) -> None:
    library, seed_id, index = seeded
    results = index.search("ايران")
    assert ("article", seed_id) in ids(results)
    hit = results.hits[0]
    assert set(texts(library, seed_id, hit.hits)) == {"إيران"}
    assert "إيران" in hit.snippet


def test_teh_marbuta_typed_as_heh(seeded) -> None:
    library, seed_id, index = seeded
    hit = index.search("الولايات المتحده").hits[0]
    assert hit.article_id == seed_id
    assert {"الولايات", "المتحدة"} <= set(texts(library, seed_id, hit.hits))


@pytest.mark.parametrize("word", ["بوتين", "وبوتين"])
def test_putin_with_and_without_the_waw_prefix(seeded, word: str) -> None:
    library, seed_id, index = seeded
    hit = index.search(word).hits[0]
    assert hit.article_id == seed_id and "بوتين" in texts(library, seed_id, hit.hits)


def test_khorasan_lands_on_the_passage_about_isis_k(seeded) -> None:
    library, seed_id, index = seeded
    hit = index.search("خراسان").hits[0]
    text = library.articles.get(seed_id).text
    first = text.index("داعش-خراسان") + len("داعش-")
    assert hit.hits[0] == (first, first + len("خراسان"))
    s, e = hit.snippet_marks[0]
    assert hit.snippet[s:e] == "خراسان" and "داعش-خراسان" in hit.snippet
    assert hit.marked_snippet("«", "»").count("«خراسان»") >= 1


def test_a_highlight_note_is_found_by_its_words(seeded) -> None:
    library, seed_id, index = seeded
    text = library.articles.get(seed_id).text
    start = text.index("داعش-خراسان")
    h = library.highlights.create(
        seed_id,
        start,
        start + len("داعش-خراسان"),
        note="فرع نشط في أفغانستان، يستحق متابعة",
        tags=["أمن"],
        color="evidence",
    )
    index.sync()
    results = index.search("يستحق متابعه")
    assert [(x.kind, x.highlight_id) for x in results.hits] == [("note", h.id)]
    hit = results.hits[0]
    assert hit.hits == [(h.start, h.end)] and hit.snippet_source == "note"
    note = h.note
    assert [note[s:e] for s, e in hit.note_hits] == ["يستحق", "متابعة"]
    # the passage's own words make it a highlight hit; filters by colour, tag and kind
    assert ("highlight", seed_id) in ids(index.search("خراسان", kinds=["highlight"]))
    assert ids(index.search("خراسان", filters=SearchFilters(colors=["evidence"]))) == [("highlight", seed_id)]
    assert ids(index.search("خراسان", filters=SearchFilters(colors=["claim"]))) == []
    assert ids(index.search("tag:امن")) == [("highlight", seed_id)]
    assert ids(index.search("خراسان kind:note")) == [("note", seed_id)]
    assert ids(index.search("خراسان", kinds=["article"])) == [("article", seed_id)]


def test_a_new_highlight_is_found_after_update_for_change(seeded) -> None:
    library, seed_id, index = seeded
    index.sync()
    changes = []
    library.add_listener(changes.append)
    library.highlights.create(seed_id, 0, 5, note="كلمة-نادرة-جدا")
    assert changes
    report = index.update_for_change(changes[-1])
    assert report.added == 1 and not report.rebuilt
    assert [h.kind for h in index.search("نادرة").hits] == ["note"]


# --- analysis through the index ----------------------------------------------------------------------


def test_vocalised_text_is_found_unvocalised_and_hits_keep_harakat(library: Library) -> None:
    a = add_article(library, "خبر", VOCALISED)
    index = library.search_index()
    hit = index.search("محمدا القاهره").hits[0]
    assert texts(library, a, hit.hits) == ["مُحَمَّدًا", "القاهرةِ"]
    hit = index.search("الرئيس").hits[0]
    assert texts(library, a, hit.hits) == ["الرَّئِيسُ"]
    # and a query copied with harakat finds unvocalised text
    b = add_article(library, "آخر", "زار الرئيس القاهرة")
    index.sync()
    assert {h.article_id for h in index.search("القَاهِرَةِ").hits} == {a, b}


def test_exact_form_ranks_before_stemmed_matches(library: Library) -> None:
    stemmed = add_article(library, "أ", "تحدث عن كتاب جديد")
    exact = add_article(library, "ب", "تحدث عن الكتابين")
    index = library.search_index()
    assert [h.article_id for h in index.search("الكتابين").hits] == [exact, stemmed]


def test_a_prefix_expands_to_its_most_frequent_terms_only(library: Library, monkeypatch) -> None:
    from reader.core.search import query

    common = [add_article(library, f"t{i}", f"تحدث عن المفاوضات رقم {i}") for i in range(3)]
    middle = [add_article(library, f"m{i}", f"تحدث عن المفاعل رقم {i}") for i in range(2)]
    rare = add_article(library, "r", "تحدث عن المفاجاه")
    index = library.search_index()
    assert articles(index.search("المفا*", limit=50)) == {*common, *middle, rare}
    # مفا* (words with the article are indexed behind it): مفاوضات and its stem مفاوض in 3 articles each,
    # مفاعل in 2, مفاجاه and its stem مفاجا in 1
    monkeypatch.setattr(query, "PREFIX_TERMS", 3)
    index.close()
    index = library.search_index()
    assert articles(index.search("المفا*", limit=50)) == {*common, *middle}


def test_clitic_forms_of_a_word_are_found_through_its_stem(library: Library) -> None:
    """query_variants leaves out بالحكومه for الحكومه (its stem is looked for): still found."""
    assert "بالحكومه" not in query_variants("الحكومة")
    a = add_article(library, "أ", "اجتمع الوزراء بالحكومة أمس")
    b = add_article(library, "ب", "قالت الحكومة إن")
    index = library.search_index()
    assert [h.article_id for h in index.search("الحكومة").hits] == [b, a]


def test_three_plain_words_rank_the_article_holding_them_in_sequence_first(
    library: Library, monkeypatch
) -> None:
    from reader.core.search import query

    apart = add_article(
        library,
        "أ",
        "السفير زار المدينة. ثم عاد. كانت المدينة هادئة والمعرض مغلق. السفير والمدينة",
    )
    filler = " ".join(f"كلمة{i}" for i in range(60))
    together = add_article(library, "ب", f"قال إن السفير زار المعرض الدولي. {filler}")
    index = library.search_index()
    assert [h.article_id for h in index.search("السفير زار المعرض").hits] == [together, apart]
    monkeypatch.setattr(query, "PROXIMITY_BOOST", 0.0)  # without the bonus, term frequency wins
    assert [h.article_id for h in index.search("السفير زار المعرض").hits] == [apart, together]


def test_english_stemming_and_stop_words(library: Library) -> None:
    a = add_article(library, "Elections", "The elections were connected to the war.")
    index = library.search_index()
    assert texts(library, a, index.search("election").hits[0].hits) == ["elections"]
    assert index.search("connecting wars").hits[0].article_id == a
    assert index.search("the").hits == []  # only a stop word: nothing to look for


# --- the query language -----------------------------------------------------------------------------


@pytest.fixture
def corpus(library: Library):
    arts = {
        "moscow": add_article(
            library,
            "هجوم موسكو",
            "هاجم مسلحون قاعة حفلات في موسكو",
            author="سارة",
            outlet="الشرق",
            published="2024-03-23",
            language="ar",
        ),
        "tehran": add_article(
            library,
            "إيران والتفجير",
            "تفجير في كرمان جنوب إيران",
            author="خالد",
            outlet="الغد",
            published="2024-01-04",
            language="ar",
        ),
        "paris": add_article(
            library,
            "Paris attack",
            "Gunmen attacked a concert hall in Paris in 2015",
            author="John Smith",
            outlet="BBC",
            published="2015-11-14",
            language="en",
        ),
        "old": add_article(
            library,
            "قاعة قديمة",
            "قاعة حفلات تاريخية في موسكو القديمة",
            outlet="الشرق",
            published="2014-07",
            language="ar",
        ),
    }
    index = library.search_index()
    yield arts, index
    index.close()


def articles(results) -> set[int]:
    return {h.article_id for h in results.hits if h.kind == "article"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("موسكو", {"moscow", "old"}),
        ("موسكو قاعه", {"moscow", "old"}),  # AND
        ("موسكو تاريخيه", {"old"}),
        ("كرمان OR paris", {"tehran", "paris"}),
        ("موسكو NOT القديمه", {"moscow"}),
        ("موسكو -القديمه", {"moscow"}),
        ('"قاعة حفلات في موسكو"', {"moscow"}),  # phrase (في is a stop word)
        ('"حفلات موسكو"', {"moscow"}),  # a stop word inside a phrase is skipped
        ('"قاعه موسكو"', set()),
        ('"قاعه موسكو"~3', {"moscow", "old"}),  # proximity
        ("تفج*", {"tehran"}),  # prefix on the folded text
        ("title:ايران", {"tehran"}),
        ("author:سارة", {"moscow"}),
        ("author:smith", {"paris"}),
        ("outlet:الشرق", {"moscow", "old"}),
        ("lang:en", {"paris"}),
        ("kind:article lang:ar", {"moscow", "tehran", "old"}),
        ("date:2024", {"moscow", "tehran"}),
        ("date:2024-03", {"moscow"}),
        ("date:2014..2015", {"paris", "old"}),
        ("date:[2015 to 2024]", {"moscow", "tehran", "paris"}),
        ("date:2014..", {"moscow", "tehran", "paris", "old"}),
        ("text:attacked", {"paris"}),
        ("(موسكو OR ايران) date:2024", {"moscow", "tehran"}),
        ("١٢٣ OR 2015", {"paris"}),
    ],
)
def test_query_language(corpus, query: str, expected: set[str]) -> None:
    arts, index = corpus
    assert articles(index.search(query, limit=50)) == {arts[k] for k in expected}


@pytest.mark.parametrize(
    ("query", "code", "fields"),
    [
        ("", ErrorCode.QUERY_EMPTY, {}),
        ("   ", ErrorCode.QUERY_EMPTY, {}),
        ('"موسكو', ErrorCode.QUERY_UNCLOSED_QUOTE, {"token": '"', "position": 0}),
        ("(موسكو", ErrorCode.QUERY_UNCLOSED_PAREN, {"token": "(", "position": 0}),
        ("موسكو)", ErrorCode.QUERY_UNMATCHED_PAREN, {"token": ")", "position": 5}),
        ("titel:موسكو", ErrorCode.QUERY_UNKNOWN_FIELD, {"token": "titel", "position": 0}),
        ("AND موسكو", ErrorCode.QUERY_OPERATOR_ALONE, {"token": "AND", "position": 0}),
        ("موسكو OR", ErrorCode.QUERY_OPERATOR_ALONE, {"token": "OR", "position": 6}),
        ("موسكو NOT", ErrorCode.QUERY_NOT_ALONE, {"token": "NOT", "position": 6}),
        ("a*", ErrorCode.QUERY_SHORT_PREFIX, {"token": "a*", "position": 0}),
        ("title:", ErrorCode.QUERY_EMPTY_FIELD, {"token": "title:", "position": 0}),
    ],
)
def test_malformed_queries_raise_their_own_code(corpus, query: str, code: ErrorCode, fields: dict) -> None:
    _, index = corpus
    with pytest.raises(HawamishError) as info:
        index.search(query)
    assert info.value.code is code
    assert {name: info.value.fields.get(name) for name in fields} == fields


@pytest.mark.parametrize(
    ("query", "token"),
    [("date:2024-13", "2024-13"), ("date:yesterday", "yesterday"), ("title:x date:2015/7/40", "2015/7/40")],
)
def test_malformed_dates_name_the_value(corpus, query: str, token: str) -> None:
    _, index = corpus
    with pytest.raises(HawamishError) as info:
        index.search(query)
    assert info.value.code is ErrorCode.QUERY_BAD_DATE
    assert info.value.fields == {"token": token, "position": query.index(token)}


def test_a_range_that_runs_backwards_is_whoosh_s_syntax_error(corpus) -> None:
    _, index = corpus
    with pytest.raises(HawamishError) as info:
        index.search("date:2016..2014")
    assert info.value.code is ErrorCode.QUERY_SYNTAX
    assert "starts after" in info.value.detail


def test_colons_in_pasted_titles_are_text(corpus) -> None:
    arts, index = corpus
    assert arts["moscow"] in articles(index.search("هجوم: موسكو"))


def test_filters_for_the_gui(corpus) -> None:
    arts, index = corpus
    f = SearchFilters
    assert articles(index.search("موسكو", filters=f(outlets=["الشرق"], date_from="2024"))) == {arts["moscow"]}
    assert articles(index.search("موسكو", filters=f(date_to="2014-12"))) == {arts["old"]}
    assert articles(index.search("موسكو", filters=f(languages=["en"]))) == set()
    first = index.search("موسكو")
    within = index.search("تاريخيه OR هاجم", filters=f(article_ids=first.article_ids()))
    assert articles(within) == {arts["moscow"], arts["old"]}
    assert articles(index.search("تاريخيه OR تفجير", filters=f(within="موسكو"))) == {arts["old"]}
    assert index.search("موسكو", filters=f(article_ids=[])).hits == []
    with pytest.raises(HawamishError):
        index.search("موسكو", kinds=["bogus"])


def test_results_to_json(corpus) -> None:
    _arts, index = corpus
    data = index.search("موسكو", limit=1).to_json()
    json.dumps(data, ensure_ascii=False)
    hit = data["hits"][0]
    for key in ("kind", "article_id", "highlight_id", "title", "score", "snippet", "hits"):
        assert key in hit
    assert len(data["hits"]) == 1 and data["total"] >= 2 and data["total_exact"] is False
    everything = index.search("موسكو", limit=50)
    assert everything.total == len(everything.hits) == 2 and everything.total_exact


# --- keeping the index right ---------------------------------------------------------------------------


def test_incremental_sync_after_add_update_delete(corpus, library: Library) -> None:
    _arts, index = corpus
    assert index.sync().rebuilt == "missing"
    assert index.sync().changed is False
    new = add_article(library, "جديد", "مقال عن الخرطوم")
    report = index.sync()
    assert (report.added, report.updated, report.deleted, report.rebuilt) == (1, 0, 0, "")
    assert articles(index.search("الخرطوم")) == {new}
    library.articles.set_tags(new, ["السودان"])
    assert index.sync().updated == 1
    assert articles(index.search("tag:السودان")) == {new}
    library.articles.delete(new)
    assert index.sync().deleted == 1
    assert index.search("الخرطوم").hits == []


def test_missing_index_is_built_on_first_search(library: Library) -> None:
    a = add_article(library, "x", "نص عن الخرطوم")
    index = library.search_index()
    assert index.status() == "missing"
    assert articles(index.search("الخرطوم")) == {a}
    assert index.status() == "ok"


def test_stale_version_triggers_a_rebuild(corpus) -> None:
    arts, index = corpus
    index.sync()
    current = index.folder / CURRENT
    data = json.loads(current.read_text())
    current.write_text(json.dumps(data | {"analyzer": -1}))
    assert index.status() == "stale"
    assert index.sync().rebuilt == "stale"
    assert articles(index.search("كرمان")) == {arts["tehran"]}


def _generation(index: SearchIndex) -> Path:
    return index.folder / json.loads((index.folder / CURRENT).read_text())["generation"]


def test_truncated_segment_is_rebuilt_and_search_still_works(corpus, library: Library) -> None:
    arts, index = corpus
    index.sync()
    index.close()
    # a segment's terms and postings (separate files: the index writes no compound .seg files)
    segments = [p for p in _generation(index).iterdir() if p.suffix in (".trm", ".pst", ".seg")]
    assert {p.suffix for p in segments} == {".trm", ".pst"}
    for seg in segments:
        seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 3])
    fresh = own_index(library)
    assert fresh.status() == "corrupt"
    assert articles(fresh.search("كرمان")) == {arts["tehran"]}
    assert fresh.status() == "ok"


def test_garbage_current_file_is_corrupt(corpus) -> None:
    arts, index = corpus
    index.sync()
    (index.folder / CURRENT).write_text("{not json")
    assert index.sync().rebuilt == "corrupt"
    assert articles(index.search("كرمان")) == {arts["tehran"]}


def test_rebuild_reports_progress_and_can_be_cancelled(corpus, library: Library) -> None:
    _arts, index = corpus
    seen: list[tuple[int, int]] = []
    report = index.rebuild(progress=lambda d, t: seen.append((d, t)))
    assert report.rebuilt == "requested" and seen[-1] == (4, 4)
    before = _generation(index)
    with pytest.raises(HawamishError) as info:
        # cancellation is checked every 50 documents
        for i in range(60):
            add_article(library, f"t{i}", f"نص {i}")
        index.rebuild(cancel=lambda: True)
    assert info.value.code is ErrorCode.CANCELLED
    assert _generation(index) == before  # the live index is untouched
    assert len([p for p in index.folder.iterdir() if p.is_dir()]) <= 2


def test_second_writer_times_out_with_index_busy(corpus, library: Library) -> None:
    _, index = corpus
    with index.write_lock(), pytest.raises(HawamishError) as info:
        own_index(library).sync(timeout=0.2)
    assert info.value.code is ErrorCode.INDEX_BUSY


def _other_process(folder: str, rounds: int, queue) -> None:
    lib = Library(Path(folder))
    index = lib.search_index()
    try:
        for i in range(rounds):
            add_article(lib, f"other {i}", f"مقال من العملية الثانية رقم {i} عن الخرطوم")
            index.sync()
            index.search("الخرطوم")
        queue.put("ok")
    except Exception as exc:  # reported to the parent, which fails the test
        queue.put(repr(exc))
    finally:
        index.close()
        lib.close()


def test_two_processes_writing_and_reading_keep_the_index_whole(library: Library) -> None:
    index = library.search_index()
    index.sync()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_other_process, args=(str(library.folder), 8, queue))
    proc.start()
    for i in range(8):
        add_article(library, f"main {i}", f"مقال من العملية الأولى رقم {i} عن الخرطوم")
        index.sync()
        index.search("الخرطوم")
        if i == 4:
            index.rebuild()
    proc.join(60)
    assert queue.get(timeout=5) == "ok"
    index.sync()
    assert index.status() == "ok"
    assert index.doc_count() == library.articles.count() == 16
    assert len(index.search("الخرطوم", limit=100).hits) == 16


def test_threads_wait_for_each_other_as_writers(library: Library) -> None:
    import threading

    errors: list[BaseException] = []

    def work(name: str) -> None:
        index = own_index(library, lock_timeout=30)
        try:
            for i in range(4):
                add_article(library, f"{name} {i}", f"نص من {name} رقم {i} عن الخرطوم")
                index.sync()
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            index.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in ("أ", "ب")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    index = library.search_index()
    assert index.sync().changed is False
    assert len(index.search("الخرطوم", limit=50).hits) == 8


def test_the_library_s_shortcuts_search_sync_and_rebuild_its_own_index(library: Library) -> None:
    a = add_article(library, "x", "نص عن الخرطوم")
    assert library.search_index() is library.search_index()  # one shared index a library
    assert library.sync_index().rebuilt == "missing"
    assert library.sync_index().changed is False
    seen: list[tuple[int, int]] = []
    report = library.rebuild_index(progress=lambda done, total: seen.append((done, total)))
    assert report.rebuilt == "requested" and report.total == 1 and seen[-1] == (1, 1)
    assert articles(library.search("الخرطوم")) == {a}
    assert library.search_index(procs=2) is not library.search_index()  # a rebuild on two processes: its own


def test_a_prefix_typed_with_the_article_finds_its_words_with_or_without_it(library: Library) -> None:
    """Words with the article are indexed behind it: الحكو* is also looked for as حكو*."""
    with_clitics = add_article(library, "أ", "اجتمع الوزراء بالحكومة أمس")
    bare = add_article(library, "ب", "حكومة جديدة")
    word = add_article(library, "ج", "بالغ الأثر")
    index = library.search_index()
    hits = {h.article_id: h for h in index.search("الحكو*").hits}
    assert hits.keys() == {with_clitics, bare}
    assert texts(library, with_clitics, hits[with_clitics].hits) == ["بالحكومة"]
    # after a clitic the article is taken off only when 2 letters remain: بالغ is a word of its own
    assert [h.article_id for h in index.search("بالغ*").hits] == [word]
