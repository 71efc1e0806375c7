"""`asylum-prep authorities list`: one line per authority with its currency mark, filters,
JSON with warnings, and a note on stderr counting those to re-check. No data directory is
created: the library is package data, not case data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from asylum_prep.legal import authorities
from asylum_prep.legal.authorities import Authority
from tests.unit.cli.conftest import Run


def _current_and_stale(today: dt.date) -> tuple[Authority, Authority]:
    """A library entry with no warning on `today`, and one that is only stale."""
    flagged = {w.id: w.reasons for w in authorities.warnings(today)}
    entries = authorities.all_authorities()
    return (next(a for a in entries if a.id not in flagged),
            next(a for a in entries if flagged.get(a.id) == ("stale",)))


def test_list_prints_one_line_per_authority_with_its_mark(cli: Run, data_dir: Path) -> None:
    res = cli("authorities", "list", "--today", "2026-12-06").ok()
    lines = res.out.splitlines()
    assert len(lines) == len(authorities.all_authorities())
    arcg = next(x for x in lines if x.startswith("Matter of A-R-C-G-, 26 I&N Dec. 388"))
    assert "| 2014-08-26 | checked 2026-12-06 | [check: later history, verify]" in arcg
    current, stale = _current_and_stale(dt.date(2026, 12, 6))
    assert next(x for x in lines if x.startswith(current.citation + " |")).endswith(
        f"| checked {current.checked_as_of.isoformat()} | [ok]")
    assert next(x for x in lines if x.startswith(stale.citation + " |")).endswith(
        "[check: checked over a year ago]")
    flagged = len(authorities.warnings(dt.date(2026, 12, 6)))
    assert f"; {flagged} to re-check" in res.err
    assert not data_dir.exists()


def test_the_mark_follows_the_date_given(cli: Run) -> None:
    current, _stale = _current_and_stale(dt.date(2026, 12, 6))
    last_day = current.checked_as_of + dt.timedelta(days=365)
    words = current.citation
    soon = cli("authorities", "list", "--search", words, "--today", last_day.isoformat()).ok()
    later = cli("authorities", "list", "--search", words, "--today",
                (last_day + dt.timedelta(days=1)).isoformat()).ok()
    mine = [x for x in soon.out.splitlines() if x.startswith(words + " |")]
    theirs = [x for x in later.out.splitlines() if x.startswith(words + " |")]
    assert len(mine) == len(theirs) == 1
    assert mine[0].endswith("[ok]") and theirs[0].endswith("[check: checked over a year ago]")


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
