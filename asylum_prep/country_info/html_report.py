"""A saved web page's report: its main content, title, publisher, date and address.

The main content comes from trafilatura (given the page as a string, never an address: it
makes no network call), which leaves out cookie banners, navigation, breadcrumbs and
footers; its headings become sections. Metadata comes from the page itself: citation and
Dublin Core meta tags, Open Graph, GOV.UK's own tags, JSON-LD (`datePublished`,
`publisher.name`, `headline`), then from the publishers the library knows by address
(`publishers.py`). Titles lose their site suffix (" - GOV.UK", " | Human Rights Watch").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from asylum_prep.country_info import publishers
from asylum_prep.country_info.passages import Block
from asylum_prep.text import collapse_spaces

MAX_JSON_LD = 200_000
_BLOCK_TAGS = ("p", "item", "quote", "cell", "code", "head")


class _MetaReader(HTMLParser):
    """Meta tags, the <title>, the canonical link and JSON-LD scripts of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical = ""
        self.json_ld: list[str] = []
        self._in_title = False
        self._in_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower():
            self.canonical = a.get("href", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._in_ld = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif self._in_ld and len(self.json_ld[-1]) < MAX_JSON_LD:
            self.json_ld[-1] += data


def _ld_objects(scripts: list[str]) -> Iterator[dict[str, Any]]:
    for script in scripts:
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item[:100])
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph[:100])
                yield item


def _ld_name(value: object) -> str:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name", "")
    return str(value).strip() if isinstance(value, str) else ""


def _first(meta: dict[str, str], *keys: str) -> str:
    return next((meta[k].strip() for k in keys if meta.get(k, "").strip()), "")


def page_metadata(reader: _MetaReader, extracted: dict[str, Any]) -> dict[str, str]:
    """title, publisher, published (as written), url, country of a page."""
    meta = reader.meta
    ld = {"headline": "", "date": "", "publisher": "", "url": ""}
    for obj in _ld_objects(reader.json_ld):
        ld["headline"] = ld["headline"] or _ld_name(obj.get("headline") or "")
        ld["date"] = ld["date"] or _ld_name(obj.get("datePublished") or "")
        ld["publisher"] = ld["publisher"] or _ld_name(obj.get("publisher") or obj.get("author"))
        ld["url"] = ld["url"] or _ld_name(obj.get("url") or "")
    url = _first(meta, "og:url") or reader.canonical or ld["url"] or str(
        extracted.get("url") or "")
    site = _first(meta, "og:site_name") or str(extracted.get("sitename") or "")
    named = (_first(meta, "citation_publisher", "dc.publisher", "dcterms.publisher", "publisher",
                    "govuk:primary-publishing-organisation")
             or ld["publisher"] or _first(meta, "author", "dc.creator"))
    publisher = publishers.canonical(named) if named else publishers.from_host(url)
    if not publisher and site and not publishers.is_platform(site) and " " in site.strip():
        publisher = publishers.canonical(site)  # a site's name, not its bare host name
    raw_title = (_first(meta, "citation_title", "dc.title", "og:title") or ld["headline"]
                 or collapse_spaces(reader.title) or str(extracted.get("title") or ""))
    title = publishers.strip_site_suffix(collapse_spaces(raw_title), site, publisher)
    published = (_first(meta, "citation_publication_date", "dcterms.issued", "dc.date",
                        "article:published_time", "date", "citation_date",
                        "govuk:first-published-at") or ld["date"]
                 or str(extracted.get("date") or ""))
    country = _first(meta, "coi:country", "country", "dc.coverage")
    return {"title": title, "publisher": publisher, "published": published, "url": url,
            "country": country if len(country) == 2 else ""}


def _text(element: Any) -> str:
    return collapse_spaces(" ".join(element.itertext()))


def main_blocks(html: str) -> tuple[list[Block], dict[str, Any]]:
    """The main content's paragraphs and headings, and what trafilatura read of the page's
    metadata (`title`, `sitename`, `date`, `url`)."""
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(html, output_format="xml", include_tables=True,
                              include_comments=False, include_images=False,
                              deduplicate=False, favor_recall=True, with_metadata=True)
    if not xml:
        return [], {}
    root = etree.fromstring(xml.encode("utf-8"),
                            parser=etree.XMLParser(resolve_entities=False, no_network=True))
    found = {k: root.get(k) or "" for k in ("title", "sitename", "date", "url")}
    blocks: list[Block] = []
    main = root.find("main")
    for element in (main.iter(*_BLOCK_TAGS) if main is not None else ()):
        if any(True for _ in element.iterdescendants(*_BLOCK_TAGS)):
            continue  # its inner blocks come on their own
        text = _text(element)
        if text:
            blocks.append(Block(text, None, element.tag == "head"))
    return blocks, found


def read_page(html: str) -> tuple[list[Block], dict[str, str]]:
    reader = _MetaReader()
    reader.feed(html)
    reader.close()
    blocks, extracted = main_blocks(html)
    return blocks, page_metadata(reader, extracted)
