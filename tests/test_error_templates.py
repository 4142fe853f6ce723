"""Every error (and ``errors.Text``) the Qt-free code builds carries a marked template.

The app translates an error from its *template* (``QT_TRANSLATE_NOOP``, so it is in the
catalogue) and fills in its ``params``; the CLI prints ``str(err)``. A message built
with an f-string, ``.format``, ``%`` or ``+`` is a sentence no catalogue holds, so the
Arabic app would show it in English. This scan fails on every such construction
outside ``facilitator/cli`` and ``facilitator/ui`` (which translate with ``tr()``).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "facilitator"
FRONT_ENDS = {"cli", "ui"}

# Errors whose constructor takes something other than a message: a script's list of
# validation problems (file, line, field and the pydantic finding).
NOT_A_MESSAGE = {"ScriptValidationError", "ScenarioValidationError"}


def core_files() -> list[Path]:
    return [
        p
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.relative_to(PACKAGE).parts[0] not in FRONT_ENDS and "__pycache__" not in p.parts
    ]


def _base_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """``FacilitatorError`` and every class of the package derived from it."""
    names = {"FacilitatorError"}
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    if any(_base_name(b) in names for b in node.bases):
                        names.add(node.name)
                        grew = True
    return names


def is_mark(node: ast.expr | None) -> bool:
    """``QT_TRANSLATE_NOOP("context", "literal")``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
    )


def _scopes(tree: ast.Module):
    """The module and each function, with the names assigned in each."""
    yield tree
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield node


def _assignments(scope: ast.AST) -> dict[str, list[ast.expr | None]]:
    """Every value bound to a plain name directly in ``scope`` (None: bound some other way,
    a parameter, a loop variable, ...)."""
    out: dict[str, list[ast.expr | None]] = {}
    if isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        a = scope.args
        for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
            if arg is not None:
                out.setdefault(arg.arg, []).append(None)
    body = scope.body if isinstance(scope.body, list) else [scope.body]
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue  # its own scope
        if isinstance(node, ast.Assign):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    out.setdefault(t.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, (ast.AugAssign, ast.For, ast.With, ast.NamedExpr)):
            targets = (
                [node.target]
                if isinstance(node, (ast.AugAssign, ast.For, ast.NamedExpr))
                else [i.optional_vars for i in node.items if i.optional_vars is not None]
            )
            for t in targets:
                for n in ast.walk(t):
                    if isinstance(n, ast.Name):
                        out.setdefault(n.id, []).append(None)
        stack.extend(ast.iter_child_nodes(node))
    return out


def unmarked_messages(path: Path, tree: ast.Module, classes: set[str]) -> list[str]:
    """``path:line: Class(first argument)`` for each construction whose message is not a
    marked literal (a QT_TRANSLATE_NOOP call, a name bound only to marked literals, or a
    conditional choosing between them)."""
    text_imported = any(
        isinstance(n, ast.ImportFrom)
        and n.module == "facilitator.errors"
        and any(a.name == "Text" for a in n.names)
        for n in ast.walk(tree)
    )
    bound = [(scope, _assignments(scope)) for scope in _scopes(tree)]

    def lookup(name: str, at: ast.AST) -> tuple[ast.AST, list[ast.expr | None]] | None:
        # the innermost function holding ``at`` that binds ``name``, else the module
        best = None
        for scope, names in bound:
            if name not in names:
                continue
            if scope is tree:
                best = best or (scope, names[name])
            elif scope.lineno <= at.lineno <= (scope.end_lineno or 0):
                best = (scope, names[name])
        return best

    def calls_of(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.Call]:
        return [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call) and _base_name(n.func) == func.name and n is not func
        ]

    def passed_marked(func: ast.AST, param: str, depth: int) -> bool:
        """A helper that forwards its ``param`` as the template (``_refuse(template,
        **values)``): every call of it in this module passes a marked literal there."""
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return False
        positional = [a.arg for a in (*func.args.posonlyargs, *func.args.args)]
        if positional[:1] in (["self"], ["cls"]):
            positional = positional[1:]
        calls = calls_of(func)
        if not calls:
            return False
        for call in calls:
            given = {k.arg: k.value for k in call.keywords}.get(param)
            if given is None and param in positional and positional.index(param) < len(call.args):
                given = call.args[positional.index(param)]
            if not marked(given, call, depth + 1):
                return False
        return True

    def marked(node: ast.expr | None, at: ast.AST, depth: int = 0) -> bool:
        if node is None or depth > 5:
            return False
        if is_mark(node):
            return True
        if isinstance(node, ast.IfExp):
            return marked(node.body, at, depth + 1) and marked(node.orelse, at, depth + 1)
        if isinstance(node, ast.Attribute) and node.attr == "template":
            return True  # another error's or Text's template, checked where it was made
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            found = lookup(node.value.id, at)  # a table of marked messages
            return bool(found) and all(
                isinstance(v, ast.Dict) and all(marked(x, at, depth + 1) for x in v.values)
                for v in found[1]
            )
        if isinstance(node, ast.Name):
            found = lookup(node.id, at)
            if not found:
                return False
            scope, values = found
            if None in values and values == [None] and scope is not tree:
                return passed_marked(scope, node.id, depth)
            return all(marked(v, at, depth + 1) for v in values)
        return False

    problems = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = _base_name(node.func)
        is_text = called == "Text" and (
            text_imported
            or (isinstance(node.func, ast.Attribute) and _base_name(node.func.value) == "errors")
        )
        if not (is_text or (called in classes and called not in NOT_A_MESSAGE)):
            continue
        first = node.args[0] if node.args else None
        keywords = {k.arg: k.value for k in node.keywords}
        first = first if first is not None else keywords.get("message")
        shown_path = path.relative_to(PACKAGE.parent) if path.is_relative_to(PACKAGE) else path.name
        where = f"{shown_path}:{node.lineno}"
        if not marked(first, node):
            shown = ast.unparse(first)[:80] if first is not None else "(no message)"
            problems.append(f"{where}: {called}({shown})")
        hint = keywords.get("hint")
        if hint is not None and not (isinstance(hint, ast.Constant) and hint.value is None):
            if not marked(hint, node):
                problems.append(f"{where}: {called}(hint={ast.unparse(hint)[:80]})")
    return problems


def scan(files: list[Path]) -> list[str]:
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in files}
    classes = error_classes({p: ast.parse(p.read_text(encoding="utf-8")) for p in core_files()})
    return [line for p, t in trees.items() for line in unmarked_messages(p, t, classes)]


def test_every_core_error_message_is_a_marked_template():
    problems = scan(core_files())
    assert not problems, (
        "Raise errors with a QT_TRANSLATE_NOOP template and params=, never a built "
        "sentence:\n" + "\n".join(problems)
    )


def test_the_scan_knows_the_error_classes():
    trees = {p: ast.parse(p.read_text(encoding="utf-8")) for p in core_files()}
    classes = error_classes(trees)
    assert {"InputError", "ScriptError", "AccessDenied", "BundleRefused", "WrongKeyError"} <= (
        classes
    )


BROKEN = """
from facilitator.errors import InputError, Text
from facilitator.i18n import QT_TRANSLATE_NOOP

GOOD = QT_TRANSLATE_NOOP("x", "Fine {n}.")
LATER = QT_TRANSLATE_NOOP("x", "Fine.")
LATER = "Not fine."


def ok(n, flag):
    chosen = QT_TRANSLATE_NOOP("x", "A.") if flag else QT_TRANSLATE_NOOP("x", "B.")
    raise InputError(GOOD, params={"n": n}) if flag else InputError(chosen)


def bad(n, word, template):
    InputError(f"Keep it under {n} characters.")
    InputError("Keep it under {} characters.".format(n))
    InputError("Keep it under %d characters." % n)
    InputError("Keep it under " + str(n))
    InputError(QT_TRANSLATE_NOOP("x", "Keep {n}.").format(n=n))
    InputError("A plain sentence nobody marked.")
    InputError(template)
    InputError(LATER)
    InputError(GOOD, hint="An unmarked hint.")
    Text(f"{word} was saved.")
    msg = QT_TRANSLATE_NOOP("x", "Marked.")
    msg = msg + " and more"
    raise InputError(msg)


TABLE = {"a": QT_TRANSLATE_NOOP("x", "A."), "b": QT_TRANSLATE_NOOP("x", "B.")}


def _fine(template, **values):
    return InputError(template, params=values)


def _unfair(template):
    return InputError(template)


def table(key, exc):
    _fine(QT_TRANSLATE_NOOP("x", "Fine {n}."), n=1)
    _fine(template=GOOD, n=2)
    _unfair(QT_TRANSLATE_NOOP("x", "Fine."))
    _unfair("Not marked.")
    InputError(exc.template, params=exc.params)
    return InputError(TABLE[key])
"""


def test_the_scan_catches_built_messages(tmp_path):
    bad = tmp_path / "probe.py"
    bad.write_text(BROKEN, encoding="utf-8")
    found = scan([bad])
    lines = [int(f.split(":")[1]) for f in found]
    source = BROKEN.splitlines()
    flagged = {source[n - 1].strip() for n in lines}
    assert len(found) == 12, found
    assert not any(
        s.startswith(("raise InputError(GOOD", "chosen", "return InputError(TABLE"))
        for s in flagged
    )
    assert 'Text(f"{word} was saved.")' in flagged
    assert "return InputError(template)" in flagged  # _unfair("Not marked.")
    assert "return InputError(template, params=values)" not in flagged
