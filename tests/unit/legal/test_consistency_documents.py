"""Dates written in an exhibit against the events it is linked to (legal.consistency_documents)
and the dates found in a document's text (evidence.text_dates)."""

from __future__ import annotations

from datetime import date

from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.evidence import EvidenceItem, ExhibitText, Mime
from asylum_prep.domain.review import Dismissal
from asylum_prep.evidence.text_dates import dates_in
from asylum_prep.legal.consistency import check
from tests.unit.legal.factories import AT, TODAY, fd, incident, legal_event, record


def exhibit(*dates: str, linked: list[str]) -> EvidenceItem:
    return EvidenceItem(title="Summons", mime=Mime.png, stored_blob="b", stored_sha256="a" * 64,
                        original_sha256="a" * 64, original_size=1, stored_size=1, added_by=1,
                        added_at=AT, incidents=linked,
                        text=ExhibitText(dates=[fd(d) for d in dates]))


def test_a_summons_dated_before_the_arrest_month_is_flagged_naming_both_places() -> None:
    i = incident(fd("2022-06-01", "month"))
    ex = exhibit("2022-05-14", linked=[i.id])
    r = record(**{"incidents.items": [i]})
    r.evidence.append(ex)
    [f] = check(r, today=TODAY)
    assert f.rule == "document_date_vs_event"
    assert f.places == (f"evidence.{ex.id}.text", f"incidents.items.{i.id}.date")
    assert "2022-05-14" in f.message and "Summons" in f.message
    assert f.labels[0] == "Evidence: Summons"
    # Dismissed with a reason, as every flag.
    r.dismissed_flags[f.id] = Dismissal(reason="Issued before the arrest.", by=1, at=AT)
    [again] = check(r, today=TODAY)
    assert again.dismissed and again.reason == "Issued before the arrest."


def test_no_flag_when_one_date_fits_or_nothing_is_linked_or_no_date_was_found() -> None:
    i = incident(fd("2022-06-01", "month"))
    held = legal_event(LegalKind.detention, "2022-07-01", "2022-07-20")
    r = record(**{"incidents.items": [i], "harm_to_others.legal_events": [held]})
    r.evidence += [exhibit("2022-05-14", "2022-06-03", linked=[i.id]),
                   exhibit("2022-05-14", linked=[]),
                   exhibit(linked=[i.id]),
                   exhibit("2022-07-10", linked=[held.id])]
    assert check(r, today=TODAY) == []
    r.evidence.append(exhibit("2022-08-01", linked=[held.id]))
    [f] = check(r, today=TODAY)
    assert f.places[1] == f"harm_to_others.legal_events.{held.id}.start"


def test_whole_dates_are_found_in_every_script_and_calendar() -> None:
    today = date(2025, 1, 1)
    assert [d.iso for d in dates_in("Issued on 14 May 2022; appear on May 20, 2022.", "en",
                                    today=today)] == [date(2022, 5, 14), date(2022, 5, 20)]
    assert [d.iso for d in dates_in("تاریخ: ۱۴۰۱/۰۲/۲۴ احضاریه", "fa", today=today)] == [
        date(2022, 5, 14)]
    assert [d.iso for d in dates_in("Повестка от 14.05.2022 года", "ru", today=today)] == [
        date(2022, 5, 14)]
    assert [d.iso for d in dates_in("日期：2022年5月14日", "zh_Hans", today=today)] == [
        date(2022, 5, 14)]
    # A year alone, a phone number, a date in the future: not whole dates of the past.
    assert dates_in("In 2022 he called 0912 345 6789 about 01/02/2031.", "en",
                    today=today) == []
