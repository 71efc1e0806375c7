"""Core and app properties of a rendered DOCX, written by us.

Nothing of python-docx's template survives (its author, description, 2013 dates, thumbnail,
customXml item, stylesWithEffects copy and app.xml template/application names), and the title
says what kind of paper this is, never whose.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from asylum_prep.documents.model import Document

_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<DocSecurity>0</DocSecurity></Properties>"
)
_LEFTOVER_RELS = ("/thumbnail", "/customXml", "/stylesWithEffects")


def neutral_metadata(d: Any, doc: Document) -> None:
    """Core and app properties written by us, none kept from python-docx's template.

    Author and last-modified-by stay empty rather than "asylum-prep": the file leaves the firm,
    and a tool name with "asylum" in it would say what the paper is about. Times are the
    render time (UTC); the template's thumbnail, customXml item and stylesWithEffects copy
    (theme fonts) are dropped, and app.xml loses Template, Application and Company."""
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    cp = d.core_properties
    cp.title = doc.file_title
    for field in (
        "author",
        "last_modified_by",
        "comments",
        "subject",
        "keywords",
        "category",
        "content_status",
        "identifier",
        "language",
        "version",
    ):
        setattr(cp, field, "")
    cp.revision = 1
    cp.created = cp.modified = now
    for rels in (d.part.package.rels, d.part.rels):
        for rid in [k for k, r in rels.items() if r.reltype.endswith(_LEFTOVER_RELS)]:
            del rels[rid]
    app = next(
        r.target_part
        for r in d.part.package.rels.values()
        if r.reltype.endswith("/extended-properties")
    )
    app._blob = _APP_XML
