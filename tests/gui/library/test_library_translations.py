"""Every sentence of the library's management modules has a finished Arabic translation with the same
fields, and every count an English plural, read from the sources (tr() by class, _tr in the commands)."""

from __future__ import annotations

import ast
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
MODULES = [
    "reader/gui/library/collections_controller.py",
    "reader/gui/library/collections_panel.py",
    "reader/gui/library/filter_bar.py",
    "reader/gui/library/filter_controller.py",
    "reader/gui/library/library_actions.py",
    "reader/gui/library/library_commands.py",
    "reader/gui/library/metadata_dialog.py",
    "reader/gui/library/tags_dialog.py",
]


def messages() -> list[tuple[str, str, bool]]:
    """(context, source, is a count) of every translated string in MODULES."""
    found: set[tuple[str, str, bool]] = set()
    for module in MODULES:
        tree = ast.parse((ROOT / module).read_text("utf-8"))
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            for node in ast.walk(cls):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "tr"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    found.add((cls.name, str(node.args[0].value), len(node.args) >= 3))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_tr"
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(("LibraryCommands", str(node.args[0].value), False))
    return sorted(found)


def translations(ts: str) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ROOT / "i18n" / ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_sources_were_read() -> None:
    assert len(messages()) > 80


@pytest.mark.parametrize(("context", "source", "counted"), messages())
def test_each_message_is_translated(context: str, source: str, counted: bool) -> None:
    arabic = translations("hawamish_ar.ts").get((context, source))
    assert arabic is not None, f"{context}: {source!r} has no Arabic"
    translation = arabic.find("translation")
    assert translation is not None and translation.get("type") is None
    forms = [f.text or "" for f in translation.iter("numerusform")] if counted else [translation.text or ""]
    assert len(forms) == (6 if counted else 1) and all(f.strip() for f in forms)
    for form in forms:
        assert fields(source) <= fields(form), (source, form)
    if counted:
        english = translations("hawamish_en.ts").get((context, source))
        assert english is not None, f"{context}: {source!r} has no English plural forms"
        assert len(list(english.iter("numerusform"))) == 2
