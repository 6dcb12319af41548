"""How the window shares its width: the article first, the library column and the notes panel in shares.

The library column (the first widget of the central splitter) and the notes panel (a dock) each keep a share
of the width between a floor that keeps their content usable and a ceiling, until the user drags their edge:
at 1024 pixels the article still gets more than half the window, and a wide window gives the panels no more
than they need (the article view centres a column of comfortable length in what it gets).

The layout (geometry, splitter, docks, whether the library column is shown) is saved per UI direction: an
Arabic UI has its panels on the other side, and its saved state would put an English window's docks on the
wrong side.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QWidget

#: The library column's share of the central splitter (the window less the notes panel), and its bounds.
LIBRARY_SHARE, LIBRARY_MIN, LIBRARY_MAX = 0.25, 200, 400
#: The notes panel's share of the window, and its bounds.
NOTES_SHARE, NOTES_MIN, NOTES_MAX = 0.22, 240, 400
#: With nothing saved, the window takes this share of the screen's available area ...
SCREEN_SHARE = 0.8
#: ... but at least this much when the screen has room for it.
MIN_DEFAULT = (1024, 700)
#: The offscreen platform's screen is a made-up 800×800: a window that reads well instead.
OFFSCREEN_DEFAULT = (1280, 800)
#: Keys of the first layout, saved once for both directions; removed when a per-direction layout is saved
#: (its geometry, which has no side, is still read when a direction has none of its own).
LEGACY_KEYS = ("window/geometry", "window/state", "window/splitter")


def direction_key(widget: QWidget) -> str:
    return "rtl" if widget.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"


def default_size(platform: str, available: tuple[int, int] | None) -> tuple[int, int]:
    """The window's size when no layout is saved: SCREEN_SHARE of the screen, not less than MIN_DEFAULT
    (within the screen)."""
    if platform == "offscreen" or available is None:
        return OFFSCREEN_DEFAULT
    width, height = available
    return (
        min(width, max(int(width * SCREEN_SHARE), MIN_DEFAULT[0])),
        min(height, max(int(height * SCREEN_SHARE), MIN_DEFAULT[1])),
    )


def share(total: int, fraction: float, minimum: int, maximum: int) -> int:
    return max(minimum, min(maximum, int(total * fraction)))


class DockShare(QObject):
    """Keeps a dock at a share of the window's width until the user drags its edge (the window's separator:
    a mouse release on the window that leaves the dock at another width than the one given)."""

    def __init__(
        self,
        window: QMainWindow,
        dock: QDockWidget,
        fraction: float = NOTES_SHARE,
        minimum: int = NOTES_MIN,
        maximum: int = NOTES_MAX,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._dock = dock
        self._fraction, self._minimum, self._maximum = fraction, minimum, maximum
        self.user_set = False
        self._applied: int | None = None
        window.installEventFilter(self)
        dock.visibilityChanged.connect(self._on_visibility)

    def _on_visibility(self, _visible: bool) -> None:
        if shiboken6.isValid(self._window):  # not while the window is being destroyed
            self.apply()

    def wanted(self) -> int:
        return share(self._window.width(), self._fraction, self._minimum, self._maximum)

    def apply(self) -> None:
        dock = self._dock
        if self.user_set or dock.isHidden() or dock.isFloating():
            return
        width = self.wanted()
        if dock.width() != width:
            self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
            layout = self._window.layout()
            if layout is not None:
                layout.activate()  # now, not at the next layout request: the splitter sees its new width
        self._applied = dock.width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and shiboken6.isValid(self._window):
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self.apply()
            elif kind == QEvent.Type.Show:  # once the window has laid its docks out
                QTimer.singleShot(0, self.apply)
            elif (
                kind == QEvent.Type.MouseButtonRelease
                and self._applied is not None
                and self._dock.isVisible()
                and abs(self._dock.width() - self._applied) > 1
            ):
                self.user_set = True  # the separator beside the dock was dragged
        return False


class LibraryShare(QObject):
    """Keeps the library column (the first of the splitter) at a share of the splitter until the user drags
    the splitter; applied when the splitter is resized (the notes panel took or gave back its width)."""

    def __init__(
        self,
        splitter: QSplitter,
        fraction: float = LIBRARY_SHARE,
        minimum: int = LIBRARY_MIN,
        maximum: int = LIBRARY_MAX,
    ) -> None:
        super().__init__(splitter)
        self._splitter = splitter
        self._fraction, self._minimum, self._maximum = fraction, minimum, maximum
        #: the user placed the splitter (dragged it, or the window restored where they left it)
        self.user_set = False
        self._applied: int | None = None  # the width this object last gave the list
        column = splitter.widget(0)
        if column is not None:
            column.setMinimumWidth(minimum)  # the filter bar would ask for more
        splitter.splitterMoved.connect(self._moved)
        splitter.installEventFilter(self)

    def _moved(self, _pos: int, _index: int) -> None:
        self.user_set = True

    def placed_by_user(self) -> bool:
        """Dragged, or set by code since the last time this object placed it."""
        if not self.user_set and self._applied is not None and self._splitter.count():
            width = self._splitter.sizes()[0]
            self.user_set = width not in (0, self._applied)
        return self.user_set

    def apply(self) -> None:
        sizes = self._splitter.sizes()
        total = sum(sizes)
        if self.placed_by_user() or len(sizes) != 2 or total <= 0 or sizes[0] == 0:
            return
        width = share(total, self._fraction, self._minimum, self._maximum)
        if sizes[0] != width:
            self._splitter.setSizes([width, total - width])
        self._applied = self._splitter.sizes()[0]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._splitter
            and event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
            and shiboken6.isValid(self._splitter)
        ):
            self.apply()
        return False


class WindowLayout(QObject):
    """The shares of the library column and the notes panel, and the layout saved per UI direction."""

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        splitter: QSplitter,
        library_action: QAction,
        notes: QDockWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._splitter = splitter
        self._library_action = library_action
        self.library = LibraryShare(splitter)
        self.notes = DockShare(window, notes)
        # a column shown again takes its share again (the splitter hands it the width it had)
        library_action.toggled.connect(lambda _shown: self.library.apply())

    def key(self, name: str) -> str:
        return f"window/{direction_key(self._window)}/{name}"

    def _bytes(self, name: str) -> QByteArray | None:
        value = self._settings.value(self.key(name))
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _flag(self, name: str, default: bool) -> bool:
        value = self._settings.value(self.key(name), default)
        return value in (True, "true", "1", 1)

    def restore(self) -> None:
        """The layout saved for this UI direction, or the default size."""
        window = self._window
        geometry = self._bytes("geometry")
        legacy = self._settings.value(LEGACY_KEYS[0])
        if geometry is None and isinstance(legacy, QByteArray) and not legacy.isEmpty():
            geometry = legacy
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:
            screen = window.screen()
            available = screen.availableGeometry() if screen is not None else None
            size = default_size(
                QGuiApplication.platformName(),
                (available.width(), available.height()) if available is not None else None,
            )
            window.resize(*size)
            if available is not None and QGuiApplication.platformName() != "offscreen":
                frame = window.frameGeometry()
                frame.moveCenter(available.center())
                window.move(frame.topLeft())
        state = self._bytes("state")
        if state is not None:
            window.restoreState(state)
            self.notes.user_set = self._flag("notes_placed", False)
        splitter = self._bytes("splitter")
        if splitter is not None:
            self._splitter.restoreState(splitter)
            self.library.user_set = True
        self._library_action.setChecked(self._flag("library_shown", True))

    def save(self) -> None:
        settings = self._settings
        settings.setValue(self.key("geometry"), self._window.saveGeometry())
        settings.setValue(self.key("state"), self._window.saveState())
        settings.setValue(self.key("notes_placed"), self.notes.user_set)
        if self.library.placed_by_user():  # else the list keeps its share of whatever width the window gets
            settings.setValue(self.key("splitter"), self._splitter.saveState())
        else:
            settings.remove(self.key("splitter"))
        settings.setValue(self.key("library_shown"), self._library_action.isChecked())
        for legacy in LEGACY_KEYS:
            settings.remove(legacy)
