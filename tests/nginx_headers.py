"""The response headers deploy/nginx.conf adds, read from the file itself (shared by the unit
check of the file and the browser test of its Content-Security-Policy)."""

from __future__ import annotations

import re
from pathlib import Path

NGINX_CONF = Path(__file__).resolve().parents[1] / "deploy" / "nginx.conf"
_ADD_HEADER = re.compile(r'^\s*add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))\s+always;', re.MULTILINE)


def nginx_headers(text: str | None = None) -> dict[str, str]:
    """{header name: value} of every `add_header ... always;` line (nginx variables kept)."""
    source = NGINX_CONF.read_text() if text is None else text
    return {m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _ADD_HEADER.finditer(source)}


def tls_section() -> str:
    """The part of the file that only applies behind TLS."""
    source = NGINX_CONF.read_text()
    return source[source.index("# BEGIN tls"):source.index("# END tls")]
