"""`asylum-prep coi ...` through the real entry point, on a real store in a temp dir."""

from __future__ import annotations

import json
from pathlib import Path

from tests.unit.cli.conftest import Run, cli, data_dir  # noqa: F401  (fixtures)
from tests.unit.country_info.conftest import SAMPLES, write


def test_import_search_list_and_cite(cli: Run, tmp_path: Path) -> None:  # noqa: F811
    bad = write(tmp_path / "bad.txt", "A paragraph with no country given anywhere in it.")
    result = cli("coi", "import", str(SAMPLES), str(bad))
    assert result.code == 0, result.err
    notes = result.err.strip().splitlines()  # progress, then the summary
    assert notes[0].startswith("[1/4] ") and notes[-2].startswith("[4/4] ")
    assert notes[-1] == "3 imported, 0 duplicates, 1 skipped"
    rows = result.out.splitlines()  # one result row per file
    assert len(rows) == 4 and sum(r.startswith("imported  ") for r in rows) == 3
    assert "skipped" in result.out and "ISO 3166" in result.out
    again = cli("coi", "import", str(SAMPLES))
    assert again.code == 0 and "0 imported, 3 duplicates" in again.err

    hits = json.loads(cli("coi", "search", "students beaten", "--country", "XV", "--json").ok().out)
    assert hits["total"] >= 2
    first = hits["hits"][0]
    assert set(first) == {"passage_id", "report_id", "publisher", "title", "published", "country",
                          "page", "page_end", "page_label", "section", "url", "snippet", "score"}
    assert "<mark>" in first["snippet"]
    none = cli("coi", "search", '") DROP TABLE x; -- "zzunknownword', "--since", "2024").ok()
    assert none.out == "" and none.err.startswith("0 passages match.")
    broken = cli("coi", "search", '"students beaten', "--country", "XV").ok()  # unclosed quote
    assert broken.err.startswith("The search could not be read as a query with operators")
    assert "[students]" in broken.out
    page2 = json.loads(cli("coi", "search", "students beaten", "--country", "XV", "--json",
                           "--limit", "1", "--offset", "1").ok().out)
    assert page2["total"] == hits["total"] and page2["hits"][0] == hits["hits"][1]
    assert json.loads(cli("coi", "search", "students", "--lang", "fa", "--json").ok().out)[
        "total"] == 0
    cli("coi", "search", "students", "--lang", "klingon").failed()
    reports = json.loads(cli("coi", "list", "--json").ok().out)
    assert len(reports) == 3 and {r["country"] for r in reports} == {"XV"}

    case_id = cli("case", "create", "--title", "Client", "--sample").ok().out.strip()
    cited = cli("coi", "cite", case_id, str(first["passage_id"]), "--element", "objective_fear")
    assert cited.ok().out.startswith(first["publisher"] + ", ")
    record = json.loads(cli("case", "show", case_id, "--json").ok().out)
    assert [c["passage_id"] for c in record["citations"]] == [first["passage_id"]]
    cli("coi", "cite", case_id, "999999", "--element", "harm").failed()
    cli("coi", "import", "--country", "Veldania", str(SAMPLES / "veldania_students_briefing.html"))
    cli("coi", "search", "x", "--country", "Nowhere").failed()


def test_edit_delete_force_and_warnings(cli: Run, tmp_path: Path) -> None:  # noqa: F811
    from tests.unit.country_info.report_files import govuk_note

    may = tmp_path / "may.html"
    may.write_bytes(govuk_note())
    again = tmp_path / "again.html"
    again.write_bytes(govuk_note(banner="<p>You have rejected additional cookies.</p>"))
    cli("coi", "import", "--country", "IR", str(may)).ok()
    dup = cli("coi", "import", "--country", "IR", str(again)).ok()
    assert "duplicate" in dup.out and "already in the library as Country policy" in dup.out
    forced = cli("coi", "import", "--country", "IR", "--force", str(again)).ok()
    assert forced.out.startswith("imported")
    reports = json.loads(cli("coi", "list", "--json").ok().out)
    assert len(reports) == 2
    assert {w["kind"] for w in reports[0]["warnings"]} >= {"old"}  # May 2022
    first, second = reports[0]["id"], reports[1]["id"]

    case_id = cli("case", "create", "--title", "Client", "--sample").ok().out.strip()
    hit = json.loads(cli("coi", "search", "house churches", "--json").ok().out)["hits"][0]
    cited = cli("coi", "cite", case_id, str(hit["passage_id"]), "--element", "objective_fear")
    assert "warning: The report was published on 2022-05-12" in cited.ok().err

    edited = cli("coi", "edit", hit["report_id"], "--title", "CPIN: Christians, Iran",
                 "--published", "none").ok()
    assert "n.d." in edited.out and "CPIN: Christians, Iran" in edited.out
    cli("coi", "edit", hit["report_id"], "--country", "Iran").failed()
    cli("coi", "edit", hit["report_id"]).failed()
    check = json.loads(cli("check", case_id, "--json").ok().out)
    kinds = {w["kind"] for c in check["citations"] for w in c["warnings"]}
    assert kinds == {"old", "changed"}  # the date it was cited with still counts
    assert check["citations"][0]["citation"].startswith("UK Home Office, Country policy")
    text = cli("check", case_id).ok().out
    assert "[objective_fear] UK Home Office, Country policy" in text
    assert "warning: The report's details changed on" in text

    cli("coi", "delete", first).ok()
    cli("coi", "delete", second).ok()
    cli("coi", "delete", second).failed()
    check = json.loads(cli("check", case_id, "--json").ok().out)
    assert [w["kind"] for w in check["citations"][0]["warnings"]] == ["deleted"]
