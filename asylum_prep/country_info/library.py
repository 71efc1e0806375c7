"""Reading and writing the library tables: reports, passages, editions of a series, the same
report in another form (`near_duplicates`), corrections of a report's details, deletions.

Portable SQL only (the engine-specific index is maintained by the database itself: triggers
on SQLite, a generated column on PostgreSQL). Passages are written in one executemany.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, insert, update
from sqlmodel import Session, col, select

from asylum_prep.country_info import near_duplicates
from asylum_prep.country_info.facets import facets_text
from asylum_prep.country_info.importers import ReportMeta, series_key
from asylum_prep.country_info.passages import Passage
from asylum_prep.country_info.tables import CoiPassage, CoiReport, CoiReportDeletion
from asylum_prep.errors import N_, NotFoundError
from asylum_prep.text import index_form


@dataclass(frozen=True)
class StoredPassage:
    passage: CoiPassage
    report: CoiReport


def find_by_hash(session: Session, content_hash: str) -> CoiReport | None:
    return session.exec(select(CoiReport).where(CoiReport.content_hash == content_hash)).first()


def find_same(session: Session, text_hash: str, signature: str,
              meta: ReportMeta | None = None) -> CoiReport | None:
    """A report already in the library with the same words, or nearly the same shingles.
    Another edition of `meta`'s series (same series, another title: "..., May 2022" and
    "..., October 2025") is not the same report, however much text the two share."""

    def other_edition(report: CoiReport) -> bool:
        return (meta is not None and report.series_key == meta.series_key
                and report.title.casefold() != meta.title.casefold())

    for report in session.exec(select(CoiReport).where(CoiReport.text_hash == text_hash)):
        if not other_edition(report):
            return report
    rows = session.exec(select(CoiReport.id, CoiReport.signature)
                        .where(CoiReport.signature != ""))
    for rid, sig in rows:
        if near_duplicates.same_report(signature, sig):
            near = session.get(CoiReport, rid)
            if near is not None and not other_edition(near):
                return near
    return None


def add_report(
    session: Session, *, meta: ReportMeta, kind: str, file_name: str, content_hash: str,
    page_count: int | None, passages: Sequence[Passage], actor_id: int | None,
    fingerprint: tuple[str, str] = ("", ""),
) -> CoiReport:
    """`fingerprint`: `near_duplicates.fingerprint` of the passages' texts."""
    report = CoiReport(
        id=str(uuid.uuid4()), content_hash=content_hash, country=meta.country,
        publisher=meta.publisher, title=meta.title, series_key=meta.series_key,
        published=meta.published, url=meta.url, source_kind=kind, file_name=file_name[:255],
        page_count=page_count, passage_count=len(passages), imported_by=actor_id,
        text_hash=fingerprint[0], signature=fingerprint[1],
    )
    session.add(report)
    session.flush()
    insert_passages(session, report.id, passages, facets=facets_text(meta.country, meta.publisher))
    return report


def insert_passages(session: Session, report_id: str, passages: Sequence[Passage], *,
                    facets: str) -> None:
    """`facets`: `facets.facets_text(country, publisher)` of the report."""
    if not passages:
        return
    rows = [
        {"report_id": report_id, "ordinal": p.ordinal, "page": p.page, "page_end": p.page_end,
         "page_label": p.page_label[:32], "page_end_label": p.page_end_label[:32],
         "section": p.section,
         "text": p.text, "norm": index_form(f"{p.section} {p.text}" if p.section else p.text),
         "facets": facets}
        for p in passages
    ]
    session.execute(insert(CoiPassage.__table__), rows)  # type: ignore[attr-defined]


def list_reports(session: Session, *, country: str | None = None) -> list[CoiReport]:
    query = select(CoiReport).order_by(col(CoiReport.country), col(CoiReport.published).desc())
    if country:
        query = query.where(CoiReport.country == country)
    return list(session.exec(query))


def get_report(session: Session, report_id: str) -> CoiReport:
    report = session.get(CoiReport, report_id) if len(report_id) <= 36 else None
    if report is None:
        raise NotFoundError(N_("No report with id {report_id} is in the library."),
                            report_id=report_id[:40])
    return report


def get_passage(session: Session, passage_id: int) -> StoredPassage:
    passage = session.get(CoiPassage, passage_id) if 0 < passage_id < 2**62 else None
    if passage is None:
        raise NotFoundError(N_("No passage {passage_id} is in the library."),
                            passage_id=passage_id)
    return StoredPassage(passage, get_report(session, passage.report_id))


def newer_editions(session: Session, report: CoiReport) -> list[CoiReport]:
    """Reports of the same series (publisher, country, title without years) published later."""
    if report.published is None:
        return []
    query = select(CoiReport).where(
        CoiReport.series_key == report.series_key, CoiReport.id != report.id,
        col(CoiReport.published) > report.published,
    ).order_by(col(CoiReport.published).desc())
    return list(session.exec(query))


def publishers(session: Session) -> list[str]:
    return sorted({r for r in session.exec(select(CoiReport.publisher).distinct())})


@dataclass(frozen=True)
class Details:
    """A report's details as the team corrects them (all given, validated by the caller)."""

    title: str
    publisher: str
    published: date | None
    country: str
    url: str


def changed_fields(report: CoiReport, details: Details) -> list[str]:
    return [name for name in ("title", "publisher", "published", "country", "url")
            if getattr(report, name) != getattr(details, name)]


def update_report(session: Session, report: CoiReport, details: Details) -> list[str]:
    """Correct a report's details; returns the names of the fields that changed. The series
    key follows the new details, and so do its passages' facets (the index's filters)."""
    changed = changed_fields(report, details)
    if not changed:
        return []
    for name in changed:
        setattr(report, name, getattr(details, name))
    report.series_key = series_key(details.publisher, details.country, details.title)
    report.details_changed_at = datetime.now(UTC)
    session.add(report)
    if {"country", "publisher"} & set(changed):
        session.execute(update(CoiPassage).where(col(CoiPassage.report_id) == report.id)
                        .values(facets=facets_text(details.country, details.publisher)))
    session.flush()
    return changed


def delete_report(session: Session, report_id: str, *, actor_id: int | None = None) -> None:
    """Remove a report and its passages, remembering when (citations keep their own copy)."""
    get_report(session, report_id)
    session.execute(delete(CoiPassage).where(col(CoiPassage.report_id) == report_id))
    session.execute(delete(CoiReport).where(col(CoiReport.id) == report_id))
    session.add(CoiReportDeletion(report_id=report_id, deleted_at=datetime.now(UTC),
                                  deleted_by=actor_id))


def deletions(session: Session, report_ids: Sequence[str]) -> dict[str, datetime]:
    if not report_ids:
        return {}
    rows = session.exec(select(CoiReportDeletion).where(
        col(CoiReportDeletion.report_id).in_(list(report_ids))))
    return {r.report_id: r.deleted_at for r in rows}
