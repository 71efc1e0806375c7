"""Display names for roles, case statuses, jurisdictions and the applicant's "I don't know" /
"skip for now" marks (English, marked for translation)."""

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

# record.skipped: the team must see "she does not know" and "not answered yet" apart.
SKIPPED_LABELS: dict[str, str] = {
    "unknown": N_("Your client does not know."),
    "skip": N_("Skipped for now"),
}


def skipped_label(t: Translator, kind: str) -> str:
    """How staff screens show an answer marked "I don't know" or skipped ("" when neither)."""
    return label(t, SKIPPED_LABELS, kind) if kind in SKIPPED_LABELS else ""


def label(t: Translator, mapping: dict[str, str], key: str) -> str:
    """The translated label for `key`, or the key itself when it has none."""
    text = mapping.get(str(key))
    return t(text) if text else str(key)
