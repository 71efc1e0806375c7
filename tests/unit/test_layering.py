"""One direction only: the core packages never import Streamlit (architecture.md)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "asylum_prep"
CORE = [
    "domain",
    "forms",
    "storage",
    "services",
    "legal",
    "evidence",
    "country_info",
    "documents",
    "i18n.py",
    "config.py",
    "errors.py",
]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _core_files() -> list[Path]:
    files: list[Path] = []
    for entry in CORE:
        path = PACKAGE / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_core_module_does_not_import_streamlit(path):
    assert "streamlit" not in _imports(path)


def test_the_check_sees_the_core():
    assert len(_core_files()) > 20
