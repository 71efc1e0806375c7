"""Import and search on a real store: the same tests on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from asylum_prep.country_info.importers import ImportOptions
from asylum_prep.errors import PermissionDenied
from asylum_prep.services import coi
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from tests.conftest import People
from tests.unit.country_info.conftest import make_pdf, report, write
from tests.unit.country_info.test_normalize import HOSTILE


def _search(store: Store, people: People, query: str, **kw: object) -> coi.engine.SearchPage:
    return coi.search(store, people.attorney, query=query, **kw)  # type: ignore[arg-type]


@pytest.fixture
def ranked(store: Store, people: People, tmp_path: Path) -> dict[str, int]:
    folder = tmp_path / "reports"
    folder.mkdir()
    write(folder / "a.md", report(
        "IR", "Publisher One", "Report 2023", "2023-05-01",
        "The police arrested students at the university and beat them during interrogation.",
        "Local police directed traffic near the market on a busy day for the whole town.",
        "Weather in the northern mountains was unusually cold during the long winter months.",
    ))
    write(folder / "b.md", report(
        "SV", "Publisher Two", "Report 2019", "2019-02-01",
        "Gangs threatened students and shopkeepers who refused to pay extortion demands.",
    ))
    outcomes = coi.import_paths(store, people.paralegal, paths=[folder])
    assert [o.status for o in outcomes] == ["imported", "imported"]
    with store.session() as s:
        from asylum_prep.country_info.tables import CoiPassage
        return {p.text.split()[0]: p.id or 0 for p in s.exec(select(CoiPassage))}


def test_all_terms_rank_above_one_term_and_counts(store: Store, people: People,
                                                  ranked: dict[str, int]) -> None:
    page = _search(store, people, "police arrested students interrogation")
    ids = [h.passage_id for h in page.hits]
    assert ids[0] == ranked["The"]  # has every word
    assert set(ids) == {ranked["The"], ranked["Local"], ranked["Gangs"]}
    assert page.total == 3
    top = page.hits[0]
    assert (top.publisher, top.title, top.published, top.country) == (
        "Publisher One", "Report 2023", date(2023, 5, 1), "IR")
    assert "<mark>arrested</mark>" in top.snippet and top.score > page.hits[-1].score
    assert set(top.matched) == {"police", "arrested", "students", "interrogation"}


def test_phrases_must_occur_in_order(store: Store, people: People, ranked: dict[str, int]) -> None:
    assert [h.passage_id for h in _search(store, people, '"police arrested"').hits] == [
        ranked["The"]]
    assert _search(store, people, '"arrested police"').total == 0
    assert _search(store, people, '"local police" students').total == 0  # phrase AND a word
    assert _search(store, people, '"local police" traffic').total == 1


def test_filters(store: Store, people: People, ranked: dict[str, int]) -> None:
    assert _search(store, people, "students", country="sv").total == 1
    assert _search(store, people, "students", country="IR").total == 1
    assert _search(store, people, "students", publisher="publisher two").total == 1
    assert _search(store, people, "students", since_year=2020).total == 1
    assert _search(store, people, "students", until=date(2020, 1, 1)).hits[0].country == "SV"
    assert _search(store, people, "students", since=date(2024, 1, 1)).total == 0
    assert _search(store, people, "students", limit=1, offset=1).total == 2
    assert _search(store, people, "students", limit=1, offset=5).total == 2
    # an English-only library: the language filter lets all through, or nothing
    assert _search(store, people, "students lang:en").total == 2
    assert _search(store, people, "students", language="fa").total == 0


def test_filters_combined_and_facet_words_are_not_searchable(store: Store, people: People,
                                                             ranked: dict[str, int]) -> None:
    from asylum_prep.country_info.facets import country_word, publisher_word

    assert _search(store, people, "students", country="IR", publisher="PUBLISHER ONE").total == 1
    assert _search(store, people, "students", country="SV", publisher="Publisher One").total == 0
    assert _search(store, people, "students", country="IR", since=date(2023, 1, 1),
                   until=date(2023, 12, 31)).total == 1
    for word in (country_word("IR"), publisher_word("Publisher One"), "facets", "norm"):
        assert _search(store, people, str(word)).total == 0
        assert _search(store, people, f"students {word}").total == 2


def test_hostile_queries_never_raise_and_stay_literal(store: Store, people: People,
                                                      ranked: dict[str, int]) -> None:
    for query in HOSTILE:
        page = _search(store, people, query)
        assert page.total >= len(page.hits) and page.total <= 4, query
        for filters in ({"country": "IR"}, {"publisher": query[:50]}):
            _search(store, people, query, **filters)
    # the library is intact afterwards
    assert _search(store, people, "students").total == 2
    assert _search(store, people, ") DROP TABLE x; --").total == 0
    assert _search(store, people, "*").total == 0 and _search(store, people, '"').total == 0


def test_operator_words_are_plain_words(store: Store, people: People,
                                        ranked: dict[str, int]) -> None:
    # broken operator syntax is searched as plain words, with a notice
    near = _search(store, people, "NEAR(")
    assert [h.passage_id for h in near.hits] == [ranked["Local"]] and near.notices
    assert _search(store, people, "students OR").total == 2
    assert _search(store, people, "stud*").total == 2  # a prefix, through the index only
    assert _search(store, people, "students or").notices == ()  # small "or" is a word


def test_arabic_and_persian_forms_find_the_same_passage(store: Store, people: People,
                                                        tmp_path: Path) -> None:
    text = report("IR", "Arabic Monitor", "Report 2024", "2024-01-01",
                  "اعتقلت الشُّرْطَةُ الطُّلَّابَ في الجامعة وكتبوا تقريرًا عن المدرسة.",
                  "Unrelated English paragraph about agriculture and the harvest season.")
    outcome = coi.import_paths(store, people.attorney, paths=[write(tmp_path / "ar.md", text)])
    assert outcome[0].status == "imported"
    for query in ("الشرطة", "الشُّرْطَةُ", "الطلاب", "وكتبوا", "وکتبوا", "المدرسه", "الجامعة"):
        page = _search(store, people, query)
        assert page.total == 1, query
        assert "<mark>" in page.hits[0].snippet
    persian = report("IR", "Persian Monitor", "Report 2024", "2024-01-01",
                     "نیروهای امنیتی دانشجویان را در دانشگاه بازداشت کردند "
                     "و به خانواده‌ها هشدار دادند.")
    coi.import_paths(store, people.attorney, paths=[write(tmp_path / "fa.md", persian)])
    for query in ("امنیتي", "امنیتی", "خانوادهها", "خانواده‌ها", "دانشگاه"):
        assert _search(store, people, query).total == 1, query


def test_duplicates_and_bad_files_are_skipped_with_reasons(store: Store, people: People,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = report("XV", "P", "Good 2024", "2024-01-01", "A perfectly fine paragraph of text here.")
    write(folder / "1-good.md", good)
    write(folder / "2-copy.md", good)
    (folder / "3-broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    (folder / "4-image.png").write_bytes(b"\x89PNG")
    write(folder / "5-nocountry.txt", "A paragraph without any country in it at all, long enough.")
    make_pdf(folder / "6-real.pdf", ["<p>Pages of a real PDF about detention in Veldania.</p>",
                                     "<p>Second page mentions torture in custody.</p>"],
             title="PDF Report 2024")
    (folder / ".hidden.md").write_text(good)
    seen: list[tuple[int, int]] = []
    outcomes = coi.import_paths(store, people.attorney, paths=[folder],
                                options=ImportOptions(country=None, publisher="Default Pub"),
                                progress=lambda done, total, name: seen.append((done, total)))
    assert seen == [(i, 6) for i in range(1, 7)]
    statuses = [(Path(o.name).name, o.status) for o in outcomes]
    assert statuses == [("1-good.md", "imported"), ("2-copy.md", "duplicate"),
                        ("3-broken.pdf", "skipped"), ("4-image.png", "skipped"),
                        ("5-nocountry.txt", "skipped"), ("6-real.pdf", "skipped")]
    assert "ISO 3166" in outcomes[4].reason and "Only PDF" in outcomes[3].reason
    again = coi.import_paths(store, people.attorney, paths=[folder / "6-real.pdf"],
                             options=ImportOptions(country="XV", publisher="Default Pub"))
    assert again[0].status == "imported", again[0].reason
    page = _search(store, people, "torture custody")
    assert page.total == 1
    assert (page.hits[0].page, page.hits[0].publisher) == (2, "Default Pub")
    reports = coi.list_reports(store, people.paralegal)
    assert sorted(r.title for r in reports) == ["Good 2024", "PDF Report 2024"]


def test_who_may_import_and_search(store: Store, people: People, tmp_path: Path) -> None:
    path = write(tmp_path / "r.md", report("XV", "P", "T", "2024-01-01", "Some text to import."))
    for actor in (people.translator, people.applicant):
        with pytest.raises(PermissionDenied):
            coi.import_paths(store, actor, paths=[path])
    for actor in (people.translator, people.applicant):  # the legal team's library
        with pytest.raises(PermissionDenied):
            coi.search(store, actor, query="text")
    assert coi.search(store, people.paralegal, query="text").total == 0


def test_search_audit_holds_counts_never_the_query(store: Store, people: People,
                                                   ranked: dict[str, int]) -> None:
    secret = "zanjan interrogation kidnapped cousin"
    coi.search(store, people.attorney, query=secret, country="IR")
    with store.session() as s:
        events = list(s.exec(select(AuditEvent).order_by(col(AuditEvent.id))))
    searches = [e for e in events if e.action == "coi_search"]
    assert len(searches) == 1 and searches[0].detail.startswith("hits=1")
    for event in events:
        for word in secret.split():
            assert word not in event.detail
