"""Core errors as sentences in the UI language: reader/messages.py's one catalogue, through Qt's translation."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication

from reader.core.errors import HawamishError
from reader.messages import CONTEXT, describe
from reader.messages import error_reason as _catalogue_reason


def _translate(template: str) -> str:
    return QCoreApplication.translate(CONTEXT, template)


def error_reason(error: HawamishError) -> str:
    """The reason alone, translated, with the error's fields filled in."""
    return _catalogue_reason(error, _translate)


def describe_error(error: BaseException) -> str:
    """One line naming the file (isolated for bidi) and the reason; a bug's own words for other errors."""
    if isinstance(error, HawamishError):
        return describe(error, translate=_translate)
    return str(error) or type(error).__name__


def print_unattended(error: BaseException) -> None:
    """The error as one English line on stderr, the command line's way (`hawamish: PATH: reason`): for a run
    with nobody to answer a dialog (`gui --screenshot`, no display)."""
    line = describe(error) if isinstance(error, HawamishError) else (str(error) or type(error).__name__)
    print(f"hawamish: {line}", file=sys.stderr, flush=True)
