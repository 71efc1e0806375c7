"""Editing the declaration on a real store: every operation is a version, numbering and the
brief's "Decl. ¶ N" follow the paragraphs, a changed answer flags the paragraph it fed, and a
change made on an older version is refused."""

from __future__ import annotations

import re

import pytest

from asylum_prep.documents.brief_facts import statement_of_facts
from asylum_prep.documents.build_declaration import build_declaration
from asylum_prep.documents.model import Paragraph as DocParagraph
from asylum_prep.domain import declaration as ed
from asylum_prep.domain.declaration_diff import Change
from asylum_prep.errors import DeclarationChanged, InputRefused, PermissionDenied
from asylum_prep.i18n import Translator
from asylum_prep.services import answers, cases
from asylum_prep.services import declaration as decl
from asylum_prep.services.audit import list_events
from asylum_prep.storage.engine import Store
from tests.support import People

BELIEF = "beliefs.beliefs_description"


def _view(store: Store, people: People) -> decl.DeclarationView:
    return decl.show_declaration(store, people.attorney, people.case_id)


def _para(view: decl.DeclarationView, source: str) -> decl.ParagraphView:
    return next(p for p in view.paragraphs if any(s.path == source for s in p.sources))


def _numbers_are_continuous(view: decl.DeclarationView) -> None:
    numbers = [p.number for p in view.paragraphs if p.kind is ed.Kind.paragraph]
    assert numbers == list(range(1, len(numbers) + 1))


def _brief_cites(store: Store, people: People, view: decl.DeclarationView) -> dict[str, str]:
    """English words of each quoted paragraph -> its "Decl. ¶ N" in the statement of facts."""
    record = cases.open_case(store, people.attorney, people.case_id, audit_view=False).record
    built = build_declaration(record, jurisdiction="us", lang="en", edited=view.body)
    facts = statement_of_facts(record, built, [], draft=True, gap_text="Paragraph {n}")
    out = {}
    for block in facts.blocks:
        if isinstance(block, DocParagraph):
            words, cite = block.parts[0].text.strip("\u201c\u201d"), block.parts[1].text
            out[words] = cite
    return out


def test_the_first_edit_stores_the_generated_declaration_then_the_edit(
        store: Store, persian_case: People) -> None:
    p = persian_case
    view = _view(store, p)
    assert view.version == 0 and view.language == "fa"
    belief = _para(view, BELIEF)
    assert belief.state is ed.State.generated and belief.translation == {
        "fa": "current", "en": "current"}
    version = decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id,
                                  lang="en", text="I have always believed in free speech.",
                                  base_version=0)
    assert version == 2
    after = _view(store, p)
    edited = next(x for x in after.paragraphs if x.id == belief.id)
    assert edited.state is ed.State.edited and edited.number == belief.number
    assert edited.texts["en"] == "I have always believed in free speech."
    assert edited.texts["fa"] == belief.texts["fa"]  # kept, but now a stale translation
    assert edited.translation == {"fa": "stale", "en": "current"}
    history = decl.declaration_history(store, p.attorney, p.case_id)
    assert [(h.version, h.action) for h in history] == [(2, "edit"), (1, "start")]
    events = list_events(store, p.attorney, case_id=p.case_id)
    logged = [e for e in events if e.action == "declaration_edit"]
    assert logged and "free speech" not in logged[0].detail and "version=2" in logged[0].detail


def test_operations_keep_numbering_and_the_brief_cites_follow(
        store: Store, persian_case: People) -> None:
    p = persian_case
    view = _view(store, p)
    v = 0
    paras = [x for x in view.paragraphs if x.kind is ed.Kind.paragraph]
    first, belief, last = paras[0], _para(view, BELIEF), paras[-1]
    # move the belief paragraph to the very end
    v = decl.move_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id,
                            after=view.paragraphs[-1].id, base_version=v)
    view = _view(store, p)
    _numbers_are_continuous(view)
    moved = next(x for x in view.paragraphs if x.id == belief.id)
    assert moved.number == len(paras)
    cites = _brief_cites(store, p, view)
    assert cites[moved.texts["en"]] == f"(Decl. \u00b6 {moved.number}.)"
    # merge the first paragraph with the one after it
    second = next(x for x in view.paragraphs if x.number == 2)
    v = decl.merge_paragraphs(store, p.attorney, p.case_id, paragraph_id=first.id,
                              base_version=v)
    view = _view(store, p)
    _numbers_are_continuous(view)
    merged = next(x for x in view.paragraphs if x.id == first.id)
    assert merged.texts["en"] == f"{first.texts['en']} {second.texts['en']}"
    assert merged.translation == {"fa": "current", "en": "current"}  # no word changed
    assert {s.path for s in merged.sources} >= {s.path for s in second.sources}
    assert second.id not in {x.id for x in view.paragraphs}
    moved = next(x for x in view.paragraphs if x.id == belief.id)
    assert moved.number == len(paras) - 1
    assert _brief_cites(store, p, view)[moved.texts["en"]] == f"(Decl. \u00b6 {moved.number}.)"
    # split the merged paragraph where the second one began (in its written language, Persian)
    at = len(first.texts["fa"])
    v = decl.split_paragraph(store, p.attorney, p.case_id, paragraph_id=first.id, at=at,
                             base_version=v)
    view = _view(store, p)
    _numbers_are_continuous(view)
    one, two = view.paragraphs[view.paragraphs.index(
        next(x for x in view.paragraphs if x.id == first.id))], None
    two = view.paragraphs[[x.id for x in view.paragraphs].index(first.id) + 1]
    assert one.texts["fa"] == first.texts["fa"] and two.texts["fa"] == second.texts["fa"]
    assert one.translation["en"] == "stale" and two.translation["en"] == "missing"
    assert _para(view, BELIEF).number == len(paras)
    # add a connecting sentence after it, delete the last generated paragraph, restore
    v = decl.add_paragraph(store, p.attorney, p.case_id, after=two.id, lang="en",
                           text="After that, I stopped going to class.", base_version=v)
    view = _view(store, p)
    added = next(x for x in view.paragraphs if x.team_wording)
    assert added.number == 3 and added.state is ed.State.edited
    _numbers_are_continuous(view)
    assert _para(view, BELIEF).number == len(paras) + 1
    before_delete = v
    v = decl.delete_paragraph(store, p.attorney, p.case_id, paragraph_id=last.id,
                              base_version=v)
    view = _view(store, p)
    _numbers_are_continuous(view)
    assert last.id not in {x.id for x in view.paragraphs}
    assert _para(view, BELIEF).number == len(paras)
    v = decl.restore_declaration(store, p.attorney, p.case_id, version=before_delete,
                                 base_version=v)
    view = _view(store, p)
    assert last.id in {x.id for x in view.paragraphs}
    _numbers_are_continuous(view)
    belief_now = _para(view, BELIEF)
    assert _brief_cites(store, p, view)[belief_now.texts["en"]] == (
        f"(Decl. \u00b6 {belief_now.number}.)")
    changes = decl.declaration_diff(store, p.attorney, p.case_id, old=before_delete, new=v - 1)
    assert [(c.paragraph_id, c.change) for c in changes] == [(last.id, Change.removed)]
    history = [h.action for h in decl.declaration_history(store, p.attorney, p.case_id)]
    assert history == ["restore", "delete", "add", "split", "merge", "move", "start"]


def test_a_changed_answer_flags_the_edited_paragraph_old_beside_new(
        store: Store, persian_case: People) -> None:
    p = persian_case
    belief = _para(_view(store, p), BELIEF)
    v = decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="fa",
                            text="من همیشه به آزادی بیان باور داشته‌ام.", base_version=0)
    case_version = cases.open_case(store, p.applicant, p.case_id, audit_view=False).version
    answers.save_answer(store, p.applicant, p.case_id, path=BELIEF,
                        value="من به آزادی بیان و دین باور دارم.", base_version=case_version)
    flagged = _para(_view(store, p), BELIEF)
    assert flagged.state is ed.State.source_changed
    source = next(s for s in flagged.sources if s.path == BELIEF)
    assert source.then == "من به آزادی بیان باور دارم."
    assert source.now == "من به آزادی بیان و دین باور دارم."
    assert flagged.texts["fa"] == "من همیشه به آزادی بیان باور داشته‌ام."  # nothing overwritten
    decl.keep_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, base_version=v)
    assert _para(_view(store, p), BELIEF).state is ed.State.edited


def test_a_change_made_on_an_older_version_is_refused(store: Store, persian_case: People) -> None:
    p = persian_case
    belief = _para(_view(store, p), BELIEF)
    decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="en",
                        text="First words.", base_version=0)
    with pytest.raises(DeclarationChanged) as refused:
        decl.edit_paragraph(store, p.paralegal, p.case_id, paragraph_id=belief.id, lang="en",
                            text="Second words.", base_version=0)
    assert re.search(r"version 0, now: version 2", refused.value.message())
    fa = refused.value.message(Translator("fa"))
    assert fa != refused.value.message() and "0" in fa
    assert _para(_view(store, p), BELIEF).texts["en"] == "First words."


def test_who_may_edit_and_what_is_refused(store: Store, persian_case: People) -> None:
    p = persian_case
    belief = _para(_view(store, p), BELIEF)
    for who in (p.translator, p.applicant):
        with pytest.raises(PermissionDenied):
            decl.edit_paragraph(store, who, p.case_id, paragraph_id=belief.id, lang="en",
                                text="Words.", base_version=0)
    with pytest.raises(InputRefused):
        decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="en",
                            text="   ", base_version=0)
    with pytest.raises(InputRefused):
        decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="de",
                            text="Worte.", base_version=0)
    assert decl.declaration_history(store, p.attorney, p.case_id) == []


def test_an_archive_carries_every_version_of_the_declaration(
        store: Store, persian_case: People, tmp_path: object) -> None:
    from pathlib import Path

    from asylum_prep.services import archive

    p = persian_case
    belief = _para(_view(store, p), BELIEF)
    v = decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="en",
                            text="Words kept in the archive.", base_version=0)
    decl.move_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, after=None,
                        base_version=v)
    out = Path(str(tmp_path)) / "case.apa"
    archive.export_case(store, p.attorney, p.case_id, out=out, passphrase="a long passphrase 1")
    new = archive.import_case(store, p.attorney, data=out.read_bytes(),
                              passphrase="a long passphrase 1")
    before = _view(store, p)
    after = decl.show_declaration(store, p.attorney, new.case_id)
    assert after.version == before.version == 3
    assert [(x.id, x.number, x.texts, x.state) for x in after.paragraphs] == [
        (x.id, x.number, x.texts, x.state) for x in before.paragraphs]
    history = decl.declaration_history(store, p.attorney, new.case_id)
    assert [h.action for h in history] == ["move", "edit", "start"]


def test_an_answer_given_after_editing_began_is_offered_never_lost(
        store: Store, persian_case: People) -> None:
    p = persian_case
    belief = _para(_view(store, p), BELIEF)
    v = decl.edit_paragraph(store, p.attorney, p.case_id, paragraph_id=belief.id, lang="en",
                            text="My own words.", base_version=0)
    assert _view(store, p).not_included == []
    case_version = cases.open_case(store, p.applicant, p.case_id, audit_view=False).version
    answers.save_answer(store, p.applicant, p.case_id, path="fear.how_they_would_know",
                        value="آنها در فرودگاه فهرست دارند.", base_version=case_version)
    view = _view(store, p)
    [new] = view.not_included
    assert list(new.sources) == ["fear.how_they_would_know"]
    assert "آنها در فرودگاه فهرست دارند." in new.text("fa")
    assert all(x.id != new.id for x in view.paragraphs)  # offered, not put in by itself
    who = _para(view, "fear.who")
    decl.take_paragraph(store, p.attorney, p.case_id, paragraph_id=new.id, after=who.id,
                        base_version=v)
    view = _view(store, p)
    _numbers_are_continuous(view)
    taken = _para(view, "fear.how_they_would_know")
    assert taken.number == who.number + 1 and view.not_included == []
