"""Read a script file safely and report problems as ``file:line: field: message``.

Script files come from the built-in library but also from facilitators and
organisations, so the loader treats every file as untrusted: it refuses files over
1 MB before parsing, undecodable bytes, YAML anchors and aliases (the "billion
laughs" bomb needs them and no script does), deep nesting, duplicate keys and any
tag (safe loading). It composes the YAML into a node tree first so each pydantic
error can be mapped back to the line of the field it is about. Every failure is a
:class:`ScriptValidationError` (a :class:`~facilitator.errors.ScriptError`) that lists
all problems found.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Callable

import yaml
from pydantic import ValidationError

from facilitator.errors import ScriptError, Text
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.scripts.model import STEP_KINDS, Script

MAX_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 40
# The context of every problem template below (and of the practice scenarios' own):
# a problem is a Text (template + parameters) so the app translates it from the
# catalogue and the CLI prints the English; nothing parses the English back.
CTX = "problems"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a script file."""

    path: str
    line: int | None
    field: str | None
    message: str  # a Text (template + params): translate it, never parse it
    # A library's own English words (PyYAML's, pydantic's, the system's) that say more;
    # the CLI and an English screen show them beside the message, other languages not.
    detail: str | None = None

    def __str__(self) -> str:
        loc = self.path if self.line is None else f"{self.path}:{self.line}"
        text = f"{self.message} ({self.detail})" if self.detail else self.message
        return f"{loc}: {self.field}: {text}" if self.field else f"{loc}: {text}"


class ScriptValidationError(ScriptError):
    """A script failed to load; ``problems`` lists every problem, the message the first."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        message = f"{first.field}: {first.message}" if first.field else first.message
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more problem(s))"
        super().__init__(message, path=first.path, line=first.line, field=first.field)
        self.problems = problems
        # the English above for the CLI; the same sentence as a template for the app
        more = len(problems) - 1
        if first.field and more:
            self.template = QT_TRANSLATE_NOOP(
                "errors", "{location}: {field}: {problem} (and {more} more problem(s))"
            )
        elif first.field:
            self.template = QT_TRANSLATE_NOOP("errors", "{location}: {field}: {problem}")
        elif more:
            self.template = QT_TRANSLATE_NOOP(
                "errors", "{location}: {problem} (and {more} more problem(s))"
            )
        else:
            self.template = QT_TRANSLATE_NOOP("errors", "{location}: {problem}")
        self.params = {
            "location": self.location,
            "field": first.field or "",
            "problem": first.message,
            "more": more,
        }


def _fail(
    path: str,
    message: Text,
    line: int | None = None,
    field: str | None = None,
    detail: str | None = None,
) -> None:
    raise ScriptValidationError([Problem(path, line, field, message, detail or None)])


class _GuardedLoader(yaml.SafeLoader):
    """A safe loader that also refuses anchors/aliases and bounds size and depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._nodes = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "YAML anchors and aliases (& and *) are not allowed here"
                    )
                ),
                line,
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(
                Text(
                    QT_TRANSLATE_NOOP("problems", "the file has more than {n} YAML values"),
                    n=MAX_NODES,
                ),
                line,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "problems", "the YAML is nested more than {n} levels deep"
                        ),
                        n=MAX_DEPTH,
                    ),
                    line,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(Exception):
    def __init__(self, message: Text, line: int | None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _compose(text: str, path: str) -> yaml.Node | None:
    loader: _GuardedLoader | None = None
    try:
        loader = _GuardedLoader(text)  # the reader already rejects control characters
        return loader.get_single_node()
    except _Refused as exc:
        _fail(path, exc.message, exc.line)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message, detail = _yaml_problem(exc)
        _fail(path, message, mark.line + 1 if mark else None, detail=detail)
    except yaml.reader.ReaderError as exc:  # control characters and the like
        line = text[: max(0, exc.position)].count("\n") + 1
        _fail(
            path,
            Text(
                QT_TRANSLATE_NOOP("problems", "invalid YAML: the character {char} is not allowed"),
                char=f"#x{exc.character:04x}",
            ),
            line,
        )
    except yaml.YAMLError as exc:
        _fail(
            path,
            Text(QT_TRANSLATE_NOOP("problems", "invalid YAML ({kind})"), kind=type(exc).__name__),
            None,
            detail=str(exc).splitlines()[0] if str(exc) else None,
        )
    except RecursionError:
        _fail(path, Text(QT_TRANSLATE_NOOP("problems", "the YAML is nested too deeply")), None)
    finally:
        if loader is not None:
            loader.dispose()
    return None  # pragma: no cover - _fail always raises


def _construct(node: yaml.Node, path: str) -> Any:
    _check_duplicate_keys(node, path)
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:  # unknown tags, bad timestamps...
        mark = exc.problem_mark or exc.context_mark
        message, detail = _yaml_problem(exc)
        _fail(path, message, mark.line + 1 if mark else None, detail=detail)
    except (ValueError, OverflowError, RecursionError) as exc:
        _fail(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "problems", "a YAML value cannot be read (a date or number out of range?)"
                )
            ),
            node.start_mark.line + 1,
            detail=str(exc),
        )
    finally:
        loader.dispose()


def _check_duplicate_keys(node: yaml.Node, path: str) -> None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        _fail(
                            path,
                            Text(
                                QT_TRANSLATE_NOOP(
                                    "problems", "the key '{key}' appears twice in the same mapping"
                                ),
                                key=key.value,
                            ),
                            key.start_mark.line + 1,
                            key.value,
                        )
                    seen.add(key.value)
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


def _node_for(root: yaml.Node, loc: tuple[Any, ...]) -> yaml.Node:
    """The deepest node along ``loc`` (for a missing field: its parent mapping)."""
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            match = [v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part]
            if not match:
                return node
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                return node
            node = node.value[part]
        else:
            return node
    return node


def node_line(root: yaml.Node, loc: tuple[Any, ...]) -> int:
    """The 1-based line of the field at ``loc`` (or of its nearest existing parent)."""
    return _node_for(root, loc).start_mark.line + 1


def _field_name(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _yaml_problem(exc: yaml.MarkedYAMLError) -> tuple[Text, str]:
    """PyYAML's refusal by its kind (the exception class), and its English words as the
    problem's detail: PyYAML has no codes, and its sentences are not ours to translate."""
    detail = exc.problem or exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    column = mark.column + 1 if mark is not None else 0
    if isinstance(exc, yaml.constructor.ConstructorError):
        return Text(
            QT_TRANSLATE_NOOP("problems", "invalid YAML: tags (!) are not allowed here")
        ), detail
    if isinstance(exc, yaml.scanner.ScannerError):
        return Text(
            QT_TRANSLATE_NOOP(
                "problems",
                "invalid YAML: a character at column {column} cannot be read here "
                "(a ':' or quote out of place?)",
            ),
            column=column,
        ), detail
    return Text(
        QT_TRANSLATE_NOOP(
            "problems",
            "invalid YAML: the structure is broken near column {column} "
            "(check the indentation and the '-' and ':' marks)",
        ),
        column=column,
    ), detail


UNFORESEEN = QT_TRANSLATE_NOOP("problems", "this value is not accepted ({code})")


def _plain(err: Mapping[str, Any], loc: tuple[Any, ...]) -> Text:
    """Pydantic's error, by its type code, in words a facilitator can act on (never
    by pattern on pydantic's English)."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    last = loc[-1] if loc else None
    if kind == "missing":
        if last == "en":
            return Text(QT_TRANSLATE_NOOP("problems", "the English text ('en') is missing"))
        if last == "ar":
            return Text(QT_TRANSLATE_NOOP("problems", "the Arabic text ('ar') is missing"))
        return Text(QT_TRANSLATE_NOOP("problems", "this field is required but missing"))
    if kind == "extra_forbidden":
        return Text(
            QT_TRANSLATE_NOOP("problems", "unknown field (check the spelling or remove it)")
        )
    if kind == "literal_error":
        if last == "kind":
            return Text(
                QT_TRANSLATE_NOOP("problems", "unknown step kind {value}; use one of: {choices}"),
                value=repr(value),
                choices=", ".join(STEP_KINDS),
            )
        return Text(
            QT_TRANSLATE_NOOP("problems", "{value} is not allowed; use one of: {choices}"),
            value=repr(value),
            choices=str(ctx.get("expected", "")),
        )
    if kind == "string_too_short":
        if last == "en":
            return Text(QT_TRANSLATE_NOOP("problems", "the English text is empty"))
        if last == "ar":
            return Text(QT_TRANSLATE_NOOP("problems", "the Arabic text is empty"))
        return Text(QT_TRANSLATE_NOOP("problems", "must not be empty"))
    if kind == "string_too_long":
        return Text(
            QT_TRANSLATE_NOOP("problems", "the text is too long (at most {n} characters)"),
            n=ctx.get("max_length"),
        )
    if kind == "string_pattern_mismatch":
        if last == "id" and len(loc) == 1 or last in ("ground_rules",):
            return Text(
                QT_TRANSLATE_NOOP(
                    "problems",
                    "use only lower-case letters, digits and '-' (for example grief-circle)",
                )
            )
        if last == "id":
            return Text(
                QT_TRANSLATE_NOOP(
                    "problems",
                    "use only lower-case letters, digits, '_' and '-' (for example check_in)",
                )
            )
        return Text(
            QT_TRANSLATE_NOOP("problems", "{value} has characters that are not allowed here"),
            value=repr(value),
        )
    if kind in ("greater_than_equal", "greater_than"):
        if "ge" in ctx:
            return Text(
                QT_TRANSLATE_NOOP("problems", "{value} is too small; it must be at least {bound}"),
                value=repr(value),
                bound=ctx["ge"],
            )
        return Text(
            QT_TRANSLATE_NOOP("problems", "{value} is too small; it must be more than {bound}"),
            value=repr(value),
            bound=ctx.get("gt"),
        )
    if kind in ("less_than_equal", "less_than"):
        return Text(
            QT_TRANSLATE_NOOP("problems", "{value} is too large; it must be at most {bound}"),
            value=repr(value),
            bound=ctx.get("le", ctx.get("lt")),
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Text(
            QT_TRANSLATE_NOOP("problems", "{value} must be a whole number"), value=repr(value)
        )
    if kind == "finite_number":
        return Text(
            QT_TRANSLATE_NOOP("problems", "{value} must be an ordinary number (not .nan or .inf)"),
            value=repr(value),
        )
    if kind in ("float_type", "float_parsing"):
        return Text(QT_TRANSLATE_NOOP("problems", "{value} must be a number"), value=repr(value))
    if kind in ("string_type",):
        return Text(QT_TRANSLATE_NOOP("problems", "must be text"))
    if kind in ("bool_type", "bool_parsing"):
        return Text(QT_TRANSLATE_NOOP("problems", "must be true or false"))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if last in ("title", "say", "notes", "summary", "audience") or (
            len(loc) > 1 and loc[-2] == "prompts"
        ):
            return Text(
                QT_TRANSLATE_NOOP("problems", "must be a mapping with both 'en' and 'ar' texts")
            )
        return Text(QT_TRANSLATE_NOOP("problems", "must be a mapping (key: value lines)"))
    if kind == "list_type":
        return Text(QT_TRANSLATE_NOOP("problems", "must be a list (lines starting with '-')"))
    if kind == "too_short":
        return Text(QT_TRANSLATE_NOOP("problems", "must have at least one entry"))
    if kind == "too_long":
        return Text(
            QT_TRANSLATE_NOOP("problems", "has too many entries (at most {n})"),
            n=ctx.get("max_length"),
        )
    if kind == "typed_text" and isinstance(ctx.get("detail"), Text):
        return ctx["detail"]  # textcheck's own template: the one check every typed text passes
    if kind == "script_rule":
        detail = ctx.get("detail")
        if isinstance(detail, Text):
            return detail
        return Text(UNFORESEEN, code=kind)  # a rule without a template (a bug): its code
    # A type no rule above foresaw: its code (an id) in every language, and pydantic's
    # English sentence where the interface is English.
    return Text(UNFORESEEN, code=kind)


def read_yaml_document(text: str | bytes, path: str) -> tuple[yaml.Node, Any]:
    """Read untrusted YAML text under the script rules (size, bytes, no anchors or tags,
    depth, duplicate keys) into its node tree and plain data.

    Public so other formats built on the script format (practice scenarios) are read
    the same strict way; every failure is a :class:`ScriptValidationError`.
    """
    if isinstance(text, bytes):
        raw = text
        if len(text) > MAX_BYTES:
            _fail(
                path,
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "the file is larger than {n} MB; a script is never that big"
                    ),
                    n=MAX_BYTES // 1_000_000,
                ),
            )
        if b"\x00" in text:
            _fail(
                path,
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "this is not a text file (it contains binary data)"
                    )
                ),
                text.count(b"\n", 0, text.index(b"\x00")) + 1,
            )
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            _fail(
                path,
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "the file is not UTF-8 text (bad byte at position {n})"
                    ),
                    n=exc.start,
                ),
                raw.count(b"\n", 0, exc.start) + 1,
            )
    assert isinstance(text, str)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        _fail(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "problems", "the text is larger than {n} MB; a script is never that big"
                ),
                n=MAX_BYTES // 1_000_000,
            ),
        )
    if "\x00" in text:
        _fail(
            path,
            Text(
                QT_TRANSLATE_NOOP("problems", "this is not a text file (it contains binary data)")
            ),
            text.count("\n", 0, text.index("\x00")) + 1,
        )
    root = _compose(text, path)
    if root is None:
        _fail(path, Text(QT_TRANSLATE_NOOP("problems", "the file is empty")), 1)
    assert root is not None
    if not isinstance(root, yaml.MappingNode):
        _fail(
            path,
            Text(
                QT_TRANSLATE_NOOP(
                    "problems", "the top level must be a mapping (format:, id:, title:, steps: ...)"
                )
            ),
            root.start_mark.line + 1,
        )
    return root, _construct(root, path)


def validation_problems(
    exc: ValidationError,
    root: yaml.Node,
    path: str,
    plain: Callable[[Mapping[str, Any], tuple[Any, ...]], Text] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, at the line of the field it is about."""
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"]) + tuple((err.get("ctx") or {}).get("loc", ()))
        message = (plain or _plain)(err, loc)
        # pydantic's own sentence only where no rule of ours words the error
        detail = str(err["msg"]) if message.template == UNFORESEEN else None
        problems.append(problem_at(root, path, loc, message, detail))
    return problems


def problem_at(
    root: yaml.Node, path: str, loc: tuple[Any, ...], message: Text, detail: str | None = None
) -> Problem:
    """A :class:`Problem` about the field at ``loc``, at that field's line."""
    return Problem(path, node_line(root, loc), _field_name(loc), message, detail)


def plain_message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> Text:
    """Pydantic's message for ``err`` at ``loc`` in words an author can act on."""
    return _plain(err, loc)


def parse_script_text(text: str | bytes, path: str = "<script>") -> Script:
    """Validate script text (from a file or the database) into a :class:`Script`."""
    root, data = read_yaml_document(text, path)
    try:
        return Script.model_validate(data)
    except ValidationError as exc:
        raise ScriptValidationError(validation_problems(exc, root, path)) from None


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a script-like file; refuses anything over 1 MB before reading it."""
    p = Path(path)
    name = str(path)
    try:
        size = p.stat().st_size
        if not p.is_file():
            _fail(name, Text(QT_TRANSLATE_NOOP("problems", "not a file")))
        if size > MAX_BYTES:
            _fail(
                name,
                Text(
                    QT_TRANSLATE_NOOP(
                        "problems", "the file is larger than {n} MB; a script is never that big"
                    ),
                    n=MAX_BYTES // 1_000_000,
                ),
            )
        with open(p, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        _fail(name, Text(QT_TRANSLATE_NOOP("problems", "no such file")))
    except OSError as exc:
        _fail(
            name,
            Text(
                QT_TRANSLATE_NOOP("problems", "cannot read the file ({code})"),
                code=errno.errorcode.get(exc.errno or 0, "OSError"),
            ),
            detail=exc.strerror or str(exc),
        )
    raise AssertionError("unreachable")  # pragma: no cover - _fail always raises


def load_script_file(path: str | Path) -> Script:
    """Read and validate one script file; refuses anything over 1 MB before reading it."""
    return parse_script_text(read_file_bytes(path), str(path))
