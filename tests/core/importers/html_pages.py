"""Saved web pages for the HTML and MHTML importer tests, built from the seed article.

`opinion_page()` is an Arabic opinion piece as a news site serves it: JSON-LD metadata, a cookie banner, a
navigation menu, a share bar, the article (lead, headings, paragraphs, a block quote, a list), related links,
readers' comments and a footer. Every piece of boilerplate carries a sentence listed in BOILERPLATE, which
must never reach an imported article.
"""

from __future__ import annotations

import html
import json

from tests.core.seed_helpers import seed_lines

SEED = seed_lines()
TITLE = 'تنظيم "داعش": عودة القوة والتهديدات لروسيا'
LEAD = SEED[1]
HEADING = SEED[2]  # "رأي: خطأ بوتين البارز"
PARAGRAPHS = SEED[3:]
QUOTE = "من يملك الذاكرة يملك المستقبل، ومن يفقدها يكرر أخطاءه."
LIST_ITEMS = ["الدعم الروسي للنظام السوري.", "قمع الأقليات المسلمة في الشيشان.", "الانسحاب من أفغانستان."]
SECOND_HEADING = "الدافع والقدرة"
AUTHORS = ["سلمى الكاتبة", "يوسف المحرر"]
OUTLET = "صحيفة الهوامش"
URL = "https://example.org/opinion/2024/03/isis-russia"

#: One sentence of each kind of boilerplate on the page.
BOILERPLATE = {
    "cookie banner": "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا",
    "menu": "الصفحة الرئيسية",
    "share bar": "شارك المقال على فيسبوك",
    "related links": "عشرة أسئلة عن مستقبل النفط في الخليج العربي",
    "comments": "تعليق القارئ: مقال رائع ولكنه يتجاهل دور الدول المجاورة تماما",
    "footer": "جميع الحقوق محفوظة لصحيفة الهوامش",
    "script": "this text lives in a script",
}


def json_ld() -> str:
    """A Yoast-style `@graph`: the site, the article (its second author by reference), the person."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://example.org/#site", "name": "الهوامش"},
            {
                "@type": ["OpinionNewsArticle"],
                "headline": html.escape(TITLE),  # double-escaped, as some CMSs write it: &quot;
                "datePublished": "2024-03-25T09:30:00+03:00",
                "dateModified": "2024-03-27T10:00:00+03:00",
                "author": [{"@type": "Person", "name": AUTHORS[0]}, {"@id": "https://example.org/#p2"}],
                "publisher": {"@type": "NewsMediaOrganization", "name": OUTLET},
                "inLanguage": "ar",
            },
            {"@type": "Person", "@id": "https://example.org/#p2", "name": AUTHORS[1]},
        ],
    }
    return json.dumps(graph, ensure_ascii=False)


def article_body() -> str:
    paragraphs = [f"<p>{html.escape(p, quote=False)}</p>" for p in PARAGRAPHS]
    middle = len(paragraphs) // 2
    items = "".join(f"<li>{item}</li>" for item in LIST_ITEMS)
    return "\n".join(
        [
            f'<p class="lead"><strong>{LEAD}</strong></p>',
            f"<h2>{HEADING}</h2>",
            *paragraphs[:middle],
            f"<blockquote><p>{QUOTE}</p></blockquote>",
            f"<h3>{SECOND_HEADING}</h3>",
            f"<ul>{items}</ul>",
            *paragraphs[middle:],
        ]
    )


def opinion_page(
    *, head: str | None = None, html_attributes: str = 'lang="ar" dir="rtl"', body: str = ""
) -> str:
    """The page; `head` replaces the metadata, `body` the article's body."""
    b = BOILERPLATE
    if head is None:
        head = f"""<meta charset="utf-8">
<title>{html.escape(TITLE)} | {OUTLET}</title>
<meta property="og:title" content="{html.escape(html.escape(TITLE))}">
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:url" content="{URL}?utm_source=share">
<link rel="canonical" href="{URL}">
<script type="application/ld+json">{json_ld()}</script>"""
    return f"""<!DOCTYPE html>
<html {html_attributes}>
<head>
{head}
<style>.cookie-banner {{ position: fixed; }}</style>
<script>var note = "{b["script"]}";</script>
</head>
<body>
<div id="cookie-banner" class="cookie-banner cookie-consent"><p>{b["cookie banner"]}. <a href="/privacy">سياسة الخصوصية</a></p><button>موافق</button></div>
<header class="site-header">
<nav class="main-menu"><ul>
<li><a href="/">{b["menu"]}</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li>
<li><a href="/opinion">رأي</a></li><li><a href="/sport">رياضة</a></li><li><a href="/culture">ثقافة</a></li>
</ul></nav>
</header>
<main>
<article class="article">
<h1 class="article-title">{html.escape(TITLE, quote=False)}</h1>
<div class="byline">بقلم <a href="/authors/1">{AUTHORS[0]}</a> و<a href="/authors/2">{AUTHORS[1]}</a></div>
<time datetime="2024-03-25T09:30:00+03:00">25 مارس 2024</time>
<div class="share-bar social-share"><a href="https://www.facebook.com/sharer.php">{b["share bar"]}</a>
<a href="https://twitter.com/intent/tweet">غرّد</a> <a href="whatsapp://send">واتساب</a></div>
<div class="article-body entry-content">
{body or article_body()}
</div>
</article>
<aside class="related-posts"><h3>اقرأ أيضاً</h3><ul>
<li><a href="/a1">{b["related links"]}</a></li>
<li><a href="/a2">لماذا تتراجع الثقة بالمؤسسات الدولية في المنطقة</a></li>
<li><a href="/a3">الانتخابات المقبلة وأسئلة الشباب عن المستقبل</a></li>
</ul></aside>
<section id="comments" class="comments-area"><h3>التعليقات (2)</h3>
<div class="comment"><p class="comment-author">قارئ من عمّان</p><p>{b["comments"]}.</p></div>
<div class="comment"><p class="comment-author">قارئة من تونس</p><p>شكرا على هذا التحليل الواضح والمفيد جدا.</p></div>
<form class="comment-form"><textarea name="comment"></textarea><button>أرسل تعليقك</button></form>
</section>
</main>
<footer class="site-footer"><p>{b["footer"]} © 2024</p></footer>
</body>
</html>
"""


def og_only_page() -> str:
    """An English column whose page has Open Graph and `article:` tags only (no JSON-LD)."""
    head = """<meta charset="utf-8">
<title>Margins &amp; Notes: Why We Annotate | The Daily Margin</title>
<meta property="og:title" content="Margins &amp; Notes: Why We Annotate">
<meta property="og:site_name" content="The Daily Margin">
<meta property="og:url" content="https://margin.example.com/columns/why-we-annotate">
<meta property="og:locale" content="en_GB">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-11-02T08:00:00Z">
<meta property="article:author" content="Jane Doe">"""
    paragraphs = "\n".join(
        f"<p>{sentence} Readers who write in the margins remember more of what they read, and they argue "
        f"with the author instead of nodding along; that is the whole point of a margin.</p>"
        for sentence in (
            "Every serious reader keeps a pencil nearby.",
            "Medieval scribes filled the edges of manuscripts with comments.",
            "Digital reading made annotation easy and then made it disappear.",
            "A note is a conversation with a text you cannot interrupt.",
        )
    )
    return f"""<!DOCTYPE html>
<html>
<head>{head}</head>
<body>
<nav><a href="/">Home</a> <a href="/columns">Columns</a> <a href="/about">About us</a></nav>
<article><h1>Margins &amp; Notes: Why We Annotate</h1>
{paragraphs}
</article>
<footer>Copyright The Daily Margin. All rights reserved.</footer>
</body>
</html>
"""
