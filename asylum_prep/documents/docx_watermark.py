"""A draft's watermark in DOCX: the word ("DRAFT", in the document's language) set large and
pale, diagonally behind the text of every page.

Word and LibreOffice both read it as a VML text-path shape in the section header (how Word
stores its own "Watermark" setting); the text is escaped as XML attribute data.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import quoteattr

from docx.oxml import parse_xml

from asylum_prep.text import drop_xml_invalid

_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_SHAPE = (
    '<w:r xmlns:w="{w}" xmlns:v="{v}" xmlns:o="{o}"><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/>'
    '<v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>'
    '<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>'
    '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
    '</v:shapetype>'
    '<v:shape id="DraftWatermark" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:460pt;height:115pt;'
    'rotation:315;z-index:-251654144;mso-position-horizontal:center;'
    'mso-position-horizontal-relative:margin;mso-position-vertical:center;'
    'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#be1e1e" '
    'stroked="f"><v:fill opacity=".16"/>'
    '<v:textpath style="font-family:&quot;{font}&quot;;font-size:1pt" string={text}/>'
    '</v:shape></w:pict></w:r>'
)


def add_watermark(header_paragraph: Any, text: str, font: str) -> None:
    """Anchor the watermark shape in a header paragraph (python-docx `Paragraph`)."""
    xml = _SHAPE.format(w=_W, v=_V, o=_O, font=font, text=quoteattr(drop_xml_invalid(text)[0]))
    header_paragraph._p.append(parse_xml(xml))
