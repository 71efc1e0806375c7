"""`POST /_session/cookies` (ui/cookie_route.py), called as the ASGI server calls it: a nonce
parked by a page run sets its cookies once, HttpOnly, SameSite=Strict, Path=/, Secure only
behind TLS; a used, unknown or overlong nonce and a cross-site request set nothing."""

from __future__ import annotations

import asyncio
import time

import pytest
from starlette.requests import Request
from starlette.responses import Response

from asylum_prep.ui import device_cookies
from asylum_prep.ui.cookie_route import ROUTES, set_cookies
from asylum_prep.ui.device_cookies import (
    DEVICE_SECONDS,
    LANG,
    NONCE_SECONDS,
    ROUTE,
    SESSION,
    CookieOp,
    park,
    take,
)

HOST = "app.example.org"


def _post(body: bytes, *, origin: str | None = f"https://{HOST}", site: str | None = None,
          proto: str | None = None, host: str = HOST) -> Response:
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if site is not None:
        headers.append((b"sec-fetch-site", site.encode()))
    if proto is not None:
        headers.append((b"x-forwarded-proto", proto.encode()))
    scope = {"type": "http", "method": "POST", "path": ROUTE, "headers": headers,
             "scheme": "http", "server": ("127.0.0.1", 8501), "query_string": b""}

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    return asyncio.run(set_cookies(Request(scope, receive)))


def _set_cookies(response: Response) -> list[str]:
    return [v.decode() for k, v in response.raw_headers if k == b"set-cookie"]


def test_the_route_is_registered_for_post_only() -> None:
    [route] = ROUTES
    assert route.path == ROUTE and route.methods == {"POST"}


def test_a_parked_nonce_sets_its_cookies_once() -> None:
    nonce = park((CookieOp(SESSION, "tok-123"), CookieOp(LANG, "fa", DEVICE_SECONDS)))
    response = _post(nonce.encode(), proto="https")
    assert response.status_code == 204
    assert response.headers["cache-control"] == "no-store"
    session, lang = _set_cookies(response)
    assert session.startswith(f"{SESSION}=tok-123;")
    for flag in ("HttpOnly", "Path=/", "SameSite=strict", "Secure"):
        assert flag.lower() in session.lower(), flag
    assert "max-age" not in session.lower()  # gone when the browser closes
    assert lang.startswith(f"{LANG}=fa;") and f"Max-Age={DEVICE_SECONDS}" in lang
    # the same nonce again: nothing
    again = _post(nonce.encode(), proto="https")
    assert again.status_code == 403 and _set_cookies(again) == []


def test_secure_only_behind_tls() -> None:
    nonce = park((CookieOp(SESSION, "tok"),))
    [cookie] = _set_cookies(_post(nonce.encode(), origin=f"http://{HOST}"))
    assert "secure" not in cookie.lower()


def test_a_cleared_cookie_expires_at_once() -> None:
    nonce = park((CookieOp(SESSION, None),))
    [cookie] = _set_cookies(_post(nonce.encode()))
    assert cookie.startswith(f'{SESSION}="";') and "Max-Age=0" in cookie


def test_unknown_overlong_and_cross_site_requests_set_nothing() -> None:
    assert _post(b"not-a-nonce").status_code == 403
    assert _post(b"").status_code == 403
    assert _post(b"x" * 5000).status_code == 403
    for refused in ({"origin": "https://attacker.example"},
                    {"site": "cross-site"}, {"site": "same-site"}):
        nonce = park((CookieOp(SESSION, "tok"),))
        response = _post(nonce.encode(), **refused)  # type: ignore[arg-type]
        assert response.status_code == 403 and _set_cookies(response) == [], refused
        assert take(nonce) is not None  # a refused request does not use the nonce up


def test_the_proxy_passes_the_host_without_its_port() -> None:
    nonce = park((CookieOp(LANG, "ar", DEVICE_SECONDS),))
    response = _post(nonce.encode(), origin="http://127.0.0.1:8443", host="127.0.0.1",
                     site="same-origin")
    assert response.status_code == 204


def test_a_nonce_runs_out(monkeypatch: pytest.MonkeyPatch) -> None:
    nonce = park((CookieOp(SESSION, "tok"),))
    later = time.monotonic() + NONCE_SECONDS + 1
    monkeypatch.setattr(device_cookies.time, "monotonic", lambda: later)
    assert _post(nonce.encode()).status_code == 403
