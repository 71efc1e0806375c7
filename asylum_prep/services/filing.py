"""The filing details the legal team enters: forum, court, judge, next hearing, file number,
counsel and the party served. They fill the caption of the brief, the packet's cover and the
certificate of service; the wizard never asks them of the applicant.

Changing them needs an attorney or paralegal of the case (Permission.write) and is saved as a
new version through `cases.save_as_team` (audited as "filing_set"), so a concurrent edit of the
same detail is refused and nothing is lost. Each value is one line (line breaks are refused,
control characters dropped by `clean_line`); the forum must be one of the case's
jurisdiction; a US forum sets the proceeding (immigration court: defensive; asylum office:
affirmative).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from asylum_prep.domain.base import MAX_SHORT_CHARS
from asylum_prep.domain.record import FORUMS_BY_JURISDICTION, Filing, Forum, Proceeding
from asylum_prep.errors import N_, InputRefused, PermissionDenied
from asylum_prep.services import cases
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.text import clean_line

# The details staff set here, each with its label (an N_ source) for the page and the CLI.
FIELDS: dict[str, str] = {
    "forum": N_("Where the claim is decided"),
    "court": N_("Court or office"),
    "judge": N_("Judge or member"),
    "next_hearing": N_("Next hearing date"),
    "hearing_kind": N_("Kind of hearing"),
    "file_number": N_("File or appeal number"),
    "counsel_name": N_("Counsel's name"),
    "counsel_firm": N_("Firm or organisation"),
    "counsel_address": N_("Counsel's address"),
    "counsel_phone": N_("Counsel's telephone"),
    "counsel_email": N_("Counsel's email"),
    "counsel_bar_number": N_("Bar or licence number"),
    "counsel_eoir_id": N_("EOIR ID"),
    "served_on": N_("Party served"),
}
FORUM_LABELS: dict[Forum, str] = {
    Forum.unset: N_("Not chosen yet"),
    Forum.us_asylum_office: N_("USCIS asylum office (affirmative)"),
    Forum.us_immigration_court: N_("Immigration court (removal proceedings)"),
    Forum.uk_home_office: N_("Home Office"),
    Forum.uk_tribunal: N_("First-tier Tribunal (Immigration and Asylum Chamber)"),
    Forum.ca_rpd: N_("Immigration and Refugee Board, Refugee Protection Division"),
    Forum.eu_authority: N_("National asylum authority"),
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EARLIEST_HEARING, LATEST_HEARING = date(2000, 1, 1), date(2100, 12, 31)


def forums(jurisdiction: str) -> tuple[Forum, ...]:
    return FORUMS_BY_JURISDICTION.get(str(jurisdiction), ())


def _value(name: str, raw: str, jurisdiction: str) -> object:
    if "\n" in raw or "\r" in raw:
        raise InputRefused(N_("{field} is one line; remove the line breaks."),
                           field=FIELDS[name])
    text = clean_line(raw)
    if len(text) > MAX_SHORT_CHARS:
        raise InputRefused(N_("{field} has at most {n} characters."), field=FIELDS[name],
                           n=MAX_SHORT_CHARS)
    if name == "forum":
        if not text:
            return Forum.unset
        if text not in {f.value for f in forums(jurisdiction)}:
            raise InputRefused(N_("This forum does not fit the case's jurisdiction; choose one "
                                  "of: {choices}."),
                               choices=", ".join(f.value for f in forums(jurisdiction)))
        return Forum(text)
    if name == "next_hearing":
        if not text:
            return None
        try:
            when = date.fromisoformat(text)
        except ValueError:
            raise InputRefused(N_("Write the hearing date as year-month-day, for example "
                                  "2027-03-15.")) from None
        if not EARLIEST_HEARING <= when <= LATEST_HEARING:
            raise InputRefused(N_("The hearing date {date} is not a plausible date."),
                               date=text)
        return when
    if name == "counsel_email" and text and not _EMAIL.match(text):
        raise InputRefused(N_("This email address does not look right: {email}"), email=text)
    return text


def apply(filing: Filing, changes: Mapping[str, str], jurisdiction: str) -> Filing:
    """The filing details with `changes` applied (names from FIELDS; "" clears a value).
    Refuses, changing nothing, on an unknown name or a bad value."""
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise InputRefused(N_("Unknown filing detail: {names}. Known: {known}."),
                           names=", ".join(unknown), known=", ".join(FIELDS))
    update = {name: _value(name, str(raw), jurisdiction) for name, raw in changes.items()}
    forum = update.get("forum")
    if forum is Forum.us_immigration_court:
        update["proceeding"] = Proceeding.defensive
    elif forum is Forum.us_asylum_office:
        update["proceeding"] = Proceeding.affirmative
    return Filing.model_validate({**filing.model_dump(), **update})


@guarded
def set_filing_details(store: Store, actor: Actor, case_id: str, *,
                       changes: Mapping[str, str], base_version: int) -> int:
    """Save the changed filing details as a new version based on `base_version`; returns the
    version now current (the same one when nothing changed)."""
    with store.session() as session:
        role = require(session, actor, case_id, Permission.write)
        if role not in (Role.attorney, Role.paralegal):
            raise PermissionDenied()
        case = repo.get_case(session, case_id)
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, base_version))
        jurisdiction = case.jurisdiction
    filing = apply(record.filing, changes, jurisdiction)
    if filing == record.filing:
        return base_version
    changed = record.model_copy(update={"filing": filing})
    return cases.save_as_team(store, actor, case_id, record=changed, base_version=base_version,
                              permission=Permission.write, action="filing_set")
