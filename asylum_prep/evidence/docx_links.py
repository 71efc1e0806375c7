"""Outside links in a Word document: found by parsing, dropped, and unhooked where they were used.

Every relationship part (`*.rels`) is parsed as XML with lxml set to load no DTD, resolve no
entity and open no network connection; one with a DOCTYPE is refused as damaged. Every
relationship that points outside the file is dropped, whatever its kind (pictures, templates,
frames, OLE links, subdocuments, mail-merge sources, web links) and however it is written
(single or double quotes, `<Relationship/>` or `<Relationship></Relationship>`, any letter
case in TargetMode, or an internal one whose target is a URL or a network path).

Then, in the part the relationships belong to, whatever referred to a dropped relationship is
unhooked: the reference attribute is removed (a web link keeps its text and loses its
address; a linked picture keeps its place), and elements that are nothing but the reference
(an attached template, a picture's click link, a frame's source, a linked OLE object, a
chart's outside data) are removed whole.
"""

from __future__ import annotations

import posixpath
import re

from lxml import etree

from asylum_prep.errors import N_, InputRefused

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
O_RELID = "{urn:schemas-microsoft-com:office:office}relid"
HYPERLINK = f"{R_NS}/hyperlink"
TEMPLATE = f"{R_NS}/attachedTemplate"

# Elements that only carry a reference: removed whole when it points outside.
WHOLE = frozenset({"attachedTemplate", "subDoc", "dataSource", "headerSource", "src",
                   "sourceFileName", "hlinkClick", "hlinkHover", "hlinkMouseOver",
                   "OLEObject", "externalData", "recipientData", "linkedTxbx"})
_URLISH = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|\\\\)")

N_TEMPLATE = N_("Link to an outside template removed.")
N_WEB_LINKS = N_("Web links removed; their text is kept.")
N_OUTSIDE = N_("Pictures and objects that would be loaded from outside the file removed.")
BROKEN = N_("This Word document is damaged or incomplete. Open it, save it again and add the "
            "new copy, or save it as PDF.")

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                          load_dtd=False, dtd_validation=False, remove_blank_text=False)


def parse(body: bytes) -> etree._Element:
    """A part's XML root; InputRefused for broken XML or any DOCTYPE (none is legitimate)."""
    try:
        root = etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError:
        raise InputRefused(BROKEN) from None
    if root.getroottree().docinfo.doctype:
        raise InputRefused(BROKEN)
    return root


def serialize(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def is_outside(rel: etree._Element) -> bool:
    mode = (rel.get("TargetMode") or "").strip().lower()
    target = (rel.get("Target") or "").strip()
    return mode == "external" or bool(_URLISH.match(target))


def owner_of(rels_name: str) -> str:
    """The part a relationship part belongs to ("word/_rels/x.xml.rels" -> "word/x.xml")."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))


def clean_rels(body: bytes, notices: set[str], *,
               drop_target: str | None = None) -> tuple[bytes, set[str]]:
    """The relationship part without outside relationships (nor one targeting `drop_target`),
    and the ids dropped for pointing outside."""
    root = parse(body)
    dropped: set[str] = set()
    changed = False
    for rel in list(root):
        if not isinstance(rel.tag, str):
            continue
        target = (rel.get("Target") or "").strip().lstrip("/")
        if drop_target is not None and target == drop_target:
            root.remove(rel)
            changed = True
            continue
        if not is_outside(rel):
            continue
        kind = rel.get("Type") or ""
        notices.add(N_WEB_LINKS if kind == HYPERLINK else
                    N_TEMPLATE if kind == TEMPLATE else N_OUTSIDE)
        dropped.add(rel.get("Id") or "")
        root.remove(rel)
        changed = True
    return (serialize(root) if changed else body), dropped


def unhook(body: bytes, dropped: set[str]) -> bytes:
    """The part with every reference to the `dropped` relationship ids removed."""
    if not dropped:
        return body
    root = parse(body)
    changed = False
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        refs = [name for name, value in el.attrib.items()
                if value in dropped and (name.startswith(f"{{{R_NS}}}") or name == O_RELID)]
        if not refs:
            continue
        changed = True
        parent = el.getparent()
        if etree.QName(el).localname in WHOLE and parent is not None:
            parent.remove(el)
            continue
        for name in refs:
            del el.attrib[name]
    return serialize(root) if changed else body


def outside_left(rels_bodies: list[bytes]) -> bool:
    """True when any relationship part still points outside (the final check)."""
    return any(is_outside(rel) for body in rels_bodies for rel in parse(body)
               if isinstance(rel.tag, str))
