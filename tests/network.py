"""Refusing the network inside a test, to prove that nothing is downloaded."""

from __future__ import annotations

import socket
from typing import Any

import pytest


class NetworkRefusedError(AssertionError):
    """Raised by any attempt to open a network connection."""


def refuse_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Make every outgoing connection and DNS lookup fail; returns the attempts made."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args[1:] if args else kwargs)
        raise NetworkRefusedError(f"network access attempted: {args[1:] if args else kwargs}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts
