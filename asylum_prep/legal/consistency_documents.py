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
"""

from __future__ import annotations

from collections.abc import Iterator

from asylum_prep.domain.dates import FuzzyDate
from asylum_prep.domain.record import CaseRecord
from asylum_prep.errors import N_
from asylum_prep.legal.consistency_flags import Flag, make_flag
from asylum_prep.legal.spans import bounds, show

N_DOCUMENT_DATE = N_("The dates written in the document \"{document}\" ({found}) are not the "
                     "date given for the event it is linked to ({date}).")
MAX_SHOWN = 3


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
