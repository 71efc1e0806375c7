"""`asylum-prep check ID [--json]` through the real entry point, on a real store."""

from __future__ import annotations

import json

from tests.unit.cli.conftest import Run, cli, data_dir  # noqa: F401 - fixtures


def _sample(cli: Run) -> str:  # noqa: F811
    return cli("case", "create", "--title", "Sample client", "--sample").ok().out.strip()


def test_check_json_has_the_issue_shape(cli: Run) -> None:  # noqa: F811
    case_id = _sample(cli)
    data = json.loads(cli("check", case_id, "--json", "--today", "2026-11-21").ok().out)
    assert set(data) == {"jurisdiction", "elements", "deadline", "consistency", "readiness"}
    assert data["jurisdiction"] == "us"
    assert len(data["elements"]) == 11
    for element in data["elements"]:
        assert {"key", "title", "strength", "facts", "next_step"} <= set(element)
        assert element["strength"] in ("missing", "thin", "supported")
        assert isinstance(element["facts"], list) and element["next_step"]
    assert data["deadline"]["date"] == "2027-07-22" and data["deadline"]["days_left"] == 243
    assert data["readiness"] == []
    [flag] = data["consistency"]  # the sample's one true contradiction (tests/unit/legal)
    assert set(flag) == {"id", "rule", "message", "places", "dismissed", "reason"}
    assert flag["rule"] == "crimes_answer_vs_legal_event" and flag["dismissed"] is False
    assert [p["path"] for p in flag["places"]] == ["screening.serious_crimes",
                                                   "harm_to_others.legal_events.leg2.kind"]
    assert flag["places"][1]["label"] == ("Accusations, arrests and court cases, entry 2: "
                                          "What was it?")


def test_check_json_for_an_empty_uk_case(cli: Run) -> None:  # noqa: F811
    case_id = cli("case", "create", "--title", "Client B", "--jurisdiction", "uk").ok().out.strip()
    data = json.loads(cli("check", case_id, "--json").ok().out)
    assert data["deadline"] is None
    assert {e["strength"] for e in data["elements"]} == {"missing"}
    assert data["readiness"] and all(r["part"] is None for r in data["readiness"])


def test_check_text_report(cli: Run) -> None:  # noqa: F811
    case_id = _sample(cli)
    out = cli("check", case_id, "--today", "2026-11-21").ok().out
    assert "[supported] Protected ground" in out
    assert "2027-07-22: 243 days left (ok)." in out
    assert "crimes_answer_vs_legal_event" in out and "Nothing required is blank." in out


def test_check_refuses_unknown_case_and_bad_date(cli: Run) -> None:  # noqa: F811
    cli("check", "no-such-case").failed()
    case_id = _sample(cli)
    cli("check", case_id, "--today", "21/11/2026").failed()
