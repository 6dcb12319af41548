"""Starting the app: QApplication, fonts, language and direction, the library, the window.

Everything is built here and passed down (STYLE 3). The UI language decides the translators and the
layout direction (an Arabic UI is mirrored, library on the right), independently of each article's own
direction, as Anki's aqt does: `setLayoutDirection`, `QLocale.setDefault` and Qt's own `qtbase_<lang>`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QThreadPool, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reader import APP_ID, __version__
from reader.core.errors import HawamishError
from reader.core.library import Library
from reader.core.paths import resources_dir

if TYPE_CHECKING:  # imported when the app starts, after the QApplication exists
    from reader.gui.main_window import MainWindow

log = logging.getLogger(__name__)

LANGUAGES = ("ar", "en")
SCREENSHOT_TIMEOUT_MS = 15000
REPORT_SHOWN_ENV = "HAWAMISH_REPORT_SHOWN"


def system_language() -> str:
    """'ar' when the system locale is Arabic, else 'en' (the two shipped UI languages)."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load Qt's own strings and ours for `lang`; the returned translators must be kept alive."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    sources = [(f"qtbase_{lang}", qt_dir), (f"hawamish_{lang}", str(translations_dir()))]
    if lang == "en":  # Qt's strings are English; ours need only their plural forms (i18n/hawamish_en.ts)
        sources = sources[1:]
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("no %s translation in %s (run packaging/build_translations.py)", name, folder)
    return installed


def apply_language(app: QApplication, lang: str) -> list[QTranslator]:
    """Translators, default locale and layout direction for the UI language."""
    if lang == "ar":
        QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return install_translators(app, lang)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        QApplication.setApplicationName("Hawamish")
        QApplication.setOrganizationName("Hawamish")
        QApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setDesktopFileName(APP_ID)
    from reader.gui.reading.article_view import load_fonts

    load_fonts()
    return app


class ErrorReporter:
    """sys.excepthook for the GUI: log the traceback, show a clear dialog instead of dying silently."""

    def __init__(self, parent_getter: Callable[[], QWidget | None], *, interactive: bool = True) -> None:
        self._parent_getter = parent_getter
        self._showing = False
        self.interactive = interactive  # False for --screenshot: a modal dialog would wait for nobody
        self.count = 0

    def __call__(self, kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("uncaught error", exc_info=(kind, error, tb))
        self.count += 1
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if not self.interactive:
            traceback.print_exception(kind, error, tb, file=sys.stderr)
            return
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            show_error_dialog(
                self._parent_getter(), error, "".join(traceback.format_exception(kind, error, tb))
            )
        finally:
            self._showing = False


def show_error_dialog(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    build_error_dialog(parent, error, details).exec()


def build_error_dialog(parent: QWidget | None, error: BaseException, details: str = "") -> QMessageBox:
    """The message box for an error: a translated sentence for HawamishError, details for a bug."""
    from reader.gui.common.error_text import describe_error

    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("App", "Hawamish"))
    if isinstance(error, HawamishError):
        box.setText(describe_error(error))
    else:
        box.setText(
            QCoreApplication.translate(
                "App", "Something went wrong. Your library is safe; the last action may not have finished."
            )
        )
        box.setInformativeText(describe_error(error))
        if details:
            box.setDetailedText(details)
    return box


def _preferred_language() -> str | None:
    """The interface language chosen in the preferences ('ar' or 'en'; None: the system's)."""
    from reader.gui.preferences.store import load_preferences, preferences_path

    language = load_preferences(preferences_path())[0].language
    return language if language in LANGUAGES else None


def choose_platform(once: bool, environ: dict[str, str] | None = None) -> str | None:
    """Make sure Qt has somewhere to draw, before the QApplication exists; a reason when it has not.

    On X11/Wayland systems without a display (a server, a CI job, ssh without -X) Qt would abort with a core
    dump; a run that only renders (`--screenshot`, `--layout-json`) needs no screen and uses Qt's offscreen
    platform instead, and the interactive app says in one line why it cannot start.
    """
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "")
    if sys.platform in ("win32", "darwin") or platform.split(":")[0] not in ("", "xcb", "wayland"):
        return None  # offscreen, minimal, vnc, eglfs …: no display server needed
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    if once and not platform:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return "no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set)"


def _open_library(folder: Path, given: bool) -> tuple[Library, bool]:
    """The library, creating the sample library in the default folder on the very first start."""
    first_run = False
    if not given and not Library.exists_in(folder):
        from reader.core.sample import ensure_sample_library

        first_run = ensure_sample_library(folder)
    return Library(folder), first_run


def _seed_article_id(library: Library) -> int | None:
    """The sample library's seed article (added first), for the first start."""
    from reader.core.sample import SAMPLE_FILES

    articles = sorted(library.articles.list(), key=lambda a: a.id)
    seed = next((a for a in articles if a.source_path.endswith(SAMPLE_FILES[0])), None)
    first = seed or (articles[0] if articles else None)
    return first.id if first is not None else None


def run_app(args: argparse.Namespace) -> int:
    """Start the GUI (or render one screenshot); returns the exit status.

    `args` carries the `gui` command's options plus `library_dir` and `library_given` from the CLI context.
    """
    once = bool(args.screenshot or args.layout_json)  # render, report, exit: nobody answers a dialog
    problem = choose_platform(once)
    if problem:
        print(f"hawamish: {problem}", file=sys.stderr, flush=True)
        return 1
    lang = args.lang or _preferred_language() or system_language()
    app = create_application()
    translators = apply_language(app, lang)  # noqa: F841 (kept alive for the app's lifetime)
    window: MainWindow | None = None
    reporter = ErrorReporter(lambda: window, interactive=not once)
    sys.excepthook = reporter

    folder = Path(args.library_dir)
    from reader.gui.single_instance import SingleInstance, bring_to_front

    instance = SingleInstance(folder)
    if not instance.claim():  # the running app came to the front; no dialog: it says so itself
        print(f"hawamish: {instance.is_running_elsewhere_message}", file=sys.stderr)
        return 1 if once else 0  # a screenshot was not taken; a start asked for was done by the other app
    try:
        library, first_run = _open_library(folder, bool(args.library_given))
    except HawamishError as exc:
        if once:
            from reader.gui.common.error_text import print_unattended

            print_unattended(exc)
        else:
            show_error_dialog(None, exc)
        return 1

    from reader.gui.common.settings import open_settings
    from reader.gui.main_window import MainWindow

    main_window = MainWindow(library, open_settings(), lang, interactive=not once)
    window = main_window  # the error reporter's dialogs are parented to it from now on
    instance.raise_requested.connect(lambda: bring_to_front(main_window))
    if library.read_only_cause is not None:  # a full disk or a read-only folder: say so while it lasts
        from reader.gui.common.error_text import describe_error

        main_window.statusBar().showMessage(describe_error(library.read_only_cause))
    if getattr(args, "theme", None):
        main_window.preferences.set_theme_override(args.theme)
    target = args.open
    if target is None:
        target = _seed_article_id(library) if first_run else main_window.last_article_id()
    newest = main_window.library_model.article_at(0)
    if target is None and newest is not None:
        target = newest.id  # nothing remembered: the newest article
    opened = target is None or main_window.open_article(int(target))
    if not opened and args.open is not None:
        print(f"hawamish: article {args.open} not found", file=sys.stderr)
        if once:
            return 1
    if args.size:
        main_window.resize(*args.size)
    main_window.show()
    if args.size and main_window.size().toTuple() != args.size:
        main_window.resize(*args.size)  # a window manager placed it first
    if os.environ.get(REPORT_SHOWN_ENV):  # benchmarks/bench_startup.py: when the first frame is up
        QTimer.singleShot(0, lambda: print(f"hawamish-shown {time.time():.6f}", file=sys.stderr, flush=True))
    if args.search:
        main_window.search_requested.emit(args.search)
    if getattr(args, "related", None) is not None:
        main_window.related.show_related(int(args.related))
    view = getattr(args, "view", None)
    if view:
        from reader.gui.modes import READING

        mode = READING if view == "library" else view
        if mode not in main_window.modes.names():
            print(f"hawamish: this build has no {view} view", file=sys.stderr)
            return 2
        main_window.modes.show(mode)
    main_window.backup.start_daily_backup()  # in a worker: the window is usable meanwhile
    compare = getattr(args, "compare", None)
    if compare:  # the compare view with that query's columns (`--view compare` is implied)
        main_window.modes.show("compare")
        main_window.compare.run(compare)
    if once:
        QTimer.singleShot(50, lambda: _when_idle(app, main_window, args.screenshot, args.layout_json))
    status = app.exec()
    instance.release()
    from reader.gui.common import workers

    if not workers.shutdown(timeout=15.0):  # a Python thread still running at exit would crash the process
        log.warning("background work did not stop in time")
    library.close()
    if once and (reporter.count or main_window.unattended_errors) and status == 0:
        return 1  # the picture was taken, but something failed on the way: scripts and tests must know
    return int(status)


def _when_idle(
    app: QApplication, window: MainWindow, png: str | None, layout_json: str | None, waited_ms: int = 0
) -> None:
    """Once idle (background work done, events processed, the article laid out): save the screenshot
    and the layout report, then exit."""
    from reader.gui.common import workers

    pool = QThreadPool.globalInstance()
    if (workers.busy() or pool.activeThreadCount() > 0) and waited_ms < SCREENSHOT_TIMEOUT_MS:
        QTimer.singleShot(50, lambda: _when_idle(app, window, png, layout_json, waited_ms + 50))
        return
    for _ in range(3):
        app.processEvents()
    window.article_view.document().size()  # forces the layout of the whole article
    app.processEvents()
    ok = True
    if layout_json:
        from reader.gui.layout_report import write_layout_report

        try:
            write_layout_report(window, Path(layout_json))
        except OSError as exc:
            print(f"hawamish: cannot write the layout to {layout_json}: {exc}", file=sys.stderr)
            ok = False
    if png:
        path = Path(png)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(path)):
            print(f"hawamish: cannot write the screenshot to {path}", file=sys.stderr)
            ok = False
    app.exit(0 if ok else 1)
