"""No dead code: vulture finds nothing unused in asylum_prep/ beyond tests/vulture_whitelist.py,
whose every entry is explained there and still names something in the package."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WHITELIST = ROOT / "tests" / "vulture_whitelist.py"
MIN_CONFIDENCE = "60"


def _vulture(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "vulture", *map(str, paths), "--min-confidence", MIN_CONFIDENCE],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )


def test_vulture_finds_no_dead_code() -> None:
    done = _vulture(ROOT / "asylum_prep", WHITELIST)
    assert done.returncode == 0 and not done.stdout, (
        "Unused code (delete it, or wire it with a test; add a name to "
        f"tests/vulture_whitelist.py only when a library or file reads it):\n{done.stdout}"
        f"{done.stderr}")


def test_the_check_catches_a_dead_function(tmp_path: Path) -> None:
    module = tmp_path / "planted.py"
    module.write_text("def never_called(value):\n    return value\n")
    done = _vulture(module, WHITELIST)
    assert "unused function 'never_called'" in done.stdout


def test_every_whitelisted_name_still_exists() -> None:
    names = re.findall(r"^_\.(\w+)", WHITELIST.read_text(), re.MULTILINE)
    assert len(names) > 50
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "asylum_prep").rglob("*.py"))
    gone = [n for n in names if not re.search(rf"\b{re.escape(n)}\b", source)]
    assert not gone, f"whitelisted names no longer in asylum_prep/ (remove them): {gone}"
    assert len(names) == len(set(names)), "a name is whitelisted twice"
