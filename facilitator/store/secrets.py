"""The OS keyring, used only when it is a real, recommended system store.

Why so careful: ``keyring`` silently picks whatever backend is installed. With
``keyrings.alt`` present the default becomes a plaintext file, and on headless Linux it
is ``fail.Keyring``. We only count a backend as real when its priority is >= 1 and it
is not a fail/null/plaintext/``keyrings.alt`` backend (a chainer counts only when all of
its members are). A locked Secret Service can block for minutes, so every call runs
in a daemon worker thread with a timeout; a timeout or any ``KeyringError`` is treated
as "keyring unavailable" and the caller falls back to the key file.

The key is stored base64-encoded under service ``facilitator`` and a user name made
from the store's random id (``store-<id>``), never from a path or a person.
"""

from __future__ import annotations

import base64
import binascii
import logging
import queue
import threading
from typing import Any, Callable

import keyring
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError, PasswordDeleteError

SERVICE = "facilitator"
TIMEOUT_S = 5.0
log = logging.getLogger(__name__)

_NOT_REAL_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_NOT_REAL_NAME_PARTS = ("plaintext", "encryptedfile", "encryptedkeyring", "uncrypted")


# Once a keyring call has timed out, every later call in this process is skipped at
# once: a locked or hanging Secret Service would otherwise cost TIMEOUT_S per call
# (an open tries get, a rekey set and get...). ``reset_unresponsive`` is for tests and
# for an explicit "try the keyring again" in the app.
# (Remembered per backend object, so switching the backend starts afresh.)
_unresponsive: list[Any] = []


def _current_backend() -> Any:
    try:
        return keyring.get_keyring()
    except Exception:  # discovery failed: nothing to remember it by
        return None


def keyring_unresponsive() -> bool:
    """True when the keyring timed out earlier in this process (and is skipped now)."""
    backend = _current_backend()
    return backend is not None and any(b is backend for b in _unresponsive)


def reset_unresponsive() -> None:
    _unresponsive.clear()


class KeyringUnavailable(Exception):
    """Internal: the keyring could not be used (no backend, locked, timed out)."""


def _is_real(backend: Any) -> bool:
    module = type(backend).__module__ or ""
    if any(module == m or module.startswith(m + ".") for m in _NOT_REAL_MODULES):
        return False
    name = type(backend).__name__.lower()
    if any(part in name for part in _NOT_REAL_NAME_PARTS):
        return False
    if isinstance(backend, ChainerBackend):
        # set_password goes to the first member and reads may come from any, so every
        # member must be real (a chained plaintext file would leak the key).
        members = list(backend.backends)
        return bool(members) and all(_is_real(b) for b in members)
    try:
        return float(backend.priority) >= 1
    except Exception:  # a backend whose priority raises is not usable here
        return False


def is_real_backend(backend: Any | None = None) -> bool:
    """True when the active (or given) keyring backend is a real system store."""
    try:
        return _is_real(backend if backend is not None else keyring.get_keyring())
    except Exception as exc:  # keyring's backend discovery can fail in odd setups
        log.debug("keyring backend discovery failed: %s", type(exc).__name__)
        return False


def backend_name() -> str:
    try:
        b = keyring.get_keyring()
        return f"{type(b).__module__}.{type(b).__name__}"
    except Exception:
        return "unknown"


def _call(fn: Callable[[], Any], timeout: float = TIMEOUT_S) -> Any:
    """Run one keyring call in a daemon thread; raise KeyringUnavailable on trouble."""
    if keyring_unresponsive():
        raise KeyringUnavailable("the keyring did not answer earlier; skipped")
    box: queue.Queue = queue.Queue(maxsize=1)

    def worker() -> None:
        try:
            box.put(("ok", fn()))
        except BaseException as exc:  # handed back to the caller's thread
            box.put(("err", exc))

    threading.Thread(target=worker, name="facilitator-keyring", daemon=True).start()
    try:
        kind, value = box.get(timeout=timeout)
    except queue.Empty as exc:
        _unresponsive.append(_current_backend())
        raise KeyringUnavailable("the keyring did not answer in time") from exc
    if kind == "err":
        if isinstance(value, PasswordDeleteError):
            return None
        if isinstance(value, KeyringError):
            raise KeyringUnavailable(type(value).__name__) from value
        raise value
    return value


def username_for(store_id: str) -> str:
    return f"store-{store_id}"


def get_key(store_id: str, timeout: float = TIMEOUT_S) -> bytes | None:
    """The stored key, or None when absent, malformed or the keyring is unusable."""
    if not is_real_backend():
        return None
    try:
        text = _call(lambda: keyring.get_password(SERVICE, username_for(store_id)), timeout)
    except KeyringUnavailable as exc:
        log.warning("The system keyring could not be used (%s).", exc)
        return None
    if not text:
        return None
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == 32 else None


def set_key(store_id: str, key: bytes, timeout: float = TIMEOUT_S) -> bool:
    """Store the key; False when no real keyring is usable."""
    if not is_real_backend():
        return False
    text = base64.b64encode(key).decode("ascii")
    try:
        _call(lambda: keyring.set_password(SERVICE, username_for(store_id), text), timeout)
    except KeyringUnavailable as exc:
        log.warning("The system keyring could not be used (%s).", exc)
        return False
    return True


def delete_key(store_id: str, timeout: float = TIMEOUT_S) -> bool:
    """Remove the entry; True when the keyring was reachable (entry gone either way)."""
    if not is_real_backend():
        return False
    try:
        _call(lambda: keyring.delete_password(SERVICE, username_for(store_id)), timeout)
    except KeyringUnavailable:
        return False
    return True
