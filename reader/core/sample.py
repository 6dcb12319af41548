"""The sample library a first-time user opens: two short pieces written for Hawamish and the seed article.

Only the default library gets it (the app calls this on its first start); a folder named with --library
starts empty so scripts and tests see only what they imported. The pieces are chosen to show what the reader
is for: an Arabic opinion piece that quotes English, with English words inside Arabic sentences (the one the
app opens first: author, outlet and date, three highlights in three colour labels, notes in Arabic), an
English opinion piece with a quote and a list (two highlights, notes in English), and an Arabic news
analysis (the seed, as it was first shown: no metadata, no highlights).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from reader.core.errors import ErrorCode, HawamishError
from reader.core.importers import read_article
from reader.core.library import Library
from reader.core.paths import resources_dir
from reader.core.text import canonical_text

#: In the order the library lists them (newest first), so they are added last to first; the first is the
#: article the app opens on its first start (reader/gui/app.py looks it up by this file name).
SAMPLE_FILES = (
    "01-borrowed-words.md",
    "02-reading-in-the-margins.md",
    "03-seed-isis-russia.txt",
)


class SampleHighlight(NamedTuple):
    file: str
    quote: str  # found exactly once in the article's text
    color: str  # a default colour label's key (reader/core/label_defaults.py)
    note: str


SAMPLE_HIGHLIGHTS = (
    SampleHighlight(
        "01-borrowed-words.md",
        "المشكلة ليست في الكلمة المستعارة، بل في الظن بأن لغتنا لا تصلح للعمل الجاد",
        "claim",
        "**الفكرة الرئيسية** للمقال، بلون «ادّعاء». ظلّلوا أي جملة ثم اختاروا لونها، واكتبوا رأيكم هنا.",
    ),
    SampleHighlight(
        "01-borrowed-words.md",
        "قد يقال إن هذه الكلمات الإنجليزية مجرد اختصار للوقت",
        "counter",
        "الكاتبة تعرض الرأي المخالف قبل أن تردّ عليه: لون «حجة مضادة».",
    ),
    SampleHighlight(
        "01-borrowed-words.md",
        "Languages do not borrow words; speakers do, and they borrow them for a reason.",
        "source",
        "اقتباس بلا اسم ولا مرجع: من هو «أحد الباحثين»؟ لون «مصدر مقتبس»، والملاحظة مكان السؤال الذي نعود إليه.",
    ),
    SampleHighlight(
        "02-reading-in-the-margins.md",
        "Deciding is thinking.",
        "claim",
        "The piece's central claim, in the *Claim* colour.",
    ),
    SampleHighlight(
        "02-reading-in-the-margins.md",
        "The margins of their manuscripts are crowded with glosses, objections, cross-references and the occasional joke.",
        "evidence",
        "Offered as evidence. Is one historical habit enough to carry the argument?",
    ),
)

#: The note on the first article: what the sample shows and that it can go.
SAMPLE_ARTICLE_NOTES = {
    "01-borrowed-words.md": (
        "مقالة تجريبية من هوامش. التظليلات الثلاثة أمثلة على تسميات الألوان: «ادّعاء» بالأصفر، "
        "و«حجة مضادة» بالأحمر، و«مصدر مقتبس» بالأزرق؛ ولكل تظليل ملاحظته في اللوحة الجانبية. "
        "عدّلوها أو احذفوها كما تشاؤون، أو احذفوا المقالات التجريبية كلها."
    ),
}


def sample_dir() -> Path:
    return resources_dir() / "sample"


def _placed(file: str, text: str) -> list[tuple[int, int, SampleHighlight]]:
    """Where each sample highlight of `file` goes; a quote that is not there once is a broken installation."""
    placed = []
    for highlight in SAMPLE_HIGHLIGHTS:
        if highlight.file != file:
            continue
        start = text.find(highlight.quote)
        if start < 0 or text.find(highlight.quote, start + 1) >= 0:
            raise HawamishError(ErrorCode.QUOTE_NOT_FOUND, str(sample_dir() / file), highlight.quote)
        placed.append((start, start + len(highlight.quote), highlight))
    return placed


def ensure_sample_library(folder: Path) -> bool:
    """Create a library in `folder` holding the sample articles; False (and no change) if one exists.

    Every sample file is read, and every highlight placed, before the library is created, and the articles
    are added in one transaction, so a broken installation raises HawamishError without leaving a
    half-filled library behind.
    """
    folder = Path(folder)
    if Library.exists_in(folder):
        return False
    files = list(reversed(SAMPLE_FILES))  # the first is added last: the newest, at the top of the list
    articles = [read_article(sample_dir() / name) for name in files]
    highlights = {
        name: _placed(name, canonical_text(blocks)) for name, (_, blocks) in zip(files, articles, strict=True)
    }
    with Library(folder) as library:
        ids = dict(zip(files, library.articles.add_many(articles), strict=True))
        for name, placed in highlights.items():
            for start, end, highlight in placed:
                library.highlights.create(ids[name], start, end, color=highlight.color, note=highlight.note)
        for name, note in SAMPLE_ARTICLE_NOTES.items():
            library.articles.set_note(ids[name], note)
    return True
