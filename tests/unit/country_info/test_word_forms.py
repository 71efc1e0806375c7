"""Word forms and the query language on a real SQLite store: the cases issue 15 names
(churches, detention, Baha'i, Persian ZWNJ, traditional Chinese), every operator, filters,
broken and hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest

from asylum_prep.country_info.query import FALLBACK_NOTICE, parse
from asylum_prep.country_info.search_sqlite import match_expression
from asylum_prep.services import coi
from asylum_prep.storage.engine import Store
from asylum_prep.text import index_form
from tests.conftest import People
from tests.unit.country_info.conftest import report, write


def test_index_forms_of_the_issue_cases() -> None:
    assert index_form("Baha'i") == index_form("Bahai") == index_form("Baháʼí") == index_form(
        "Baha’i")
    assert index_form("churches") == index_form("church")
    assert index_form("detained") == index_form("detention") == index_form("detainees")
    assert index_form("خانواده‌ها") == index_form("خانواده ها") == index_form("خانوادهها")
    assert index_form("中國政府") == index_form("中国政府") == "zzlangzh 中国 国政 政府"
    assert index_form("l'église").split()[1:] == ["l", "eglis"]
    assert index_form("Las iglesias").startswith("zzlanges")


@pytest.fixture
def library(store: Store, people: People, tmp_path: Path) -> dict[str, int]:
    tmp_path = tmp_path / "reports"
    tmp_path.mkdir()
    write(tmp_path / "ir.md", report(
        "IR", "Home Office", "Iran: Christians 2023", "2023-05-01",
        "Members of house churches were detained and questioned by intelligence officers.",
        "Authorities arrested Baháʼí students and closed their shops in Shiraz last year.",
        "The police beat protesters near the university gates during the night, witnesses said.",
        "نیروهای امنیتی دانشجویان را در دانشگاه بازداشت کردند و به خانواده‌ها هشدار دادند که "
        "دوباره به خیابان نیایند.",
    ))
    write(tmp_path / "cn.md", report(
        "CN", "Rights Watch", "China 2021", "2021-03-01",
        "中國政府逮捕了家庭教會的成員並沒收了聖經。",
        "Officials detained a pastor of an unregistered church in the province.",
    ))
    outcomes = coi.import_paths(store, people.paralegal, paths=[tmp_path])
    assert {o.status for o in outcomes} == {"imported"}, [o.reason for o in outcomes]
    return {}


def _total(store: Store, people: People, query: str, **kw: object) -> int:
    return coi.search(store, people.attorney, query=query, **kw).total  # type: ignore[arg-type]


@pytest.mark.parametrize(("query", "expected"), [
    ("house church", 2), ('"house church"', 1), ("detention", 2), ("Bahai", 1), ("Baha'i", 1),
    ('"خانواده ها"', 1), ("خانوادهها", 1), ("خانواده‌ها", 1), ("中国政府", 1), ("圣经", 1),
    ("detained AND pastor", 1), ("pastor OR protesters", 2), ("church NOT pastor", 1),
    ("(pastor OR Baha'i) AND (church OR students)", 2), ("police NEAR/3 protesters", 1),
    ("police NEAR/1 university", 0), ("police NEAR university", 1), ("detain*", 2),
    ("univers*", 1), ("church country:CN", 1), ('church publisher:"home office"', 1),
    ("church after:2022-01", 1), ("church before:2021-12", 1), ("church lang:zh", 0),
    ("بازداشت lang:fa", 1), ("detained lang:en", 2),
])
def test_operators_filters_and_word_forms(store: Store, people: People, library: dict[str, int],
                                          query: str, expected: int) -> None:
    page = coi.search(store, people.attorney, query=query)
    assert page.total == expected, query
    assert page.notices == ()


@pytest.mark.parametrize("query", [
    '"house church', "(pastor OR church", "pastor)", "AND church", "church OR", "NOT church",
    "church country:Iran", "church after:soon", "church lang:klingon",
    "(church OR pastor) NEAR police",
])
def test_unreadable_queries_are_plain_words_with_a_notice(store: Store, people: People,
                                                          library: dict[str, int],
                                                          query: str) -> None:
    page = coi.search(store, people.attorney, query=query)
    assert page.notices == (FALLBACK_NOTICE,), query
    assert page.total >= 1  # "church" is still found


@pytest.mark.parametrize("query", [
    'norm : "x" OR *', "coi_fts MATCH '*'", '"" "" ""', "NEAR(a b, 3)", "x" * 5000,
    " ".join(["church"] * 500), "(" * 200 + "church" + ")" * 200, "' OR 1=1 --", "\x00\u202e",
    "zzlangen", "facets : ccir", "a" + " AND a" * 300,
])
def test_hostile_queries_stay_literal(store: Store, people: People, library: dict[str, int],
                                      query: str) -> None:
    page = coi.search(store, people.attorney, query=query)
    assert page.total <= 6
    expression = match_expression(parse(query))
    assert "MATCH" not in expression and "'" not in expression
    assert _total(store, people, "church") == 2


def test_paging_walks_every_match_once(store: Store, people: People,
                                       library: dict[str, int]) -> None:
    first = coi.search(store, people.attorney, query="detained church students", limit=2)
    second = coi.search(store, people.attorney, query="detained church students", limit=2,
                        offset=2)
    ids = [h.passage_id for h in first.hits + second.hits]
    assert first.total == second.total == len(set(ids)) == 3
    assert coi.search(store, people.attorney, query="church", language="zh").total == 0


def test_counts_stop_at_the_cap_and_say_more(store: Store, people: People,
                                             library: dict[str, int],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from asylum_prep.country_info import search, search_sqlite

    monkeypatch.setattr(search, "COUNT_CAP", 1)
    monkeypatch.setattr(search_sqlite, "COUNT_CAP", 1)
    page = coi.search(store, people.attorney, query="church")
    assert (page.total, page.more, len(page.hits)) == (1, True, 2)
    exact = coi.search(store, people.attorney, query="pastor")
    assert (exact.total, exact.more) == (1, False)
