"""The one place the brief turns an authority id into the citation it prints: the dated
authorities library (legal.authorities), exactly as it prints citations everywhere else. An id
the library does not hold gives None: the brief leaves it out and reports it, never prints it.
"""

from __future__ import annotations

from asylum_prep.legal import authorities


def cite(authority_id: str) -> str | None:
    """The citation for `authority_id` as the brief prints it, or None when unknown."""
    try:
        return authorities.citation(authority_id)
    except authorities.UnknownAuthority:
        return None
