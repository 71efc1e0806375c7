"""The declaration reads as a person wrote it, in every language: a label never runs into the
answer before it, a place that already names the country does not get it twice, Chinese
parts are not spaced apart, and the signature has one date line. Renders the sample case's
declaration in every catalog language (the answers as they are, the fixed phrases translated)
and checks the patterns on the text read back from the document model."""

from __future__ import annotations

import re

import pytest

from asylum_prep import countries
from asylum_prep.documents import legal_texts
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.model import SignatureBlock, block_texts
from asylum_prep.i18n import SUPPORTED, Translator
from asylum_prep.samples import load_sample

LABELS = ("My role:", "Where they are now:", "The authority:")


def _declaration(lang: str, jurisdiction: str = "us", **about: str):
    record = load_sample()
    record.filing.answer_language = lang
    for key, value in about.items():
        setattr(record.about, key, value)
    return build_declaration(record, jurisdiction=jurisdiction, lang=lang)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_labels_never_run_into_the_answer_before_them(lang: str) -> None:
    text = "\n".join(block_texts(_declaration(lang).document))
    t = Translator(lang)
    for label in LABELS:
        shown = t(label)
        assert shown in text, (lang, label)  # the sample answers them all
        # the answer before the label ends its sentence ("Volunteer auditor. My role: ...")
        assert not re.search(r"[^\W\d_]\s*" + re.escape(shown), text), (lang, label)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_a_place_that_names_the_country_does_not_get_it_twice(lang: str) -> None:
    country = countries.name("IR", lang)
    decl = _declaration(lang, birth_place=f"Tehran, {country}", birth_country="IR")
    born = next(x for x in block_texts(decl.document) if "Tehran" in x)
    assert born.count(country) == 1, born


def test_chinese_parts_are_not_spaced_apart() -> None:
    text = "\n".join(block_texts(_declaration("zh_Hans").document))
    assert "：" in text
    assert not re.search(r"[：。] ", text)  # a fixed phrase and the answer after it: no space


@pytest.mark.parametrize("jurisdiction", ["us", "uk", "ca", "eu"])
def test_one_date_line_at_the_signature(jurisdiction: str) -> None:
    decl = _declaration("en", jurisdiction)
    pack = legal_texts.load(jurisdiction)
    labels = [line.label.text for b in decl.document.blocks if isinstance(b, SignatureBlock)
              for line in b.lines]
    dated_labels = [x for x in labels if "date" in x.lower()]
    assert len(dated_labels) + (1 if pack.executed else 0) == 1, (labels, pack.executed)


@pytest.mark.parametrize(("lang", "female", "male"), [
    ("ru", "Я родилась", "Я родился"), ("uk", "Я народилася", "Я народився")])
def test_russian_and_ukrainian_sentences_follow_the_applicants_sex(
        lang: str, female: str, male: str) -> None:
    from asylum_prep.domain.people import Sex

    def text(sex: Sex) -> str:
        record = load_sample()
        record.filing.answer_language = lang
        record.about.sex = sex
        return "\n".join(block_texts(build_declaration(record, jurisdiction="us",
                                                       lang=lang).document))

    she, he, unknown = text(Sex.female), text(Sex.male), text(Sex.unknown)
    assert female in she and male not in she and "(-" not in she
    assert male in he and female not in he and "(-" not in he
    assert "(-" in unknown  # without the answer, both forms, as before


def test_a_place_that_starts_with_in_is_not_said_twice() -> None:
    record = load_sample()
    record.incidents.items[0].place = "In front of the Interior Ministry"
    text = "\n".join(block_texts(build_declaration(record, jurisdiction="us",
                                                   lang="en").document))
    assert "in front of the Interior Ministry" in text
    assert not re.search(r"\bin In\b", text)
