"""Country-conditions use cases: import reports, search, suggest for a case, cite, warn.

Reports are public and shared by the whole team; access rules: attorneys, paralegals and
admins import; any staff member searches. Suggestions read a case (Permission.read) and use
its facts only in memory. Citations change a case (Permission.write, staff) and are saved
through `cases.save_as_team`. Audit details carry counts only: a search query or a
suggestion's terms can reveal the facts of a case.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy.exc
from sqlmodel import Session

from asylum_prep.country_info import library
from asylum_prep.country_info import search as engine
from asylum_prep.country_info import suggestions as suggest_mod
from asylum_prep.country_info.importers import (
    MAX_FILE_BYTES,
    ImportOptions,
    parse_file,
    resolve_metadata,
    valid_country,
)
from asylum_prep.country_info.passages import to_passages
from asylum_prep.country_info.query import LANGUAGE_ALIASES
from asylum_prep.country_info.tables import CoiReport
from asylum_prep.domain.citations import (
    REJECTIONS_KEY,
    Citation,
    ElementKey,
    Rejection,
)
from asylum_prep.domain.citations import (
    citations_by_element as _count,
)
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, AsylumPrepError, InputRefused, NotFoundError
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission, guarded, require, require_role
from asylum_prep.services.actor import STAFF_ROLES, Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import utcnow
from asylum_prep.text import clean_line
from asylum_prep.word_forms import LANGUAGES

IMPORT_ROLES = (Role.attorney, Role.paralegal, Role.admin)
CITE_ROLES = (Role.attorney, Role.paralegal)
STALE_AFTER_YEARS = 2
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class ImportOutcome:
    name: str
    status: str  # "imported", "duplicate" or "skipped"
    report_id: str | None = None
    passages: int = 0
    error: AsylumPrepError | None = None

    @property
    def reason(self) -> str:
        return self.error.message() if self.error else ""


@dataclass(frozen=True)
class Warning:
    """A currency warning; `template` is translatable, `params` hold no applicant data."""

    kind: str  # "old", "newer_edition", "undated", "missing"
    template: str
    params: dict[str, object]

    def message(self, translate: Callable[[str], str] | None = None) -> str:
        text = translate(self.template) if translate else self.template
        return text.format(**self.params)


def citations_by_element(record: CaseRecord) -> dict[str, int]:
    """Counts per element, for `legal.assess(..., country_evidence=...)`."""
    return _count(record)


# ---- import ---------------------------------------------------------------------------


def _import_one(store: Store, actor: Actor, name: str, data: bytes,
                options: ImportOptions) -> ImportOutcome:
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        with store.session() as session:
            existing = library.find_by_hash(session, content_hash)
            if existing is not None:
                return ImportOutcome(name, "duplicate", existing.id, existing.passage_count,
                                     InputRefused(N_("This report is already in the library.")))
            parsed = parse_file(name, data)
            meta = resolve_metadata(parsed, options, name)
            passages = to_passages(parsed.blocks)
            report = library.add_report(
                session, meta=meta, kind=parsed.kind, file_name=clean_line(Path(name).name),
                content_hash=content_hash, page_count=parsed.page_count, passages=passages,
                actor_id=actor.id or None,
            )
            return ImportOutcome(name, "imported", report.id, len(passages))
    except InputRefused as exc:
        return ImportOutcome(name, "skipped", error=exc)
    except sqlalchemy.exc.IntegrityError:  # the same file imported meanwhile by someone else
        return ImportOutcome(name, "duplicate",
                             error=InputRefused(N_("This report is already in the library.")))


def _audit_import(store: Store, actor: Actor, outcomes: Sequence[ImportOutcome]) -> None:
    counts = {s: sum(1 for o in outcomes if o.status == s)
              for s in ("imported", "duplicate", "skipped")}
    passages = sum(o.passages for o in outcomes if o.status == "imported")
    with store.session() as session:
        audit.log(session, actor, "coi_import", detail=(
            f"imported={counts['imported']} duplicates={counts['duplicate']} "
            f"skipped={counts['skipped']} passages={passages}"))


@guarded
def import_files(
    store: Store, actor: Actor, *, files: Sequence[tuple[str, bytes]],
    options: ImportOptions | None = None, progress: Progress | None = None,
) -> list[ImportOutcome]:
    """Import uploaded files (name, bytes), each on its own: a bad one is skipped."""
    require_role(actor, *IMPORT_ROLES)
    outcomes = []
    for done, (name, data) in enumerate(files, 1):
        outcomes.append(_import_one(store, actor, name, data, options or ImportOptions()))
        if progress:
            progress(done, len(files), name)
    _audit_import(store, actor, outcomes)
    return outcomes


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files named, and the files inside folders named (recursively, hidden ones left out)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ))
        else:
            out.append(path)
    return out


def _read_report_file(path: Path) -> bytes:
    """A file's bytes, one past the import limit at most (the parser refuses a larger one).
    Devices such as /dev/zero, and other special files, are refused, not read for ever."""
    with path.open("rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise InputRefused(N_("{path} is not a file that can be read."), path=str(path))
        return fh.read(MAX_FILE_BYTES + 1)


@guarded
def import_paths(
    store: Store, actor: Actor, *, paths: Sequence[Path], options: ImportOptions | None = None,
    progress: Progress | None = None,
) -> list[ImportOutcome]:
    """Import files and folders from the server's disk (CLI, admins in the app)."""
    require_role(actor, *IMPORT_ROLES)
    files = expand_paths(paths)
    outcomes = []
    for done, path in enumerate(files, 1):
        try:
            data = _read_report_file(path)
        except OSError as exc:
            outcome = ImportOutcome(str(path), "skipped", error=InputRefused(
                N_("The file could not be read: {detail}"), detail=exc.strerror or "error"))
        except InputRefused as exc:
            outcome = ImportOutcome(str(path), "skipped", error=exc)
        else:
            outcome = _import_one(store, actor, str(path), data, options or ImportOptions())
        outcomes.append(outcome)
        if progress:
            progress(done, len(files), str(path))
    _audit_import(store, actor, outcomes)
    return outcomes


# ---- library and search ---------------------------------------------------------------


@guarded
def list_reports(store: Store, actor: Actor, *, country: str | None = None) -> list[CoiReport]:
    require_role(actor, *STAFF_ROLES)
    with store.session() as session:
        return library.list_reports(session, country=valid_country(country) if country else None)


@guarded
def list_publishers(store: Store, actor: Actor) -> list[str]:
    require_role(actor, *STAFF_ROLES)
    with store.session() as session:
        return library.publishers(session)


@guarded
def delete_report(store: Store, actor: Actor, *, report_id: str) -> None:
    """Remove a report and its passages (citations already made keep their quoted text)."""
    require_role(actor, Role.attorney, Role.admin)
    with store.session() as session:
        library.delete_report(session, report_id)
        audit.log(session, actor, "coi_delete", detail=f"report={report_id}")


@guarded
def search(
    store: Store, actor: Actor, *, query: str, country: str | None = None,
    publisher: str | None = None, since: date | None = None, until: date | None = None,
    since_year: int | None = None, language: str | None = None, limit: int = 20,
    offset: int = 0,
) -> engine.SearchPage:
    """Ranked passages (the query language: `country_info.query`). Audited with the number
    of hits only, never the query. A language not known is refused."""
    require_role(actor, *STAFF_ROLES)
    if since_year is not None:
        if not 1900 <= since_year <= 2999:
            raise InputRefused(N_("Give the year as four digits, for example 2022."))
        since = max(since or date.min, date(since_year, 1, 1))
    if language is not None:
        language = LANGUAGE_ALIASES.get(language.lower(), language.lower())
        if language not in LANGUAGES:
            raise InputRefused(N_("Unknown language {language}: choose one of {choices}."),
                               language=language[:20], choices=", ".join(LANGUAGES))
    filters = engine.Filters(
        country=valid_country(country) if country else None,
        publisher=publisher or None, since=since, until=until, language=language,
    )
    with store.session() as session:
        page = engine.search(session, query, filters, limit=limit, offset=offset)
        audit.log(session, actor, "coi_search", detail=f"hits={page.total} shown={len(page.hits)}")
        return page


# ---- suggestions and citations --------------------------------------------------------


@guarded
def suggest(store: Store, actor: Actor, case_id: str, *,
            per_target: int = 5) -> list[suggest_mod.TargetSuggestions]:
    require_role(actor, *STAFF_ROLES)
    with store.session() as session:
        require(session, actor, case_id, Permission.read)
        case = repo.get_case(session, case_id)
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, case.current_version))
        out = suggest_mod.suggest(session, record, per_target=per_target)
        audit.log(session, actor, "coi_suggest", case_id,
                  f"targets={len(out)} suggestions={sum(len(t.suggestions) for t in out)}")
        return out


def _open_for_change(store: Store, actor: Actor, case_id: str) -> cases.OpenCase:
    require_role(actor, *CITE_ROLES)
    with store.session() as session:
        require(session, actor, case_id, Permission.write)
    return cases.open_case(store, actor, case_id, audit_view=False)


@guarded
def cite(store: Store, actor: Actor, case_id: str, *, passage_id: int, element: str,
         note: str = "") -> Citation:
    """Pin a stored passage to an element of the case, quoting it exactly."""
    try:
        key = ElementKey(element)
    except ValueError:
        raise InputRefused(N_("Unknown legal element {element}: choose one of {choices}."),
                           element=str(element)[:40],
                           choices=", ".join(e.value for e in ElementKey)) from None
    opened = _open_for_change(store, actor, case_id)
    record = opened.record
    if any(c.passage_id == passage_id and c.element is key for c in record.citations):
        raise InputRefused(N_("This passage is already cited for that element."))
    with store.session() as session:
        stored = library.get_passage(session, passage_id)
    p, r = stored.passage, stored.report
    citation = Citation(
        element=key, report_id=r.id, passage_id=passage_id, report_sha256=r.content_hash,
        country=r.country, publisher=r.publisher, title=r.title, published=r.published,
        page=p.page, section=p.section, url=r.url, accessed=r.imported_at.date(), quote=p.text,
        note=note, by=actor.id, at=utcnow(),
    )
    updated = record.model_copy(update={"citations": [*record.citations, citation]})
    cases.save_as_team(store, actor, case_id, record=updated, base_version=opened.version,
                       permission=Permission.write, action="coi_cite")
    return citation


@guarded
def uncite(store: Store, actor: Actor, case_id: str, *, citation_id: str) -> None:
    opened = _open_for_change(store, actor, case_id)
    remaining = [c for c in opened.record.citations if c.id != citation_id]
    if len(remaining) == len(opened.record.citations):
        raise NotFoundError(N_("This case has no such citation."))
    updated = opened.record.model_copy(update={"citations": remaining})
    cases.save_as_team(store, actor, case_id, record=updated, base_version=opened.version,
                       permission=Permission.write, action="coi_uncite")


@guarded
def reject(store: Store, actor: Actor, case_id: str, *, passage_id: int, target: str) -> None:
    """Remember that a suggested passage does not fit a target, so it is not suggested again."""
    opened = _open_for_change(store, actor, case_id)
    record = opened.record
    items = list(record.extensions.get(REJECTIONS_KEY) or [])
    if any(i.get("passage_id") == passage_id and i.get("target") == target for i in items):
        return
    rejection = Rejection(passage_id=passage_id, target=target[:200], by=actor.id, at=utcnow())
    items.append(rejection.model_dump(mode="json"))
    updated = record.model_copy(update={"extensions": {**record.extensions, REJECTIONS_KEY: items}})
    cases.save_as_team(store, actor, case_id, record=updated, base_version=opened.version,
                       permission=Permission.write, action="coi_reject")


def report_warnings(session: Session, report: CoiReport, *, today: date | None = None,
                    stale_after_years: int = STALE_AFTER_YEARS) -> list[Warning]:
    """Currency of one report: older than `stale_after_years`, or a newer edition exists."""
    today = today or date.today()
    out: list[Warning] = []
    if report.published is None:
        out.append(Warning("undated", N_("The report has no publication date: check its "
                                         "currency before filing."), {}))
    elif report.published < today - timedelta(days=round(365.25 * stale_after_years)):
        out.append(Warning("old", N_("The report was published on {published}, more than "
                                     "{years} years ago."),
                           {"published": report.published.isoformat(), "years": stale_after_years}))
    newer = library.newer_editions(session, report)
    if newer:
        latest = newer[0]
        out.append(Warning("newer_edition", N_("A newer edition is in the library: {title} "
                                               "({published})."),
                           {"title": latest.title, "published": latest.published}))
    return out


@guarded
def citation_warnings(
    store: Store, actor: Actor, case_id: str, *, today: date | None = None,
    stale_after_years: int | None = None,
) -> dict[str, list[Warning]]:
    """Warnings per citation id of the case (only citations that have some)."""
    years = stale_after_years or store.settings.coi_stale_years
    opened = cases.open_case(store, actor, case_id, audit_view=False)
    out: dict[str, list[Warning]] = {}
    with store.session() as session:
        for c in opened.record.citations:
            report = session.get(CoiReport, c.report_id)
            if report is None:
                warnings = [Warning("missing", N_("The cited report is no longer in the "
                                                  "library; the quotation was kept."), {})]
            else:
                warnings = report_warnings(session, report, today=today, stale_after_years=years)
            if warnings:
                out[c.id] = warnings
    return out
