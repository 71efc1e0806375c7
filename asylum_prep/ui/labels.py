"""Display names for roles, case statuses and jurisdictions (English, marked for translation)."""

from __future__ import annotations

from asylum_prep.errors import N_
from asylum_prep.i18n import Translator

APP_NAME = "asylum-prep"

ROLE_LABELS: dict[str, str] = {
    "admin": N_("Administrator"),
    "attorney": N_("Attorney"),
    "paralegal": N_("Paralegal"),
    "translator": N_("Translator"),
    "applicant": N_("Applicant"),
}

STATUS_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "filed": N_("Filed"),
    "closed": N_("Closed"),
}

JURISDICTION_LABELS: dict[str, str] = {
    "us": N_("United States"),
    "uk": N_("United Kingdom"),
    "ca": N_("Canada"),
    "eu": N_("European Union"),
}


def label(t: Translator, mapping: dict[str, str], key: str) -> str:
    """The translated label for `key`, or the key itself when it has none."""
    text = mapping.get(str(key))
    return t(text) if text else str(key)
