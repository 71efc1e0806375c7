"""The declaration builder: structure, order, gaps, languages, closings.

Content comes only from answers."""

from __future__ import annotations

from datetime import date

import pytest

from asylum_prep.documents.build_declaration import build_bilingual, build_declaration
from asylum_prep.documents.model import (
    BilingualRow,
    Gap,
    NumberedParagraph,
    Paragraph,
    Quotation,
    block_texts,
)
from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.record import get_path
from asylum_prep.errors import InputRefused
from asylum_prep.i18n import translator

from .records import PERSIAN_ANSWERS, english_record, persian_record


def numbered(doc):
    return [b for b in doc.blocks if isinstance(b, NumberedParagraph)]


def test_numbering_is_continuous_and_every_incident_present_in_date_order():
    record = english_record(n_incidents=5)
    decl = build_declaration(record, jurisdiction="us")
    nums = [b.number for b in numbered(decl.document)]
    assert nums == list(range(1, len(nums) + 1))
    text = "\n".join(block_texts(decl.document))
    positions = []
    for inc in sorted(record.incidents.items, key=lambda i: i.date.iso):
        assert inc.what_happened.split(".")[0] in text
        positions.append(text.index(inc.what_happened.split(":")[0]))
    assert positions == sorted(positions)


def test_every_answer_printed_verbatim_and_sources_traceable():
    record = english_record()
    decl = build_declaration(record, jurisdiction="us")
    for block in numbered(decl.document):
        joined = " ".join(p.text for p in block.parts)
        assert block.sources, block
        for path in block.sources:
            value = get_path(record, path)
            if (
                isinstance(value, str)
                and value.strip()
                and path.endswith(
                    ("what_happened", "injuries", "treatment", "why", "who", "why_not")
                )
            ):
                assert value.strip() in joined
    # the mapping the brief uses points at the paragraph holding the answer
    n = decl.paragraph_for("incidents.items.inc1.what_happened")
    para = next(b for b in numbered(decl.document) if b.number == n)
    assert "Incident number 1" in para.parts[-1].text


def test_words_said_are_quoted_exactly():
    record = english_record()
    decl = build_declaration(record, jurisdiction="us")
    quotes = [b.text.text for b in decl.document.blocks if isinstance(b, Quotation)]
    assert "We know what you wrote, number 2." in quotes


def test_missing_answers_gap_in_draft_notice_in_filing():
    record = english_record()
    record.fear.who = ""
    draft = build_declaration(record, jurisdiction="us", draft=True)
    filing = build_declaration(record, jurisdiction="us", draft=False)
    gaps = [b for b in draft.document.blocks if isinstance(b, Gap)]
    assert [g.path for g in gaps] == ["fear.who"]
    assert "who you fear" in gaps[0].text.text
    assert not [b for b in filing.document.blocks if isinstance(b, Gap)]
    (notice,) = [n for n in filing.notices if n.template.startswith("No answer for")]
    assert notice.message() == (  # named as the wizard asks it, never as a record path
        "No answer for “Who are you afraid of?” (If you went back); left out of the document.")


@pytest.mark.parametrize(
    ("jurisdiction", "abroad", "expected"),
    [
        ("us", "no", "I declare under penalty of perjury that the foregoing is true and correct."),
        ("us", "yes", "under the laws of the United States of America that the foregoing is true"),
        ("uk", "no", "I believe that the facts stated in this witness statement are true."),
        ("ca", "no", "I make this solemn declaration conscientiously believing it to be true"),
        ("eu", "no", "true and complete to the best of my knowledge"),
    ],
)
def test_closing_per_jurisdiction(jurisdiction, abroad, expected):
    record = english_record(n_incidents=1)
    record.filing.signed_outside_us = abroad
    decl = build_declaration(record, jurisdiction=jurisdiction)
    closings = [
        " ".join(p.text for p in b.parts) for b in decl.document.blocks if isinstance(b, Paragraph)
    ]
    assert any(expected in c for c in closings)
    if jurisdiction == "us" and abroad == "no":
        assert not any("United States of America" in c for c in closings)


def test_english_from_current_translations_and_stale_flagged():
    record = persian_record(stale=("fear.why",))
    decl = build_declaration(record, jurisdiction="us", lang="en")
    text = "\n".join(block_texts(decl.document))
    assert "Officers took me out of class and interrogated me." in text
    assert "Because I took part in the protests." not in text  # stale: never printed as current
    assert PERSIAN_ANSWERS["fear.why"][0] in text
    assert "[Translation out of date" in text
    [stale] = [n for n in decl.notices if "out of date" in n.template]
    assert stale.message() == ("Paragraph 11: the translation of “Why would they do this to "
                               "you?” (If you went back) is out of date; the original words are "
                               "printed.")


def test_untranslated_answer_printed_as_given_and_flagged():
    record = persian_record(translate=False)
    decl = build_declaration(record, jurisdiction="us", lang="en")
    flagged = [b for b in numbered(decl.document) if b.flag]
    assert flagged and all("Not translated" in b.flag.text for b in flagged)
    assert any(p.lang == "fa" for b in flagged for p in b.parts)


def test_untranslated_answers_are_named_by_their_question_for_the_team():
    """The team's notice names the wizard question and its part, in the reader's language,
    never a record path such as incidents.items.fa1.what_happened."""
    decl = build_declaration(persian_record(translate=False), jurisdiction="us", lang="en")
    missing = [n for n in decl.notices if "has no translation" in n.template]
    assert missing
    english = [n.message() for n in missing]
    assert not any("incidents.items" in m or "fear." in m for m in english), english
    assert any(m.startswith("Paragraph ") and "“" in m and "(" in m for m in english)
    spanish = [n.message(translator("es")) for n in missing]
    assert all(m.startswith("Párrafo ") and "«" in m for m in spanish), spanish
    assert any("«¿" in m for m in spanish)  # the questions themselves are in Spanish


def test_original_language_prints_answers_as_given():
    record = persian_record()
    decl = build_declaration(record, jurisdiction="us")
    assert decl.document.lang == "fa" and decl.document.direction == "rtl"
    text = "\n".join(block_texts(decl.document))
    assert PERSIAN_ANSWERS["incidents.items.fa1.what_happened"][0] in text
    assert "Officers took me out of class" not in text
    assert not any(b.flag for b in numbered(decl.document))


def test_other_languages_are_refused():
    with pytest.raises(InputRefused):
        build_declaration(persian_record(), jurisdiction="us", lang="ru")


def test_bilingual_rows_align_paragraph_by_paragraph():
    record = persian_record()
    bi = build_bilingual(record, jurisdiction="us")
    rows = [b for b in bi.document.blocks if isinstance(b, BilingualRow) and b.number]
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    row = next(r for r in rows if any("interrogated" in p.text for p in r.right))
    assert any(PERSIAN_ANSWERS["incidents.items.fa1.what_happened"][0] == p.text for p in row.left)


def test_canonical_hash_changes_with_content():
    a = build_declaration(english_record(), jurisdiction="us").document
    record = english_record()
    record.fear.who = "Someone else."
    b = build_declaration(record, jurisdiction="us").document
    assert a.sha256() == build_declaration(english_record(), jurisdiction="us").document.sha256()
    assert a.sha256() != b.sha256()


@pytest.mark.parametrize(("lang", "expected"), [
    ("ru", "около мая 1990\u202fг."),  # genitive after около, not "около май"
    ("ht", "anviwon me 1990"),  # Kreyòl month names, not French "mai"
    ("ti", "ኣስታት ኣብ ግንቦት 1990"),  # "about in May 1990"
])
def test_dates_in_the_answer_language_read_as_that_language_writes_them(lang, expected):
    record = english_record(n_incidents=1)
    about = record.about.model_copy(update={"birth_date": FuzzyDate(
        iso=date(1990, 5, 1), precision=Precision.month, approximate=True)})
    filing = record.filing.model_copy(update={"answer_language": lang})
    record = record.model_copy(update={"about": about, "filing": filing})
    text = "\n".join(block_texts(build_declaration(record, jurisdiction="us").document))
    assert expected in text


def _dated_record(lang, *, born, incident, start=None, end=None):
    record = english_record(n_incidents=1)
    record.filing.answer_language = lang
    record.about.birth_date = born
    record.incidents.items[0].date = incident
    record.beliefs.memberships[0].start = start
    record.beliefs.memberships[0].end = end
    return block_texts(build_declaration(record, jurisdiction="us").document)


def _fz(y, m=1, d=1, p="day", approximate=False):
    return FuzzyDate(iso=date(y, m, d), precision=Precision(p), approximate=approximate)


def _para(texts, start):
    found = [t for t in texts if t.split(". ", 1)[-1].startswith(start)]
    assert found, f"no paragraph begins {start!r}"
    return found[0].split(". ", 1)[1]


def test_english_date_sentences_take_on_for_a_day_and_in_for_a_month_or_year():
    texts = _dated_record("en", born=_fz(1990, p="year"), incident=_fz(2022, 10, p="month"),
                          start=_fz(2019, 5, 3), end=_fz(2021, p="year"))
    assert _para(texts, "I was born") == "I was born in 1990 in Riverton, Iran."
    assert _para(texts, "In October 2022").startswith(
        "In October 2022, in Riverton district 0, the following happened: Incident number 0")
    assert _para(texts, "Why I believe").startswith(
        "Why I believe they targeted me in October 2022: ")
    assert _para(texts, "I became").startswith(
        "I became a member of Student Writers Circle on May 3, 2019. "
        "My membership ended in 2021. ")
    texts = _dated_record("en", born=_fz(1990, 5, 17), incident=_fz(2022, 5, 3))
    assert _para(texts, "I was born") == "I was born on May 17, 1990 in Riverton, Iran."
    assert _para(texts, "On May 3, 2022").startswith(
        "On May 3, 2022, in Riverton district 0, the following happened: ")


def test_english_approximate_dates_read_on_or_about_and_in_or_about():
    texts = _dated_record("en", born=_fz(1990, 10, p="month", approximate=True),
                          incident=_fz(2022, 5, 3, approximate=True),
                          end=_fz(2021, p="year", approximate=True))
    assert _para(texts, "I was born") == "I was born in or about October 1990 in Riverton, Iran."
    assert _para(texts, "On or about").startswith(
        "On or about May 3, 2022, in Riverton district 0, the following happened: ")
    # No start date: the membership is stated, then when it ended.
    assert _para(texts, "I was a member").startswith(
        "I was a member of Student Writers Circle. My membership ended in or about 2021. ")


def test_french_month_and_year_take_en_and_about_takes_vers():
    texts = _dated_record("fr", born=_fz(1990, p="year"), incident=_fz(2022, 10, p="month"),
                          start=_fz(2019, 10, p="month", approximate=True), end=_fz(2021, p="year"))
    assert _para(texts, "Je suis né") == "Je suis né(e) en 1990 à Riverton, Iran."
    assert _para(texts, "En octobre").startswith(
        "En octobre 2022, à Riverton district 0, voici ce qui s'est passé : ")
    assert _para(texts, "Je suis devenu").startswith(
        "Je suis devenu(e) membre de Student Writers Circle vers octobre 2019. "
        "J'ai cessé d'en être membre en 2021. ")
    assert not any("le octobre" in t or "Le octobre" in t or "le 1990" in t for t in texts)
    texts = _dated_record("fr", born=_fz(1990, 5, 17, approximate=True), incident=_fz(2022, 5, 3))
    assert _para(texts, "Je suis né") == "Je suis né(e) vers le 17 mai 1990 à Riverton, Iran."
    assert _para(texts, "Le 3 mai").startswith("Le 3 mai 2022, à Riverton district 0, ")


def test_russian_month_and_year_follow_a_word_that_governs_the_genitive():
    texts = _dated_record("ru", born=_fz(1990, p="year"), incident=_fz(2022, 10, p="month"),
                          start=_fz(2019, 5, 3), end=_fz(2021, p="year"))
    assert _para(texts, "Я родился") == "Я родился(-лась) в течение 1990\u202fг. в Riverton, Иран."
    assert _para(texts, "В течение").startswith(
        "В течение октября 2022\u202fг. в Riverton district 0 произошло следующее: ")
    # A date ending in "г." ends the sentence without a second full stop.
    assert _para(texts, "Я стал").startswith(
        "Я стал(а) членом Student Writers Circle 3 мая 2019\u202fг. "
        "Моё членство прекратилось в течение 2021\u202fг. Моя роль")
    assert not any("октябрь 2022" in t for t in texts)  # nominative after a preposition
    texts = _dated_record("ru", born=_fz(1990, 5, 17), incident=_fz(2022, 5, 3, approximate=True))
    assert _para(texts, "Я родился") == "Я родился(-лась) 17 мая 1990\u202fг. в Riverton, Иран."
    assert _para(texts, "Около").startswith("Около 3 мая 2022\u202fг. в Riverton district 0 ")


def test_not_hurt_is_never_printed_as_an_injury():
    """"None" chosen for how badly she was hurt reads as a plain sentence, her own words
    after it; the structured choices themselves (injury level, reasons, threats, detention
    length) are never printed as raw values."""
    record = english_record(n_incidents=2)
    first, second = record.incidents.items
    first.injury_level = "none"
    first.injuries = "None; they pushed me but I was not hurt."
    first.treatment = ""
    first.target_reasons = ["money", "political_opinion"]
    first.threatened = first.threat_carried_out = "yes"
    first.threat_frequency = "several"
    first.detention_length = "weeks"
    second.injury_level = "treated"
    decl = build_declaration(record, jurisdiction="us")
    paras = [" ".join(p.text for p in b.parts) for b in numbered(decl.document)]
    text = "\n".join(block_texts(decl.document))
    assert "I was not physically hurt. None; they pushed me but I was not hurt." in paras
    assert "My injuries: None" not in text
    assert ("I was hurt, and I needed a doctor or medical care. "
            f"{second.injuries}") in paras  # her choice as a sentence, not "My injuries:"
    assert "My injuries:" not in text
    n = decl.paragraph_for("incidents.items.inc0.injury_level")
    assert n == decl.paragraph_for("incidents.items.inc0.injuries")
    for raw in ("political_opinion", "several", "weeks", "treated", "injury_level"):
        assert raw not in text
    persian = persian_record()
    persian.incidents.items[0].injury_level = "none"
    fa = "\n".join(block_texts(build_declaration(persian, jurisdiction="us").document))
    sentence = translator("fa")("I was not physically hurt.")
    assert sentence != "I was not physically hurt." and sentence in fa
