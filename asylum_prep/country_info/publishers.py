"""Publishers of country reports the importer knows by their web address or their name, and
the site suffixes their page titles carry (" - GOV.UK", " | Human Rights Watch").

`from_host` names the publisher of a page from its address (`gov.uk` pages name their
department in their own metadata, so they are looked up by that); `canonical` gives a known
publisher's usual name for a variant of it; `strip_site_suffix` takes the site's name off a
title.
"""

from __future__ import annotations

import re

# host (or the end of one) -> the publisher's name as the library shows it
HOSTS: dict[str, str] = {
    "state.gov": "U.S. Department of State",
    "hrw.org": "Human Rights Watch",
    "amnesty.org": "Amnesty International",
    "irb-cisr.gc.ca": "Immigration and Refugee Board of Canada",
    "irb.gc.ca": "Immigration and Refugee Board of Canada",
    "euaa.europa.eu": "European Union Agency for Asylum",
    "easo.europa.eu": "European Union Agency for Asylum",
    "unhcr.org": "UNHCR",
    "refworld.org": "UNHCR",
    "uscirf.gov": "U.S. Commission on International Religious Freedom",
    "freedomhouse.org": "Freedom House",
    "crisisgroup.org": "International Crisis Group",
    "ohchr.org": "UN Office of the High Commissioner for Human Rights",
    "dfat.gov.au": "Australian Department of Foreign Affairs and Trade",
}
# names seen in page metadata -> the same publisher's usual name
NAMES: dict[str, str] = {
    "home office": "UK Home Office",
    "uk home office": "UK Home Office",
    "foreign, commonwealth & development office": "UK Foreign, Commonwealth & Development Office",
    "u.s. department of state": "U.S. Department of State",
    "united states department of state": "U.S. Department of State",
    "us department of state": "U.S. Department of State",
    "human rights watch": "Human Rights Watch",
    "hrw": "Human Rights Watch",
    "amnesty international": "Amnesty International",
    "immigration and refugee board of canada": "Immigration and Refugee Board of Canada",
    "european union agency for asylum": "European Union Agency for Asylum",
    "euaa": "European Union Agency for Asylum",
    "unhcr": "UNHCR",
    "unhcr, the un refugee agency": "UNHCR",
    "refworld": "UNHCR",
}
# site names that are a platform, not a publisher
PLATFORMS = frozenset({"gov.uk", "refworld", "ecoi.net", "reliefweb"})
_SEPARATORS = re.compile(r"\s+[|\-–—·:]\s+")


def canonical(name: str) -> str:
    """A known publisher's usual name, or the name as given."""
    return NAMES.get(name.strip().lower(), name.strip())


def from_host(url_or_host: str) -> str:
    host = re.sub(r"^[a-z]+://", "", url_or_host.strip().lower()).split("/")[0].split(":")[0]
    for suffix, name in HOSTS.items():
        if host == suffix or host.endswith("." + suffix):
            return name
    return ""


def is_platform(name: str) -> bool:
    return name.strip().lower() in PLATFORMS


def strip_site_suffix(title: str, *site_names: str) -> str:
    """"Iran: Events of 2023 | Human Rights Watch" -> "Iran: Events of 2023". Only a known
    publisher's or platform's name, or one of `site_names`, is taken off the end."""
    known = {n.lower() for n in (*NAMES, *NAMES.values(), *HOSTS.values(), *PLATFORMS)}
    known |= {n.strip().lower() for n in site_names if n.strip()}
    text = title.strip()
    while True:
        parts = list(_SEPARATORS.finditer(text))
        if not parts:
            return text
        last = parts[-1]
        tail = text[last.end():].strip().lower()
        if tail not in known or not text[:last.start()].strip():
            return text
        text = text[:last.start()].strip()
