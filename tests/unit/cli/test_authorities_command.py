"""`asylum-prep authorities list`: one line per authority with its currency mark, filters,
JSON with warnings, and a note on stderr counting those to re-check. No data directory is
created: the library is package data, not case data."""

from __future__ import annotations

import json
from pathlib import Path

from asylum_prep.legal import authorities
from tests.unit.cli.conftest import Run


def test_list_prints_one_line_per_authority_with_its_mark(cli: Run, data_dir: Path) -> None:
    res = cli("authorities", "list", "--today", "2026-12-06").ok()
    lines = res.out.splitlines()
    assert len(lines) == len(authorities.all_authorities())
    arcg = next(x for x in lines if x.startswith("Matter of A-R-C-G-, 26 I&N Dec. 388"))
    assert "| 2014-08-26 | checked 2026-12-06 | [check: later history, verify]" in arcg
    ez = next(x for x in lines if x.startswith("INS v. Elias-Zacarias"))
    assert ez.endswith("| checked 2026-11-21 | [ok]")
    stevic = next(x for x in lines if x.startswith("INS v. Stevic"))
    assert stevic.endswith("[check: checked over a year ago]")
    flagged = len(authorities.warnings(__import__("datetime").date(2026, 12, 6)))
    assert f"; {flagged} to re-check" in res.err
    assert not data_dir.exists()


def test_the_mark_follows_the_date_given(cli: Run) -> None:
    soon = cli("authorities", "list", "--search", "Elias-Zacarias", "--today", "2027-11-21").ok()
    later = cli("authorities", "list", "--search", "Elias-Zacarias", "--today", "2027-11-22").ok()
    assert soon.out.strip().endswith("[ok]")
    assert later.out.strip().endswith("[check: checked over a year ago]")


def test_filters_and_json(cli: Run) -> None:
    res = cli("authorities", "list", "--jurisdiction", "ca", "--element", "internal_relocation",
              "--json", "--today", "2026-12-06").ok()
    data = json.loads(res.out)
    assert {d["id"] for d in data} >= {"rasaratnam", "thirunavukkarasu"}
    assert all(d["jurisdiction"] == "ca" and "internal_relocation" in d["elements"]
               for d in data)
    first = data[0]
    assert set(first) >= {"id", "citation", "kind", "court", "date", "holding", "elements",
                          "jurisdiction", "history", "checked_as_of", "link", "verify",
                          "warnings"}
    assert next(d for d in data if d["id"] == "irpa-97")["warnings"] == []


def test_bad_options_are_refused_in_one_line(cli: Run) -> None:
    cli("authorities", "list", "--jurisdiction", "fr").failed(2)
    cli("authorities", "list", "--element", "courage").failed(2)
    cli("authorities", "list", "--today", "yesterday").failed(1)
