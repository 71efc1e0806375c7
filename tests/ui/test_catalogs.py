"""The Spanish and Persian catalogs cover every string of the app shell and keep placeholders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

import asylum_prep
from asylum_prep.i18n import LOCALES_DIR

PKG = Path(asylum_prep.__file__).resolve().parent
SHELL_FILES = [
    "errors.py",
    "services/users.py",
    "services/cases.py",
    "services/invites.py",
    *(
        f"ui/{name}.py"
        for name in (
            "account",
            "admin",
            "applicant_home",
            "auth_views",
            "case_history",
            "case_list",
            "chrome",
            "dashboard",
            "labels",
            "navigation",
            "oidc",
            "page",
            "session",
            "store",
        )
    ),
]
KEYWORDS = {"N_": None, "t": None, "plural": (1, 2)}


def _shell_messages() -> set[str | tuple[str, ...]]:
    found: set[str | tuple[str, ...]] = set()
    for rel in SHELL_FILES:
        for _line, msg, _comments, _ctx in extract_from_file(
            "python", PKG / rel, keywords=KEYWORDS
        ):
            found.add(msg if isinstance(msg, str) else tuple(msg))
    return found


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)\}", text))


@pytest.mark.parametrize("lang", ["es", "fa"])
def test_catalog_covers_the_shell(lang: str) -> None:
    po = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    assert "# Review-State: machine-assisted" in po.read_text(encoding="utf-8")
    catalog = read_po(po.open("rb"), locale=lang)
    messages = _shell_messages()
    assert len(messages) > 150
    for msg in messages:
        key = msg if isinstance(msg, str) else msg[0]
        entry = catalog.get(key)
        assert entry is not None and not entry.fuzzy, f"{lang}: missing {msg!r}"
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        assert all(strings), f"{lang}: untranslated {msg!r}"
        wanted = _placeholders(key)
        for text in strings:
            assert _placeholders(text) == wanted, f"{lang}: placeholders of {msg!r}"


def test_persian_shell_has_no_latin_sentences() -> None:
    """Nasrin never meets English: a Persian shell string has no run of Latin words (codes,
    ids and placeholders excepted)."""
    catalog = read_po((LOCALES_DIR / "fa" / "LC_MESSAGES" / "messages.po").open("rb"), locale="fa")
    for msg in _shell_messages():
        key = msg if isinstance(msg, str) else msg[0]
        entry = catalog.get(key)
        assert entry is not None
        text = entry.string if isinstance(entry.string, str) else entry.string[0]
        text = re.sub(r"\{\w*\}|ASYLUM_PREP_\w+|\b(us|uk|ca|eu)\b", "", text)
        assert not re.search(r"[A-Za-z]{3,}\s+[A-Za-z]{3,}", text), (key, text)
