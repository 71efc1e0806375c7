"""`asylum-prep coi ...`: the country-conditions library from the command line.

import: files and folders, a progress line per file, a summary (the same report in another
form is named and skipped unless --force); search: ranked passages with pinpoints (or
--json); cite: pin a passage to a case's legal element, with the report's currency warnings;
list: the reports with theirs; edit: correct a report's details; delete: remove a report.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

from asylum_prep.cli.common import (
    LazyChoices,
    cli_actor,
    int_in,
    note,
    out,
    print_json,
    store_from,
)
from asylum_prep.errors import N_, InputRefused


def _elements() -> list[str]:
    from asylum_prep.domain.citations import ElementKey

    return [e.value for e in ElementKey]


def _date(value: str | None) -> date | None:
    from asylum_prep.country_info.importers import parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
        raise InputRefused(N_("Give the date as YYYY-MM-DD, for example 2024-04-22."))
    return parsed


def _import(args: argparse.Namespace) -> int:
    from asylum_prep.country_info.importers import ImportOptions
    from asylum_prep.services import coi

    store = store_from(args)
    actor = cli_actor(store)
    options = ImportOptions(country=args.country, publisher=args.publisher, title=args.title,
                            published=_date(args.published), url=args.url)

    def progress(done: int, total: int, name: str) -> None:
        note(f"[{done}/{total}] {name}")

    outcomes = coi.import_paths(store, actor, paths=[Path(p) for p in args.paths],
                                options=options, progress=progress, force=args.force)
    for o in outcomes:
        if o.status == "imported":
            out(f"imported  {o.name}  report={o.report_id}  passages={o.passages}")
        else:
            out(f"{o.status:<9} {o.name}  {o.reason}")
    imported = sum(o.status == "imported" for o in outcomes)
    note(f"{imported} imported, {sum(o.status == 'duplicate' for o in outcomes)} duplicates, "
          f"{sum(o.status == 'skipped' for o in outcomes)} skipped")
    return 0 if imported or not outcomes or all(o.status == "duplicate" for o in outcomes) else 1


def _search(args: argparse.Namespace) -> int:
    from asylum_prep.country_info.search import plain_snippet
    from asylum_prep.services import coi

    store = store_from(args)
    page = coi.search(store, cli_actor(store), query=args.query, country=args.country,
                      publisher=args.publisher, since_year=args.since, since=_day(args.after),
                      until=_day(args.before, end=True), language=args.lang, limit=args.limit,
                      offset=args.offset)
    for notice in page.notices:
        note(notice)
    if args.json:
        print_json({"total": page.total, "more": page.more, "offset": args.offset,
                    "hits": [h.as_json() for h in page.hits]})
        return 0
    shown = f" Passages {args.offset + 1}-{args.offset + len(page.hits)}." if page.hits else ""
    count = f"More than {page.total}" if page.more else str(page.total)
    note(f"{count} passages match.{shown}")
    for h in page.hits:
        published = h.published.isoformat() if h.published else "n.d."
        pin = h.pin
        where = f", {pin}" if pin else ""
        out(f"\n#{h.passage_id}  {h.publisher}, {h.title} ({published}){where}")
        out(f"    {plain_snippet(h.snippet)}")
    return 0


def _day(value: str | None, *, end: bool = False) -> date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD: its first day (or with `end` its last)."""
    from asylum_prep.country_info.query import period_day

    if value is None:
        return None
    day = period_day(value, end=end)
    if day is None:
        raise InputRefused(N_("Give the date as YYYY-MM-DD, for example 2024-04-22."))
    return day


SEARCH_HELP = """\
query language:
  detention students        any of the words, passages with more of them first
  "house church"            the words in this order
  detained AND students     both       detained OR arrested    either
  students NOT university   leaves out passages with the word
  (arrest OR detention) AND "Evin prison"      brackets group
  police NEAR/5 students    within 5 words of each other (NEAR alone: 10)
  detain*                   words that start with "detain"
  country:IR  publisher:"Home Office"  after:2022-01  before:2023-12-31  lang:fa
Operators are written in capitals. Every form of a word is found (churches: church;
detained: detention), whatever the accents, apostrophes (Baha'i, Bahai) or Persian and
Arabic letter forms; Chinese is matched in simplified and traditional characters. A query
that cannot be read is searched as plain words, with a notice. Filters in the query take
the place of the same options.
"""

def _cite(args: argparse.Namespace) -> int:
    from asylum_prep.domain.citations import format_citation
    from asylum_prep.services import coi

    store = store_from(args)
    actor = cli_actor(store)
    citation = coi.cite(store, actor, args.case_id, passage_id=args.passage_id,
                        element=args.element)
    out(format_citation(citation))
    for warning in coi.citation_warnings(store, actor, args.case_id).get(citation.id, []):
        note(f"warning: {warning.message()}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from asylum_prep.services import coi

    store = store_from(args)
    actor = cli_actor(store)
    reports = coi.list_reports(store, actor, country=args.country)
    warnings = coi.library_warnings(store, actor, country=args.country)
    if args.json:
        print_json([
            {"id": r.id, "country": r.country, "publisher": r.publisher, "title": r.title,
             "published": r.published.isoformat() if r.published else None, "url": r.url,
             "kind": r.source_kind, "passages": r.passage_count, "sha256": r.content_hash,
             "details_changed_at": (r.details_changed_at.isoformat()
                                    if r.details_changed_at else None),
             "warnings": [w.to_json() for w in warnings.get(r.id, [])]}
            for r in reports
        ])
        return 0
    for r in reports:
        published = r.published.isoformat() if r.published else "n.d."
        out(f"{r.id}  {r.country}  {published}  {r.publisher}: {r.title} "
              f"({r.passage_count} passages)")
        for w in warnings.get(r.id, []):
            out(f"    warning: {w.message()}")
    return 0


def _edit(args: argparse.Namespace) -> int:
    from asylum_prep.services import coi

    store = store_from(args)
    given = {k: getattr(args, k) for k in ("title", "publisher", "country", "url")
             if getattr(args, k) is not None}
    undated = args.published == "none"
    published = None if undated else _date(args.published)
    if not given and published is None and not undated:
        raise InputRefused(N_("Give at least one detail to change."))
    r = coi.edit_report(store, cli_actor(store), report_id=args.report_id, published=published,
                        clear_published=undated, **given)
    published_text = r.published.isoformat() if r.published else "n.d."
    out(f"{r.id}  {r.country}  {published_text}  {r.publisher}: {r.title}  {r.url}".rstrip())
    return 0


def _delete(args: argparse.Namespace) -> int:
    from asylum_prep.services import coi

    store = store_from(args)
    coi.delete_report(store, cli_actor(store), report_id=args.report_id)
    note(f"Report {args.report_id} deleted; citations of it keep their quotation.")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    coi_parser = sub.add_parser("coi", help="country-conditions library: import, search, cite")
    cmds = coi_parser.add_subparsers(dest="coi_command", required=True, metavar="ACTION")

    p = cmds.add_parser("import", help="import report files or folders (PDF, HTML, text, Markdown)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--country", help="ISO 3166 code, e.g. IR (when the file does not say)")
    p.add_argument("--publisher")
    p.add_argument("--title")
    p.add_argument("--published", metavar="YYYY-MM-DD")
    p.add_argument("--url")
    p.add_argument("--force", action="store_true",
                   help="import a report even when the library has it in another form")
    p.set_defaults(handler=_import)

    p = cmds.add_parser("search", help="ranked passages; AND OR NOT NEAR/n \"phrases\" word* "
                        "and filters (see coi search --help)",
                        epilog=SEARCH_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--country", help="ISO 3166 code")
    p.add_argument("--publisher", help="a publisher in the library (any case)")
    p.add_argument("--since", type=int_in(1900, 2999), metavar="YYYY",
                   help="published in or after this year")
    p.add_argument("--after", metavar="YYYY[-MM[-DD]]", help="published on or after this day")
    p.add_argument("--before", metavar="YYYY[-MM[-DD]]", help="published on or before this day")
    p.add_argument("--lang", metavar="CODE", help="passages in this language, e.g. en, fa, ar")
    p.add_argument("--limit", type=int_in(1, 200), default=10, help="at most this many passages")
    p.add_argument("--offset", type=int_in(0, 100_000), default=0,
                   help="skip this many passages (the next page)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_search)

    p = cmds.add_parser("cite", help="pin a passage to a legal element of a case")
    p.add_argument("case_id", metavar="ID")
    p.add_argument("passage_id", metavar="PASSAGE_ID", type=int_in(1, 2**63 - 1))
    p.add_argument("--element", required=True, choices=LazyChoices(_elements), metavar="ELEMENT",
                   help="one of: %(choices)s")
    p.set_defaults(handler=_cite)

    p = cmds.add_parser("list", help="the reports in the library")
    p.add_argument("--country", help="ISO 3166 code")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = cmds.add_parser("edit", help="correct a report's title, publisher, date, country or URL")
    p.add_argument("report_id", metavar="ID")
    p.add_argument("--title")
    p.add_argument("--publisher")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="or 'none' for an undated report")
    p.add_argument("--country", help="ISO 3166 code")
    p.add_argument("--url")
    p.set_defaults(handler=_edit)

    p = cmds.add_parser("delete", help="remove a report (citations keep their quotation)")
    p.add_argument("report_id", metavar="ID")
    p.set_defaults(handler=_delete)
