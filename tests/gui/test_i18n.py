"""Translations: the .qm is built from i18n/*.ts, the Arabic UI is translated and mirrored, and every window
and dialog opens in both languages.

Other modules add their windows and dialogs to DIALOGS (one opener each: window -> the widget to check).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader.core.errors import ErrorCode, HawamishError
from reader.core.text import is_arabic_letter
from reader.gui.app import build_error_dialog
from reader.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def has_arabic(text: str) -> bool:
    return any(is_arabic_letter(ch) for ch in text)


def test_qm_is_built_and_translates(built_qm: Path) -> None:
    assert built_qm.exists() and built_qm.stat().st_size > 1000
    translator = QTranslator()
    assert translator.load(str(built_qm))
    assert translator.translate("MainWindow", "&File") == "&ملف"
    assert translator.translate("Errors", "the disk is full") == "القرص ممتلئ"


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_arabic_main_window_is_translated_and_mirrored(
    qtbot, ui_language, library, sample_ids, settings
) -> None:
    window = MainWindow(library, settings, ui_language)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    menus = [window.file_menu, window.edit_menu, window.view_menu, window.help_menu]
    assert [m.title() for m in menus] == ["&ملف", "&تحرير", "&عرض", "م&ساعدة"]
    own_actions = [
        window.import_action,
        window.import_folder_action,
        window.quit_action,
        window.undo_action,
        window.redo_action,
        window.copy_action,
        window.select_all_action,
        window.toggle_library_action,
        window.zoom_in_action,
        window.zoom_out_action,
        window.zoom_reset_action,
        window.about_action,
        window.library_list.actions.edit_action,
        window.library_list.actions.delete_action,
        window.library_list.filters.focus_action,
    ]
    for action in own_actions:
        assert has_arabic(action.text()), action.text()
    assert has_arabic(window.library_view.model().headerData(0, Qt.Orientation.Horizontal))
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # mirrored: the library list sits to the right of the article view
    lib_x = window.library_view.mapTo(window, window.library_view.rect().topLeft()).x()
    art_x = window.article_view.mapTo(window, window.article_view.rect().topLeft()).x()
    assert lib_x > art_x
    # Qt's own strings come from qtbase_ar
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    window.close()


def test_english_window_is_left_to_right(window: MainWindow) -> None:
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    lib_x = window.library_view.mapTo(window, window.library_view.rect().topLeft()).x()
    art_x = window.article_view.mapTo(window, window.article_view.rect().topLeft()).x()
    assert lib_x < art_x


# --- every window and dialog, in every language ----------------------------------------------------------


def _main_window(window: MainWindow) -> QWidget:
    return window


def _import_summary(window: MainWindow) -> QWidget:
    window.importer._show_box(QMessageBox.Icon.Warning, window.importer.tr("Import finished"), "…", "")
    assert window.importer.summary_box is not None
    return window.importer.summary_box


def _import_progress(window: MainWindow) -> QWidget:
    from reader.gui.library.import_progress import ImportProgressDialog
    from reader.gui.library.import_run import ImportSnapshot

    dialog = ImportProgressDialog(window)
    dialog.show_snapshot(ImportSnapshot(3, 10, "/corpus/alyaum/0003.txt", {"imported": 2, "failed": 1}))
    texts = [
        dialog.heading.text(),
        dialog.counts_label.text(),
        dialog.bar.format(),
        dialog.cancel_button.text(),
    ]
    for text in texts:  # no English left in the Arabic dialog (the file name is the file's own)
        assert has_arabic(text) == has_arabic(dialog.windowTitle()), text
    assert "alyaum/0003.txt" in dialog.file_label.text()
    return dialog


def _error_dialog(window: MainWindow) -> QWidget:
    return build_error_dialog(window, HawamishError(ErrorCode.DISK_FULL, "/tmp/x.pdf"))


def _open_link_question(window: MainWindow) -> QWidget:
    from PySide6.QtCore import QUrl

    from reader.gui.common.links import confirmation_box

    return confirmation_box(window, QUrl("https://example.com/column"))


def _export_dialog(window: MainWindow) -> QWidget:
    window.open_article(window.library_proxy.article_id(0))
    return window.export.open_dialog()


def _search_panel(window: MainWindow) -> QWidget:
    window.search_panel.focus_box()
    panel = window.search_panel
    assert has_arabic(panel.box.placeholderText()) == has_arabic(window.search_dock.windowTitle())
    assert has_arabic(panel.kind_combo.itemText(0)) == has_arabic(window.search_dock.windowTitle())
    return window.search_dock


def _find_bar(window: MainWindow) -> QWidget:
    assert window.open_article(window.library.articles.ids()[0])
    window.find_bar.open_bar()
    return window.find_bar


def _annotation_panel(window: MainWindow) -> QWidget:
    assert window.open_article(window.library.articles.ids()[0])
    panel = window.annotations.panel
    assert has_arabic(panel.filter_edit.placeholderText()) == has_arabic(panel.windowTitle())
    assert has_arabic(panel.sort_combo.itemText(0)) == has_arabic(panel.windowTitle())
    assert has_arabic(window.annotations.actions.note_action.text()) == has_arabic(panel.windowTitle())
    return panel


def _label_editor(window: MainWindow) -> QWidget:
    from reader.gui.annotations.label_editor import LabelEditorDialog

    dialog = LabelEditorDialog(window.library.labels, window)
    claim = dialog.name_edits["claim"].text()  # a default label's name shows in the UI language
    assert has_arabic(claim) == (window.lang == "ar"), claim
    return dialog


def _metadata_dialog(window: MainWindow) -> QWidget:
    article_id = window.library.articles.ids()[0]
    dialog = window.library_list.actions.edit_metadata(article_id)
    assert dialog is not None
    arabic_ui = has_arabic(dialog.windowTitle())
    assert has_arabic(dialog.language_combo.itemText(0)) == arabic_ui
    assert has_arabic(dialog.tags_edit.placeholderText()) == arabic_ui
    dialog.edits["published"].setText("2015-13")
    dialog.save()
    assert (
        has_arabic(dialog.error_text("published")) == arabic_ui
    )  # the field's problem, in the UI's language
    return dialog


def _article_tags_dialog(window: MainWindow) -> QWidget:
    dialog = window.library_list.actions.edit_tags(window.library.articles.ids()[:2])
    assert dialog is not None
    return dialog


def _delete_question(window: MainWindow) -> QWidget:
    box = window.library_list.actions.delete_articles(window.library.articles.ids()[:2])
    assert box is not None
    assert has_arabic(box.text()) == has_arabic(box.windowTitle())
    return box


def _library_filters(window: MainWindow) -> QWidget:
    filters = window.library_list.filters
    arabic_ui = window.lang == "ar"
    assert has_arabic(filters.bar.box.placeholderText()) == arabic_ui
    assert has_arabic(window.library_list.collections.panel.item(0).text()) == arabic_ui
    assert has_arabic(window.articles_menu.title()) == arabic_ui
    filters.open_popup()
    return filters.popup


def _shortcuts_sheet(window: MainWindow) -> QWidget:
    sheet = window.show_shortcuts()
    rows = sheet.rows()
    assert rows and all(keys.startswith("\u2066") and keys.endswith("\u2069") for _g, _n, keys in rows)
    assert all(has_arabic(group) == (window.lang == "ar") for group, _n, _k in rows)
    return sheet


def _preferences_dialog(window: MainWindow) -> QWidget:
    dialog = window.preferences.build_dialog()
    arabic_ui = window.lang == "ar"
    for i in range(dialog.tabs.count()):
        assert has_arabic(dialog.tabs.tabText(i)) == arabic_ui
    assert has_arabic(dialog.theme_box.itemText(0)) == arabic_ui
    assert has_arabic(window.preferences.action.text()) == arabic_ui
    return dialog


def _restore_dialog(window: MainWindow) -> QWidget:
    from reader.gui.backup.restore_dialog import RestoreDialog

    window.library.daily_backup()
    dialog = RestoreDialog(window.library.backups(), window)
    assert dialog.list.topLevelItemCount() == 1
    return dialog


def _tag_manager(window: MainWindow) -> QWidget:
    library = window.library
    highlight = library.highlights.create(library.articles.ids()[0], 0, 5, tags=["security/terrorism"])
    assert highlight.tags
    dialog = window.tag_manager.show()
    arabic_ui = window.lang == "ar"
    assert has_arabic(dialog.rename_button.text()) == arabic_ui
    assert has_arabic(window.tag_manager.action.text()) == arabic_ui
    return dialog


def _compare_view(window: MainWindow) -> QWidget:
    library = window.library
    arabic = next(a for a in library.articles.list() if a.author == "بيتر بيرغن")
    library.highlights.create(arabic.id, 0, 5, tags=["أمن"])
    window.shell.show_mode("compare")
    window.compare.run("tag:أمن")
    view = window.compare.view
    deadline = QTimer()
    deadline.start(5000)
    while not view.columns and deadline.isActive():
        QApplication.processEvents()
    assert view.columns and view.columns[0].header.text() == "بيتر بيرغن"
    assert has_arabic(view.summary.text()) == (window.lang == "ar")
    return window  # a mode of the window: its chrome is checked with the window's


def _pages_pane(window: MainWindow) -> QWidget:
    from reader.gui.pages.pages_pane import PagesPane

    library = window.library
    article_id = library.articles.ids()[0]
    highlight = library.highlights.create(article_id, 0, 5, color="claim")
    page = library.pages.create("P", f"{{{{quote {highlight.id}}}}}\n\n{{{{quote {highlight.id + 1000}}}}}\n")
    pane = PagesPane(library, window.shell)
    pane.select_page(page.id)
    arabic_ui = window.lang == "ar"
    assert has_arabic(pane.rendered.toPlainText().split("\n")[-1]) == arabic_ui  # the deleted quote, said
    return pane


def _save_search_dialog(window: MainWindow) -> QWidget:
    window.search.panel.box.setText("margins")
    window.search.memory.ask_save()
    dialog = window.search.memory.name_dialog
    assert dialog is not None
    assert has_arabic(dialog.labelText()) == (window.lang == "ar")
    return dialog


def _related_panel(window: MainWindow) -> QWidget:
    related = window.related
    related.show_related(window.library.articles.ids()[0])
    arabic_ui = window.lang == "ar"
    assert has_arabic(related.panel.message.text()) == arabic_ui  # looking…
    assert has_arabic(related.toggle_action.text()) == arabic_ui
    return related.dock


def _rename_saved_search_dialog(window: MainWindow) -> QWidget:
    window.library.saved_searches.save("margins", "margins")
    collections = window.library_list.collections
    collections.ask_rename_saved("margins")
    assert collections.name_dialog is not None
    return collections.name_dialog


#: name -> opener; add yours here (the opener returns the shown widget; its window title is checked).
def _notebook(window: MainWindow) -> QWidget:
    import time

    controller = window.notebook
    controller.action.trigger()
    deadline = time.monotonic() + 15
    while (controller.notebook is None or controller._load_task is not None) and time.monotonic() < deadline:
        QApplication.processEvents()
    view = controller.view
    arabic_ui = window.lang == "ar"
    assert has_arabic(view.text_edit.placeholderText()) == arabic_ui
    assert has_arabic(view.group_combo.itemText(0)) == arabic_ui
    assert has_arabic(controller.context_menu().actions()[0].text()) == arabic_ui
    return view


def _share_dialog(window: MainWindow) -> QWidget:
    from reader.gui.sharing.share_dialog import ShareDialog

    return ShareDialog(window)


def _team_panel(window: MainWindow) -> QWidget:
    window.sharing.dock.show()
    return window.sharing.dock


DIALOGS: dict[str, Callable[[MainWindow], QWidget]] = {
    "main window": _main_window,
    "import summary": _import_summary,
    "import progress": _import_progress,
    "error dialog": _error_dialog,
    "export dialog": _export_dialog,
    "search panel": _search_panel,
    "find bar": _find_bar,
    "annotation panel": _annotation_panel,
    "label editor": _label_editor,
    "metadata dialog": _metadata_dialog,
    "article tags dialog": _article_tags_dialog,
    "delete question": _delete_question,
    "library filters": _library_filters,
    "shortcuts sheet": _shortcuts_sheet,
    "preferences dialog": _preferences_dialog,
    "restore dialog": _restore_dialog,
    "tag manager": _tag_manager,
    "compare view": _compare_view,
    "pages pane": _pages_pane,
    "notebook": _notebook,
    "save search dialog": _save_search_dialog,
    "related panel": _related_panel,
    "rename saved search dialog": _rename_saved_search_dialog,
    "open link question": _open_link_question,
    "share dialog": _share_dialog,
    "team panel": _team_panel,
}


@pytest.mark.parametrize("ui_language", ["ar", "en"], indirect=True)
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_every_window_opens_in_every_language(
    qtbot, ui_language, name, library, sample_ids, settings
) -> None:
    window = MainWindow(library, settings, ui_language)
    qtbot.addWidget(window)
    window.show()
    widget = DIALOGS[name](window)
    widget.show()
    qtbot.waitExposed(widget)
    title = widget.windowTitle()
    assert title
    if ui_language == "ar":
        assert has_arabic(title), f"{name}: window title {title!r} is not translated"
        assert widget.layoutDirection() == Qt.LayoutDirection.RightToLeft
    else:
        assert not has_arabic(title)
    widget.close()
    window.close()
    assert QApplication.instance() is not None


@pytest.mark.parametrize("ui_language", ["en"], indirect=True)
def test_english_counts_use_singular_and_plural(ui_language) -> None:
    def tr(context: str, text: str, n: int) -> str:
        return QCoreApplication.translate(context, text, "", n)

    assert tr("AnnotationPanel", "%Ln highlight(s)", 1) == "1 highlight"
    assert tr("AnnotationPanel", "%Ln highlight(s)", 3) == "3 highlights"
    assert tr("SearchPanel", "%Ln result(s)", 1) == "1 result"
    assert tr("SearchPanel", "%Ln result(s)", 20) == "20 results"
    assert tr("ImportFlow", "The import was cancelled; %Ln file(s) were not read.", 2) == (
        "The import was cancelled; 2 files were not read."
    )
    orphans = tr("AnnotationPanel", "Orphans: %Ln highlight(s) whose passage is no longer in the text", 1)
    assert orphans == "Orphans: 1 highlight whose passage is no longer in the text"


@pytest.mark.parametrize("ui_language", ["ar"], indirect=True)
def test_arabic_counts_use_the_dual_and_plural_forms(ui_language) -> None:
    def tr(text: str, n: int) -> str:
        return QCoreApplication.translate("ImportFlow", text, "", n)

    text = "The import was cancelled; %Ln file(s) were not read."
    assert tr(text, 1) == "أُلغي الاستيراد؛ لم يُقرأ ملف واحد."
    assert tr(text, 2) == "أُلغي الاستيراد؛ لم يُقرأ ملفان."
    # %Ln: the count in the locale's digits (Arabic-Indic by default in the Arabic UI, as dates and counts)
    assert tr(text, 5) == "أُلغي الاستيراد؛ لم تُقرأ ٥ ملفات."
    assert tr(text, 11) == "أُلغي الاستيراد؛ لم يُقرأ ١١ ملفًا."
