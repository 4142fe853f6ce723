"""Show core errors in the interface language.

Core code raises errors whose message was marked ``QT_TRANSLATE_NOOP(ctx, text)`` and
often then filled with ``.format(...)``. The filled message no longer matches the
catalogue key, so :func:`error_text` also matches it against every catalogued source
that has ``{name}`` placeholders, and fills the translation with the same values.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication

from facilitator.errors import FacilitatorError
from facilitator.resources import resource_path

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@functools.lru_cache(maxsize=4)
def _sources(lang: str) -> tuple[tuple[str, str], ...]:
    """(context, source) pairs of the catalogue, for reverse lookup."""
    path = resource_path("translations", f"facilitator_{lang}.ts")
    if not path.is_file():
        return ()
    root = ET.parse(path).getroot()
    out = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or ""))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _patterns(lang: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    pats = []
    for ctx, source in _sources(lang):
        if not _PLACEHOLDER.search(source):
            continue
        parts = _PLACEHOLDER.split(source)
        regex = ""
        for i, part in enumerate(parts):
            regex += re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
        try:
            pats.append((re.compile("^" + regex + "$", re.S), ctx, source))
        except re.error:  # the same name twice: leave this one in English
            continue
    return tuple(pats)


def translate_message(message: str, lang: str, contexts: tuple[str, ...] = ()) -> str:
    """The message in the interface language, or unchanged when it is not catalogued."""
    if lang == "en":
        return message
    for ctx, source in _sources(lang):
        if source == message and (not contexts or ctx in contexts):
            translated = QCoreApplication.translate(ctx, source)
            if translated != source:
                return translated
    for regex, ctx, source in _patterns(lang):
        m = regex.match(message)
        if m:
            translated = QCoreApplication.translate(ctx, source)
            if translated == source:
                continue
            try:
                return translated.format(**m.groupdict())
            except (KeyError, IndexError, ValueError):
                continue
    return message


def error_text(exc: BaseException, lang: str | None = None) -> str:
    from PySide6.QtCore import QLocale

    if lang is None:
        lang = "ar" if QLocale().language() == QLocale.Language.Arabic else "en"
    if isinstance(exc, FacilitatorError):
        text = translate_message(exc.message, lang)
        if exc.hint:
            text += " " + translate_message(exc.hint, lang)
        return text
    return str(exc)
