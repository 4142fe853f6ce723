"""Every string the core or the PDFs show has Arabic in the catalogue (no Qt here).

Core code marks what a user sees with ``QT_TRANSLATE_NOOP(context, text)``; the CLI
prints the English and the app and the PDFs translate it from
``resources/translations/facilitator_ar.ts``. A marked string with no Arabic there
would show English in an Arabic screen or report, so this fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from facilitator.i18n import translate

PACKAGE = Path(__file__).resolve().parents[1] / "facilitator"
CORE = [
    p
    for p in sorted(PACKAGE.rglob("*.py"))
    if "ui" not in p.relative_to(PACKAGE).parts[:1] and "__pycache__" not in p.parts
]


def _marked(path: Path) -> list[tuple[str, str, int, str | None]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {
        t.id: n.value.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        and isinstance(n.value, ast.Constant)
        and isinstance(n.value.value, str)
        for t in n.targets
        if isinstance(t, ast.Name)
    }  # CTX = "report"

    def text(arg: ast.expr) -> str | None:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return arg.value
        return names.get(arg.id) if isinstance(arg, ast.Name) else None

    def is_mark(node: ast.expr) -> bool:
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP"
            and len(node.args) == 2
        )

    # Arabic written beside the English: {"en": QT_TRANSLATE_NOOP(...), "ar": "..."} and
    # report_text's _l(QT_TRANSLATE_NOOP(...), "...").
    beside: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            pairs = {text(k): v for k, v in zip(node.keys, node.values) if k is not None}
            if is_mark(pairs.get("en")) and text(pairs.get("ar")):
                beside[id(pairs["en"])] = text(pairs["ar"])
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_l"
            and len(node.args) == 2
            and is_mark(node.args[0])
            and text(node.args[1])
        ):
            beside[id(node.args[0])] = text(node.args[1])

    out = []
    for node in ast.walk(tree):
        if is_mark(node):
            context, source = text(node.args[0]), text(node.args[1])
            assert context is not None and source is not None, f"{path}:{node.lineno}"
            out.append((context, source, node.lineno, beside.get(id(node))))
    return out


MARKED = [(p.relative_to(PACKAGE.parent).as_posix(), *m) for p in CORE for m in _marked(p)]


def test_the_core_marks_its_strings():
    assert len(MARKED) > 150
    assert {"store", "export", "measures", "GroupDialog"} <= {m[1] for m in MARKED}


@pytest.mark.parametrize(
    "where, context, text, line, inline", MARKED, ids=[f"{m[0]}:{m[3]}" for m in MARKED]
)
def test_every_core_string_has_arabic(where, context, text, line, inline):
    arabic = inline or translate(context, text, "ar")
    assert arabic != text or not any(c.isalpha() for c in text), (
        f"{where}:{line}: [{context}] {text!r} has no Arabic in facilitator_ar.ts"
    )
    assert any("\u0600" <= c <= "\u06ff" for c in arabic) or not any(
        c.isalpha() and c.isascii() for c in text.replace("{", "").replace("}", "")
    ), f"{where}:{line}: [{context}] {text!r} -> {arabic!r} is not Arabic"
