"""Dates, names and places written in an exhibit against the story and the events it is linked
to (legal.consistency_documents), the dates found in a document's text (evidence.text_dates)
and its words (legal.document_words)."""

from __future__ import annotations

import random
from datetime import date
from difflib import SequenceMatcher

from asylum_prep.domain.events import LegalKind
from asylum_prep.domain.evidence import EvidenceItem, ExhibitText, ExhibitTranslation, Mime
from asylum_prep.domain.record import CaseRecord
from asylum_prep.domain.review import Dismissal
from asylum_prep.evidence.text_dates import dates_in
from asylum_prep.legal import document_words
from asylum_prep.legal.consistency import check
from asylum_prep.legal.consistency_flags import Flag
from asylum_prep.legal.document_words import near_misses, words_in
from tests.unit.legal.factories import AT, TODAY, fd, incident, legal_event, record


def exhibit(*dates: str, linked: list[str], text: str = "") -> EvidenceItem:
    return EvidenceItem(title="Summons", mime=Mime.png, stored_blob="b", stored_sha256="a" * 64,
                        original_sha256="a" * 64, original_size=1, stored_size=1, added_by=1,
                        added_at=AT, incidents=linked,
                        text=ExhibitText(dates=[fd(d) for d in dates], words=words_in(text)))


def named(**about: object) -> CaseRecord:
    r = record()
    for name, value in about.items():
        setattr(r.about, name, value)
    return r


def rules(r: CaseRecord, *names: str) -> list[Flag]:
    return [f for f in check(r, today=TODAY) if f.rule in names]


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


NAMES = ("document_name_vs_story", "document_place_vs_event")


def test_a_name_spelled_differently_in_the_document_is_flagged_naming_both_places() -> None:
    r = named(family_name="Rezaei", given_names="Dariush Kamran")
    ex = exhibit(linked=[], text="Mr. Dariush REZAI, son of Kamran, must appear.")
    r.evidence.append(ex)
    [f] = rules(r, *NAMES)
    assert f.rule == "document_name_vs_story"
    assert f.places == (f"evidence.{ex.id}.text", "about.family_name")
    assert f.message == 'The document "Summons" writes the name "Rezai", the story "Rezaei".'
    assert f.labels[0] == "Evidence: Summons"
    r.dismissed_flags[f.id] = Dismissal(reason="Both spellings are used in Iran.", by=1, at=AT)
    [again] = rules(r, *NAMES)
    assert again.dismissed and again.reason == "Both spellings are used in Iran."


def test_a_place_spelled_differently_is_flagged_for_the_linked_event_only() -> None:
    i = incident(place="Kermanshah")
    held = legal_event(LegalKind.summons, "2022-05-03", place="Sanandaj",
                       authority="Revolutionary Court")
    r = record(**{"incidents.items": [i], "harm_to_others.legal_events": [held]})
    r.evidence += [exhibit(linked=[i.id], text="Arrested in Kermanshaw by the police."),
                   exhibit(linked=[held.id], text="The Revolutionary Cort of Sanandaj."),
                   exhibit(linked=[], text="Born in Kermanshaw.")]  # not linked: no place
    first, second = rules(r, *NAMES)
    assert first.rule == second.rule == "document_place_vs_event"
    assert first.places[1] == f"incidents.items.{i.id}.place"
    assert "\"Kermanshaw\", the story \"Kermanshah\"" in first.message
    assert second.places[1] == f"harm_to_others.legal_events.{held.id}.authority"
    assert "\"Cort\", the story \"Court\"" in second.message


def test_no_flag_for_the_exact_word_another_script_an_unlike_word_or_a_longer_form() -> None:
    i = incident(place="Kermanshah")
    r = named(family_name="Rezaei", given_names="Ahmad", other_names=["Hosseini"])
    r.incidents.items.append(i)
    r.evidence += [
        exhibit(linked=[i.id], text="REZAEI (also written Rezai) was held in Kermanshah."),
        exhibit(linked=[i.id], text="احضاریه آقای رضائی در کرمانشاه"),  # Persian: no Latin
        exhibit(linked=[i.id], text="The officer Tavakoli wrote to Mashhad."),  # nothing alike
        exhibit(linked=[i.id], text="His cousin Ahmadi, Kermanshahi by birth."),  # longer forms
    ]
    assert rules(r, *NAMES) == []
    # The name in native script is compared with the Persian document, letter variants folded.
    r.about.name_native_script = "رضایی"
    assert rules(r, *NAMES) == []  # ي/ی and ئ/ی fold together: the same word
    r.about.name_native_script = "رضاپی"
    [f] = rules(r, *NAMES)
    assert f.places[1] == "about.name_native_script"
    assert f.message == 'The document "Summons" writes the name "رضایی", the story "رضاپی".'


def test_the_current_english_translation_is_read_too() -> None:
    r = named(family_name="Rezaei")
    ex = exhibit(linked=[], text="احضاریه")
    r.evidence.append(ex)
    translation = ExhibitTranslation(exhibit_sha256="a" * 64, pages=["Summons for Mr. Rezaie."],
                                     translator=3, at=AT)
    r.exhibit_translations[ex.id] = translation
    [f] = rules(r, *NAMES)
    assert f.places == (f"evidence.{ex.id}.text", "about.family_name")
    translation.exhibit_sha256 = "b" * 64  # the exhibit was replaced since: stale
    assert rules(r, *NAMES) == []


def test_a_documents_words_are_folded_distinct_and_capped() -> None:
    assert words_in("Café CAFE cafe, 12 ab Tehran2 Téhéran") == ["cafe", "teheran"]
    assert len(words_in(" ".join(f"w{chr(97 + n % 26)}{n:04}x" for n in range(10)))) == 0
    many = " ".join("".join(chr(97 + (n // 26 ** k) % 26) for k in range(4)) for n in range(3000))
    assert len(words_in(many)) == document_words.MAX_WORDS
    assert near_misses("rezaei", ["rezaie", "rezai"]) == ["rezai", "rezaie"]  # most alike first
    assert near_misses("rezaei", ["rezai", "rezaei"]) == []
    assert near_misses("ali", ["aly"]) == []  # too short to say


def test_the_fast_filters_skip_no_word_difflib_would_call_alike() -> None:
    rnd = random.Random(7)
    for _ in range(3000):
        story = "".join(rnd.choice("abcde") for _ in range(rnd.randint(4, 8)))
        word = "".join(rnd.choice("abcde") for _ in range(rnd.randint(3, 11)))
        alike = (word != story and not word.startswith(story) and not story.startswith(word)
                 and SequenceMatcher(None, word, story).ratio() >= document_words.SIMILAR)
        assert (near_misses(story, [word]) == [word]) is alike, (story, word)
