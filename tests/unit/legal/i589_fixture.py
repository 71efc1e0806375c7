"""The public-domain copy of Form I-589 (edition 04/09/19) beside the repository, in
`shared/forms/` (see the README there): the tests' fixture, never shipped as the form to file.
A repository checked out as a worktree one folder deeper finds it one level further up."""

from __future__ import annotations

from pathlib import Path

import pytest

NAME = "i-589-rev-2019-04-09.pdf"
ROOT = Path(__file__).resolve().parents[3]


def form_2019() -> Path:
    for base in (ROOT / "..", ROOT / ".." / ".."):
        path = base / "shared" / "forms" / NAME
        if path.is_file():
            return path
    pytest.skip(f"the official form {NAME} is not beside the repository (shared/forms/)")


def field_names(path: Path) -> dict[str, set[str]]:
    """Every terminal field's fully qualified name -> its box on-states (empty for text)."""
    import pikepdf

    out: dict[str, set[str]] = {}

    def walk(field: pikepdf.Dictionary, prefix: str) -> None:
        name = f"{prefix}.{field.T}" if prefix and "/T" in field else str(field.get("/T", ""))
        kids = field.get("/Kids")
        if kids is not None and any("/T" in k for k in kids):
            for kid in kids:
                walk(kid, name)
            return
        states: set[str] = set()
        for widget in (kids if kids is not None else [field]):
            appearance = widget.get("/AP")
            if appearance is not None and isinstance(appearance.get("/N"), pikepdf.Dictionary):
                states |= {str(k).lstrip("/") for k in appearance.N.keys()} - {"Off"}
        out[name] = states

    with pikepdf.open(path) as pdf:
        for top in pdf.Root.AcroForm.Fields:
            walk(top, "")
    return out
