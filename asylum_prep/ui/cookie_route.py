"""`POST /_session/cookies`: the one request that sets or clears this app's cookies.

The body is a one-time nonce a page run just drew (ui/device_cookies.py); the answer carries
the Set-Cookie headers parked under it, and nothing else. Refused (403, no cookie touched):
a cross-site request (an `Origin` other than this host, or `Sec-Fetch-Site` other than
same-origin), an unknown, used or old nonce, or a body longer than a nonce. Every cookie is
SameSite=Strict, Path=/ and HttpOnly; Secure when the request came over TLS, directly or
through the reverse proxy (deploy/nginx.conf sends `X-Forwarded-Proto`; the app itself
listens on the loopback address only, so only that proxy reaches it).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from asylum_prep.ui.device_cookies import ROUTE, CookieOp, take

MAX_BODY = 64


def behind_tls(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def same_origin(request: Request) -> bool:
    """A browser names the page's origin on a POST; its host must be this one. Ports are not
    compared: the reverse proxy passes the host name without its port (`Host $host`)."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site != "same-origin":
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True  # no browser omits it on a POST fetch; a tool has no cookies to steal
    host = urlsplit("//" + request.headers.get("host", "")).hostname
    return host is not None and urlsplit(origin).hostname == host


def apply(response: Response, op: CookieOp, *, secure: bool) -> None:
    if op.value is None:
        response.delete_cookie(op.name, path="/", secure=secure, httponly=True,
                               samesite="strict")
    else:
        response.set_cookie(op.name, op.value, max_age=op.max_age, path="/", secure=secure,
                            httponly=True, samesite="strict")


async def set_cookies(request: Request) -> Response:
    refused = Response(status_code=403, headers={"Cache-Control": "no-store"})
    body = await request.body()
    if not same_origin(request) or not body or len(body) > MAX_BODY:
        return refused
    ops = take(body.decode("ascii", "replace"))
    if ops is None:
        return refused
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    secure = behind_tls(request)
    for op in ops:
        apply(response, op, secure=secure)
    return response


ROUTES = [Route(ROUTE, set_cookies, methods=["POST"])]
