"""Consistency between the story and the documents: the whole dates written in an exhibit's
text (`EvidenceItem.text.dates`, found by evidence.text_dates in what OCR read, or in a
born-digital document's own text) against the dates of the incidents and legal events the
exhibit is linked to (`EvidenceItem.incidents`).

Rule (key: fires when ...):
- document_date_vs_event: an exhibit linked to an incident or legal event with a date has
  whole dates in its text, and not one of them falls within the range that event's date (to
  its end date, when given) could mean (`spans.bounds`: precision and "about" widen it). One
  flag per exhibit and event, naming both places: the exhibit's text and the event's date. A
  summons dated 14 May 2022 for an arrest the story puts in June 2022 fires it; a document
  that also writes a date inside the event's range does not. The attorney dismisses a flag
  with a reason as for every flag (a summons issued after the arrest, a report written
  later).
- document_name_vs_story: an exhibit's words (`EvidenceItem.text.words`, kept by
  legal.document_words from what OCR read, and the words of its current English translation)
  hold a word spelled almost like a word of one of the applicant's names (family name, given
  names, name in native script, other names) and not that word itself
  (`document_words.near_misses`: same script only, a longer or shorter form of the word is not a
  misspelling). One flag per exhibit and name field, naming both places: "Rezai" in a summons
  for the story's "Rezaei" fires it; a document that also writes "Rezaei", writes nothing
  like it, or is in another script (a Persian summons against a Latin name: only
  name_native_script is compared with it) does not. OCR misreadings fire it too: the attorney
  looks at the page and dismisses the flag with a reason.
- document_place_vs_event: the same for the place of each event the exhibit is linked to
  (an incident's place, a legal event's place and authority), one flag per exhibit and field.
"""

from __future__ import annotations

from collections.abc import Iterator

from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.evidence import EvidenceItem
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal.consistency_flags import Flag, make_flag
from asylum_prep.legal.document_words import near_misses, words_in
from asylum_prep.legal.spans import bounds, show

N_DOCUMENT_DATE = N_("The dates written in the document \"{document}\" ({found}) are not the "
                     "date given for the event it is linked to ({date}).")
N_DOCUMENT_NAME = N_("The document \"{document}\" writes the name \"{found}\", the story "
                     "\"{story}\".")
N_DOCUMENT_PLACE = N_("The document \"{document}\" writes the place \"{found}\", the story "
                      "\"{story}\".")
MAX_SHOWN = 3
NAME_FIELDS = ("family_name", "given_names", "name_native_script")


def _linked_dates(r: CaseRecord) -> dict[str, tuple[str, FuzzyDate, FuzzyDate | None]]:
    """Event id -> (path of its date, start, end) for incidents and legal events."""
    out: dict[str, tuple[str, FuzzyDate, FuzzyDate | None]] = {}
    for i in r.incidents.items:
        if i.date:
            out[i.id] = (f"incidents.items.{i.id}.date", i.date, i.end_date)
    for e in r.harm_to_others.legal_events:
        if e.start:
            out[e.id] = (f"harm_to_others.legal_events.{e.id}.start", e.start, e.end)
    return out


def document_rules(r: CaseRecord) -> Iterator[Flag]:
    events = _linked_dates(r)
    for item in r.evidence:
        found = item.text.dates
        if not found:
            continue
        for event_id in item.incidents:
            if event_id not in events:
                continue
            path, start, end = events[event_id]
            low, high = bounds(start)[0], bounds(end or start)[1]
            if any(low <= d.iso <= high for d in found):
                continue
            when = show(start) + (f" – {show(end)}" if end else "")
            yield make_flag("document_date_vs_event", N_DOCUMENT_DATE,
                            (f"evidence.{item.id}.text", path),
                            document=item.title or item.filename,
                            found=", ".join(show(d) for d in found[:MAX_SHOWN]), date=when)


def _document_words(r: CaseRecord, item: EvidenceItem) -> set[str]:
    """The words of the exhibit's text and of its current English translation."""
    words = set(item.text.words)
    translation = r.exhibit_translations.get(item.id)
    if translation is not None and translation.exhibit_sha256 == item.stored_sha256:
        words.update(words_in("\n".join(translation.pages)))
    return words


def _misspelt(story: str, document: set[str]) -> tuple[str, str] | None:
    """(the document's spellings, the story's words) for the words of `story` the document
    writes almost alike and never exactly; None when there are none."""
    found: list[str] = []
    meant: list[str] = []
    for written in story.split():  # "Abdul-Rahman" is one written word of two folded ones
        nears = [near[0] for word in words_in(written) if (near := near_misses(word, document))]
        found += [near.title() if written[:1].isupper() else near for near in nears]
        meant += [written.strip(".,;:()\"'«»،")] if nears else []
    return (", ".join(found), ", ".join(meant)) if found else None


def _linked_places(r: CaseRecord) -> dict[str, list[tuple[str, str]]]:
    """Event id -> (path, text) of its place fields, for incidents and legal events."""
    out: dict[str, list[tuple[str, str]]] = {}
    for i in r.incidents.items:
        out[i.id] = [(f"incidents.items.{i.id}.place", i.place)]
    for e in r.harm_to_others.legal_events:
        base = f"harm_to_others.legal_events.{e.id}"
        out[e.id] = [(f"{base}.place", e.place), (f"{base}.authority", e.authority)]
    return out


def name_place_rules(r: CaseRecord) -> Iterator[Flag]:
    about = r.about
    names = [(f"about.{field}", getattr(about, field)) for field in NAME_FIELDS]
    names.append(("about.other_names", " ".join(about.other_names)))
    places = _linked_places(r)
    for item in r.evidence:
        document = _document_words(r, item)
        if not document:
            continue
        title = item.title or item.filename
        checks = [(N_DOCUMENT_NAME, "document_name_vs_story", path, text)
                  for path, text in names]
        checks += [(N_DOCUMENT_PLACE, "document_place_vs_event", path, text)
                   for event_id in item.incidents for path, text in places.get(event_id, [])]
        for template, rule, path, text in checks:
            pair = _misspelt(text, document) if text else None
            if pair is not None:
                yield make_flag(rule, template, (f"evidence.{item.id}.text", path),
                                document=title, found=pair[0], story=pair[1])
