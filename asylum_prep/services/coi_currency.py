"""Currency warnings of country reports from what the library holds now: the services'
side of `domain.citation_currency.currency_warnings` (the one function deciding them).

No access checks here: callers hold the record or the report already (`coi`, `checks`,
`render`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from asylum_prep.country_info import library
from asylum_prep.country_info.tables import CoiReport
from asylum_prep.domain.citation_currency import CurrencyWarning, LibraryState, currency_warnings
from asylum_prep.domain.citations import Citation

STALE_AFTER_YEARS = 2


def _state(session: Session, report: CoiReport) -> LibraryState:
    newer = library.newer_editions(session, report)
    return LibraryState(
        present=True, published=report.published,
        details_changed_at=report.details_changed_at,
        newer_title=newer[0].title if newer else "",
        newer_published=newer[0].published if newer else None)


def report_warnings(session: Session, report: CoiReport, *, today: date | None = None,
                    stale_after_years: int = STALE_AFTER_YEARS) -> list[CurrencyWarning]:
    """Currency of one report in the library (not cited: no "changed since" warning)."""
    return currency_warnings(_state(session, report), published=report.published,
                             today=today or date.today(), stale_after_years=stale_after_years)


def currency_by_citation(session: Session, citations: Sequence[Citation], *,
                         today: date | None = None,
                         stale_after_years: int = STALE_AFTER_YEARS,
                         ) -> dict[str, list[CurrencyWarning]]:
    """Warnings per citation id (only citations that have some)."""
    today = today or date.today()
    gone = library.deletions(session, [c.report_id for c in citations])
    states: dict[str, LibraryState] = {}
    out: dict[str, list[CurrencyWarning]] = {}
    for c in citations:
        if c.report_id not in states:
            report = session.get(CoiReport, c.report_id)
            states[c.report_id] = (_state(session, report) if report is not None else
                                   LibraryState(present=False,
                                                deleted_at=gone.get(c.report_id)))
        warnings = currency_warnings(states[c.report_id], published=c.published, today=today,
                                     stale_after_years=stale_after_years, cited_at=c.at)
        if warnings:
            out[c.id] = warnings
    return out
