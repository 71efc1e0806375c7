"""`asylum-prep filing show | set`: the caption facts the legal team enters."""

from __future__ import annotations

import json

from asylum_prep.cli import commands_filing
from asylum_prep.services.filing import FIELDS
from tests.unit.cli.conftest import Run


def _case(cli: Run, jurisdiction: str = "us") -> str:
    return cli("case", "create", "--title", "Client F", "--jurisdiction", jurisdiction,
               "--sample").ok().out.strip()


def test_names_in_the_cli_are_the_services_fields() -> None:
    assert set(commands_filing.NAMES) == set(FIELDS)


def test_set_then_show_round_trips_and_sets_the_proceeding(cli: Run) -> None:
    case_id = _case(cli)
    res = cli("filing", "set", case_id, "--forum", "us_immigration_court", "--court",
              "Immigration Court, Chicago, Illinois", "--judge", "Hon. A. Example",
              "--next-hearing", "2027-03-15", "--counsel-eoir-id", "ZZ123456").ok()
    assert "Saved as case version" in res.err
    shown = json.loads(cli("filing", "show", case_id, "--json").ok().out)
    assert shown["forum"] == "us_immigration_court" and shown["proceeding"] == "defensive"
    assert shown["next_hearing"] == "2027-03-15" and shown["judge"] == "Hon. A. Example"
    assert "No detail changed" in cli("filing", "set", case_id, "--judge",
                                      "Hon. A. Example").ok().err
    cli("filing", "set", case_id, "--judge", "").ok()
    assert json.loads(cli("filing", "show", case_id, "--json").ok().out)["judge"] == ""


def test_bad_values_are_refused_and_change_nothing(cli: Run) -> None:
    case_id = _case(cli, "uk")
    before = cli("filing", "show", case_id, "--json").ok().out
    for args, words in ((("--forum", "us_immigration_court"), "jurisdiction"),
                        (("--next-hearing", "15/03/2027"), "year-month-day"),
                        (("--next-hearing", "1027-03-15"), "plausible"),
                        (("--counsel-email", "not-an-email"), "email"),
                        (("--court", "x" * 501), "at most"),
                        (("--judge", "Line one\nline two"), "one line")):
        err = cli("filing", "set", case_id, *args).failed().err
        assert words in err, (args, err)
    assert cli("filing", "show", case_id, "--json").ok().out == before
    assert cli("filing", "set", case_id).code == 2


def test_i589_details_set_show_and_refuse(cli: Run) -> None:
    case_id = _case(cli)
    res = cli("filing", "i589-set", case_id, "ssn=123-45-6789", "court_history=never",
              "relatives.child1.i94_number=12345678a12").ok()
    assert "Saved as case version" in res.err
    shown = json.loads(cli("filing", "i589-show", case_id, "--json").ok().out)
    assert shown["ssn"] == "123-45-6789" and shown["court_history"] == "never"
    assert shown["relatives.child1.i94_number"] == "12345678A12"
    text = cli("filing", "i589-show", case_id).ok().out
    assert "ssn: 123-45-6789    [Part A.I, item 2: U.S. Social Security Number (if any)]" in text
    before = cli("filing", "i589-show", case_id, "--json").ok().out
    assert "nine digits" in cli("filing", "i589-set", case_id, "ssn=12").failed().err
    assert "NAME=VALUE" in cli("filing", "i589-set", case_id, "ssn").failed(code=2).err
    assert cli("filing", "i589-show", case_id, "--json").ok().out == before
