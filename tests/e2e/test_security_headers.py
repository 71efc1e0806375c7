"""The app works behind deploy/nginx.conf and its security headers, in Chromium: nginx runs
the file itself (its TLS, redirect and path sections swapped for loopback ones, as
tests/faults/test_deployment.py does) in front of one app server; every page carries the
headers, and the pages an applicant and an attorney use draw, talk to the server and run the
quick exit's redirect without one Content-Security-Policy violation; in Persian the script
that translates Streamlit's own screen-reader names runs under it too. Needs nginx
(`apt-get install -y nginx-light`); skipped, saying so, otherwise."""

from __future__ import annotations

import signal
import subprocess
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from asylum_prep.i18n import native_name, translator
from tests.e2e.conftest import free_port
from tests.e2e.ui import click, fill, key, mark, open_page, settle, text
from tests.faults.children import Child
from tests.faults.test_deployment import NGINX, render_nginx_conf
from tests.nginx_headers import nginx_headers, tls_section
from tests.support import PASSWORD

pytestmark = [
    pytest.mark.e2e, pytest.mark.xdist_group("e2e"),
    pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install -y "
                                             "nginx-light)"),
]

WATCH = """document.addEventListener("securitypolicyviolation", (e) => {
  window.reportViolation(
    `${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}`);
});"""


@pytest.fixture(scope="module")
def proxied(server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """deploy/nginx.conf on a loopback port, in front of the e2e server: its URL."""
    prefix = tmp_path_factory.mktemp("nginx")
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / kind).mkdir()
    port = free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(render_nginx_conf(prefix, port, [urlsplit(server.url).port or 0]))
    check = subprocess.run([NGINX or "nginx", "-t", "-c", str(conf), "-p", str(prefix)],
                           capture_output=True, text=True, timeout=30)
    assert check.returncode == 0, check.stderr
    nginx = Child([NGINX or "nginx", "-c", str(conf), "-p", str(prefix), "-g", "daemon off;"])
    url = f"http://127.0.0.1:{port}"
    try:
        nginx.wait_for(lambda _lines: _answers(url), timeout=30)
        yield url
    finally:
        nginx.proc.send_signal(signal.SIGQUIT)
        try:
            nginx.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            nginx.kill()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310
            return r.status == 200
    except OSError:
        return False


def _context(browser: Any, url: str, violations: list[str]) -> Any:
    context = browser.new_context()
    context.expose_binding("reportViolation", lambda _source, what: violations.append(what))
    context.add_init_script(WATCH)
    return context


def test_every_page_carries_the_headers(proxied: str) -> None:
    with urllib.request.urlopen(proxied, timeout=10) as response:  # noqa: S310 - loopback
        sent = response.headers
    plain_http = nginx_headers().keys() - nginx_headers(tls_section()).keys()  # HSTS: TLS only
    for name, value in nginx_headers().items():
        if name in plain_http and name != "Set-Cookie":
            assert sent[name] == value.replace("$host", "127.0.0.1"), name


def _sign_in(page: Any, url: str, username: str) -> None:
    page.goto(url)
    settle(page)
    fill(page, "w_signin_user", username)
    fill(page, "w_signin_password", PASSWORD)
    click(page, "w_signin_submit")


def test_applicant_pages_and_quick_exit_under_the_policy(proxied, browser, seeded) -> None:
    violations: list[str] = []
    context = _context(browser, proxied, violations)
    page = open_page(context)
    _sign_in(page, proxied, seeded.applicant.username)
    click(page, "w_applicant_continue")  # the wizard
    assert "Your story" in text(page)
    page.wait_for_timeout(500)
    # the session cookie was set through the proxy by the page's own (hashed) script
    assert "ap_session" in {c["name"] for c in context.cookies()}
    page.locator(".st-key-w_quick_exit button").first.click()
    page.wait_for_url("about:blank", timeout=15_000)  # the inline redirect ran
    assert "ap_session" not in {c["name"] for c in context.cookies()}  # and cleared it first
    context.close()
    assert violations == []


def test_attorney_pages_under_the_policy(proxied, browser, seeded) -> None:
    violations: list[str] = []
    context = _context(browser, proxied, violations)
    page = open_page(context)
    _sign_in(page, proxied, seeded.attorney.username)
    page.locator("[class*='st-key-w_case_open_'] button").first.click()
    settle(page)
    page.locator("[data-testid='stVegaLiteChart'], [data-testid='stArrowVegaLiteChart']") \
        .first.wait_for(timeout=30_000)  # the timeline chart drew (no eval needed)
    page.wait_for_timeout(1000)
    context.close()
    assert violations == []


def test_persian_pages_under_the_policy(proxied, browser, seeded) -> None:
    """builtin_aria's script runs (its hash is allowed): the skip link and the password box's
    button speak Persian, and nothing is blocked."""
    violations: list[str] = []
    context = _context(browser, proxied, violations)
    page = open_page(context)
    page.goto(proxied)
    settle(page)
    key(page, "w_lang").locator("input").first.click()
    since = mark(page)
    page.get_by_role("option", name=native_name("fa"), exact=True).first.click()
    settle(page, since)
    t = translator("fa")
    skip = page.locator("[data-testid='stSkipToContent']").first
    page.wait_for_function("([el, said]) => el.textContent === said",
                           arg=[skip.element_handle(), t("Skip to main content")],
                           timeout=15_000)
    password = key(page, "w_signin_password")
    password.locator("input").first.fill("x")
    password.get_by_role("button", name=t("Show password"), exact=True).wait_for(timeout=15_000)
    _sign_in(page, proxied, seeded.applicant.username)
    context.close()
    assert violations == []
