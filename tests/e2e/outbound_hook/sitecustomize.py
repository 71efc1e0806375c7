"""Loaded by Python at start-up (`site` imports `sitecustomize`) in the server of
tests/e2e/test_no_outbound.py only: that test puts this folder on PYTHONPATH and names a log
file in ASYLUM_PREP_TEST_NET_LOG. Every name lookup of, and every connection or datagram to,
anything but this machine is written to the log and refused."""

from __future__ import annotations

import errno
import json
import os
import socket
from typing import Any

LOG = os.environ.get("ASYLUM_PREP_TEST_NET_LOG", "")
LOCAL = {"", "localhost", "ip6-localhost", "::1", "::", "0.0.0.0"}  # noqa: S104


def _local(host: Any) -> bool:
    if host is None:
        return True
    text = host.decode() if isinstance(host, bytes) else str(host)
    return text in LOCAL or text.startswith("127.") or text.startswith("::ffff:127.")


def _record(kind: str, target: Any) -> None:
    with open(LOG, "a", encoding="utf-8") as out:
        out.write(json.dumps([kind, repr(target)]) + "\n")


def _install() -> None:
    real_getaddrinfo = socket.getaddrinfo
    real_gethostbyname = socket.gethostbyname
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_sendto = socket.socket.sendto

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _local(host):
            _record("getaddrinfo", host)
            raise socket.gaierror(socket.EAI_NONAME, "name lookups are refused in this test")
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host: Any) -> Any:
        if not _local(host):
            _record("gethostbyname", host)
            raise socket.gaierror(socket.EAI_NONAME, "name lookups are refused in this test")
        return real_gethostbyname(host)

    def _outside(sock: socket.socket, address: Any) -> bool:
        return sock.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0])

    def connect(self: socket.socket, address: Any) -> Any:
        if _outside(self, address):
            _record("connect", address)
            raise OSError(errno.ENETUNREACH, "connections off this machine are refused")
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> Any:
        if _outside(self, address):
            _record("connect_ex", address)
            return errno.ENETUNREACH
        return real_connect_ex(self, address)

    def sendto(self: socket.socket, data: Any, *rest: Any) -> Any:
        if rest and _outside(self, rest[-1]):
            _record("sendto", rest[-1])
            raise OSError(errno.ENETUNREACH, "datagrams off this machine are refused")
        return real_sendto(self, data, *rest)

    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = gethostbyname
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.socket.sendto = sendto  # type: ignore[method-assign]


if LOG:
    _install()
