"""Fictional case records for document tests (inspired by published fact patterns, never real
people): an English-answering applicant and a Persian-answering one with stored translations."""

from __future__ import annotations

from datetime import UTC, date, datetime

from asylum_prep.domain.dates import FuzzyDate, Precision
from asylum_prep.domain.record import CaseRecord, iter_text_answers, text_sha256
from asylum_prep.domain.review import Translation

NOW = datetime(2024, 6, 1, tzinfo=UTC)


def fd(y: int, m: int = 1, d: int = 1, p: str = "day") -> dict[str, object]:
    return FuzzyDate(iso=date(y, m, d), precision=Precision(p)).model_dump()


def english_record(n_incidents: int = 3, words: int = 60) -> CaseRecord:
    filler = " ".join(
        ["They kept asking the same questions about the meetings."] * (words // 9 + 1)
    )
    incidents = [
        {
            "id": f"inc{i}",
            "date": fd(2019 + i % 4, 1 + i % 12, 3),
            "place": f"Riverton district {i}",
            "perpetrator": "police",
            "perpetrator_detail": f"Two officers of station {i}",
            "what_happened": (
                f"Incident number {i}: officers came to my home and took me away. {filler}"
            ),
            "words_said": f"We know what you wrote, number {i}.",
            "detained": "yes",
            "injuries": f"Bruises on my arms after incident {i}.",
            "treatment": "A clinic cleaned the cuts.",
            "reported": "no",
            "state_protection": "not_sought_dangerous",
            "why_targeted": f"Because of my articles (incident {i}).",
        }
        for i in range(n_incidents)
    ]
    return CaseRecord.model_validate(
        {
            "filing": {"proceeding": "defensive", "answer_language": "en"},
            "about": {
                "given_names": "Leyla",
                "family_name": "Testova",
                "a_number": "A123-456-789",
                "birth_date": fd(1990, 5, 17),
                "birth_place": "Riverton",
                "birth_country": "IR",
                "nationalities": ["IR"],
                "religion": "None",
                "native_language": "Persian",
            },
            "family": {
                "members": [
                    {
                        "id": "mom",
                        "relation": "parent",
                        "name": "Mina Testova",
                        "where_now": "Riverton",
                        "harmed": "yes",
                        "harm_description": "Officers questioned my mother twice.",
                    }
                ]
            },
            "beliefs": {
                "grounds": ["political_opinion"],
                "beliefs_description": "I believe students should be free to write.",
                "memberships": [
                    {
                        "id": "m1",
                        "organisation": "Student Writers Circle",
                        "role": "editor",
                        "start": fd(2015, 9, 1, "month"),
                    }
                ],
            },
            "incidents": {"items": incidents},
            "leaving": {
                "departure_date": fd(2023, 3, 2),
                "departure_place": "Riverton airport",
                "how_left": "A friend drove me to the airport.",
                "passport_used": "yes",
                "route": [{"id": "tr1", "country": "TR", "why_not_stay": "I had no papers."}],
            },
            "fear": {
                "who": "The police of Riverton.",
                "what_harm": "Prison and beatings.",
                "why": "They think I oppose the government.",
                "still_looking": "yes",
                "still_looking_detail": "They came to my mother's home in 2024.",
                "relocation_why_not": "The police are the same everywhere.",
            },
            "timing": {"why_now": "I am filing within one year of arriving."},
        }
    )


PERSIAN_ANSWERS = {
    "about.given_names": ("نسرین", "Nasrin"),
    "about.family_name": ("آزمایشی", "Azmayeshi"),
    "about.birth_place": ("شهر نمونه", "Sample City"),
    "beliefs.beliefs_description": (
        "من به آزادی بیان باور دارم.",
        "I believe in freedom of expression.",
    ),
    "incidents.items.fa1.place": ("دانشگاه نمونه", "Sample University"),
    "incidents.items.fa1.what_happened": (
        "مأموران مرا از کلاس بیرون بردند و بازجویی کردند.",
        "Officers took me out of class and interrogated me.",
    ),
    "incidents.items.fa1.words_said": (
        "تو دیگر حق درس خواندن نداری.",
        "You no longer have the right to study.",
    ),
    "incidents.items.fa2.what_happened": (
        "آنها به خانه ما آمدند و کتاب‌هایم را بردند.",
        "They came to our house and took my books.",
    ),
    "fear.who": ("مأموران امنیتی", "The security agents"),
    "fear.what_harm": ("زندان", "Prison"),
    "fear.why": ("چون در اعتراضات شرکت کردم.", "Because I took part in the protests."),
    "fear.relocation_why_not": ("آنها در همه شهرها هستند.", "They are in every city."),
    "timing.why_now": ("تازه رسیده‌ام.", "I have just arrived."),
}


def persian_record(translate: bool = True, stale: tuple[str, ...] = ()) -> CaseRecord:
    v = {k: fa for k, (fa, _) in PERSIAN_ANSWERS.items()}
    record = CaseRecord.model_validate(
        {
            "filing": {"answer_language": "fa", "signed_outside_us": "yes"},
            "about": {
                "given_names": v["about.given_names"],
                "family_name": v["about.family_name"],
                "birth_place": v["about.birth_place"],
                "birth_country": "IR",
                "reference": "REF-2024-17",
            },
            "beliefs": {"beliefs_description": v["beliefs.beliefs_description"]},
            "incidents": {
                "items": [
                    {
                        "id": "fa2",
                        "date": fd(2022, 11, 5),
                        "what_happened": v["incidents.items.fa2.what_happened"],
                        "perpetrator": "intelligence",
                    },
                    {
                        "id": "fa1",
                        "date": fd(2022, 10, 1, "month"),
                        "place": v["incidents.items.fa1.place"],
                        "what_happened": v["incidents.items.fa1.what_happened"],
                        "perpetrator": "police",
                        "words_said": v["incidents.items.fa1.words_said"],
                    },
                ]
            },
            "fear": {
                "who": v["fear.who"],
                "what_harm": v["fear.what_harm"],
                "why": v["fear.why"],
                "relocation_why_not": v["fear.relocation_why_not"],
            },
            "timing": {"why_now": v["timing.why_now"]},
        }
    )
    if translate:
        originals = dict(iter_text_answers(record))
        for path, (_, en) in PERSIAN_ANSWERS.items():
            src = originals[path] if path not in stale else "an older wording"
            record.translations[path] = Translation(
                text=en, source_sha256=text_sha256(src), translator=1, at=NOW
            )
    return record
