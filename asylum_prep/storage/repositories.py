"""Reading and writing encrypted case rows. The only place that knows the ciphertext layout.

Field names used as associated data: "title", "record:<version>", "summary:<version>",
"blob:<blob id>" (files, and the text of an exhibit's pages: `put_page_texts`),
"declaration:<version>" (the edited declaration). A ciphertext moved to another case, field or
version fails to open.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING

from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from asylum_prep.errors import N_, NotFoundError
from asylum_prep.storage import crypto
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseVersion, DeclarationVersion, EvidenceBlob, utcnow

if TYPE_CHECKING:  # imported where used: listing cases needs no record model (a 20th of a second)
    from asylum_prep.domain.declaration import EditedDeclaration
    from asylum_prep.domain.record import CaseRecord


def new_case_row(
    session: Session, store: Store, *, title: str, jurisdiction: str, created_by: int
) -> tuple[Case, crypto.CaseCipher]:
    case_id = str(uuid.uuid4())
    data_key = crypto.new_key()
    kid, wrapped = store.current_keyring(session).wrap(data_key, f"case:{case_id}")
    cipher = crypto.CaseCipher(case_id, data_key)
    row = Case(
        id=case_id, key_id=kid, wrapped_key=wrapped, title_enc=cipher.seal_text("title", title),
        jurisdiction=jurisdiction, created_by=created_by,
    )
    return row, cipher


def get_case(session: Session, case_id: str) -> Case:
    row = session.get(Case, case_id) if isinstance(case_id, str) and len(case_id) <= 36 else None
    if row is None:
        raise NotFoundError("No case with id {case_id}.", case_id=str(case_id)[:40])
    return row


def lock_case(session: Session, case_id: str) -> Case:
    """The case row, locked for the rest of this transaction (SELECT ... FOR UPDATE on
    PostgreSQL; SQLite transactions already begin IMMEDIATE). NotFoundError when unknown."""
    return session.get(Case, case_id, with_for_update=True) or get_case(session, case_id)


def read_title(store: Store, case: Case) -> str:
    return store.case_cipher(case).open_text("title", case.title_enc)


def write_title(store: Store, case: Case, title: str) -> None:
    case.title_enc = store.case_cipher(case).seal_text("title", title)


def add_version(
    session: Session, cipher: crypto.CaseCipher, *, version: int, record: CaseRecord,
    summary: list[str], actor_id: int,
) -> CaseVersion:
    from asylum_prep.domain.record import CaseRecord

    stored = record.model_dump_json()
    CaseRecord.model_validate_json(stored)  # validate at the boundary, always: what is stored
    row = CaseVersion(
        case_id=cipher.case_id,
        version=version,
        record_enc=cipher.seal_text(f"record:{version}", stored),
        summary_enc=cipher.seal_text(f"summary:{version}", json.dumps(summary)),
        created_by=actor_id,
    )
    session.add(row)
    return row


def get_version_row(session: Session, case_id: str, version: int) -> CaseVersion:
    row = session.exec(
        select(CaseVersion).where(CaseVersion.case_id == case_id, CaseVersion.version == version)
    ).first()
    if row is None:
        raise NotFoundError("This case has no version {version}.", version=version)
    return row


def open_record(cipher: crypto.CaseCipher, row: CaseVersion) -> CaseRecord:
    from asylum_prep.domain.record import CaseRecord

    return CaseRecord.model_validate_json(cipher.open_text(f"record:{row.version}", row.record_enc))


def open_summary(cipher: crypto.CaseCipher, row: CaseVersion) -> list[str]:
    return list(json.loads(cipher.open_text(f"summary:{row.version}", row.summary_enc)))


def list_version_rows(session: Session, case_id: str, *,
                      records: bool = False) -> list[CaseVersion]:
    """Every version of the case, newest first. Without `records`, each row's encrypted
    record is read only when asked for (in this session): a history or the review list reads
    the summaries of hundreds of versions and the records of one or two."""
    query = (select(CaseVersion).where(CaseVersion.case_id == case_id)
             .order_by(col(CaseVersion.version).desc()))
    if not records:
        query = query.options(defer(CaseVersion.record_enc))  # type: ignore[arg-type]
    return list(session.exec(query))


def put_blob(
    session: Session, cipher: crypto.CaseCipher, data: bytes, *, actor_id: int,
    purpose: str = "stored", blob_id: str | None = None,
) -> EvidenceBlob:
    blob_id = blob_id or str(uuid.uuid4())
    row = EvidenceBlob(
        id=blob_id, case_id=cipher.case_id, purpose=purpose, size=len(data),
        data_enc=cipher.seal(f"blob:{blob_id}", data), created_by=actor_id, created_at=utcnow(),
    )
    session.add(row)
    return row


def get_blob(session: Session, cipher: crypto.CaseCipher, blob_id: str) -> bytes:
    row = session.get(EvidenceBlob, blob_id)
    if row is None or row.case_id != cipher.case_id:
        raise NotFoundError("No stored file with id {blob_id}.", blob_id=str(blob_id)[:40])
    return cipher.open(f"blob:{blob_id}", row.data_enc)


# --- the edited declaration -----------------------------------------------------------------


def add_declaration_version(
    session: Session, cipher: crypto.CaseCipher, *, version: int, body: EditedDeclaration,
    action: str, actor_id: int,
) -> DeclarationVersion:
    from asylum_prep.domain.declaration import EditedDeclaration

    EditedDeclaration.model_validate(body.model_dump())  # validate at the boundary, always
    row = DeclarationVersion(
        case_id=cipher.case_id, version=version, action=action[:32],
        body_enc=cipher.seal_text(f"declaration:{version}", body.model_dump_json()),
        created_by=actor_id, created_at=utcnow(),
    )
    session.add(row)
    return row


def declaration_rows(session: Session, case_id: str) -> list[DeclarationVersion]:
    """Every version of the case's edited declaration, newest first (none: never edited)."""
    return list(session.exec(
        select(DeclarationVersion).where(DeclarationVersion.case_id == case_id)
        .order_by(col(DeclarationVersion.version).desc())))


def latest_declaration_row(session: Session, case_id: str) -> DeclarationVersion | None:
    return session.exec(
        select(DeclarationVersion).where(DeclarationVersion.case_id == case_id)
        .order_by(col(DeclarationVersion.version).desc()).limit(1)).first()


def declaration_row(session: Session, case_id: str, version: int) -> DeclarationVersion:
    row = session.exec(select(DeclarationVersion).where(
        DeclarationVersion.case_id == case_id, DeclarationVersion.version == version)).first()
    if row is None:
        raise NotFoundError(N_("The declaration has no version {version}."), version=version)
    return row


def open_declaration(cipher: crypto.CaseCipher, row: DeclarationVersion) -> EditedDeclaration:
    from asylum_prep.domain.declaration import EditedDeclaration

    return EditedDeclaration.model_validate_json(
        cipher.open_text(f"declaration:{row.version}", row.body_enc))


def put_page_texts(
    session: Session, cipher: crypto.CaseCipher, pages: list[str], *, actor_id: int,
    purpose: str,
) -> EvidenceBlob:
    """The text of an exhibit's pages (what OCR read, or a translation), one string a page,
    sealed as a blob: JSON, never written anywhere in plaintext."""
    data = json.dumps({"pages": pages}, ensure_ascii=False).encode()
    return put_blob(session, cipher, data, actor_id=actor_id, purpose=purpose)


def get_page_texts(session: Session, cipher: crypto.CaseCipher, blob_id: str) -> list[str]:
    """The pages `put_page_texts` sealed. NotFoundError for another case's or no blob."""
    pages = json.loads(get_blob(session, cipher, blob_id)).get("pages")
    if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
        raise NotFoundError("No stored text with id {blob_id}.", blob_id=str(blob_id)[:40])
    return pages
