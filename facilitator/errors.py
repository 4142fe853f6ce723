"""Errors the user can act on.

Every failure a user can cause or meet (a wrong passphrase, a corrupt file, a full
disk, an invalid script) is raised as a :class:`FacilitatorError` subclass whose
message is a plain sentence. The CLI prints the message and exits with
``exit_code``; the UI shows it in a dialog. Nothing else should reach the user as a
traceback.

One translation path: an error carries its message *template* (marked with
``QT_TRANSLATE_NOOP`` so it is in the catalogue) and the *parameters* that fill it.
``str(err)`` is the English sentence the CLI prints; the UI translates the template
and fills in the same parameters (``facilitator.ui.errors_ui.error_text``). Nothing
ever parses an English sentence back into a template.
"""

from __future__ import annotations

from typing import Any, Mapping


class Text(str):
    """A sentence for the user that remembers its template and parameters.

    It is the English sentence (a plain ``str``: the CLI prints it, tests compare it),
    and the UI translates ``template`` and fills in ``params``, as for an error. For
    messages that are not errors: notices after opening a store, an audit verdict.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> "Text":
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template, obj.params = template, params
        return obj


class Items(tuple):
    """A parameter that is a list (the incident types one may use, what a note was
    flagged for): ``str()`` joins the items with ``sep`` for the English sentence; the
    UI translates each marked item and joins them in the interface language."""

    sep: str = ", "

    def __new__(cls, items: Any = (), sep: str = ", ") -> "Items":
        obj = super().__new__(cls, items)
        obj.sep = sep
        return obj

    def __str__(self) -> str:
        return self.sep.join(str(i) for i in self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


class FacilitatorWarning(UserWarning):
    """Warnings raised by our own code; tests turn them into errors."""


class FacilitatorError(Exception):
    """Base class: ``str(err)`` is a message fit to show a user."""

    exit_code = 1

    def __init__(
        self, message: str, *, hint: str | None = None, params: Mapping[str, Any] | None = None
    ) -> None:
        self.template = message
        self.params: dict[str, Any] = dict(params or {})
        if self.params:
            message = message.format(**self.params)
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message if not self.hint else f"{self.message} {self.hint}"


class StoreError(FacilitatorError):
    """The encrypted store could not be opened, read or written."""


class WrongKeyError(StoreError):
    """The key, passphrase or recovery code does not open this store."""


class RecoveryCodeTypo(WrongKeyError):
    """A recovery code failed its checksum: a character was mistyped."""


class CorruptStoreError(StoreError):
    """The database or key file is damaged or not ours."""


class StoreLockedError(StoreError):
    """Another instance has this store open."""


class KeyUnavailableError(StoreError):
    """No unlock method could be used (no keyring entry, no passphrase given)."""


class DiskFullError(StoreError):
    """A write failed because the disk (or the database's size limit) is full."""


class ReadOnlyError(StoreError):
    """A write failed because the folder or file cannot be written to."""


class ScriptError(FacilitatorError):
    """A session script is invalid. ``location`` is ``file:line`` where known; the
    message is ``location: sentence`` and the sentence keeps its template and params
    (the UI translates it and puts the same location in front)."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        loc = path or "<script>"
        if line is not None:
            loc = f"{loc}:{line}"
        self.location = loc
        super().__init__(message, params=params)
        # the file and line the message starts with; a lookup by id has no file to name
        self.where = loc if path is not None or line is not None else None
        if self.where:
            self.message = f"{loc}: {self.message}"
            self.args = (self.message,)


class EngineError(FacilitatorError):
    """An action the run engine cannot take in its current state."""


class ReportError(FacilitatorError):
    """A report could not be built or written."""


class InputError(FacilitatorError):
    """Bad input on the command line or in a form. ``field`` names the input it is
    about (a form puts the focus there); the CLI ignores it."""

    def __init__(
        self,
        message: str,
        *,
        hint: str | None = None,
        params: Mapping[str, Any] | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint, params=params)
        self.field = field
