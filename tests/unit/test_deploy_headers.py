"""deploy/nginx.conf adds the security headers Streamlit does not send: a Content-Security-
Policy (no framing, scripts only from the app and five inline ones by hash), X-Frame-Options,
X-Content-Type-Options, Referrer-Policy, and HSTS behind TLS only. The hashes are those of the
inline scripts this Streamlit, our quick exit, our cookie setter, our setting of the page
language and our translation of Streamlit's screen-reader names really run; that the app
works under the policy in a browser is tests/e2e/test_security_headers.py."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import streamlit

from asylum_prep.ui.builtin_aria import ARIA_HTML
from asylum_prep.ui.chrome import EXIT_HTML
from asylum_prep.ui.device_cookies import COOKIE_SCRIPT
from asylum_prep.ui.styling import LANG_HTML
from tests.nginx_headers import nginx_headers, tls_section

# An inline script: a body, perhaps data attributes, never a src.
SCRIPT = re.compile(r"<script(?: data-[^>]*)?>(.*?)</script>", re.DOTALL)


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def _directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in filter(None, (p.strip() for p in policy.split(";"))):
        name, *values = part.split()
        out[name] = values
    return out


def test_the_security_headers_are_set() -> None:
    headers = nginx_headers()
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    csp = _directives(headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["connect-src"] == ["'self'", "wss://$host"]


def test_hsts_only_behind_tls() -> None:
    assert "Strict-Transport-Security" not in nginx_headers().keys() - nginx_headers(
        tls_section()).keys()
    assert nginx_headers(tls_section())["Strict-Transport-Security"].startswith("max-age=")


def test_the_inline_scripts_allowed_are_those_that_run() -> None:
    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    running = [*SCRIPT.findall(index), *SCRIPT.findall(EXIT_HTML),
               *SCRIPT.findall(COOKIE_SCRIPT), *SCRIPT.findall(LANG_HTML),
               *SCRIPT.findall(ARIA_HTML)]
    allowed = _directives(nginx_headers()["Content-Security-Policy"])["script-src"]
    assert sorted(_hash(body) for body in running) == sorted(
        v for v in allowed if v.startswith("'sha256-"))
