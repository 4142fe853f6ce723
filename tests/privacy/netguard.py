"""A tripwire for network use: any attempt to resolve a name or open an internet
socket is recorded and refused.

The product promises that it never talks to the network, so the privacy tests run
the whole stack with this guard installed: in-process for the CLI workflow (see
``conftest.py``) and, through ``site/sitecustomize.py``, in every ``python -m
facilitator`` subprocess, where a fresh interpreter also proves that importing the
modules makes no call. Calls are *recorded* as well as refused, because code that
catches ``Exception`` around a network call (a keyring probe, an update check) would
otherwise swallow the refusal and the test would pass. Local IPC over ``AF_UNIX``
(D-Bus for a desktop keyring, for example) is not network traffic and is allowed.

This file imports nothing from pytest so the subprocess guard can load it alone.
"""

from __future__ import annotations

import socket
import sys
from typing import Any, Callable

MARKER = "facilitator-privacy: NETWORK CALL"


class NetworkCallError(AssertionError):
    """Raised in place of a network call."""


_LOCAL_FAMILIES = {getattr(socket, "AF_UNIX", object())}


class NetworkGuard:
    """Patch the socket module; ``calls`` lists every refused attempt."""

    def __init__(self, report: Callable[[str], None] | None = None) -> None:
        self.calls: list[str] = []
        self._report = report
        self._saved: list[tuple[Any, str, Any]] = []

    def _deny(self, what: str, detail: object) -> None:
        text = f"{what}({detail!r})"
        self.calls.append(text)
        if self._report is not None:
            self._report(text)
        raise NetworkCallError(f"{MARKER}: {text}")

    def _patch(self, owner: Any, name: str, replacement: Any) -> None:
        # socket.socket inherits connect() from _socket.socket: remember whether the
        # attribute was its own, so uninstall removes ours instead of pinning a copy.
        own = name in vars(owner)
        self._saved.append((owner, name, vars(owner)[name] if own else None))
        setattr(owner, name, replacement)

    def install(self) -> "NetworkGuard":
        guard = self
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex
        real_sendto = socket.socket.sendto

        def connect(sock: socket.socket, address: Any) -> Any:
            if sock.family not in _LOCAL_FAMILIES:
                guard._deny("socket.connect", address)
            return real_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> Any:
            if sock.family not in _LOCAL_FAMILIES:
                guard._deny("socket.connect_ex", address)
            return real_connect_ex(sock, address)

        def sendto(sock: socket.socket, *args: Any) -> Any:
            if sock.family not in _LOCAL_FAMILIES:
                guard._deny("socket.sendto", args[-1])
            return real_sendto(sock, *args)

        def refuse(name: str) -> Callable[..., Any]:
            def refused(*args: Any, **kwargs: Any) -> Any:
                guard._deny(name, args[:2])

            return refused

        self._patch(socket.socket, "connect", connect)
        self._patch(socket.socket, "connect_ex", connect_ex)
        self._patch(socket.socket, "sendto", sendto)
        for name in (
            "create_connection",
            "getaddrinfo",
            "gethostbyname",
            "gethostbyname_ex",
            "gethostbyaddr",
        ):
            self._patch(socket, name, refuse(f"socket.{name}"))
        return self

    def uninstall(self) -> None:
        while self._saved:
            owner, name, original = self._saved.pop()
            if original is None:
                delattr(owner, name)
            else:
                setattr(owner, name, original)


def install_for_subprocess() -> NetworkGuard:
    """Used by ``site/sitecustomize.py``: report each refused call on stderr."""
    return NetworkGuard(lambda text: print(f"{MARKER}: {text}", file=sys.stderr)).install()
