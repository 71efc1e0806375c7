"""Country-conditions use cases: import reports, search, suggest for a case, cite, warn.

Reports are public and shared by the whole team; access rules: attorneys, paralegals and
admins import and correct a report's details; attorneys and admins delete; any staff member
searches. The same report in another form (near-duplicates) is not imported twice unless the
importer forces it. Currency warnings of every citation come from one function,
`domain.citation_currency.currency_warnings`, fed by `coi_currency.currency_by_citation`.
Suggestions read a case (Permission.read) and use its facts only in memory. Citations change a case
(Permission.write, staff) and are saved through `cases.save_as_team`. Audit details carry
counts only: a search query or a suggestion's terms can reveal the facts of a case.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import sqlalchemy.exc

from asylum_prep.country_info import library, near_duplicates
from asylum_prep.country_info import search as engine
from asylum_prep.country_info import suggestions as suggest_mod
from asylum_prep.country_info.importers import (
    MAX_FILE_BYTES,
    ImportOptions,
    ParsedFile,
    parse_file,
    resolve_metadata,
    valid_country,
)
from asylum_prep.country_info.passages import to_passages, with_labels
from asylum_prep.country_info.query import LANGUAGE_ALIASES
from asylum_prep.country_info.tables import CoiReport
from asylum_prep.domain.citation_currency import CurrencyWarning
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
from asylum_prep.services.coi_currency import (
    currency_by_citation,
    report_warnings,
)
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import utcnow
from asylum_prep.text import clean_line
from asylum_prep.word_forms import LANGUAGES

IMPORT_ROLES = (Role.attorney, Role.paralegal, Role.admin)
CITE_ROLES = (Role.attorney, Role.paralegal)
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


def citations_by_element(record: CaseRecord) -> dict[str, int]:
    """Counts per element, for `legal.assess(..., country_evidence=...)`."""
    return _count(record)


# ---- import ---------------------------------------------------------------------------


def _already(report: CoiReport) -> InputRefused:
    return InputRefused(N_("This report is already in the library as {title} ({report_id}); "
                           "import it with force to keep both."),
                        title=report.title[:200], report_id=report.id)


def _import_one(store: Store, actor: Actor, name: str, data: bytes,
                options: ImportOptions, force: bool = False) -> ImportOutcome:
    content_hash = hashlib.sha256(data).hexdigest()
    try:
        with store.session() as session:
            existing = library.find_by_hash(session, content_hash)
            if existing is not None:
                return ImportOutcome(name, "duplicate", existing.id, existing.passage_count,
                                     InputRefused(N_("This report is already in the library.")))
            parsed = parse_file(name, data)
            meta = resolve_metadata(parsed, options, name)
            passages = with_labels(to_passages(parsed.blocks), parsed.page_labels)
            fingerprint = near_duplicates.fingerprint(p.text for p in passages)
            same = None if force else library.find_same(session, *fingerprint, meta)
            if same is not None:
                return ImportOutcome(name, "duplicate", same.id, same.passage_count,
                                     _already(same))
            report = library.add_report(
                session, meta=meta, kind=parsed.kind, file_name=clean_line(Path(name).name),
                content_hash=content_hash, page_count=parsed.page_count, passages=passages,
                actor_id=actor.id or None, fingerprint=fingerprint,
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
    options: ImportOptions | None = None, progress: Progress | None = None, force: bool = False,
) -> list[ImportOutcome]:
    """Import uploaded files (name, bytes), each on its own: a bad one is skipped, the same
    report in another form too unless `force`."""
    require_role(actor, *IMPORT_ROLES)
    outcomes = []
    for done, (name, data) in enumerate(files, 1):
        outcomes.append(_import_one(store, actor, name, data, options or ImportOptions(),
                                    force))
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
    progress: Progress | None = None, force: bool = False,
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
            outcome = _import_one(store, actor, str(path), data, options or ImportOptions(),
                                  force)
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
    """Remove a report and its passages (citations already made keep their quoted text and
    details, and say since when the report is gone)."""
    require_role(actor, Role.attorney, Role.admin)
    with store.session() as session:
        report = library.get_report(session, report_id)
        passages = report.passage_count
        library.delete_report(session, report_id, actor_id=actor.id or None)
        audit.log(session, actor, "coi_delete", detail=f"report={report_id} passages={passages}")


@guarded
def edit_report(
    store: Store, actor: Actor, *, report_id: str, title: str | None = None,
    publisher: str | None = None, published: date | None = None, clear_published: bool = False,
    country: str | None = None, url: str | None = None,
) -> CoiReport:
    """Correct a report's details; what is not given stays. Validated as at import (country
    code, publisher and title not empty, an http(s) address). Audited with the report and the
    names of the fields changed, never their values. Citations keep what they were made with
    and say the details changed since."""
    require_role(actor, *IMPORT_ROLES)
    with store.session() as session:
        report = library.get_report(session, report_id)
        meta = resolve_metadata(
            ParsedFile(kind=report.source_kind, blocks=[], title=report.title,
                       publisher=report.publisher, url=report.url, country=report.country,
                       published=None if clear_published else report.published),
            ImportOptions(country=country, publisher=publisher, title=title,
                          published=published, url=url),
            report.file_name or report.title)
        changed = library.update_report(session, report, library.Details(
            meta.title, meta.publisher, meta.published, meta.country, meta.url))
        audit.log(session, actor, "coi_edit",
                  detail=f"report={report_id} fields={','.join(changed) or '-'}")
        session.refresh(report)
        session.expunge(report)
        return report


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
        page=p.page, page_end=p.page_end, page_label=p.page_label,
        page_end_label=p.page_end_label, section=p.section, url=r.url,
        accessed=r.imported_at.date(), quote=p.text,
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


@guarded
def citation_warnings(
    store: Store, actor: Actor, case_id: str, *, today: date | None = None,
    stale_after_years: int | None = None,
) -> dict[str, list[CurrencyWarning]]:
    """Warnings per citation id of the case (only citations that have some)."""
    years = stale_after_years or store.settings.coi_stale_years
    opened = cases.open_case(store, actor, case_id, audit_view=False)
    with store.session() as session:
        return currency_by_citation(session, opened.record.citations, today=today,
                                    stale_after_years=years)


@guarded
def library_warnings(store: Store, actor: Actor, *, today: date | None = None,
                     country: str | None = None) -> dict[str, list[CurrencyWarning]]:
    """Warnings per report id of the library (only reports that have some)."""
    require_role(actor, *STAFF_ROLES)
    years = store.settings.coi_stale_years
    with store.session() as session:
        reports = library.list_reports(session,
                                       country=valid_country(country) if country else None)
        out = {r.id: report_warnings(session, r, today=today, stale_after_years=years)
               for r in reports}
        return {rid: ws for rid, ws in out.items() if ws}
