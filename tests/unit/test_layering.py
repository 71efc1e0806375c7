"""The layer contracts of pyproject.toml ([tool.importlinter], docs/architecture.md) hold in a
bare pytest run too: lint-imports checks the whole import graph, imports inside functions
included."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint(project: Path) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS.is_file(), f"{LINT_IMPORTS} is missing: run `make venv`"
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-logo", "--no-cache"], cwd=project, capture_output=True,
        text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(project)},
    )


def test_the_layer_contracts_hold() -> None:
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_lazy_import_across_the_layers_breaks_them(tmp_path: Path) -> None:
    """The same check on a copy of the package where the questionnaire imports Streamlit and
    a service inside a function."""
    shutil.copytree(ROOT / "asylum_prep", tmp_path / "asylum_prep",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with (tmp_path / "asylum_prep" / "forms" / "choices.py").open("a") as module:
        module.write("\n\ndef _probe() -> None:\n    import streamlit\n\n"
                     "    from asylum_prep.services import audit\n")
    result = _lint(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "asylum_prep.forms.choices -> streamlit" in result.stdout
    assert "asylum_prep.forms.choices -> asylum_prep.services.audit" in result.stdout
