"""File → Export…: the dialog builds the right request, exports every format off the UI thread, previews
the first PDF page, can be cancelled without leaving a file, and reports failures as sentences."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.models import ArticleMeta
from reader.gui.export.export_dialog import ExportDialog
from reader.gui.export.export_preview import safe_file_name
from tests.core import export_seed

WAIT_MS = 15000


@pytest.fixture
def seeded(library):
    """The seed with three highlights (one note mixing Arabic and English) and an English article."""
    return export_seed.build(library)


@pytest.fixture
def dialog(qtbot, library, seeded):
    seed_id, en_id = seeded
    dlg = ExportDialog(library, article_id=seed_id, selected_ids=(seed_id, en_id))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    yield dlg
    dlg.close()


def _save_as(monkeypatch, target: Path, calls: list | None = None) -> None:
    def fake(parent, caption, start, name_filter, *args, **kwargs):
        if calls is not None:
            calls.append((start, name_filter))
        return str(target), name_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def _wait_export(qtbot, dlg: ExportDialog) -> None:
    qtbot.waitUntil(lambda: dlg.export_task is None, timeout=WAIT_MS)


def _flat(text: str) -> str:
    """NFKC, no direction marks, no whitespace: how PDF text is compared (DESIGN §5)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def test_safe_file_name_keeps_arabic_and_drops_separators() -> None:
    assert safe_file_name("تنظيم داعش: عودة القوة/والتهديدات") == "تنظيم داعش عودة القوة والتهديدات"
    assert safe_file_name("\u200f  ..  ") == "notes"
    assert len(safe_file_name("x" * 300)) == 80


def test_choices_come_from_the_library(dialog: ExportDialog, seeded) -> None:
    seed_id, _en_id = seeded
    assert dialog.scope_article.isChecked()
    assert export_seed.seed_title() in dialog.scope_article.text()
    assert dialog.scope_selection.isEnabled() and "(2)" in dialog.scope_selection.text()
    tags = [dialog.scope_tag_combo.itemText(i) for i in range(dialog.scope_tag_combo.count())]
    assert {"casualties", "sources", "framing", "روسيا", "terrorism", "داعش"} <= set(tags)
    assert list(dialog.chips) == ["claim", "evidence", "counter", "source", "question", "important"]
    request = dialog.build_request()
    assert request.article_ids == (seed_id,) and request.colors == () and request.tags == ()
    assert request.format == "pdf" and request.sort == "position" and request.page_size in ("A4", "Letter")


def test_request_follows_scope_filters_order_and_format(dialog: ExportDialog, seeded) -> None:
    seed_id, en_id = seeded
    dialog.scope_selection.setChecked(True)
    dialog.chips["evidence"].setChecked(False)
    dialog.chips["question"].setChecked(False)
    dialog.filter_tag_combo.setCurrentIndex(dialog.filter_tag_combo.findData("sources"))
    dialog.sort_combo.setCurrentIndex(dialog.sort_combo.findData("date"))
    dialog.include_text_check.setChecked(True)
    dialog.page_size_combo.setCurrentIndex(dialog.page_size_combo.findData("Letter"))
    request = dialog.build_request()
    assert request.article_ids == (seed_id, en_id)
    assert set(request.colors) == {"claim", "counter", "source", "important"}
    assert request.tags == ("sources",) and request.sort == "date"
    assert request.include_article_text and request.page_size == "Letter"

    dialog.scope_tag_combo.setCurrentIndex(dialog.scope_tag_combo.findData("framing"))
    dialog.scope_tag.setChecked(True)
    request = dialog.build_request()
    assert request.tag == "framing" and not request.article_ids and not request.all_articles
    dialog.scope_all.setChecked(True)
    assert dialog.build_request().all_articles

    dialog.set_format("csv")
    assert not dialog.pdf_options.isVisibleTo(dialog)
    dialog.set_format("pdf")
    assert dialog.pdf_options.isVisibleTo(dialog)


def test_no_colour_means_nothing_to_export(dialog: ExportDialog) -> None:
    for chip in dialog.chips.values():
        chip.setChecked(False)
    assert not dialog.export_button.isEnabled()
    assert dialog.status_label.text()
    dialog.chips["claim"].setChecked(True)
    assert dialog.export_button.isEnabled()
    assert dialog.build_request().colors == ("claim",)


def test_save_dialog_offers_the_title_and_the_suffix(
    qtbot, dialog: ExportDialog, tmp_path, monkeypatch
) -> None:
    calls: list = []
    _save_as(monkeypatch, tmp_path / "mine", calls)  # the user typed a name without the suffix
    dialog.set_format("md")
    dialog.choose_destination_and_export()
    _wait_export(qtbot, dialog)
    start, name_filter = calls[0]
    assert Path(start).name == safe_file_name(export_seed.seed_title()) + ".md"
    assert "*.md" in name_filter
    assert (tmp_path / "mine.md").is_file()
    dialog.message_box.close()


QUOTE = export_seed.QUOTES[0][0]  # "ما لا يقل عن 133 شخصًا": vocalised, the hard case for a PDF text layer


def _check_pdf(path: Path) -> None:
    assert path.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert _flat(QUOTE) in _flat(text)


def _check_md(path: Path) -> None:
    text = path.read_text("utf-8")
    assert text.startswith("---") and QUOTE in text


def _check_html(path: Path) -> None:
    text = path.read_text("utf-8")
    assert text.lstrip().lower().startswith("<!doctype html") and 'dir="rtl"' in text and QUOTE in text


def _check_csv(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 + 3 and any(QUOTE in cell for cell in rows[1])


def _check_json(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    text = json.dumps(data, ensure_ascii=False)
    assert "http://www.w3.org/ns/anno.jsonld" in text and '"TextQuoteSelector"' in text and QUOTE in text


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("pdf", _check_pdf),
        ("md", _check_md),
        ("html", _check_html),
        ("csv", _check_csv),
        ("json", _check_json),
    ],
)
def test_each_format_exports_through_the_dialog(
    qtbot, dialog: ExportDialog, tmp_path, monkeypatch, fmt, check
) -> None:
    target = tmp_path / f"notes.{'md' if fmt == 'md' else fmt}"
    _save_as(monkeypatch, target)
    dialog.set_format(fmt)
    dialog.export_button.click()
    assert dialog.export_task is not None and dialog.progress_bar.isVisible()
    _wait_export(qtbot, dialog)
    assert target.is_file() and target.stat().st_size > 0
    check(target)
    box = dialog.message_box
    assert box is not None and box.objectName() == "exportDoneMessage" and box.isVisible()
    assert str(target) in box.text()
    labels = {b.objectName() for b in box.buttons()}
    assert {"openFileButton", "showFolderButton"} <= labels
    assert dialog.last_summary is not None and dialog.last_summary.highlights == 3
    assert dialog.export_button.isEnabled() and not dialog.progress_bar.isVisible()
    box.close()


def test_open_file_button_opens_the_export(qtbot, dialog: ExportDialog, tmp_path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "reader.gui.export.export_dialog.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    target = tmp_path / "notes.csv"
    _save_as(monkeypatch, target)
    dialog.set_format("csv")
    dialog.export_button.click()
    _wait_export(qtbot, dialog)
    box = dialog.message_box
    next(b for b in box.buttons() if b.objectName() == "showFolderButton").click()
    assert opened == [str(tmp_path)]


def test_unwritable_destination_says_which_file_and_why(
    qtbot, dialog: ExportDialog, tmp_path, monkeypatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "notes.md"  # its "folder" is a file: no one can write there, root included
    _save_as(monkeypatch, target)
    dialog.set_format("md")
    dialog.export_button.click()
    _wait_export(qtbot, dialog)
    box = dialog.message_box
    assert box is not None and box.objectName() == "exportErrorMessage"
    assert box.icon() == QMessageBox.Icon.Warning
    assert str(target) in box.text()
    assert "cannot write there" in box.informativeText()
    assert "Traceback" not in box.text() + box.informativeText()
    assert not target.exists()
    box.close()
    # the dialog stays usable: the next export works
    good = tmp_path / "notes.md"
    _save_as(monkeypatch, good)
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    _wait_export(qtbot, dialog)
    assert good.is_file() and dialog.message_box.objectName() == "exportDoneMessage"
    dialog.message_box.close()


def _big_library(library, articles: int = 40) -> None:
    """Many long articles with highlights: an export that takes long enough to be stopped halfway."""
    blocks = export_seed.seed_blocks() * 3
    store = library.articles
    highlights = library.highlights
    ids = store.add_many([(ArticleMeta(title=f"مقال {n}", author="كاتب"), blocks) for n in range(articles)])
    for aid in ids:
        for start in range(0, 6000, 400):
            highlights.create(aid, start, start + 60, color="claim", note="ملاحظة **مهمة** with English")


@pytest.mark.parametrize("how", ["stop button", "escape key"])
def test_cancel_during_a_large_export_leaves_no_file(
    qtbot, library, seeded, tmp_path, monkeypatch, how
) -> None:
    _big_library(library)
    dlg = ExportDialog(library, scope="all")
    qtbot.addWidget(dlg)
    dlg.show()
    target = tmp_path / "out" / "all.pdf"
    target.parent.mkdir()
    _save_as(monkeypatch, target)
    dlg.include_text_check.setChecked(True)
    dlg.export_button.click()
    qtbot.waitUntil(lambda: dlg.progress_bar.maximum() > 0 and dlg.progress_bar.value() > 0, timeout=WAIT_MS)
    assert dlg.cancel_button.isVisible()
    assert not dlg.options_panel.isEnabled()  # the choices cannot change under a running export
    assert not dlg.close_button.isEnabled()
    if how == "stop button":
        dlg.cancel_button.click()
    else:
        qtbot.keyClick(dlg, Qt.Key.Key_Escape)  # Esc stops the export; the dialog stays to say so
    assert dlg.isVisible()
    _wait_export(qtbot, dlg)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []  # no temporary file left either
    assert dlg.message_box is None  # a stop is not an error
    assert dlg.status_label.text() and dlg.export_button.isEnabled() and dlg.options_panel.isEnabled()
    dlg.close()


def _wait_preview(qtbot, dlg: ExportDialog) -> None:
    qtbot.waitUntil(lambda: not dlg.preview.busy, timeout=WAIT_MS)


def test_pdf_preview_shows_the_first_page(qtbot, dialog: ExportDialog) -> None:
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is missing: packaging/setup.sh installs it"
    _wait_preview(qtbot, dialog)
    assert dialog.preview.stack.currentWidget() is dialog.preview.image
    image = dialog.preview.pixmap.toImage()
    assert image.height() > image.width() > 200  # a portrait page
    # not blank: a good share of the sampled pixels is ink or a highlight colour, not white paper
    step = 4
    samples = [
        image.pixelColor(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)
    ]
    marked = sum(1 for c in samples if c.lightness() < 230)
    assert marked / len(samples) > 0.01
    shown = dialog.preview.image.pixmap()
    assert shown is not None and not shown.isNull()


def test_text_preview_and_preview_follows_the_options(qtbot, dialog: ExportDialog) -> None:
    dialog.set_format("md")
    _wait_preview(qtbot, dialog)
    assert dialog.preview.stack.currentWidget() is dialog.preview.text
    assert QUOTE in dialog.preview.text.toPlainText()
    # source lines read left to right whatever their language, so "> " and "# " stay at the line start
    assert (
        dialog.preview.text.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
    )
    dialog.chips["claim"].setChecked(False)  # the quote's label: it leaves the preview
    _wait_preview(qtbot, dialog)
    assert QUOTE not in dialog.preview.text.toPlainText()


def test_file_export_action_with_ctrl_e_opens_the_dialog(qtbot, window, tmp_path, monkeypatch) -> None:
    calls: list = []
    action = window.findChild(type(window.quit_action), "exportAction")
    assert action in window.file_menu.actions()
    assert action.shortcut().toString() == "Ctrl+E"
    assert window.file_menu.actions()[-1] is window.quit_action
    window.open_article(window.library_proxy.article_id(0))
    action.trigger()
    dlg = window.export.dialog
    assert isinstance(dlg, ExportDialog) and dlg.isVisible()
    assert dlg.scope_article.isChecked() and dlg.article_id == window.current_article_id()
    assert window.export.open_dialog(scope="all") is window.export.dialog
    # the folder of the last export is remembered in the settings and offered next time
    target = tmp_path / "exports" / "notes.csv"
    target.parent.mkdir()
    _save_as(monkeypatch, target, calls)
    window.export.dialog.set_format("csv")
    window.export.dialog.export_button.click()
    _wait_export(qtbot, window.export.dialog)
    assert target.is_file()
    window.export.dialog.message_box.close()
    window.export.dialog.close()
    qtbot.waitUntil(lambda: window.export.dialog is None, timeout=2000)
    assert window.settings.value("export/folder") == str(target.parent)
    window.export.open_dialog(scope="all").choose_destination_and_export()
    _wait_export(qtbot, window.export.dialog)
    assert Path(calls[-1][0]).parent == target.parent
    window.export.dialog.message_box.close()
    assert window.export.dialog.scope_all.isChecked()
    window.export.dialog.close()
    qtbot.waitUntil(lambda: window.export.dialog is None, timeout=2000)


def test_dialog_mirrors_in_a_right_to_left_ui(qtbot, library, seeded, qapp) -> None:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        dlg = ExportDialog(library, article_id=seeded[0])
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        assert dlg.layoutDirection() == Qt.LayoutDirection.RightToLeft
        # the options column is on the right, the preview on the left
        options_x = dlg.scope_article.mapTo(dlg, dlg.scope_article.rect().center()).x()
        preview_x = dlg.preview.stack.mapTo(dlg, dlg.preview.stack.rect().center()).x()
        assert options_x > preview_x
        dlg.close()
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def arabic_ui(qapp, tmp_path):
    """The app in Arabic with a .qm compiled from i18n/hawamish_ar.ts into the test's temp folder."""
    import importlib.util

    from PySide6.QtCore import QLocale, QTranslator

    root = Path(__file__).resolve().parents[3]
    spec = importlib.util.spec_from_file_location(
        "build_translations", root / "packaging" / "build_translations.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    qm = tmp_path / "hawamish_ar.qm"
    subprocess.run(
        [*build.find_tool("lrelease"), "-silent", str(root / "i18n" / "hawamish_ar.ts"), "-qm", str(qm)],
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    # the UI language, as app.apply_language sets it (default label names follow it)
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    yield
    qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_every_text_of_the_dialog_is_arabic_in_an_arabic_ui(
    qtbot, arabic_ui, library, seeded, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    from reader.core.text import is_arabic_letter

    def arabic(text: str) -> bool:
        return any(is_arabic_letter(ch) for ch in text)

    dlg = ExportDialog(library, article_id=seeded[0], selected_ids=seeded)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert arabic(dlg.windowTitle())
    texts = [box.title() for box in dlg.findChildren(QGroupBox)]
    texts += [
        b.text()
        for b in dlg.findChildren(QAbstractButton)
        if b.isVisible() and not b.objectName().startswith("chip_")
    ]
    texts += [
        lab.text()
        for lab in dlg.findChildren(QLabel)
        if lab.isVisible() and lab.text() and lab.buddy() is not None
    ]
    texts += [dlg.format_combo.itemText(i) for i in range(dlg.format_combo.count())]
    texts += [dlg.sort_combo.itemText(i) for i in range(dlg.sort_combo.count())]
    untranslated = [t for t in texts if t and not arabic(t)]
    assert not untranslated
    assert [dlg.chips[k].text() for k in ("claim", "question")] == ["ادّعاء", "سؤال"]
    # ".pdf" keeps its dot in front: the suffix is isolated from the Arabic around it
    assert "\u2068.pdf\u2069" in dlg.format_combo.itemText(0)

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = blocker / "notes.md"
    _save_as(monkeypatch, target)
    dlg.set_format("md")
    dlg.export_button.click()
    _wait_export(qtbot, dlg)
    box = dlg.message_box
    assert arabic(box.windowTitle()) and arabic(box.text()) and arabic(box.informativeText())
    assert f"\u2068{target}\u2069" in box.text()  # the path stays whole and left-to-right
    box.close()
    dlg.close()


def test_preview_of_a_long_export_is_its_first_page(library, tmp_path) -> None:
    """The preview renders only what page 1 can hold; that page is the export's own page 1."""
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is missing: packaging/setup.sh installs it"
    from PySide6.QtGui import QImage

    from reader.core.exporters import ExportRequest
    from reader.gui.export.export_preview import (
        PREVIEW_HIGHLIGHTS,
        make_preview,
        preview_document,
        render_first_page,
    )

    _big_library(library, articles=3)  # 15 highlights each: 45 in all, more than page 1 holds
    request = ExportRequest(all_articles=True)
    document = preview_document(library, request)
    assert len(document.articles) == 2 and all(
        len(a.highlights) <= PREVIEW_HIGHLIGHTS for a in document.articles
    )
    kind, png = make_preview(library, request, lambda done, total: None, lambda: False)
    assert kind == "png"
    library.export(request, tmp_path / "full.pdf")
    full = QImage.fromData(render_first_page(tmp_path / "full.pdf", tmp_path), "PNG")
    preview = QImage.fromData(png, "PNG")
    assert preview.size() == full.size()
    body = int(full.height() * 0.9)  # everything above the footer's "1 / N"
    assert preview.copy(0, 0, full.width(), body) == full.copy(0, 0, full.width(), body)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        ("disk full", "The disk is full. Free some space or choose another disk."),
        ("bug", "An unexpected error stopped the export (RuntimeError)."),
    ],
)
def test_other_failures_are_sentences_too(
    qtbot, dialog: ExportDialog, tmp_path, monkeypatch, error, reason
) -> None:
    from reader.core.errors import ErrorCode, HawamishError

    target = tmp_path / "notes.md"

    def failing_export(request, path, **kwargs):
        if error == "disk full":  # what atomic_write_bytes raises on ENOSPC
            raise HawamishError(ErrorCode.DISK_FULL, str(path), "OSError: No space left on device")
        raise RuntimeError("a bug deep in a renderer")

    monkeypatch.setattr(dialog.library, "export", failing_export)
    _save_as(monkeypatch, target)
    dialog.set_format("md")
    dialog.export_button.click()
    _wait_export(qtbot, dialog)
    box = dialog.message_box
    assert box.objectName() == "exportErrorMessage"
    assert str(target) in box.text() and box.informativeText() == reason
    assert "a bug deep" not in box.informativeText() and not box.detailedText()
    assert dialog.export_button.isEnabled() and dialog.close_button.isEnabled()
    box.close()


def test_preview_says_when_nothing_matches(qtbot, library, seeded) -> None:
    dlg = ExportDialog(library, scope="all")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.filter_tag_combo.setCurrentIndex(
        dlg.filter_tag_combo.findData("framing")
    )  # only on the English article
    dlg.chips["evidence"].setChecked(False)  # ... whose highlight is "evidence"
    qtbot.waitUntil(lambda: not dlg.preview.busy, timeout=WAIT_MS)
    assert dlg.preview.stack.currentWidget() is dlg.preview.message
    assert "Nothing matches" in dlg.preview.message.text()
    dlg.chips["evidence"].setChecked(True)
    qtbot.waitUntil(lambda: not dlg.preview.busy, timeout=WAIT_MS)
    assert dlg.preview.stack.currentWidget() is not dlg.preview.message
    dlg.close()


def test_article_context_menu_offers_export_of_this_article(qtbot, window) -> None:
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtWidgets import QApplication

    window.open_article(window.library_proxy.article_id(0))
    seen: list[list[str]] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        seen.append([a.objectName() for a in menu.actions()] if menu is not None else [])
        if menu is not None:
            menu.close()

    QTimer.singleShot(300, read_and_close)
    window.article_view.customContextMenuRequested.emit(
        QPoint(40, 40)
    )  # the right click, as the view sends it
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert "exportArticleAction" in seen[0]
    window.export.article_action.trigger()
    dlg = window.export.dialog
    assert dlg.scope_article.isChecked() and dlg.article_id == window.current_article_id()
    dlg.close()


def test_preview_follows_changes_made_elsewhere_in_the_app(qtbot, window) -> None:
    window.open_article(window.library_proxy.article_id(0))
    dlg = window.export.open_dialog()
    dlg.set_format("md")
    qtbot.waitUntil(lambda: not dlg.preview.busy, timeout=WAIT_MS)
    article = window.article_view.article
    window.library.highlights.create(article.id, 0, 12, color="question", note="a note made while exporting")
    qtbot.waitUntil(lambda: "a note made while exporting" in dlg.preview.text.toPlainText(), timeout=WAIT_MS)
    dlg.close()


def test_pdf_options_reach_the_file(qtbot, dialog: ExportDialog, tmp_path, monkeypatch) -> None:
    """US Letter and the annotated article text, chosen in the dialog, are in the PDF written."""
    assert shutil.which("pdfinfo") and shutil.which("pdftotext"), (
        "poppler-utils is missing: setup.sh installs it"
    )
    target = tmp_path / "letter.pdf"
    _save_as(monkeypatch, target)
    dialog.page_size_combo.setCurrentIndex(dialog.page_size_combo.findData("Letter"))
    dialog.include_text_check.setChecked(True)
    dialog.export_button.click()
    _wait_export(qtbot, dialog)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts" in info  # US Letter
    text = _flat(
        subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    )
    body = export_seed.seed_blocks()[-1].text  # the article's last paragraph: only there with its text
    assert _flat(body[:40]) in text
    dialog.message_box.close()


def test_export_words_follow_the_ui_language(qtbot, window, library, seeded) -> None:
    """The window's UI language reaches the request; an Arabic UI exports Arabic section words."""
    dlg = window.export.open_dialog(scope="all")
    assert dlg.build_request().language == window.lang == "en"
    dlg.close()
    arabic = ExportDialog(library, scope="all", language="ar")
    qtbot.addWidget(arabic)
    arabic.set_format("md")
    assert arabic.build_request().language == "ar"
    qtbot.waitUntil(
        lambda: not arabic.preview.busy and "التظليلات" in arabic.preview.text.toPlainText(), timeout=WAIT_MS
    )
    arabic.close()
