"""Building the exhibit packet of a case: needs `export` (paralegal, attorney); audited as
render_packet with its counts (exhibits, pages, parts), never its content.

Exhibits are printed from their safe renditions only: one missing (evidence stored before
renditions existed) is drawn and stored first, once (services.renditions). The packet itself
is laid out by evidence.packet from the record and the decrypted renditions read here.
"""

from __future__ import annotations

from asylum_prep.documents import legal_texts
from asylum_prep.evidence.packet import (
    MAX_PART_BYTES,
    CertificateOfService,
    PacketResult,
    PacketTexts,
    build_packet,
    packet_files,
)
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.services.renditions import store_missing_renditions
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store


@guarded
def render_packet(
    store: Store,
    actor: Actor,
    case_id: str,
    *,
    max_part_bytes: int = MAX_PART_BYTES,
    bates_prefix: str | None = None,
    certificate_of_service: CertificateOfService | None = None,
    pdf_a: bool = False,
) -> PacketResult:
    """The exhibit packet of the case's current version (one PDF, or parts of at most
    `max_part_bytes`), its cover and certificate of service worded by the jurisdiction's legal
    text pack (without `certificate_of_service`, the certificate has blanks to fill in).
    `pdf_a`: PDF/A-2b parts, or InputRefused saying why they cannot be made."""
    store_missing_renditions(store, actor, case_id)
    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(
            cipher, repo.get_version_row(session, case_id, case.current_version)
        )
        title = cipher.open_text("title", case.title_enc)
        blobs = {
            evidence_id: repo.get_blob(session, cipher, blob_id)
            for evidence_id, blob_id in packet_files(record).items()
        }
        jurisdiction, version = case.jurisdiction, case.current_version
    result = build_packet(
        record,
        title=title,
        jurisdiction=jurisdiction,
        blobs=blobs,
        version=version,
        max_part_bytes=max_part_bytes,
        bates_prefix=bates_prefix,
        certificate_of_service=certificate_of_service,
        texts=packet_texts(jurisdiction),
        pdf_a=pdf_a,
    )
    exhibits = sum(1 for row in result.index if row.tab)
    with store.session() as session:
        audit.log(
            session,
            actor,
            "render_packet",
            case_id,
            f"exhibits={exhibits} pages={result.total_pages} parts={len(result.parts)}",
        )
    return result


def packet_texts(jurisdiction: str) -> PacketTexts:
    """The cover, certificate of service and translator's certificate wording of the
    jurisdiction's legal text pack."""
    pack = legal_texts.load(jurisdiction)
    fields = PacketTexts.__dataclass_fields__
    return PacketTexts(**{k: v for k, v in pack.packet.items() if k in fields},
                       translation_certificate=pack.translation_certificate,
                       translation_authority=pack.translation_authority)
