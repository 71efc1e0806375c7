"""`render --doc packet`: the packet knows its case version; a split packet is written as
numbered PDF parts beside --out, never as a zip under a .pdf name."""

from __future__ import annotations

import io
import zipfile

import pikepdf

from asylum_prep.cli.commands_render import _write_parts
from asylum_prep.services import cases, evidence
from asylum_prep.services.render import render_document


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def test_packet_reports_the_case_version_it_was_built_from(store, people):
    opened = cases.open_case(store, people.paralegal, people.case_id)
    evidence.add_evidence(store, people.paralegal, people.case_id, data=_pdf("Summons"),
                          filename="summons.pdf", title="Summons", base_version=opened.version)
    current = cases.open_case(store, people.paralegal, people.case_id).version
    result = render_document(store, people.paralegal, people.case_id, doc="packet", fmt="pdf")
    assert result.version == current
    with pikepdf.open(io.BytesIO(result.content)) as pdf:
        assert len(pdf.pages) >= 3


def test_split_packet_is_written_as_numbered_parts(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("exhibits-part-1-of-2.pdf", _pdf("one"))
        zf.writestr("exhibits-part-2-of-2.pdf", _pdf("two"))
    _write_parts(tmp_path / "packet.pdf", buf.getvalue(), 7)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["packet-part-1-of-2.pdf", "packet-part-2-of-2.pdf"]
    for path in tmp_path.iterdir():
        assert path.read_bytes().startswith(b"%PDF")
