"""Show core errors in the interface language.

Core code raises errors that carry their message template (marked with
``QT_TRANSLATE_NOOP``, so it is in the catalogue) and the parameters that fill it
(:class:`facilitator.errors.FacilitatorError`). Here the template is translated by
the one catalogue reader (:func:`facilitator.i18n.translate_source`) and then
filled with the same parameters. A message nobody catalogued is shown as the core
wrote it, never hidden.
"""

from __future__ import annotations

import re
from typing import Any

from facilitator.errors import FacilitatorError, Items, ScriptError, Text
from facilitator.i18n import translate_source

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _param(value: Any, lang: str) -> Any:
    """A parameter as the interface shows it: a marked string (``what`` = "The English
    title") translated, a number in the interface's digits; anything else as is."""
    if isinstance(value, Text):
        return message_text(value, lang)
    if isinstance(value, Items):
        sep = "، " if lang == "ar" and value.sep == ", " else value.sep
        return sep.join(str(_param(v, lang)) for v in value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return value
    text = (
        translate_source(value, lang)
        if isinstance(value, str)
        else str(value)
        if isinstance(value, int)
        else f"{value:g}"
    )
    if lang == "ar" and _NUMBER.fullmatch(text):
        text = text.translate({ord("0") + i: chr(0x0660 + i) for i in range(10)})
    return text


def message_text(text: str, lang: str) -> str:
    """A core sentence in ``lang``: a :class:`~facilitator.errors.Text` is translated from
    its template and filled with its parameters (a marked parameter, such as an audit
    problem, is translated too); any other string by exact catalogue lookup."""
    if isinstance(text, Text):
        translated = translate_source(text.template, lang)
        try:
            return translated.format(**{k: _param(v, lang) for k, v in text.params.items()})
        except (KeyError, IndexError, ValueError):
            return str(text)
    return translate_source(text, lang)


def error_text(exc: BaseException, lang: str | None = None) -> str:
    from PySide6.QtCore import QLocale

    if lang is None:
        lang = "ar" if QLocale().language() == QLocale.Language.Arabic else "en"
    if not isinstance(exc, FacilitatorError):
        return str(exc)
    text = translate_source(exc.template, lang)
    if exc.params:
        try:
            text = text.format(**{k: _param(v, lang) for k, v in exc.params.items()})
        except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
            return str(exc)
    if isinstance(exc, ScriptError) and exc.where:
        text = f"{exc.where}: {text}"  # the file and line, in front as in English
    if exc.hint:
        text += " " + translate_source(exc.hint, lang)
    return text
