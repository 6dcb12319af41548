"""The PySide6 app. Depends on reader.core; nothing in reader.core imports this package."""

import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    # PySide6 6.12 returns None from every void method without a new reference (fine on 3.12+, where None is
    # immortal); on 3.11 each call drops one reference to None and the process dies with "none_dealloc"
    # after a few thousand calls (and, more rarely, "bool_dealloc" for True/False). Give these singletons
    # the huge reference count 3.12 gives them, once per process.
    import ctypes

    for _singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
