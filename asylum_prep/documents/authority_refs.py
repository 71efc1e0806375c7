"""The one place the brief turns an authority id into the citation it prints.

The authorities library (legal.authorities: id -> citation, holding, date) is being built
separately; until it is merged, `cite` knows no authority, so the brief leaves every
authority out and reports each id as a notice (never printed raw). The lead wires `cite` to
legal.authorities at merge: return the citation exactly as printed, or None when unknown.
"""

from __future__ import annotations

KNOWN: dict[str, str] = {}  # id -> citation; empty until the library is wired in


def cite(authority_id: str) -> str | None:
    """The citation for `authority_id` as the brief prints it, or None when unknown."""
    return KNOWN.get(authority_id)
