"""Translation helpers that need no Qt.

Strings in core code that a user sees are wrapped in ``QT_TRANSLATE_NOOP(context,
text)`` so ``pyside6-lupdate`` collects them into ``resources/translations/*.ts``.
The UI translates them with ``QCoreApplication.translate``; the PDF exporter, which
runs without Qt, reads the same ``.ts`` source through :func:`translate`. One
catalogue serves both.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from typing import Literal, Mapping

from facilitator.resources import resource_path

Lang = Literal["en", "ar"]
LANGS: tuple[Lang, ...] = ("en", "ar")
RTL_LANGS = frozenset({"ar"})


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name
    """Mark ``text`` for translation; returns it unchanged."""
    return text


def is_rtl(lang: str) -> bool:
    return lang in RTL_LANGS


@functools.lru_cache(maxsize=8)
def catalogue_forms(lang: str) -> dict[tuple[str, str], list[str]]:
    """The one reader of ``facilitator_<lang>.ts``: finished translations by (context,
    source), each as its list of forms (one, or the plural forms of a ``%n`` string).
    The Qt-free code and the UI's fallback translator both read it from here."""
    path = resource_path("translations", f"facilitator_{lang}.ts")
    table: dict[tuple[str, str], list[str]] = {}
    if not path.is_file():
        return table
    root = ET.parse(path).getroot()  # our own file, shipped with the app
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") in {"unfinished", "obsolete", "vanished"}:
                continue
            forms = [f.text or "" for f in tr.findall("numerusform")] or [tr.text or ""]
            if forms[0]:
                table[(name, msg.findtext("source") or "")] = forms
    return table


def numerus_index(lang: str, n: int) -> int:
    """Which plural form Qt uses for ``n`` (the same rules lrelease compiles)."""
    if lang == "ar":
        if n == 0:
            return 0
        if n == 1:
            return 1
        if n == 2:
            return 2
        if 3 <= n % 100 <= 10:
            return 3
        if n % 100 >= 11:
            return 4
        return 5
    return 0 if n == 1 else 1


def translate_n(context: str, text: str, n: float, lang: str) -> str:
    """A ``%n`` string (marked with ``QT_TRANSLATE_NOOP``) in ``lang`` with the plural
    form the catalogue gives for ``n``; a fraction takes the form of a count of many."""
    whole = float(n).is_integer()
    shown = f"{int(n)}" if whole else f"{n:g}"
    # ``%Ln`` is the number in the language's own digits, as Qt fills it in the UI
    local = shown.translate(_ARABIC_DIGITS) if lang == "ar" else shown
    forms = catalogue_forms(lang).get((context, text)) if lang != "en" else None
    form = (
        forms[min(numerus_index(lang, int(n) if whole else 11), len(forms) - 1)] if forms else text
    )
    return form.replace("%Ln", local).replace("%n", shown)


_ARABIC_DIGITS = {ord("0") + i: chr(0x0660 + i) for i in range(10)} | {ord("."): "٫"}


@functools.lru_cache(maxsize=8)
def _catalogue(lang: str) -> dict[tuple[str, str], str]:
    return {key: forms[0] for key, forms in catalogue_forms(lang).items()}


def translate(context: str, text: str, lang: str) -> str:
    """Translate a marked string for ``lang``; English (the source) passes through."""
    if lang == "en":
        return text
    return _catalogue(lang).get((context, text), text)


@functools.lru_cache(maxsize=8)
def _by_source(lang: str) -> dict[str, str]:
    return {source: text for (_ctx, source), text in _catalogue(lang).items()}


def translate_source(text: str, lang: str) -> str:
    """Translate a marked string whose context is not known (an error's template):
    an exact lookup of the source text; uncatalogued text passes through."""
    if lang == "en":
        return text
    return _by_source(lang).get(text, text)


def pick(texts: Mapping[str, str] | str | None, lang: str) -> str:
    """Choose the ``lang`` text of a bilingual mapping, falling back to English."""
    if texts is None:
        return ""
    if isinstance(texts, str):
        return texts
    return texts.get(lang) or texts.get("en") or ""
