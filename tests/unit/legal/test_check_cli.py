"""`asylum-prep check ID [--json]` and `check judge` through the real entry point, on a real
store."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.cli.conftest import Run, cli, data_dir  # noqa: F401 - fixtures


def _sample(cli: Run) -> str:  # noqa: F811
    return cli("case", "create", "--title", "Sample client", "--sample").ok().out.strip()


def _contradicting(cli: Run, tmp_path: Path) -> str:  # noqa: F811
    """The sample, but answering "never accused of a crime" beside its summons and warrant."""
    record = json.loads(cli("case", "show", _sample(cli), "--json").ok().out)
    record["screening"]["serious_crimes"] = "no"
    record["screening"]["serious_crimes_detail"] = ""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(record), encoding="utf-8")
    return cli("case", "create", "--title", "Client C", "--answers", str(answers)).ok().out.strip()


def test_check_json_has_the_issue_shape(cli: Run, tmp_path: Path) -> None:  # noqa: F811
    case_id = _contradicting(cli, tmp_path)
    data = json.loads(cli("check", case_id, "--json", "--today", "2026-11-21").ok().out)
    assert set(data) == {"jurisdiction", "elements", "deadline", "consistency", "readiness",
                         "citations", "exhibit_translations"}
    assert data["jurisdiction"] == "us"
    assert len(data["elements"]) == 11
    for element in data["elements"]:
        assert {"key", "title", "strength", "facts", "next_step"} <= set(element)
        assert element["strength"] in ("missing", "against", "thin", "supported")
        assert isinstance(element["facts"], list) and element["next_step"]
        assert set(element["tool"]) == {"strength", "reason", "parts", "facts",
                                        "facts_against", "authorities", "next_step"}
        assert element["tool"]["strength"] == element["strength"]
        assert element["attorney"] is None
    assert data["deadline"]["date"] == "2027-07-22" and data["deadline"]["days_left"] == 243
    assert data["readiness"] == []
    [flag] = data["consistency"]  # "never accused" beside the warrant
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


def test_check_text_report(cli: Run, tmp_path: Path) -> None:  # noqa: F811
    case_id = _contradicting(cli, tmp_path)
    out = cli("check", case_id, "--today", "2026-11-21").ok().out
    assert "[supported] Protected ground" in out
    assert "2027-07-22: 243 days left (ok)." in out
    assert "crimes_answer_vs_legal_event" in out and "Nothing required is blank." in out


def test_check_refuses_unknown_case_and_bad_date(cli: Run) -> None:  # noqa: F811
    cli("check", "no-such-case").failed()
    case_id = _sample(cli)
    cli("check", case_id, "--today", "21/11/2026").failed()


def test_judge_records_the_attorneys_reading_beside_the_tools(cli: Run) -> None:  # noqa: F811
    case_id = _sample(cli)
    # refused without a reason, or with a strength that does not exist: nothing is saved
    refused = cli("check", "judge", case_id, "nexus", "--disagree", "--strength", "thin").failed()
    assert "Give a reason for disagreeing" in refused.err
    cli("check", "judge", case_id, "nexus", "--disagree", "--strength", "strong",
        "--reason", "x").failed(2)
    cli("check", "judge", case_id, "nexus", "--reason", "x").failed(2)  # agree or disagree?
    cli("check", "judge", case_id, "courage", "--agree").failed()
    # the first judgment saved makes version 2: the refusals saved nothing
    assert cli("check", "judge", case_id, "harm", "--agree").ok().out.strip() == "2"
    assert cli("check", "judge", case_id, "nexus", "--disagree", "--strength", "thin",
               "--no-argue", "--reason", "Extortion, not the opinion.").ok().out.strip() == "3"
    data = json.loads(cli("check", case_id, "--json").ok().out)
    judged = {e["key"]: e["attorney"] for e in data["elements"] if e["attorney"]}
    assert set(judged) == {"harm", "nexus"}
    assert judged["nexus"]["verdict"] == "disagree" and judged["nexus"]["strength"] == "thin"
    assert judged["nexus"]["argue"] is False and judged["nexus"]["by"] == "cli"
    assert judged["nexus"]["reason"] == "Extortion, not the opinion."
    assert judged["nexus"]["history"] == 1 and judged["harm"]["strength"] is None
    text = cli("check", case_id).ok().out
    assert "attorney: disagrees (own strength: thin), do not argue, by cli" in text
    assert "attorney: agrees, argue in the brief, by cli" in text
    assert "attorney: not judged yet" in text


def test_history_lists_every_judgment_of_an_element(cli: Run) -> None:  # noqa: F811
    case_id = _sample(cli)
    assert cli("check", "history", case_id, "nexus").ok().out == ""
    cli("check", "judge", case_id, "nexus", "--agree").ok()
    cli("check", "judge", case_id, "nexus", "--disagree", "--strength", "against",
        "--reason", "Extortion only.").ok()
    lines = cli("check", "history", case_id, "nexus").ok().out.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("  cli  agree, argue")
    assert lines[1].endswith("  cli  disagree (against), argue: Extortion only.")
    data = json.loads(cli("check", "history", case_id, "nexus", "--json").ok().out)
    assert [(e["verdict"], e["strength"], e["by"]) for e in data] == [
        ("agree", None, "cli"), ("disagree", "against", "cli")]
    cli("check", "history", case_id, "courage").failed()
