"""The load script works: the same driver as `make bench`'s load benchmark, with 3 applicants
editing at once for 15 seconds as Streamlit websocket sessions against a real `streamlit run`.
Asserts
what must hold at any speed: edits were confirmed, no error, no acknowledged edit lost, and
the edit->saved times were measured (their size is the benchmark's business, not a test's)."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _module(name: str):  # type: ignore[no-untyped-def]
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_three_sessions_edit_without_error_or_loss(tmp_path: Path) -> None:
    driver = _module("load_driver")
    result = driver.run_load(3, 15, think_s=0.2, log_dir=tmp_path)
    assert not result.errors, result.errors[:10]
    acked = result.acknowledged
    assert len({e.session for e in acked}) == 3, "every session had an edit confirmed"
    assert len(acked) >= 6
    assert not result.lost, result.lost[:10]
    assert all(e.saved_ms is not None and e.saved_ms > 0 for e in acked)
    assert len(result.send_ms) == len(acked), "each confirmed edit has its audited save"
    assert len(result.server_ms) == len(acked), "and its arrival at the server"
    assert all(ms >= 0 for ms in result.server_ms)
    assert result.server_peak_rss_mb > 10


def test_the_check_for_lost_edits_can_fail(tmp_path: Path) -> None:
    """An acknowledged value that is not in storage is reported as lost."""
    driver = _module("load_driver")
    data_dir = tmp_path / "data"
    [(case_id, _)] = driver.seed(data_dir, 1)
    result = driver.LoadResult(1, 0)
    result.edits.append(driver.Edit(0, case_id, "about.given_names", "never saved", 0.0, 12.0))
    driver.verify(data_dir, result)
    assert len(result.lost) == 2  # in no version, and not the current answer


def test_the_client_sees_what_the_page_shows(tmp_path: Path) -> None:
    """The websocket client reports an answer the app refuses (an error, no "Saved.") and then
    the same box saved; so an error under load cannot pass unseen."""
    driver = _module("load_driver")
    client_module = _module("streamlit_client")
    data_dir = tmp_path / "data"
    [(_, username)] = driver.seed(data_dir, 1)
    server = driver.start_probed_server(data_dir, tmp_path / "server.log", tmp_path / "trace")

    async def walk() -> tuple[object, object]:
        async with client_module.StreamlitClient(server.url) as client:
            await client.rerun()
            await client.submit_form({"w_signin_user": username,
                                      "w_signin_password": driver.PASSWORD}, "w_signin_submit")
            await client.click("w_applicant_continue")
            refused = await client.type_text("w_wz_a_about.given_names", "x" * 501)
            saved = await client.type_text("w_wz_a_about.given_names", "Nasrin")
            return refused, saved

    try:
        refused, saved = asyncio.run(asyncio.wait_for(walk(), 120))
    finally:
        driver.stop_server(server)
    assert refused.errors and "Nothing was saved" in refused.errors[0]  # type: ignore[attr-defined]
    assert ("success", "Saved.") not in refused.alerts  # type: ignore[attr-defined]
    assert saved.errors == [] and ("success", "Saved.") in saved.alerts  # type: ignore[attr-defined]
