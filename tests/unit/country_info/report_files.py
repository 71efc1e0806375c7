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


GOVUK_NOTE = """<!DOCTYPE html><html lang="en"><head>
<title>Country policy and information note: Christians, Iran, {month} {year} (accessible) -
 GOV.UK</title>
<meta name="govuk:primary-publishing-organisation" content="Home Office">
<meta name="govuk:first-published-at" content="{year}-{mm}-12T10:00:00+01:00">
<meta property="og:site_name" content="GOV.UK">
<link rel="canonical" href="https://www.gov.uk/government/publications/cpin-christians-iran-{year}">
</head><body>
<div id="global-cookie-message" class="gem-c-cookie-banner" role="region"
 aria-label="Cookies on GOV.UK">
<h2>Cookies on GOV.UK</h2><p>We use some essential cookies to make this website work. We'd like
to set additional cookies to understand how you use GOV.UK, remember your settings and improve
government services.</p>{banner}
<button>Accept additional cookies</button><button>Reject additional cookies</button></div>
<header role="banner"><nav><ul><li><a href="/">Home</a></li><li><a href="/browse">Topics</a>
</li><li><a href="/government">Government activity</a></li></ul></nav></header>
<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol><li>Home</li><li>Entering and
staying in the UK</li><li>Immigration and asylum</li></ol></nav>
<main id="content" role="main">
<h1>Country policy and information note: Christians, Iran, {month} {year} (accessible)</h1>
<h2>1. Introduction</h2>
<p>This note provides country of origin information and analysis of COI for use by Home
Office decision makers handling particular types of protection and human rights claims.</p>
<h2>2. Consideration of issues</h2>
<h3>2.4 Risk</h3>
<p>Converts to Christianity who attend house churches are likely to face a real risk of
persecution from the state, including arrest, detention and prosecution for acting against
national security.</p>
<p>Members of the Armenian and Assyrian churches are generally able to worship freely in their
own churches, but proselytising to Muslims is forbidden and can lead to arrest.</p>
<h3>2.5 Internal relocation</h3>
<p>Where the person has a well-founded fear of persecution from the state, they will not be
able to relocate to escape that risk, as the state's reach extends across the country.</p>
</main>
<footer class="govuk-footer"><h2>Support links</h2><ul><li>Help</li><li>Privacy</li>
<li>Cookies</li><li>Accessibility statement</li><li>Contact</li></ul><p>All content is
available under the Open Government Licence v3.0, except where otherwise stated</p>
<p>&copy; Crown copyright</p></footer>
</body></html>"""


def govuk_note(month: str = "May", year: int = 2022, mm: str = "05", banner: str = "") -> bytes:
    return GOVUK_NOTE.format(month=month, year=year, mm=mm, banner=banner).encode()


HRW_PAGE = """<!DOCTYPE html><html lang="en"><head>
<title>Iran: Events of 2023 | Human Rights Watch</title>
<meta property="og:title" content="Iran: Events of 2023 | Human Rights Watch">
<meta property="og:url" content="https://www.hrw.org/world-report/2024/country-chapters/iran">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Iran: Events of 2023",
  "datePublished": "2024-01-11T00:00:00-05:00",
  "publisher": {"@type": "Organization", "name": "Human Rights Watch"}}]}</script>
</head><body>
<div class="cookie-consent">This site uses cookies. <a href="/privacy">Learn more</a>
<button>OK</button></div>
<nav class="site-nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/donate">Donate
</a></nav>
<article><h1>Iran: Events of 2023</h1>
<p>Iranian authorities continued to crack down on dissent, arresting thousands of people in
connection with the protests that followed the death in custody of a young woman.</p>
<h2>Executions</h2>
<p>Authorities executed hundreds of people in 2023, including protesters convicted after
grossly unfair trials marred by allegations of torture.</p>
<h2>Women's rights</h2>
<p>Women who refused to wear the compulsory hijab faced arrest, fines and the closure of
businesses that served them.</p>
</article>
<footer><p>Human Rights Watch defends the rights of people worldwide.</p>
<p>&copy; 2024 Human Rights Watch</p></footer></body></html>"""
