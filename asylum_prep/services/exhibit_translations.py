"""English translations of foreign-language exhibits, page by page, by the case's translator.

Reading (`list_exhibit_translations`, `exhibit_pages`) needs Permission.translation (the
attorney, paralegal and translator of the case) and is audited as a view with ids and counts.
Saving (`save_exhibit_translation`) is the case translator's alone: the translator's
certificate in the packet is theirs. A save names the case version it was based on, carries
the exhibit's SHA-256 as seen then (evidence.translated: the translation goes stale when the
exhibit is replaced) and is audited with the exhibit's id, the page count and the revision,
never the text. The translation lives in the encrypted, versioned case record
(`CaseRecord.exhibit_translations`), so every revision stays in the case's history.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from asylum_prep.domain.evidence import EvidenceItem, ExhibitTranslation
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_, InputRefused, NotFoundError, PermissionDenied, StaleVersionError
from asylum_prep.evidence.translated import Status, foreign_exhibits, page_total, status_of
from asylum_prep.services import audit, cases
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import utcnow
from asylum_prep.text import clean_line

MAX_PAGE_CHARS = 20_000
STATUSES: tuple[Status, ...] = ("missing", "stale", "current")


@dataclass(frozen=True)
class ExhibitToTranslate:
    item: EvidenceItem
    pages: int  # the exhibit's pages as the packet prints them
    translation: ExhibitTranslation | None
    status: Status
    ocr: tuple[str, ...]  # the OCR text of each page in the original language; () when none


def _record(store: Store, actor: Actor, case_id: str,
            version: int | None = None) -> tuple[Role, CaseRecord, int]:
    with store.session() as session:
        role = require(session, actor, case_id, Permission.translation)
        case = repo.get_case(session, case_id)
        number = case.current_version if version is None else version
        record = repo.open_record(store.case_cipher(case),
                                  repo.get_version_row(session, case_id, number))
        return role, record, number


def exhibits_to_translate(
    record: CaseRecord, ocr_text: Callable[[EvidenceItem], tuple[str, ...]] = lambda _: (),
) -> list[ExhibitToTranslate]:
    """Every foreign-language document of the record (in the packet or not) with its
    translation's status and, through `ocr_text`, what OCR read on each page (no access
    check: a record already read)."""
    out = []
    for item in foreign_exhibits(record, included_only=False):
        tr = record.exhibit_translations.get(item.id)
        out.append(ExhibitToTranslate(item, page_total(item), tr, status_of(item, tr),
                                      ocr_text(item)))
    return out


@guarded
def list_exhibit_translations(store: Store, actor: Actor,
                              case_id: str) -> tuple[int, list[ExhibitToTranslate]]:
    """(case version, the foreign-language documents with their translations)."""
    _, record, version = _record(store, actor, case_id)
    with store.session() as session:
        cipher = store.case_cipher(repo.get_case(session, case_id))

        def ocr_text(item: EvidenceItem) -> tuple[str, ...]:
            """The OCR text of the file as it is now (services.ocr), sealed in its blob."""
            text = item.text
            if not text.blob or text.source_sha256 != item.stored_sha256:
                return ()
            return tuple(repo.get_page_texts(session, cipher, text.blob))

        items = exhibits_to_translate(record, ocr_text)
        counts = Counter(i.status for i in items)
        audit.log(session, actor, "exhibit_translations_view", case_id,
                  f"version={version} " + " ".join(f"{s}={counts.get(s, 0)}" for s in STATUSES))
    return version, items


@guarded
def exhibit_pages(store: Store, actor: Actor, case_id: str, evidence_id: str) -> bytes:
    """The safe rendition (a PDF of page pictures) of a foreign-language document, whose pages
    the translator reads; NotFoundError when it has none. Audited as a view."""
    with store.session() as session:
        require(session, actor, case_id, Permission.translation)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(cipher, repo.get_version_row(session, case_id,
                                                               case.current_version))
        item = next((it for it in foreign_exhibits(record, included_only=False)
                     if it.id == evidence_id), None)
        if item is None or not item.safe_rendition_blob:
            raise NotFoundError(N_("This document has no pages to show."))
        data = repo.get_blob(session, cipher, item.safe_rendition_blob)
        audit.log(session, actor, "evidence_get", case_id,
                  f"evidence={item.id} copy=safe_rendition")
        return data


@guarded
def save_exhibit_translation(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    evidence_id: str,
    pages: list[str],
    translator_name: str,
    translator_address: str,
    competence: str,
    base_version: int,
) -> int:
    """Save the English translation of a foreign-language document, one text per page, as
    seen at `base_version`, with the certificate's name, address and competence.

    Refused: anyone but the case's translator; a document that is not a foreign-language one;
    a page count other than the document's; no words at all; a page over
    `MAX_PAGE_CHARS`; a document replaced since `base_version` (StaleVersionError: the
    translator sees the new pages first). Returns the new version."""
    role, base, _ = _record(store, actor, case_id, base_version)
    if role is not Role.translator:
        raise PermissionDenied(N_("Only the case's translator can translate its documents."))
    texts = [p.strip() for p in pages]
    if not any(texts):
        raise InputRefused(N_("Write the translation first."))
    if any(len(p) > MAX_PAGE_CHARS for p in texts):
        raise InputRefused(N_("A translation has at most {n} characters."), n=MAX_PAGE_CHARS)
    item = next((it for it in foreign_exhibits(base, included_only=False)
                 if it.id == evidence_id), None)
    if item is None:
        raise NotFoundError(N_("This document no longer needs a translation here."))
    if len(texts) != page_total(item):
        raise InputRefused(N_("Give exactly one translation box for each page of the "
                              "document: it has {n}."), n=page_total(item))
    _, current, current_version = _record(store, actor, case_id)
    now_item = next((it for it in current.evidence if it.id == evidence_id), None)
    if now_item is None or now_item.stored_sha256 != item.stored_sha256:
        raise StaleVersionError(base=base_version, current=current_version,
                                changed=f"evidence {evidence_id[:40]}")
    previous = base.exhibit_translations.get(evidence_id)
    entry = ExhibitTranslation(
        exhibit_sha256=item.stored_sha256, pages=texts,
        translator_name=clean_line(translator_name)[:200],
        translator_address=clean_line(translator_address)[:400],
        competence=clean_line(competence)[:400],
        translator=actor.id, at=utcnow(),
        revision=previous.revision + 1 if previous else 1,
    )
    changed = base.model_copy(
        update={"exhibit_translations": {**base.exhibit_translations, evidence_id: entry}})
    return cases.save_as_team(
        store, actor, case_id, record=changed, base_version=base_version,
        permission=Permission.translation, action="exhibit_translation_save",
        detail=f"evidence={evidence_id[:40]} pages={len(texts)} revision={entry.revision}")
