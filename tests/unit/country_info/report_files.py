"""Report files shaped like the real ones, made by the tests: a State Department-like PDF
(running header and footer, page labels, an outline or none, a paragraph over a page break, a
title that starts with a year, numbered sections) and saved web pages shaped like GOV.UK
(cookie banner, navigation, breadcrumbs, footer) and Human Rights Watch (title suffix,
JSON-LD)."""

from __future__ import annotations

import io

import pikepdf

FILLER = (
    "Authorities continued to detain members of religious minorities, including converts who "
    "attended house churches, and courts imposed prison sentences for acting against national "
    "security after trials that observers said fell short of international standards. "
)
RUNNING = "IRAN 2023 HUMAN RIGHTS REPORT"
FOOTER = "United States Department of State • Bureau of Democracy, Human Rights and Labor"


def state_report_pdf(*, outline: bool = True, labels: bool = True,
                     running: bool = True) -> bytes:
    """Five pages: a roman-numbered front page (when `labels`), then pages 1-4 of the report.
    Section 1.a's paragraphs run from printed page 1 onto page 2 (PDF pages 2 and 3): one of
    them over the page break."""
    from weasyprint import HTML

    css = """
    @page { size: Letter; margin: 72pt 72pt 72pt 72pt;
      @top-center { content: "%s"; font-size: 9pt; }
      @bottom-center { content: "%s " counter(page); font-size: 9pt; } }
    body { font-family: serif; font-size: 11pt; line-height: 1.35; }
    h1 { font-size: 20pt; } h2 { font-size: 15pt; } h3 { font-size: 13pt; }
    p { margin: 0 0 10pt 0; }
    """ % ((RUNNING, FOOTER) if running else ("", ""))
    if not outline:  # no bookmarks: headings must be found from the fonts
        css += "h1, h2, h3 { bookmark-level: none; }"
    incidents = "".join(f"<p>Incident {k}. {FILLER * 2}The case was not investigated.</p>"
                        for k in range(1, 9))
    body = f"""
    <h1>2023 Country Reports on Human Rights Practices: Iran</h1>
    <p>Front matter of the report, printed before the first numbered page: it says which
    office prepared the report and how it was written.</p>
    <h2 style="page-break-before: always">Executive Summary</h2>
    <p>The Islamic Republic of Iran is a theocratic republic. {FILLER}</p>
    <h2>Section 1. Respect for the Integrity of the Person</h2>
    <h3>1.a Arbitrary deprivation of life</h3>
    <p>The government did not publish figures on killings by security forces.</p>
    {incidents}
    <h3>1.b Disappearance</h3>
    <p>Human rights groups reported that authorities held detainees incommunicado for long
    periods. {FILLER}</p>
    <h3 style="page-break-before: always">1.c Torture and other cruel punishment</h3>
    <p>Former detainees described beatings and mock executions during interrogation. {FILLER}</p>
    <h2 style="page-break-before: always">Section 2. Respect for Civil Liberties</h2>
    <p>Security forces detained journalists and bloggers who reported on protests. {FILLER}</p>
    """
    data = HTML(string=f"<html><head><style>{css}</style>"
                       f"<title>2023 Country Reports on Human Rights Practices: Iran</title>"
                       f'<meta name="author" content="U.S. Department of State">'
                       f'<meta name="dcterms.created" content="2024-04-22">'
                       f"</head><body>{body}</body></html>").write_pdf()
    if not labels:
        return data
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.Root.PageLabels = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array([
            0, pikepdf.Dictionary(S=pikepdf.Name.r),
            1, pikepdf.Dictionary(S=pikepdf.Name.D)])))
        out = io.BytesIO()
        pdf.save(out)
        return out.getvalue()
