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

from dataclasses import dataclass
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Callable

import yaml
from pydantic import ValidationError

from facilitator.errors import ScriptError
from facilitator.scripts.model import STEP_KINDS, Script

MAX_BYTES = 1_000_000
MAX_NODES = 50_000
MAX_DEPTH = 40


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a script file."""

    path: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        loc = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{loc}: {self.field}: {self.message}" if self.field else f"{loc}: {self.message}"


class ScriptValidationError(ScriptError):
    """A script failed to load; ``problems`` lists every problem, the message the first."""

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        message = f"{first.field}: {first.message}" if first.field else first.message
        if len(problems) > 1:
            message += f" (and {len(problems) - 1} more problem(s))"
        super().__init__(message, path=first.path, line=first.line, field=first.field)
        self.problems = problems


def _fail(path: str, message: str, line: int | None = None, field: str | None = None) -> None:
    raise ScriptValidationError([Problem(path, line, field, message)])


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
            raise _Refused("YAML anchors and aliases (& and *) are not allowed in scripts", line)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _Refused(f"the file has more than {MAX_NODES} YAML values", line)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(f"the YAML is nested more than {MAX_DEPTH} levels deep", line)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _Refused(Exception):
    def __init__(self, message: str, line: int | None) -> None:
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
        what = exc.problem or exc.context or "unreadable YAML"
        _fail(path, f"invalid YAML: {what}", mark.line + 1 if mark else None)
    except yaml.reader.ReaderError as exc:  # control characters and the like
        line = text[: max(0, exc.position)].count("\n") + 1
        _fail(path, f"invalid YAML: the character #x{exc.character:04x} is not allowed", line)
    except yaml.YAMLError as exc:
        _fail(path, f"invalid YAML: {exc}".splitlines()[0], None)
    except RecursionError:
        _fail(path, "the YAML is nested too deeply", None)
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
        _fail(path, f"invalid YAML: {exc.problem or exc.context}", mark.line + 1 if mark else None)
    except (ValueError, OverflowError, RecursionError) as exc:
        _fail(path, f"invalid YAML value: {exc}", node.start_mark.line + 1)
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
                            f"the key '{key.value}' appears twice in the same mapping",
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


def _plain(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
    """Pydantic's message in words a facilitator can act on."""
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    last = loc[-1] if loc else None
    if kind == "missing":
        if last in ("en", "ar"):
            lang = "English" if last == "en" else "Arabic"
            return f"the {lang} text ('{last}') is missing"
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return "unknown field (check the spelling or remove it)"
    if kind == "literal_error":
        if last == "kind":
            return f"unknown step kind {value!r}; use one of: {', '.join(STEP_KINDS)}"
        return f"{value!r} is not allowed; use one of: {ctx.get('expected', '')}"
    if kind == "string_too_short":
        return (
            "must not be empty"
            if last not in ("en", "ar")
            else f"the {'English' if last == 'en' else 'Arabic'} text is empty"
        )
    if kind == "string_too_long":
        return f"the text is too long (at most {ctx.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        if last == "id" and len(loc) == 1 or last in ("ground_rules",):
            return "use only lower-case letters, digits and '-' (for example grief-circle)"
        if last == "id":
            return "use only lower-case letters, digits, '_' and '-' (for example check_in)"
        return f"{value!r} has characters that are not allowed here"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"{value!r} is too small; it must be {'at least' if 'ge' in ctx else 'more than'} {bound}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"{value!r} is too large; it must be at most {bound}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{value!r} must be a whole number"
    if kind == "finite_number":
        return f"{value!r} must be an ordinary number (not .nan or .inf)"
    if kind in ("float_type", "float_parsing"):
        return f"{value!r} must be a number"
    if kind in ("string_type",):
        return "must be text"
    if kind in ("bool_type", "bool_parsing"):
        return "must be true or false"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if last in ("title", "say", "notes", "summary", "audience") or (
            len(loc) > 1 and loc[-2] == "prompts"
        ):
            return "must be a mapping with both 'en' and 'ar' texts"
        return "must be a mapping (key: value lines)"
    if kind == "list_type":
        return "must be a list (lines starting with '-')"
    if kind == "too_short":
        return "must have at least one entry"
    if kind == "too_long":
        return f"has too many entries (at most {ctx.get('max_length')})"
    if kind == "script_rule":
        return str(ctx.get("detail", err["msg"]))
    return str(err["msg"])


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
                f"the file is larger than {MAX_BYTES // 1_000_000} MB; a script is never that big",
            )
        if b"\x00" in text:
            _fail(
                path,
                "this is not a text file (it contains binary data)",
                text.count(b"\n", 0, text.index(b"\x00")) + 1,
            )
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            _fail(
                path,
                f"the file is not UTF-8 text (bad byte at position {exc.start})",
                raw.count(b"\n", 0, exc.start) + 1,
            )
    assert isinstance(text, str)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        _fail(
            path, f"the text is larger than {MAX_BYTES // 1_000_000} MB; a script is never that big"
        )
    if "\x00" in text:
        _fail(
            path,
            "this is not a text file (it contains binary data)",
            text.count("\n", 0, text.index("\x00")) + 1,
        )
    root = _compose(text, path)
    if root is None:
        _fail(path, "the file is empty", 1)
    assert root is not None
    if not isinstance(root, yaml.MappingNode):
        _fail(
            path,
            "the top level must be a mapping (format:, id:, title:, steps: ...)",
            root.start_mark.line + 1,
        )
    return root, _construct(root, path)


def validation_problems(
    exc: ValidationError,
    root: yaml.Node,
    path: str,
    plain: Callable[[Mapping[str, Any], tuple[Any, ...]], str] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, at the line of the field it is about."""
    problems = []
    for err in exc.errors():
        loc = tuple(err["loc"]) + tuple((err.get("ctx") or {}).get("loc", ()))
        node = _node_for(root, loc)
        problems.append(
            Problem(path, node.start_mark.line + 1, _field_name(loc), (plain or _plain)(err, loc))
        )
    return problems


def plain_message(err: Mapping[str, Any], loc: tuple[Any, ...]) -> str:
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
            _fail(name, "not a file")
        if size > MAX_BYTES:
            _fail(
                name,
                f"the file is larger than {MAX_BYTES // 1_000_000} MB; a script is never that big",
            )
        with open(p, "rb") as f:
            return f.read(MAX_BYTES + 1)
    except FileNotFoundError:
        _fail(name, "no such file")
    except OSError as exc:
        _fail(name, f"cannot read the file ({exc.strerror or exc})")
    raise AssertionError("unreachable")  # pragma: no cover - _fail always raises


def load_script_file(path: str | Path) -> Script:
    """Read and validate one script file; refuses anything over 1 MB before reading it."""
    return parse_script_text(read_file_bytes(path), str(path))
