"""The installed `asylum-prep` script in subprocesses: what a script captures (ids, JSON,
tables) arrives alone on stdout and notes on stderr; control characters reach the terminal
escaped; bad input ends in one line with no traceback; and the quick commands leave the heavy
libraries unloaded (checked in `sys.modules`, never by timing)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "asylum-prep"
ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason="console script not installed")

HEAVY = ("weasyprint", "alembic", "pikepdf", "pypdf", "docx", "fontTools", "streamlit", "PIL",
         "asylum_prep.evidence.packet", "asylum_prep.documents")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASYLUM_PREP_")}
    return {**env, "PYTHONWARNINGS": "ignore", **extra}


def _run(data: Path, *args: str, stdin: str = "",
         **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), "--data-dir", str(data), *args], input=stdin,
                          capture_output=True, text=True, env=_env(**env), timeout=120,
                          check=False)


def test_results_on_stdout_notes_on_stderr(tmp_path: Path) -> None:
    data = tmp_path / "data"
    empty = _run(data, "case", "list")
    assert (empty.returncode, empty.stdout, empty.stderr) == (0, "", "No cases yet.\n")
    created = _run(data, "case", "create", "--title", "Script client", "--sample")
    case_id = created.stdout.strip()
    assert created.returncode == 0 and len(case_id) == 36 and created.stderr == ""
    listed = json.loads(_run(data, "case", "list", "--json").stdout)
    assert [row["id"] for row in listed] == [case_id]
    table = _run(data, "case", "list").stdout.splitlines()
    assert table[0].startswith("ID") and table[1].startswith(case_id) and len(table) == 2

    archive = tmp_path / "case.bin"
    exported = _run(data, "case", "export", case_id, "--out", str(archive),
                    "--passphrase-stdin", stdin="a passphrase for tests\n")
    assert exported.returncode == 0 and exported.stdout == ""
    assert str(archive) in exported.stderr

    letter = tmp_path / "letter.txt"
    letter.write_text("A letter from my employer.\n")
    added = _run(data, "evidence", "add", case_id, str(letter))
    assert added.returncode == 0 and len(added.stdout.strip()) == 12 and "\n" not in \
        added.stdout.strip()


def test_control_characters_reach_the_terminal_escaped(tmp_path: Path) -> None:
    data = tmp_path / "data"
    record = json.loads(_sample_json(data))
    record["about"]["given_names"] = "Nasrin\x1b[2J\u202e"
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(record), encoding="utf-8")
    case_id = _run(data, "case", "create", "--title", "T\x1b]0;x\x07\u202eitle",
                   "--answers", str(answers)).stdout.strip()
    shown = _run(data, "case", "show", case_id)
    assert "Case " + case_id + ": T]0;xitle" in shown.stdout  # the title was cleaned on input
    assert "Applicant: Nasrin\\x1b[2J\\u202e" in shown.stdout  # an answer is shown escaped
    assert "\x1b" not in shown.stdout and "\u202e" not in shown.stdout
    exact = json.loads(_run(data, "case", "show", case_id, "--json").stdout)
    assert exact["about"]["given_names"] == "Nasrin\x1b[2J\u202e"  # JSON keeps the value
    raw = _run(data, "case", "show", case_id, "--json").stdout
    assert "\\u001b[2J\\u202e" in raw and "\u202e" not in raw


def _sample_json(data: Path) -> str:
    case_id = _run(data, "case", "create", "--title", "Sample", "--sample").stdout.strip()
    return _run(data, "case", "show", case_id, "--json").stdout


@pytest.mark.parametrize(("args", "env"), [
    (["case", "create", "--title", "T", "--answers", "/dev/zero"], {}),
    (["case", "list"], {"ASYLUM_PREP_IDLE_TIMEOUT_MINUTES": "abc"}),
    (["case", "list"], {"ASYLUM_PREP_DATABASE_URL": "nonsense://"}),
    (["case", "list"], {"ASYLUM_PREP_MASTER_KEY": '{"keys": []}'}),
    (["coi", "search", "x", "--limit", "nan"], {}),
])
def test_bad_input_is_one_line_in_a_real_process(tmp_path: Path, args: list[str],
                                                  env: dict[str, str]) -> None:
    done = _run(tmp_path / "data", *args, **env)
    assert done.returncode in (1, 2) and done.stdout == ""
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("asylum-prep")
    assert "Traceback" not in done.stderr


def _loaded_after(data: Path, *args: str) -> list[str]:
    """The heavy modules loaded once the CLI has run `args` in a fresh interpreter."""
    code = (
        "import sys\n"
        "from asylum_prep.cli import main\n"
        "try:\n"
        f"    main({['--data-dir', str(data), *args]!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), cwd=ROOT, timeout=120, check=True)
    return list(json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"')))


def test_quick_commands_leave_heavy_libraries_unloaded(tmp_path: Path) -> None:
    data = tmp_path / "data"
    case_id = _run(data, "case", "create", "--title", "Quick", "--sample").stdout.strip()
    assert _loaded_after(data, "--help") == []
    assert _loaded_after(data, "case", "list") == []
    assert _loaded_after(data, "check", case_id, "--json") == []
    assert _loaded_after(data, "coi", "search", "students") == []
    assert _loaded_after(data, "authorities", "list") == []


def test_help_loads_no_database_or_model_library(tmp_path: Path) -> None:
    code = ("import sys\nfrom asylum_prep.cli import main\ntry:\n    main(['--help'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'sqlalchemy', 'sqlmodel', 'pydantic', 'cryptography', 'argon2'}), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=_env(), cwd=ROOT, timeout=120, check=True)
    assert done.stderr.strip().splitlines()[-1] == "[]"
