"""Saved web pages: the main content only, metadata from the page and the known publishers,
titles without the site's suffix."""

from __future__ import annotations

from datetime import date

from asylum_prep.country_info.importers import parse_file
from asylum_prep.country_info.passages import to_passages
from asylum_prep.country_info.publishers import strip_site_suffix
from tests.unit.country_info.report_files import HRW_PAGE, govuk_note


def test_govuk_page_without_cookie_banner_navigation_breadcrumbs_or_footer() -> None:
    parsed = parse_file("cpin.html", govuk_note())
    passages = to_passages(parsed.blocks)
    text = " ".join(p.text for p in passages)
    for chrome in ("cookies", "Cookies", "Government activity", "Topics", "Breadcrumb",
                   "Entering and staying", "Crown copyright", "Open Government Licence",
                   "Accessibility statement"):
        assert chrome not in text, chrome
    assert parsed.title == ("Country policy and information note: Christians, Iran, May 2022 "
                            "(accessible)")
    assert parsed.publisher == "UK Home Office"
    assert parsed.published == date(2022, 5, 12)
    assert parsed.url.startswith("https://www.gov.uk/government/publications/")
    sections = {p.text.split(" ")[0]: p.section for p in passages}
    assert sections == {"This": "1. Introduction", "Converts": "2.4 Risk",
                        "Members": "2.4 Risk", "Where": "2.5 Internal relocation"}


def test_hrw_page_title_suffix_publisher_and_date_from_json_ld() -> None:
    parsed = parse_file("iran.html", HRW_PAGE.encode())
    assert parsed.title == "Iran: Events of 2023"
    assert parsed.publisher == "Human Rights Watch"
    assert parsed.published == date(2024, 1, 11)
    text = " ".join(p.text for p in to_passages(parsed.blocks))
    assert "cookies" not in text and "Donate" not in text and "defends the rights" not in text
    assert "compulsory hijab" in text


def test_publisher_from_the_address_when_the_page_names_none() -> None:
    page = HRW_PAGE.replace('"publisher": {"@type": "Organization", "name": "Human Rights '
                            'Watch"}', '"inLanguage": "en"')
    assert parse_file("iran.html", page.encode()).publisher == "Human Rights Watch"


def test_site_suffixes() -> None:
    assert strip_site_suffix("Iran: Events of 2023 | Human Rights Watch") == (
        "Iran: Events of 2023")
    assert strip_site_suffix("Note: Iran, May 2022 - GOV.UK") == "Note: Iran, May 2022"
    assert strip_site_suffix("Iran - Arrests", "Example Site") == "Iran - Arrests"
    assert strip_site_suffix("Iran | Example Site", "Example Site") == "Iran"
    assert strip_site_suffix("Amnesty International") == "Amnesty International"
