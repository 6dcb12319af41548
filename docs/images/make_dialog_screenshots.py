"""The guide's pictures of dialogs `gui --screenshot` cannot reach: the import summary and the export dialog.

Run by docs/images/make_screenshots.sh (under Xvfb, on a copy of the sample library): builds the real main
window in English and in Arabic, imports two small pages the script writes itself (one fails on purpose, so
the summary shows a reason), opens File → Export Notes…, and saves each dialog with QWidget.grab().
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

from reader.core.library import Library
from reader.core.sample import ensure_sample_library
from reader.gui.app import apply_language, create_application
from reader.gui.common.settings import open_settings
from reader.gui.main_window import MainWindow

OUT = Path(__file__).resolve().parent
PAGE = """<html lang="ar"><head><title>هامش على مقال</title>
<meta property="og:site_name" content="مثال"><meta name="author" content="كاتب المثال"></head>
<body><article><h1>هامش على مقال</h1><p>فقرة أولى من صفحة محفوظة، كتبها هذا البرنامج ليصوّر الاستيراد.</p>
<p>فقرة ثانية فيها كلمات كافية ليعدّها المستخرج نصًّا لا قائمة.</p></article></body></html>"""


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    app = create_application(sys.argv[:1])
    for lang in ("en", "ar"):
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            translators = apply_language(app, lang)
            ensure_sample_library(folder / "library")
            library = Library(folder / "library")
            window = MainWindow(library, open_settings(folder / "hawamish.ini"), lang)
            window.resize(1280, 760)
            window.show()
            wait(300)
            pages = folder / "pages"
            pages.mkdir()
            (pages / "column.html").write_text(PAGE, encoding="utf-8")
            (pages / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
            window.importer.import_paths([pages])
            for _ in range(100):
                if window.importer.summary_box is not None:
                    break
                wait(100)
            if window.importer.summary_box is not None:
                window.importer.summary_box.grab().save(str(OUT / f"import-{lang}.png"))
                window.importer.summary_box.close()
            most = max(library.articles.list_rows(), key=lambda row: row.highlight_count)
            window.open_article(most.id)  # the sample article with the most highlights
            wait(300)
            dialog = window.export.open_dialog()
            wait(3000)  # the preview is rendered in the background
            dialog.grab().save(str(OUT / f"export-{lang}.png"))
            dialog.close()
            window.close()
            library.close()
            for translator in translators:
                app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
