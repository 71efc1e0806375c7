"""Currency warnings of a cited (or citable) country report: the one function that decides
them, wherever a citation is shown (`coi cite`, `check --json`, the worksheet, the exhibit
index and packet, the library page).

A report is flagged when it is older than the configured number of years, has no date, has
a newer edition of its series in the library, had its details corrected after the citation
was made, or is no longer in the library (deleted: the citation's own copy is still good to
read). `LibraryState` is what the library says of the report now; the services read it.
Messages are whole translatable sentences; parameters hold report details, never case data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from asylum_prep.errors import N_


@dataclass(frozen=True)
class LibraryState:
    """The report as the library holds it now (`present` false: it is not there)."""

    present: bool = True
    published: date | None = None
    details_changed_at: datetime | None = None
    newer_title: str = ""
    newer_published: date | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True)
class CurrencyWarning:
    """`template` is translatable; `params` hold report details and dates only."""

    kind: str  # "old", "undated", "newer_edition", "changed", "deleted", "missing"
    template: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        text = translate(self.template) if translate else self.template
        return text.format(**self.params)

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "message": self.message()}


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def currency_warnings(
    state: LibraryState, *, published: date | None, today: date, stale_after_years: int,
    cited_at: datetime | None = None,
) -> list[CurrencyWarning]:
    """The warnings for a report the library holds as `state`. `published`: the date the
    citation carries (its snapshot; the report's own when it is still there); `cited_at`: when
    the citation was made (None for a report shown in the library)."""
    if not state.present:
        if state.deleted_at is not None:
            return [CurrencyWarning("deleted", N_(
                "The cited report was deleted from the library on {date}; the citation keeps "
                "the quotation and details it was made with."),
                {"date": state.deleted_at.date().isoformat()})]
        return [CurrencyWarning("missing", N_(
            "The cited report is no longer in the library; the quotation was kept."))]
    out: list[CurrencyWarning] = []
    when = state.published if state.published is not None else published
    if when is None:
        out.append(CurrencyWarning("undated", N_(
            "The report has no publication date: check its currency before filing.")))
    elif when < today - timedelta(days=round(365.25 * stale_after_years)):
        out.append(CurrencyWarning("old", N_(
            "The report was published on {published}, more than {years} years ago."),
            {"published": when.isoformat(), "years": stale_after_years}))
    if state.newer_title:
        out.append(CurrencyWarning("newer_edition", N_(
            "A newer edition is in the library: {title} ({published})."),
            {"title": state.newer_title, "published": state.newer_published}))
    changed = state.details_changed_at
    if cited_at is not None and changed is not None and _aware(changed) > _aware(cited_at):
        out.append(CurrencyWarning("changed", N_(
            "The report's details changed on {date}, after this citation was made: check "
            "the title, publisher, date and address it shows."),
            {"date": changed.date().isoformat()}))
    return out
