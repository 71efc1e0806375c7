"""Safe renditions for evidence stored before they existed (evidence.safe_rendition): drawn
once, when a packet is built and an exhibit has none, then stored encrypted like every blob and
recorded in a new version of the case, so the next packet finds them.

The drawing (seconds a document) happens outside any transaction; the save then locks the case
and links only items that are still there, unchanged and still without a rendition. Access:
`export`, as for the packet itself. A document that cannot be drawn stops the packet with a
message naming it (evidence.packet.N_UNDRAWABLE).
"""

from __future__ import annotations

from asylum_prep.errors import InputRefused
from asylum_prep.evidence.exhibits import exhibit_list
from asylum_prep.evidence.packet import N_UNDRAWABLE, make_rendition, rendition_source
from asylum_prep.evidence.sandbox import RenditionFailed
from asylum_prep.services import audit
from asylum_prep.services.access import Permission, guarded, require
from asylum_prep.services.actor import Actor
from asylum_prep.services.cases import commit_version
from asylum_prep.storage import repositories as repo
from asylum_prep.storage.engine import Store

PURPOSE = "safe_rendition"


@guarded
def store_missing_renditions(store: Store, actor: Actor, case_id: str) -> int:
    """Draw and store the safe rendition of every attached exhibit that has none; the number
    stored. InputRefused (naming the document) when one cannot be drawn."""
    with store.session() as session:
        require(session, actor, case_id, Permission.export)
        case = repo.get_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(cipher, repo.get_version_row(session, case_id,
                                                               case.current_version))
        items = {it.id: it for it in record.evidence}
        wanted = [items[ex.evidence_id] for ex in exhibit_list(record)
                  if ex.evidence_id is not None and not items[ex.evidence_id].safe_rendition_blob]
        sources = {it.id: repo.get_blob(session, cipher, rendition_source(it)) for it in wanted}
        jurisdiction = case.jurisdiction
    if not wanted:
        return 0
    made: dict[str, tuple[str, bytes]] = {}
    for item in wanted:
        try:
            pdf = make_rendition(item, sources.pop(item.id), jurisdiction, store.settings).pdf
        except RenditionFailed:
            raise InputRefused(N_UNDRAWABLE, title=item.title or item.filename) from None
        made[item.id] = (item.stored_blob, pdf)
    with store.session() as session:
        role = require(session, actor, case_id, Permission.export)
        case = repo.lock_case(session, case_id)
        cipher = store.case_cipher(case)
        record = repo.open_record(cipher, repo.get_version_row(session, case_id,
                                                               case.current_version))
        linked = 0
        for item in record.evidence:
            stored_blob, pdf = made.get(item.id, ("", b""))
            if not pdf or item.stored_blob != stored_blob or item.safe_rendition_blob:
                continue
            blob = repo.put_blob(session, cipher, pdf, actor_id=actor.id, purpose=PURPOSE)
            item.safe_rendition_blob = blob.id
            linked += 1
        if linked:
            commit_version(session, store, actor, role, case, base_version=case.current_version,
                           record=record, action="evidence_rendition", check_paths=False)
            audit.log(session, actor, "evidence_rendition", case_id, f"stored={linked}")
        return linked
