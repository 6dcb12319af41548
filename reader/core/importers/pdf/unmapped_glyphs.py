"""Glyphs without a Unicode mapping come back as U+FFFD, not as whatever character their code happens to be.

A composite (Type0) font names glyphs by number; its /ToUnicode CMap says which text each one shows. Fonts
that add glyphs of their own while shaping Arabic (Amiri's kashida connectors between ل and ك, for instance)
and producers that forget a glyph leave codes out of that map, and pypdf then shows the code itself as a
character: glyph 0xD1 becomes `Ñ` inside an Arabic word. Before a page is read, every code the font gives a
width for but the CMap does not map is added to the CMap as U+FFFD, the replacement character other readers
show; arabic_repairs turns a U+FFFD between joining letters back into the tatweel it stands for.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

_TOKEN = re.compile(rb"<([0-9A-Fa-f]*)>|(\[)|(\])|(begincodespacerange|beginbfchar|beginbfrange|endcmap)")
_MAX_CODES = 65536
_REPLACEMENT = b"FFFD"


def complete_fonts(resources: Any, done: set[int], depth: int = 0) -> None:
    """Map the unmapped glyphs of the composite fonts in `resources` (a page's /Resources, and those of the
    forms it draws) to U+FFFD. `done` holds the ids of objects already seen (fonts are shared by pages)."""
    from pypdf.generic import DictionaryObject

    try:
        resources = resources.get_object()
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else None
        forms = resources.get("/XObject")
        forms = forms.get_object() if forms is not None else None
    except Exception:
        return
    if isinstance(fonts, DictionaryObject):
        for ref in fonts.values():
            _complete_font(ref, done)
    if isinstance(forms, DictionaryObject) and depth < 3:
        for ref in forms.values():
            try:
                form = ref.get_object()
                if id(form) in done or form.get("/Subtype") != "/Form" or "/Resources" not in form:
                    continue
                done.add(id(form))
                complete_fonts(form["/Resources"], done, depth + 1)
            except Exception:
                continue


def _complete_font(ref: Any, done: set[int]) -> None:
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    try:
        font = ref.get_object()
        if not isinstance(font, DictionaryObject) or id(font) in done:
            return
        done.add(id(font))
        if font.get("/Subtype") != "/Type0":
            return
        cmap = font.get("/ToUnicode")
        if cmap is None and font.get("/Encoding") not in ("/Identity-H", "/Identity-V"):
            return  # a predefined CMap (CJK) that pypdf decodes by itself
        codes = _codes_with_widths(font)
        text = cmap.get_object().get_data() if cmap is not None else _empty_cmap()
        width, mapped = _mapped_codes(text)
        missing = _unmapped(codes, mapped)
        if not missing or b"endcmap" not in text:
            return
        stream = DecodedStreamObject()
        stream.set_data(_with_replacements(text, missing, width))
        font[NameObject("/ToUnicode")] = stream
    except Exception:  # a font we cannot complete is read as it is
        return


def _empty_cmap() -> bytes:
    return (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\nendcmap\nend\nend\n"
    )


def _codes_with_widths(font: Any) -> set[int]:
    """The codes a composite font gives widths for (its glyphs in use: producers write /W for them)."""
    codes: set[int] = set()
    descendants = font.get("/DescendantFonts")
    if descendants is None:
        return codes
    descendant = descendants.get_object()[0].get_object()
    widths = descendant.get("/W")
    if widths is None:
        return codes
    items = list(widths.get_object())
    i = 0
    while i < len(items) and len(codes) < _MAX_CODES:
        first = items[i]
        if i + 1 < len(items) and isinstance(items[i + 1].get_object(), list):
            codes.update(range(int(first), int(first) + len(items[i + 1].get_object())))
            i += 2
        elif i + 2 < len(items):
            last = min(int(items[i + 1]), int(first) + _MAX_CODES)
            codes.update(range(int(first), last + 1))
            i += 3
        else:
            break
    return codes


def _unmapped(codes: set[int], mapped: list[tuple[int, int]]) -> list[int]:
    """The codes in none of the `mapped` ranges, in order."""
    starts: list[int] = []
    ends: list[int] = []
    for lo, hi in sorted(mapped):
        if ends and lo <= ends[-1] + 1:
            ends[-1] = max(ends[-1], hi)
        else:
            starts.append(lo)
            ends.append(hi)
    missing = []
    for code in sorted(codes):
        i = bisect.bisect_right(starts, code) - 1
        if i < 0 or code > ends[i]:
            missing.append(code)
    return missing


def _mapped_codes(cmap: bytes) -> tuple[int, list[tuple[int, int]]]:
    """(code width in hex digits, [first, last] ranges of the codes a ToUnicode CMap maps)."""
    width = 4
    mapped: list[tuple[int, int]] = []
    section = b""
    pending: list[int] = []
    depth = 0
    for m in _TOKEN.finditer(cmap):
        hex_digits, opening, closing, keyword = m.groups()
        if keyword is not None:
            section, pending = keyword, []
            continue
        if opening:
            depth += 1
            continue
        if closing:
            depth -= 1
            if section == b"beginbfrange" and depth == 0 and len(pending) == 2:
                mapped.append((pending[0], pending[1]))
                pending = []
            continue
        if depth:
            continue  # the destinations of a bfrange array
        value = int(hex_digits or b"0", 16)
        if section == b"begincodespacerange":
            width = max(2, len(hex_digits))
        elif section == b"beginbfchar":
            pending.append(value)
            if len(pending) == 2:
                mapped.append((pending[0], pending[0]))
                pending = []
        elif section == b"beginbfrange":
            pending.append(value)
            if len(pending) == 3:
                mapped.append((pending[0], pending[1]))
                pending = []
    return width, mapped


def _with_replacements(cmap: bytes, codes: list[int], width: int) -> bytes:
    blocks = []
    for start in range(0, len(codes), 100):  # a CMap section holds at most 100 entries
        chunk = codes[start : start + 100]
        body = b"".join(b"<%0*X> <%s>\n" % (width, code, _REPLACEMENT) for code in chunk)
        blocks.append(b"%d beginbfchar\n%sendbfchar\n" % (len(chunk), body))
    at = cmap.rindex(b"endcmap")
    return cmap[:at] + b"".join(blocks) + cmap[at:]
