"""A trap: a tiny HTTP server on 127.0.0.1 that records every connection and request made to it.

Hostile documents point their outside links at it; a test then asserts it was never called.
It answers 404 to everything and stops when the `with` block ends.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Trap:
    base: str
    connections: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}/{path.lstrip('/')}"


@contextmanager
def trap_server() -> Iterator[Trap]:
    trap = Trap("")

    class Handler(http.server.BaseHTTPRequestHandler):
        def setup(self) -> None:
            trap.connections.append(str(self.client_address))
            super().setup()

        def __getattr__(self, name: str) -> Any:
            if not name.startswith("do_"):
                raise AttributeError(name)

            def answer() -> None:
                trap.requests.append(f"{self.command} {self.path}")
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            return answer

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            return

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    trap.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield trap
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
