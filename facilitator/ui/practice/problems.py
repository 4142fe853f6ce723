"""A scenario problem (validation or checker) in the interface language.

The loader and the checker give each problem as a template with its parameters
(:class:`facilitator.errors.Text`) plus its line and field; this module words it from
the one catalogue (:func:`facilitator.ui.errors_ui.message_text`) and says where it is.
Field paths and ids stay as written in the file: they are what the author types.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from facilitator.app.practice_review import ImportProblem
from facilitator.ui.errors_ui import message_text


def level_text(level: str) -> str:
    return {
        "error": QCoreApplication.translate("ScenarioProblems", "problem"),
        "warning": QCoreApplication.translate("ScenarioProblems", "warning"),
        "info": QCoreApplication.translate("ScenarioProblems", "note"),
    }.get(level, level)


def where_text(problem: ImportProblem) -> str:
    """ "line 12 · events[2].step", or "the file" when the problem has no place."""
    parts = []
    if problem.line:
        parts.append(
            QCoreApplication.translate("ScenarioProblems", "line %1").replace(
                "%1", str(problem.line)
            )
        )
    if problem.field:
        parts.append("\u2068" + problem.field + "\u2069")  # an isolate: ids read left to right
    return " · ".join(parts) or QCoreApplication.translate("ScenarioProblems", "the file")


def problem_text(problem: ImportProblem, lang: str) -> str:
    """The problem in ``lang``; an English screen also shows a library's own words
    (PyYAML's), which have no translation."""
    text = message_text(problem.message, lang)
    if problem.detail and lang == "en":
        text += f" ({problem.detail})"
    return text


def core_plural_marks() -> list[str]:
    """The practice core's plural strings, marked where lupdate can see their plural
    forms (it collects numerus messages only from ``translate(..., n)`` calls, and the
    core has no Qt). :func:`facilitator.i18n.translate_n` reads their forms from the
    catalogue; ``tests/practice/test_problem_texts.py`` checks they are there."""
    return [QCoreApplication.translate("Practice", "%n min", None, 2)]
