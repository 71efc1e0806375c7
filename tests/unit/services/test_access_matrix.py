"""The access matrix (issue 19, item 7): every public service function, called as every kind of
caller with valid arguments, is allowed or refused exactly as services.access.SERVICE_RULES
says, and a refused call changes nothing.

The callers: the admin; case A's attorney, paralegal, translator and applicant; the command
line's operator; a member of case B in a role the function allows; an account of such a role
switched off by an admin; and one whose password an admin reset and that has not chosen a new
one. Each function has a factory below building valid arguments for the caller (its own
document for the applicant, a fresh case to delete, ...). A public service function without a
rule, or without a factory, fails here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

import asylum_prep.services as services_pkg
from asylum_prep.cli.common import cli_actor
from asylum_prep.domain.evidence import ExhibitSettings, TabStyle
from asylum_prep.domain.review import SectionStatus
from asylum_prep.errors import PermissionDenied
from asylum_prep.services import cases
from asylum_prep.services.access import BUILDING_BLOCKS, SERVICE_RULES, Permission, Rule
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseMember, DeclarationVersion, User
from tests.support import PASSWORD, People
from tests.unit.services.access_world import PASSPHRASE, World

Args = dict[str, Any]
Factory = Callable[[World, Actor], Args]
ISSUER = "https://idp.example"


@pytest.fixture
def db_url() -> None:
    """SQLite only: who may call what is decided in Python before any query, the same over
    either database (the services' own tests run on both)."""
    return None


def service_functions() -> dict[str, Callable[..., Any]]:
    """Every public function of asylum_prep/services/*.py that takes an `actor` (but those of
    access.py itself, which does the checking)."""
    out: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(services_pkg.__path__):
        if info.name.startswith("_") or info.name == "access":
            continue
        module = importlib.import_module(f"{services_pkg.__name__}.{info.name}")
        for name, obj in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(obj)
                    and obj.__module__ == module.__name__
                    and "actor" in inspect.signature(obj).parameters):
                out[f"{info.name}.{name}"] = obj
    return out


def _record_with_new_name(w: World, actor: Actor) -> Args:
    opened = cases.open_case(w.store, w.people.attorney, w.case_id, audit_view=False)
    record = opened.record.model_copy(deep=True)
    record.about.family_name = f"Name {w.n()}"
    return {"case_id": w.case_id, "record": record, "base_version": opened.version}


def _case(w: World, actor: Actor) -> Args:
    return {"case_id": w.case_id}


def _at_version(w: World, actor: Actor) -> Args:
    return {"case_id": w.case_id, "base_version": w.version()}


def _evidence(extra: Callable[[World], Args] | None = None) -> Factory:
    def build(w: World, actor: Actor) -> Args:
        evidence_id = w.evidence(actor)
        return {"case_id": w.case_id, "evidence_id": evidence_id, "base_version": w.version(),
                **(extra(w) if extra else {})}
    return build


def _no_version(build: Factory) -> Factory:
    def without(w: World, actor: Actor) -> Args:
        args = build(w, actor)
        args.pop("base_version")
        return args
    return without


def _declaration(w: World) -> tuple[int, list[str]]:
    """The declaration's version and its numbered paragraphs' ids (as the attorney sees it)."""
    from asylum_prep.domain.declaration import Kind
    from asylum_prep.services import answers, declaration

    view = declaration.show_declaration(w.store, w.people.attorney, w.case_id)
    if view.version == 0 and not any(p.kind is Kind.paragraph for p in view.paragraphs):
        for path, value in (("beliefs.beliefs_description", "I believe in free speech."),
                            ("fear.who", "The police."), ("fear.why", "For my articles.")):
            answers.save_answer(w.store, w.people.attorney, w.case_id, path=path, value=value,
                                base_version=w.version())
        view = declaration.show_declaration(w.store, w.people.attorney, w.case_id)
    return view.version, [p.id for p in view.paragraphs if p.kind is Kind.paragraph]


def _paragraph(w: World, actor: Actor) -> Args:
    version, ids = _declaration(w)
    return {"case_id": w.case_id, "paragraph_id": ids[0], "base_version": version}


def _stored_declaration(w: World) -> int:
    """A stored declaration (edited once by the attorney); its version."""
    from asylum_prep.services import declaration

    version, ids = _declaration(w)
    if version == 0:
        version = declaration.edit_paragraph(w.store, w.people.attorney, w.case_id,
                                             paragraph_id=ids[0], lang="en",
                                             text=f"My words {w.n()}.", base_version=0)
    return version


def _added_paragraph(w: World, actor: Actor) -> Args:
    from asylum_prep.services import declaration

    version, _ = _declaration(w)
    version = declaration.add_paragraph(w.store, w.people.attorney, w.case_id, after=None,
                                        lang="en", text=f"Added words {w.n()}.",
                                        base_version=version)
    _, ids = _declaration(w)
    return {"case_id": w.case_id, "paragraph_id": ids[0], "base_version": version}


def _not_included(w: World, actor: Actor) -> Args:
    """A paragraph of an answer given after the declaration was first edited."""
    from asylum_prep.services import answers, declaration

    version = _stored_declaration(w)
    item = w.item()
    answers.save_answer(w.store, w.people.attorney, w.case_id,
                        path=f"incidents.items.{item}.what_happened",
                        value=f"They came to my home {w.n()}.", base_version=w.version())
    view = declaration.show_declaration(w.store, w.people.attorney, w.case_id)
    return {"case_id": w.case_id, "paragraph_id": view.not_included[0].id, "after": None,
            "base_version": version}


def _in_persian(w: World, actor: Actor) -> Args:
    """A paragraph written in Persian, to translate into English."""
    from asylum_prep.services import translations

    if _declaration(w)[0] == 0:
        translations.set_answer_language(w.store, w.people.attorney, w.case_id, language="fa",
                                         base_version=w.version())
    return {**_paragraph(w, actor), "lang": "en", "text": f"Translated {w.n()}."}


def _question(w: World, actor: Actor) -> Args:
    from asylum_prep.services import declaration, declaration_confirm

    args = _paragraph(w, actor)
    version = declaration_confirm.ask_about_paragraph(
        w.store, w.people.applicant, w.case_id, paragraph_id=args["paragraph_id"],
        question=f"Question {w.n()}?", base_version=args["base_version"])
    view = declaration.show_declaration(w.store, w.people.attorney, w.case_id)
    return {"case_id": w.case_id, "question_id": view.body.questions[-1].id,
            "base_version": version}


FACTORIES: dict[str, Factory] = {
    "declaration.show_declaration": _case,
    "declaration.change": lambda w, a: {**_paragraph(w, a), "action": "keep",
                                        "permission": Permission.write,
                                        "roles": frozenset(Role), "apply": lambda d, c: d},
    "declaration.edit_paragraph": lambda w, a: {**_paragraph(w, a), "lang": "en",
                                                "text": f"Edited {w.n()}."},
    "declaration.keep_paragraph": _paragraph,
    "declaration.merge_paragraphs": lambda w, a: (_added_paragraph(w, a),
                                                  _added_paragraph(w, a))[1],
    "declaration.split_paragraph": lambda w, a: {**_added_paragraph(w, a), "at": 5},
    "declaration.move_paragraph": lambda w, a: {**_paragraph(w, a), "after": None},
    "declaration.add_paragraph": lambda w, a: {"case_id": w.case_id, "after": None,
                                               "lang": "en", "text": f"Added {w.n()}.",
                                               "base_version": _declaration(w)[0]},
    "declaration.delete_paragraph": _added_paragraph,
    "declaration.take_paragraph": _not_included,
    "declaration.restore_declaration": lambda w, a: {
        "case_id": w.case_id, "version": 1, "base_version": _stored_declaration(w)},
    "declaration.declaration_history": _case,
    "declaration.declaration_diff": lambda w, a: {"case_id": w.case_id, "old": 0, "new": 0},
    "declaration_confirm.translate_paragraph": _in_persian,
    "declaration_confirm.translation_queue": _case,
    "declaration_confirm.confirm_paragraph": _paragraph,
    "declaration_confirm.confirm_declaration": lambda w, a: {
        "case_id": w.case_id, "base_version": _declaration(w)[0]},
    "declaration_confirm.ask_about_paragraph": lambda w, a: {**_paragraph(w, a),
                                                             "question": f"Why {w.n()}?"},
    "declaration_confirm.resolve_question": _question,
    "answers.load": _at_version,
    "answers.save_answer": lambda w, a: {**_at_version(w, a), "path": "about.family_name",
                                         "value": f"Name {w.n()}"},
    "answers.mark_unknown": lambda w, a: {**_at_version(w, a), "path": "about.family_name"},
    "answers.add_item": lambda w, a: {**_at_version(w, a), "list_path": "incidents.items"},
    "answers.move_item": lambda w, a: {"item_id": (w.item(), w.item())[0],
                                       **_at_version(w, a), "list_path": "incidents.items",
                                       "offset": 1},
    "answers.delete_item": lambda w, a: {"item_id": w.item(), **_at_version(w, a),
                                         "list_path": "incidents.items"},
    "archive.export_case": lambda w, a: {"case_id": w.case_id, "passphrase": PASSPHRASE,
                                         "out": w.tmp / f"export{w.n()}.asylum"},
    "archive.import_case": lambda w, a: {"data": w.archive(), "passphrase": PASSPHRASE},
    "archive_import.import_archive": lambda w, a: {"data": w.archive(), "passphrase": PASSPHRASE},
    "audit.verify_log": lambda w, a: {},
    "backup_manifest.export_checkpoint": lambda w, a: {"out": w.tmp / f"checkpoint{w.n()}.json"},
    "audit.list_events": lambda w, a: {} if a.role is Role.admin else {"case_id": w.case_id},
    "cases.create_case": lambda w, a: {"title": f"New case {w.n()}"},
    "cases.list_cases": lambda w, a: {},
    "cases.open_case": _case,
    "cases.save_record": _record_with_new_name,
    "cases.save_as_team": lambda w, a: {**_record_with_new_name(w, a),
                                        "permission": Permission.write, "action": "case_save"},
    "cases.list_versions": _case,
    "cases.view_version": lambda w, a: {"case_id": w.case_id, "version": 1},
    "filing.set_filing_details": lambda w, a: {**_at_version(w, a),
                                               "changes": {"judge": f"Judge {w.n()}"}},
    "form_details.set_form_details": lambda w, a: {
        **_at_version(w, a), "changes": {"residence_city": f"Buffalo {w.n()}"}},
    "cases.restore_version": lambda w, a: {**_at_version(w, a), "version": 1},
    "cases.rename_case": lambda w, a: {"case_id": w.fresh_case(), "title": "Renamed"},
    "cases.set_status": lambda w, a: {"case_id": w.fresh_case(), "status": "filed"},
    "cases.delete_case": lambda w, a: {"case_id": w.fresh_case()},
    "cases.add_member": lambda w, a: {"case_id": w.case_id, "role": Role.translator,
                                      "username": w.new_user().username},
    "cases.remove_member": lambda w, a: {"case_id": w.case_id, "user_id": _added_member(w)},
    "cases.list_members": _case,
    "checks.run_checks": _case,
    "checks.link_fact": lambda w, a: {"path": w.text_answer(), **_at_version(w, a),
                                      "element": "nexus"},
    "checks.unlink_fact": lambda w, a: {**_at_version(w, a), "element": "nexus",
                                        "path": "fear.why"},
    "checks.dismiss_flag": lambda w, a: {"flag_id": w.flag(), **_at_version(w, a),
                                         "reason": "Explained in the interview."},
    "checks.restore_flag": lambda w, a: {"flag_id": w.dismissed_flag(), **_at_version(w, a)},
    "checks.deadline_for_cases": lambda w, a: {},
    "judgments.record_judgment": lambda w, a: {**_at_version(w, a), "element": "nexus",
                                               "verdict": "disagree", "strength": "thin",
                                               "reason": "Extortion, not the opinion."},
    "judgments.judgment_history": lambda w, a: {"case_id": w.case_id, "element": "nexus"},
    "coi.import_files": lambda w, a: {"files": [(f"x{w.n()}.md", _report_bytes(w))]},
    "coi.import_paths": lambda w, a: {"paths": [w.report_folder()]},
    "coi.list_reports": lambda w, a: {},
    "coi.list_publishers": lambda w, a: {},
    "coi.delete_report": lambda w, a: {"report_id": w.report()[0]},
    "coi.search": lambda w, a: {"query": "police students"},
    "coi.suggest": _case,
    "coi.cite": lambda w, a: {"passage_id": w.report()[1], "case_id": w.case_id,
                              "element": "objective_fear"},
    "coi.uncite": lambda w, a: {"citation_id": w.citation(), "case_id": w.case_id},
    "coi.reject": lambda w, a: {"passage_id": w.report()[1], "case_id": w.case_id,
                                "target": "fear.why"},
    "coi.citation_warnings": lambda w, a: _after(w.citation, _case(w, a)),
    "coi.edit_report": lambda w, a: {"report_id": w.report()[0], "title": f"Corrected {w.n()}"},
    "coi.library_warnings": lambda w, a: {},
    "evidence.add_evidence": lambda w, a: {**_at_version(w, a), "filename": "photo.png",
                                           "data": _png()},
    "evidence.list_evidence": _case,
    "evidence.get_evidence_file": _no_version(_evidence()),
    "evidence.update_evidence": _evidence(lambda w: {"title": f"Title {w.n()}"}),
    "evidence.set_exhibit_order": lambda w, a: {"evidence_ids": [w.evidence(), w.evidence()],
                                                **_at_version(w, a)},
    "evidence.set_exhibit_included": _evidence(lambda w: {"included": False}),
    "evidence.set_exhibit_tab": _evidence(lambda w: {"tab": "A"}),
    "evidence.update_exhibit_settings": lambda w, a: {
        **_at_version(w, a), "settings": ExhibitSettings(case_tabs=TabStyle.numbers)},
    "evidence.remove_evidence": _evidence(),
    "exhibit_translations.list_exhibit_translations": _case,
    "exhibit_translations.exhibit_pages": lambda w, a: {"case_id": w.case_id,
                                                       "evidence_id": w.foreign_evidence()},
    "exhibit_translations.save_exhibit_translation": lambda w, a: {
        "evidence_id": w.foreign_evidence(), **_at_version(w, a),
        "pages": [f"Summons, page one {w.n()}"], "translator_name": "Translator",
        "translator_address": "1 Main St", "competence": "Native speaker of Persian"},
    "evidence.warnings_for": _case,
    "evidence.thumbnail": _no_version(_evidence()),
    "packet.render_packet": lambda w, a: _after(w.evidence, _case(w, a)),
    "renditions.store_missing_renditions": _case,
    "forms.import_form": lambda w, a: {"kind": "i589", "data": _form_pdf(),
                                       "file_name": f"i-589-{w.n()}.pdf"},
    "forms.list_forms": lambda w, a: {},
    "forms.form_fields": lambda w, a: _after(_imported_form(w), {"kind": "i589"}),
    "forms.prepared_form": lambda w, a: {"kind": "i589"},
    "ocr.read_exhibits": _case,
    "ocr.reading_progress": _case,
    "ocr.exhibit_text": _no_version(_evidence()),
    "case_search.search_case": lambda w, a: {"case_id": w.case_id, "query": "police"},
    "invites.create_invite": _case,
    "maintenance.create_account": lambda w, a: {"username": f"made{w.n()}",
                                                "password": PASSWORD, "role": Role.translator},
    "maintenance.list_all_cases": lambda w, a: {},
    "maintenance.backup": lambda w, a: {"out": w.tmp / f"backup{w.n()}.db"},
    "maintenance.rotate_master_key": lambda w, a: {},
    "render.render_document": lambda w, a: {"case_id": w.case_id, "doc": "exhibit-index",
                                            "fmt": "docx"},
    "review.submit_section": lambda w, a: {
        "section": w.section(SectionStatus.changes_requested), **_at_version(w, a)},
    "review.request_changes": lambda w, a: {
        "section": w.section(SectionStatus.submitted), **_at_version(w, a),
        "path": "about.family_name", "comment": "Please check the spelling."},
    "review.approve_section": lambda w, a: {
        "section": w.section(SectionStatus.submitted), **_at_version(w, a)},
    "review.add_comment": lambda w, a: {**_at_version(w, a), "path": "about.family_name",
                                        "text": "Is this right?"},
    "review.reply_comment": lambda w, a: {"comment_id": w.comment(), **_at_version(w, a),
                                          "text": "Yes, it is."},
    "review.resolve_comment": lambda w, a: {"comment_id": w.comment(), **_at_version(w, a)},
    "translations.translate_comment": lambda w, a: {
        "comment_id": w.comment(), **_at_version(w, a), "text": f"Translation {w.n()}"},
    "review.answer_history": lambda w, a: {"case_id": w.case_id, "path": "about.family_name"},
    "review.review_items": _case,
    "translations.list_translation_items": lambda w, a: _after(w.text_answer, _case(w, a)),
    "translations.save_translation": lambda w, a: {"path": w.text_answer(), **_at_version(w, a),
                                                   "text": f"Translation {w.n()}"},
    "translations.set_answer_language": lambda w, a: {**_at_version(w, a),
                                                      "language": ("fa", "es")[w.n() % 2]},
    "users.create_user": lambda w, a: {"username": f"made{w.n()}", "password": PASSWORD,
                                       "role": Role.translator},
    "users.list_users": lambda w, a: {},
    "users.link_oidc": lambda w, a: {"user_id": w.people.paralegal.id, "issuer": ISSUER,
                                     "subject": f"subject-{w.n()}"},
    "users.unlink_oidc": lambda w, a: {"user_id": _linked(w)},
    "users.sign_out": lambda w, a: {"reason": "test"},
    "users.change_password": lambda w, a: _new_password(w, a),
    "users.set_language": lambda w, a: {"language": "fa"},
    "accounts.account_status": lambda w, a: {},
    "accounts.deactivate": lambda w, a: {"username": w.new_user().username},
    "accounts.reactivate": lambda w, a: {"username": _switched_off_user(w)},
    "accounts.reset_password": lambda w, a: {"username": w.new_user().username},
    "accounts.unlock": lambda w, a: {"username": w.new_user().username},
    "web_sessions.create_session": lambda w, a: {},
    "web_sessions.touch_session": lambda w, a: {"token": _browser_token(w, a)},
    "web_sessions.revoke_session": lambda w, a: {"token": _browser_token(w, a),
                                                 "reason": "test"},
}


def _after(prepare: Callable[[], object], args: Args) -> Args:
    """`args`, once `prepare` has put what the call should find in the case."""
    prepare()
    return args


def _png() -> bytes:
    from tests.unit.evidence import hostile

    return hostile.small_png((40, 30))


def _imported_form(w: World) -> Callable[[], object]:
    from asylum_prep.services import forms

    return lambda: forms.import_form(w.store, w.people.admin, kind="i589", data=_form_pdf())


def _form_pdf() -> bytes:
    from tests.unit.documents.form_pdfs import small_form

    return small_form()


def _report_bytes(w: World) -> bytes:
    from tests.unit.services.access_world import REPORT

    return REPORT.format(n=w.n()).encode()


def _added_member(w: World) -> int:
    user = w.new_user()
    cases.add_member(w.store, w.people.attorney, w.case_id, username=user.username,
                     role=Role.translator)
    return user.id


def _linked(w: World) -> int:
    from asylum_prep.services import users

    user = w.new_user(Role.paralegal)
    users.link_oidc(w.store, w.people.admin, user_id=user.id, issuer=ISSUER,
                    subject=f"linked-{w.n()}")
    return user.id


def _switched_off_user(w: World) -> str:
    from asylum_prep.services import accounts

    user = w.new_user()
    accounts.deactivate(w.store, w.people.admin, username=user.username)
    return user.username


def _browser_token(w: World, actor: Actor) -> str:
    """A session token of this caller's browser, stored as a sign-in would store it."""
    from datetime import timedelta

    from asylum_prep.services.web_sessions import token_digest
    from asylum_prep.storage.tables import WebSession, utcnow

    token = f"token-{w.n()}"
    with w.store.session() as session:
        session.add(WebSession(token_hash=token_digest(token), user_id=actor.id,
                               expires_at=utcnow() + timedelta(minutes=30)))
    return token


def _new_password(w: World, actor: Actor) -> Args:
    return {"old_password": w.password_of(actor), "new_password": f"a fresh passphrase {w.n()}"}


# --- the callers ---------------------------------------------------------------------------
ROLE_PROBES = ("admin", "attorney", "paralegal", "translator", "applicant")
PROBES = (*ROLE_PROBES, "operator", "member of another case", "switched off",
          "new password pending")
_PREFERRED = (Role.attorney, Role.paralegal, Role.translator, Role.applicant, Role.admin)


def _probe_role(rule: Rule) -> Role:
    """A role the function allows (to show that membership or the account refuses)."""
    return next((r for r in _PREFERRED if r in rule.roles), Role.attorney)


def _caller(w: World, probe: str, rule: Rule) -> Actor:
    if probe in ROLE_PROBES:
        return getattr(w.people, probe)  # type: ignore[no-any-return]
    if probe == "operator":
        return cli_actor(w.store)
    role = _probe_role(rule)
    if probe == "member of another case":
        return getattr(w.other, role.value if role is not Role.admin else "attorney")  # type: ignore[no-any-return]
    return w.switched_off(role) if probe == "switched off" else w.reset(role)


def expected(rule: Rule, probe: str, actor: Actor, case_scoped: bool) -> bool:
    """What the table says for this caller."""
    if probe == "operator":
        return rule.operator or (actor.role in rule.roles and not rule.personal)
    allowed = actor.role in rule.roles
    if probe == "member of another case":
        return allowed and not case_scoped
    if probe == "switched off":
        return allowed and rule.inactive
    if probe == "new password pending":
        return allowed and rule.before_new_password
    return allowed


def _snapshot(store: Store) -> tuple[Any, ...]:
    """What a refused call must leave as it was: cases and versions, members, accounts."""
    with store.session() as session:
        versions = sorted((c.id, c.current_version, c.status)
                          for c in session.exec(select(Case)))
        members = session.exec(select(func.count()).select_from(CaseMember)).one()
        declarations = session.exec(
            select(func.count()).select_from(DeclarationVersion)).one()
        accounts = sorted((u.id, u.is_active, u.must_change_password, u.password_hash,
                           u.oidc_subject, u.language) for u in session.exec(select(User)))
    return versions, members, accounts, declarations


# --- the tests -----------------------------------------------------------------------------
def test_every_public_service_function_has_a_rule_and_a_factory() -> None:
    found = service_functions()
    entry_points = set(found) - BUILDING_BLOCKS
    assert entry_points == set(SERVICE_RULES), (
        "missing from access.SERVICE_RULES: " + ", ".join(sorted(entry_points - set(SERVICE_RULES)))
        + "; in the table but not a service function: "
        + ", ".join(sorted(set(SERVICE_RULES) - entry_points)))
    assert set(FACTORIES) == set(SERVICE_RULES)
    for name in entry_points:
        assert getattr(found[name], "__service_rule__", None) is SERVICE_RULES[name], (
            f"{name} is not decorated with @guarded")


def test_building_blocks_run_inside_their_callers_transaction() -> None:
    found = service_functions()
    for name in BUILDING_BLOCKS:
        assert next(iter(inspect.signature(found[name]).parameters)) == "session", name


def test_the_applicant_and_the_translator_are_limited_as_the_issue_asks() -> None:
    """Item 7 in the table itself: no legal checks, versions, staff notes, audit or exports
    for the applicant; the translator reads answers and translates, nothing more."""
    def allowed(role: Role) -> set[str]:
        return {n for n, r in SERVICE_RULES.items() if role in r.roles}

    applicant = allowed(Role.applicant)
    assert not applicant & {"checks.run_checks", "cases.list_versions", "cases.view_version",
                            "review.answer_history", "review.review_items", "audit.list_events",
                            "archive.export_case", "render.render_document",
                            "packet.render_packet", "cases.save_as_team",
                            "cases.list_members", "evidence.thumbnail"}
    assert {n.split(".")[0] for n in allowed(Role.translator)} <= {
        "cases", "translations", "exhibit_translations", "users", "accounts", "declaration",
        "declaration_confirm", "web_sessions", "ocr",
        "case_search"}  # ocr and case_search: the exhibits' text
    assert {n for n in allowed(Role.translator) if n.startswith("declaration")} == {
        "declaration.show_declaration", "declaration.declaration_history",
        "declaration.declaration_diff", "declaration_confirm.translate_paragraph",
        "declaration_confirm.translation_queue"}
    assert allowed(Role.translator) & {n for n in SERVICE_RULES if n.startswith("cases.")} == {
        "cases.list_cases", "cases.open_case"}


@pytest.mark.parametrize("name", sorted(SERVICE_RULES))
def test_access_matrix(name: str, store: Store, people: People, other_people: People,
                       tmp_path: Path) -> None:
    function = service_functions()[name]
    rule = SERVICE_RULES[name]
    case_scoped = "case_id" in inspect.signature(function).parameters
    world = World(store, people, other_people, tmp_path)
    callers = [(probe, _caller(world, probe, rule)) for probe in PROBES]
    plan = [(probe, actor, expected(rule, probe, actor, case_scoped)) for probe, actor in callers]
    plan.sort(key=lambda step: step[2])  # refusals first: allowed calls may delete or change
    for probe, actor, allow in plan:
        args = FACTORIES[name](world, actor)
        if allow:
            function(store, actor, **args)
            continue
        before = _snapshot(store)
        with pytest.raises(PermissionDenied):
            function(store, actor, **args)
            pytest.fail(f"{name} allowed the {probe} ({actor.username})")
        assert _snapshot(store) == before, f"{name} refused the {probe} but changed something"
