"""`asylum-prep declaration ...`: show as JSON, edit from stdin, move, confirm, refusals."""

from __future__ import annotations

import json

from tests.unit.cli.conftest import Run


def _case(cli: Run) -> str:
    return cli("case", "create", "--title", "Client D", "--sample").ok().out.strip()


def _show(cli: Run, case_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads(cli("declaration", "show", case_id, "--json").ok().out)  # type: ignore[no-any-return]


def test_show_edit_move_history_and_confirm(cli: Run) -> None:
    case_id = _case(cli)
    shown = _show(cli, case_id)
    assert shown["version"] == 0 and not shown["confirmed"]
    paras = [p for p in shown["paragraphs"] if p["kind"] == "paragraph"]
    assert [p["number"] for p in paras] == list(range(1, len(paras) + 1))
    first, second = paras[0], paras[1]
    assert first["state"] == "generated" and first["sources"] and first["text"]
    assert {"path", "then", "now", "changed"} <= set(first["sources"][0])
    lang = shown["language"]
    res = cli("declaration", "edit", case_id, first["id"], "--lang", lang, "--text-stdin",
              stdin="My own first paragraph.\n").ok()
    assert "Saved as declaration version 2." in res.err
    cli("declaration", "move", case_id, first["id"], "--after", second["id"]).ok()
    shown = _show(cli, case_id)
    moved = next(p for p in shown["paragraphs"] if p["id"] == first["id"])
    assert moved["number"] == 2 and moved["state"] == "edited"
    assert moved["text"][lang] == "My own first paragraph."
    history = cli("declaration", "history", case_id).ok().out.splitlines()
    assert [line.split()[1] for line in history] == ["move", "edit", "start"]
    diff = cli("declaration", "diff", case_id, "1", "3").ok().out
    assert f"[{first['id']}] changed ¶ 1 -> ¶ 2" in diff and "+ own" in diff
    assert f"[{second['id']}] moved ¶ 2 -> ¶ 1" in diff or f"[{first['id']}] moved" in diff
    # an older base version is refused, in one line
    err = cli("declaration", "delete", case_id, first["id"], "--base-version", "2").failed().err
    assert "Someone else changed the declaration" in err
    assert _show(cli, case_id)["not_included"] == []
    if lang == "en":
        cli("declaration", "confirm", case_id, "--read-back-by", "A. Interpreter").ok()
        assert _show(cli, case_id)["confirmed"] is True


def test_bad_input_changes_nothing(cli: Run) -> None:
    case_id = _case(cli)
    pid = next(p["id"] for p in _show(cli, case_id)["paragraphs"] if p["kind"] == "paragraph")
    cli("declaration", "edit", case_id, pid, "--lang", "en", "--text-stdin", stdin="  ").failed()
    cli("declaration", "edit", case_id, "nosuch", "--lang", "en", "--text-stdin",
        stdin="Words.").failed()
    cli("declaration", "split", case_id, pid, "--at", "0").failed()
    assert cli("declaration", "history", case_id).ok().out == ""
    assert _show(cli, case_id)["version"] == 0
