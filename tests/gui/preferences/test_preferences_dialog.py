"""The Preferences dialog: live preview, OK stores, Cancel puts back; migration; another library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from reader.gui.common.appearance.themes import THEMES
from reader.gui.main_window import MainWindow
from reader.gui.preferences.controller import PreferencesController
from reader.gui.preferences.store import load_preferences

FIXTURES = Path(__file__).parents[2] / "fixtures"


def _select(box, value) -> None:
    box.setCurrentIndex(box.findData(value))


def test_dialog_previews_then_ok_stores(window: MainWindow, sample_ids, qtbot) -> None:
    window.open_article(sample_ids[0])
    controller = window.preferences
    dialog = controller.build_dialog()
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "preferencesDialog"
    dialog.show()
    _select(dialog.theme_box, "sepia")
    assert window.article_view.theme is THEMES["sepia"]  # live
    _select(dialog.family_box, "Noto Naskh Arabic")
    dialog.size_box.setValue(19)
    dialog.width_box.setValue(80)
    dialog.justify_box.setChecked(True)
    assert window.article_view.font().family() == "Noto Naskh Arabic"
    assert window.article_view.typography.point_size == 19
    dialog.export_folder.setText("/tmp/exports-here")
    dialog.accept()
    stored, _ = load_preferences(controller.path)
    assert stored.theme == "sepia"
    assert stored.typography.family == "Noto Naskh Arabic"
    assert stored.typography.column_chars == 80 and stored.typography.justify
    assert window.settings.value("export/folder") == "/tmp/exports-here"
    assert json.loads(controller.path.read_text("utf-8"))["version"] == 2


def test_cancel_puts_back_what_was_there(window: MainWindow, sample_ids, qtbot) -> None:
    controller = window.preferences
    before = controller.preferences
    dialog = controller.build_dialog()
    qtbot.addWidget(dialog)
    _select(dialog.theme_box, "dark")
    dialog.size_box.setValue(25)
    assert window.article_view.theme is THEMES["dark"]
    dialog.reject()
    assert controller.preferences == before
    assert window.article_view.theme.name == "light"
    assert window.article_view.typography == before.typography


def test_shortcut_opens_the_dialog(window: MainWindow, qtbot, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(window.preferences, "show_dialog", lambda: opened.append(True))
    assert window.preferences.action.shortcut().toString() == "Ctrl+,"
    window.preferences.action.trigger()
    assert opened


def test_old_settings_file_is_migrated(qtbot, library, sample_ids, tmp_path: Path) -> None:
    ini = tmp_path / "config" / "hawamish.ini"
    ini.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "hawamish-ini-v0.ini", ini)
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    window = MainWindow(library, settings, "en")
    qtbot.addWidget(window)
    assert window.preferences.preferences.typography.point_size == 17.0  # 15 + the old zoom of 2
    assert window.article_view.font().pointSizeF() == 17.0  # not 19: the zoom was folded in
    assert settings.value("view/zoom") is None
    assert settings.value("export/folder") == "/tmp/exports"  # the rest of the file is kept
    stored = json.loads((ini.parent / "preferences.json").read_text("utf-8"))
    assert stored["version"] == 2 and stored["typography"]["point_size"] == 17.0
    assert stored["export"] == {"format": "pdf", "page_size": "", "include_text": False}  # version 1 to 2
    window.close()


def test_another_library_relaunches_and_is_remembered(
    qtbot, library, sample_ids, settings, tmp_path: Path
) -> None:
    started: list[list[str]] = []
    window = MainWindow(library, settings, "en")
    qtbot.addWidget(window)
    window.show()
    controller = PreferencesController(
        library,
        window.shell,
        settings,
        window.article_view,
        "en",
        window,
        path=tmp_path / "prefs.json",
        relaunch=lambda args: started.append(list(args)) or True,
    )
    other = tmp_path / "other-library"
    other.mkdir()
    dialog = controller.build_dialog()
    qtbot.addWidget(dialog)
    assert dialog.recent_list.count() == 1  # this library
    dialog.library_requested.emit(str(other))
    assert started == [["gui", "--library", str(other)]]
    assert not window.isVisible()
    recent = load_preferences(tmp_path / "prefs.json")[0].recent_libraries
    assert recent[0] == str(other.resolve())
    assert str(Path(library.folder).resolve()) in recent


def test_digits_follow_the_choice_in_the_arabic_ui(qtbot, library, sample_ids, settings) -> None:
    window = MainWindow(library, settings, "ar")
    qtbot.addWidget(window)
    try:
        count = window.findChild(QLabel, "articleCount")
        window.open_article(sample_ids[2])
        assert "٣" in count.text()
        assert "٢٠٢٤" in window.article_view.byline()
        window.preferences.appearance.set_digits("western")
        window._show_count(3, 3)
        assert "3" in count.text() and "٣" not in count.text()
        assert "2024" in window.article_view.byline()
        assert QLocale().toString(12) == "12"
    finally:
        window.close()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_dialog_follows_the_window_direction(window: MainWindow, qtbot) -> None:
    dialog = window.preferences.build_dialog()
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_colour_labels_button_opens_the_label_editor(window: MainWindow, qtbot, monkeypatch) -> None:
    from reader.gui.annotations import label_editor

    opened = []
    monkeypatch.setattr(label_editor.LabelEditorDialog, "exec", lambda self: opened.append(self) or 0)
    dialog = window.preferences.build_dialog()
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "editLabelsButton").click()
    assert len(opened) == 1 and opened[0].parent() is dialog


def test_export_defaults_chosen_in_preferences_start_the_export_dialog(
    window: MainWindow, sample_ids, qtbot
) -> None:
    window.open_article(sample_ids[0])
    dialog = window.preferences.build_dialog()
    qtbot.addWidget(dialog)
    _select(dialog.export_format, "md")
    _select(dialog.export_page_size, "Letter")
    dialog.export_include_text.setChecked(True)
    dialog.accept()
    export = window.export.open_dialog()
    qtbot.addWidget(export)
    assert export.format == "md"
    assert export.page_size_combo.currentData() == "Letter" and export.include_text_check.isChecked()
    export.set_format("pdf")  # the dialog still changes them for one export
    assert export.format == "pdf"
    export.close()
    again = window.preferences.build_dialog()
    qtbot.addWidget(again)
    assert again.export_format.currentData() == "md" and again.export_include_text.isChecked()
    again.reject()
    stored, _ = load_preferences(window.preferences.path)  # kept with the other preferences, versioned
    assert (stored.export.format, stored.export.page_size, stored.export.include_text) == (
        "md",
        "Letter",
        True,
    )
