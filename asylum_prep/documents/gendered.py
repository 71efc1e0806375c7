"""First-person sentences of the declaration whose words change with the declarant's sex
in some languages: Russian and Ukrainian write the past tense by gender ("я родился" /
"я родилась"), where a catalog without this would print both ("родился(-лась)").

Each message here is in the catalogs three times: as itself, and with the context "female"
and "male" (asylum_prep/babel_extract.py `extract_gendered` reads `MESSAGES` and writes both
entries, so `make extract` keeps them). A language whose sentence does not change gives its
ordinary translation for both. The declaration translates with the applicant's sex as the
context (`gendered`); unknown sex, or a message not listed, reads the ordinary entry.
"""

from __future__ import annotations

from dataclasses import replace

from asylum_prep.domain.people import Sex
from asylum_prep.i18n import Translator

CONTEXTS = (Sex.female.value, Sex.male.value)

MESSAGES = (
    "How I left my country",
    "How they would know that I have returned:",
    "I am a national of {countries}.",
    "I arrived in or about {date}.",
    "I arrived in {date}.",
    "I arrived in {place} in or about {date}.",
    "I arrived in {place} in {date}.",
    "I arrived in {place} on or about {date}.",
    "I arrived in {place} on {date}.",
    "I arrived in {place}.",
    "I arrived on or about {date}.",
    "I arrived on {date}.",
    "I arrived there in or about {date}.",
    "I arrived there in {date}.",
    "I arrived there on or about {date}.",
    "I arrived there on {date}.",
    "I asked the authorities for protection and they refused.",
    "I asked the authorities for protection but they did not protect me.",
    "I became a member of {organisation} in or about {date}.",
    "I became a member of {organisation} in {date}.",
    "I became a member of {organisation} on or about {date}.",
    "I became a member of {organisation} on {date}.",
    "I did not ask the authorities for protection because it would have been dangerous.",
    "I did not ask the authorities for protection because it would have been pointless.",
    "I did not report what happened to the authorities.",
    "I did not use my own passport to leave.",
    "I left in or about {date}.",
    "I left in {date}.",
    "I left my country from {place}.",
    "I left my country in or about {date}, from {place}.",
    "I left my country in or about {date}.",
    "I left my country in {date}, from {place}.",
    "I left my country in {date}.",
    "I left my country on or about {date}, from {place}.",
    "I left my country on or about {date}.",
    "I left my country on {date}, from {place}.",
    "I left my country on {date}.",
    "I left on or about {date}.",
    "I left on {date}.",
    "I left there in or about {date}.",
    "I left there in {date}.",
    "I left there on or about {date}.",
    "I left there on {date}.",
    "I left {place} in or about {date}.",
    "I left {place} in {date}.",
    "I left {place} on or about {date}.",
    "I left {place} on {date}.",
    "I left {place}.",
    "I passed through {country}.",
    "I reported what happened to the authorities.",
    "I used my own passport to leave.",
    "I was a member of {organisation}.",
    "I was born in or about {date} in {place}.",
    "I was born in or about {date}.",
    "I was born in {date} in {place}.",
    "I was born in {date}.",
    "I was born in {place}.",
    "I was born on or about {date} in {place}.",
    "I was born on or about {date}.",
    "I was born on {date} in {place}.",
    "I was born on {date}.",
    "The treatment I received:",
    "What happened after I reported it:",
    "Why I did not stay there:",
)


def gendered(t: Translator, sex: Sex) -> Translator:
    """`t` with the applicant's sex as its message context (unchanged when unknown)."""
    return replace(t, context=sex.value) if sex.value in CONTEXTS else t
