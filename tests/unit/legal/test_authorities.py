"""The authorities library: loaded and validated once, the shared ids present, currency
warnings, and every citation the app can print coming from it (element specs, the legal text
packs, the deadline, a brief rendered to DOCX and read back, element and test-part ids)."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from asylum_prep.documents import docx as docx_renderer
from asylum_prep.documents import legal_texts
from asylum_prep.documents.model import Citation
from asylum_prep.domain.citations import format_citation
from asylum_prep.legal import authorities, deadline, jurisdictions
from asylum_prep.legal.elements import assess
from asylum_prep.samples import load_sample
from asylum_prep.services.render import build

from ..documents.helpers import docx_paragraphs
from .factories import TODAY, strong_record

LEGAL = Path(authorities.__file__).resolve().parent
# The ids every engineer may cite (the shared list of issue 12); the rules reference them.
SHARED_IDS = """
ina-101-a-42 ina-208-a-2-b ina-208-a-2-d ina-208-b-1-b-i ina-208-b-1-b-ii ina-208-b-2-a
ina-212-a-3-b-iv-vi ina-212-a-3-b-vi-iii ina-241-b-3 8-cfr-1208-4-a 8-cfr-1208-13-b-1
8-cfr-1208-13-b-1-iii 8-cfr-1208-13-b-2 8-cfr-1208-13-b-3 8-cfr-1208-15 8-cfr-1208-16
8-cfr-1208-18 cardoza-fonseca stevic elias-zacarias acosta mogharrabi kasinga s-p chen l-s
j-b-n-s-m n-m m-e-v-g w-g-r m-h-z j-f-f o-z-i-z t-z s-e-g e-a-g a-b-2021 a-r-c-g negusie-2020
refugee-convention-1a2 refugee-convention-1f refugee-convention-33 cat-art-1 cat-art-3
echr-art-3 soering chahal saadi sivakumaran horvath januzi ah-sudan hj-iran rt-zimbabwe
shah-islam naba-2022-s31 naba-2022-s32 naba-2022-s33 naba-2022-s34 naba-2022-s35
naba-2022-s36 immigration-rules-339k irpa-96 irpa-97 irpa-98 adjei ward rasaratnam
thirunavukkarasu prophete ezokola li-2005 qd-2011-95 qd-2011-95-art-4 qd-2011-95-art-6
qd-2011-95-art-7 qd-2011-95-art-8 qd-2011-95-art-9 qd-2011-95-art-10 qd-2011-95-art-12
qd-2011-95-art-15 qd-2011-95-art-17 qr-2024-1347 elgafaji y-z x-y-z b-d diakite
""".split()
ENTRY = """
[[authority]]
id = "{id}"
citation = "{citation}"
kind = "case"
court = "A court"
date = "{date}"
holding = "One sentence."
elements = {elements}
jurisdiction = "us"
checked_as_of = "2026-01-01"
"""


def entry(id: str = "x-1", citation: str = "X v. Y (2020)", date: str = "2020",  # noqa: A002
          elements: str = '["nexus"]') -> str:
    return ENTRY.format(id=id, citation=citation, date=date, elements=elements)


def made_of_library_citations(text: str) -> bool:
    """True if `text` is one library citation or several joined by "; " (a citation may
    itself hold "; ", so this matches whole citations, not split pieces)."""
    known = {a.citation for a in authorities.all_authorities()}
    ends: set[int] = {0}  # positions just after "; " that follows a whole citation
    frontier = [0]
    while frontier:
        at = frontier.pop()
        for c in known:
            if text.startswith(c, at):
                end = at + len(c)
                if end == len(text):
                    return True
                if text.startswith("; ", end) and end + 2 not in ends:
                    ends.add(end + 2)
                    frontier.append(end + 2)
    return False


# ---- the library itself ---------------------------------------------------------------------

def test_library_loads_with_every_shared_id_and_unique_ids_and_citations() -> None:
    lib = authorities.library()
    assert len(lib) >= len(SHARED_IDS)
    assert not [i for i in SHARED_IDS if i not in lib]
    assert len({a.citation for a in lib.values()}) == len(lib)
    for a in lib.values():
        # one sentence: no lower-case word ends a sentence inside it ("Dec. 316" is fine)
        assert a.holding.endswith(".") and not re.search(r"\b[a-z]{2,}\. [A-Z]", a.holding), a.id
        assert not a.verify or a.note, f"{a.id}: verify without a note saying what to check"


def test_confirmed_history_is_recorded() -> None:
    assert "28 I&N Dec. 307" in authorities.get("a-r-c-g").history
    assert "2024/1347" in authorities.get("qd-2011-95").history
    assert "1 July 2026" in authorities.get("qr-2024-1347").note
    assert authorities.citation("elias-zacarias") == "INS v. Elias-Zacarias, 502 U.S. 478 (1992)"


@pytest.mark.parametrize(("text", "problem"), [
    (entry() + entry(), "used twice"),
    (entry() + entry(id="x-2"), "same citation"),
    (entry(id="X_1"), "pattern"),
    (entry(date="1 May 2020"), "pattern"),
    (entry(elements='["not_an_element"]'), "elements"),
    (entry().replace('kind = "case"', 'kind = "opinion"'), "kind"),
    (entry() + 'link = "http://example.org"\n', "pattern"),
    (entry() + 'surprise = "x"\n', "surprise"),
    ("[[authority]\n", "line 1"),
])
def test_a_broken_library_is_refused_at_load(text: str, problem: str) -> None:
    with pytest.raises(authorities.LibraryError, match=problem):
        authorities._parse(text)


def test_unknown_id_is_refused() -> None:
    with pytest.raises(authorities.UnknownAuthority):
        authorities.get("no-such-case")
    with pytest.raises(authorities.UnknownAuthority):
        jurisdictions.C("ina-101-a-42", "no-such-case")


def test_warnings_for_stale_checks_history_and_verify() -> None:
    item = authorities._parse(entry())["x-1"]
    checked = item.checked_as_of
    assert authorities.reasons(item, checked + dt.timedelta(days=365)) == ()
    assert authorities.reasons(item, checked + dt.timedelta(days=366)) == ("stale",)
    later = item.model_copy(update={"history": "Vacated by Z (2024).", "verify": True})
    assert authorities.reasons(later, checked) == ("history", "verify")
    today = dt.date(2026, 12, 6)
    flagged = {w.id: w.reasons for w in authorities.warnings(today)}
    assert "history" in flagged["a-r-c-g"] and "verify" in flagged["a-r-c-g"]
    for a in authorities.all_authorities():  # the library's own entries, reason by reason
        stale = (today - a.checked_as_of).days > 365
        expected = tuple(r for r, on in (("stale", stale), ("history", bool(a.history)),
                                         ("verify", a.verify)) if on)
        assert flagged.get(a.id, ()) == expected, a.id
    current = next(a.id for a in authorities.all_authorities() if a.id not in flagged)
    stale_one = next(i for i, r in flagged.items() if r == ("stale",))
    assert [w.id for w in authorities.warnings(today, [current, stale_one])] == [stale_one]


def test_find_filters_by_jurisdiction_element_and_words() -> None:
    uk = authorities.find(jurisdiction="uk")
    assert uk and all(a.jurisdiction == "uk" for a in uk)
    relocation = authorities.find(jurisdiction="ca", element="internal_relocation")
    assert {"rasaratnam", "thirunavukkarasu"} <= {a.id for a in relocation}
    assert [a.id for a in authorities.find(text="guerrillas RECRUITMENT")] == ["elias-zacarias"]
    assert authorities.find(text="no such words anywhere") == []


# ---- every citation the app can print comes from the library ------------------------------

def test_element_and_protection_citations_come_from_the_library() -> None:
    known = {a.citation for a in authorities.all_authorities()}
    for spec in jurisdictions.JURISDICTIONS.values():
        for item in (*spec.protections, *spec.elements):
            assert item.citations
            for c in item.citations:
                assert c.text in known and c.text == authorities.citation(c.id)
                assert c.as_of == authorities.get(c.id).checked_as_of.isoformat()


def test_legal_pack_citations_come_from_the_library() -> None:
    bases = 0
    for code in legal_texts.JURISDICTIONS:
        pack = legal_texts.load(code)
        for basis in pack.nonrefoulement:
            assert basis.authorities and made_of_library_citations(basis.citation)
            bases += 1
        if pack.authority:
            authorities.get(pack.authority)
        if pack.translation_authority:
            assert made_of_library_citations(pack.translation_authority)
    assert bases >= 8
    assert legal_texts.load("us").translation_authority == (
        "8 C.F.R. § 1003.33; 8 C.F.R. § 103.2(b)(3)")


def test_no_pack_prints_a_citation_typed_by_hand() -> None:
    for path in legal_texts.LEGAL_DIR.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(citation|translation_authority)\s*=", text, re.M), path


def test_deadline_citations_come_from_the_library() -> None:
    known = {a.citation for a in authorities.all_authorities()}
    for code in ("us", "ca"):
        info = deadline.deadline_for(strong_record(), code, today=TODAY)
        assert info is not None and info.citations
        for c in info.to_json()["citations"]:
            assert c["text"] in known and c["text"] == authorities.citation(c["id"])


def _legal_ids_in_source() -> set[str]:
    """String ids passed as `authorities=` (or to C()) anywhere in asylum_prep/legal, so a rule
    path no test case reaches still cites only the library."""
    found: set[str] = set()
    for path in LEGAL.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values: list[ast.expr] = []
            if isinstance(node, ast.keyword) and node.arg == "authorities":
                values = [node.value]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "C":
                values = list(node.args)
            for v in values:
                for const in ast.walk(v):
                    if isinstance(const, ast.Constant) and isinstance(const.value, str):
                        found.add(const.value)
    return found


def test_ids_named_in_the_rules_and_specs_are_in_the_library() -> None:
    ids = _legal_ids_in_source()
    assert "ina-101-a-42" in ids  # the scan sees the element specs
    assert not sorted(i for i in ids if i not in authorities.library())


@pytest.mark.parametrize("code", ["us", "uk", "ca", "eu"])
def test_element_results_cite_only_library_ids(code: str) -> None:
    for record in (load_sample(), strong_record()):
        for el in assess(record, code, today=TODAY):
            for i in (*el.authorities, *(i for p in el.parts for i in p.authorities)):
                authorities.get(i)
            assert set(el.to_json()["authorities"]) == set(el.authorities)


@pytest.mark.parametrize("code", ["us", "uk", "ca", "eu"])
def test_a_rendered_brief_prints_only_library_citations(code: str) -> None:
    """The sample case's brief, rendered to DOCX and read back: every citation block is a
    country report the team cited or a line made of library citations."""
    record = load_sample()
    document, _notices = build(record, jurisdiction=code, version=1, doc="brief")
    reports = {format_citation(c) for c in record.citations}
    paragraphs = docx_paragraphs(docx_renderer.render(document)[0])
    legal = 0
    for block in document.blocks:
        if not isinstance(block, Citation) or block.text.text in reports:
            continue
        m = re.fullmatch(r"(.+) \(text as of \d{4}-\d{2}-\d{2}\)", block.text.text)
        assert m and made_of_library_citations(m.group(1)), block.text.text
        assert any(block.text.text in p for p in paragraphs)
        legal += 1
    assert legal == len(legal_texts.load(code).nonrefoulement)
