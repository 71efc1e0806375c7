"""Every action the app writes to the activity log has a label in the reader's language
(ui/audit_labels.py), so the log's "What" column never shows a code.

Two ways to find the codes, each catching what the other could miss:

- read the source: every string that reaches `AuditEvent(action=...)`, followed back through
  the functions that pass it on (`audit_chain.append`, `audit.log`, `cases.commit_version`,
  `cases.save_as_team`, the declaration's `change` with its "declaration_" prefix ...),
  both branches of a conditional, module constants (`audit_chain.SEALED`);
- run the services: call every public service function once as a caller it allows (the
  access matrix's arguments), plus the failures and background work no caller asks for,
  and read the actions the store's log holds.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

import asylum_prep
from asylum_prep.cli.common import cli_actor
from asylum_prep.errors import AsylumPrepError
from asylum_prep.evidence import ocr as ocr_engine
from asylum_prep.i18n import translator
from asylum_prep.services import cases, invites, ocr, users, web_sessions
from asylum_prep.services import evidence as ev
from asylum_prep.services.access import SERVICE_RULES, Rule
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import AuditEvent
from asylum_prep.ui.audit_labels import ACTION_LABELS, action_label
from tests.support import PASSWORD, People, make_people
from tests.unit.evidence import hostile
from tests.unit.services.access_world import World
from tests.unit.services.test_access_matrix import FACTORIES, service_functions

PACKAGE = Path(asylum_prep.__file__).parent
ROOT = ("asylum_prep.storage.tables", "AuditEvent")  # the one place an entry is made
Key = tuple[str, str]  # (dotted module, function or class name)


# --- reading the codes out of the source ----------------------------------------------------
@dataclass(frozen=True)
class Sink:
    """A parameter whose value ends up, with `prefix` and `suffix` around it, as an entry's
    action; `position` is its index when it can be passed positionally."""

    param: str
    position: int | None
    prefix: str = ""
    suffix: str = ""


@dataclass
class Module:
    name: str
    tree: ast.Module
    constants: dict[str, str]  # module-level NAME = "text"
    names: dict[str, Key]  # `from x.y import name` -> ("x.y", "name")
    modules: dict[str, str]  # `from x import y` (a module) -> "x.y"


def _modules() -> list[Module]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        dotted = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in tree.body
                     if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                     and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        names: dict[str, Key] = {}
        modules: dict[str, str] = {}
        for node in ast.walk(tree):  # imports inside functions too
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if (PACKAGE.parent / full.replace(".", "/")).with_suffix(".py").exists():
                        modules[alias.asname or alias.name] = full
                    else:
                        names[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                modules.update({a.asname: a.name for a in node.names if a.asname})
        out.append(Module(dotted, tree, constants, names, modules))
    return out


def _callee(module: Module, func: ast.expr) -> Key | None:
    if isinstance(func, ast.Name):
        return module.names.get(func.id, (module.name, func.id))
    if (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and func.value.id in module.modules):
        return module.modules[func.value.id], func.attr
    return None


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, int | None]:
    positional = [*fn.args.posonlyargs, *fn.args.args]
    return {**{a.arg: i for i, a in enumerate(positional)},
            **{a.arg: None for a in fn.args.kwonlyargs}}


Found = tuple[set[str], set[tuple[str, str, str]]]


def _values(expr: ast.expr, module: Module, params: dict[str, int | None]) -> Found | None:
    """The codes an argument can be: (literal codes, the caller's own parameters it passes on,
    each as (name, prefix, suffix)); None when it cannot be read."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}, set()
    if isinstance(expr, ast.IfExp):
        body, orelse = _values(expr.body, module, params), _values(expr.orelse, module, params)
        if body is None or orelse is None:
            return None
        return body[0] | orelse[0], body[1] | orelse[1]
    if isinstance(expr, ast.Name) and expr.id in params:
        return set(), {(expr.id, "", "")}
    if isinstance(expr, ast.Name) and expr.id in module.constants:
        return {module.constants[expr.id]}, set()
    if isinstance(expr, ast.JoinedStr):
        texts = [p.value if isinstance(p, ast.Constant) else None for p in expr.values]
        holes = [i for i, text in enumerate(texts) if text is None]
        if not holes:
            return {"".join(str(text) for text in texts)}, set()
        hole = expr.values[holes[0]]
        if (len(holes) == 1 and isinstance(hole, ast.FormattedValue)
                and isinstance(hole.value, ast.Name) and hole.value.id in params):
            at = holes[0]
            return set(), {(hole.value.id, "".join(str(t) for t in texts[:at]),
                            "".join(str(t) for t in texts[at + 1:]))}
    return None


def _argument(call: ast.Call, sink: Sink) -> ast.expr | None:
    keyword = next((k.value for k in call.keywords if k.arg == sink.param), None)
    if keyword is None and sink.position is not None and sink.position < len(call.args):
        return call.args[sink.position]
    return keyword


def _calls(modules: list[Module]) -> Iterator[tuple[Module, ast.FunctionDef | ast.AsyncFunctionDef,
                                                   ast.Call]]:
    for module in modules:
        for fn in ast.walk(module.tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for call in ast.walk(fn):
                    if isinstance(call, ast.Call):
                        yield module, fn, call


def collect_codes() -> tuple[dict[str, set[str]], set[str]]:
    """(every action code the source writes -> where, the calls whose action cannot be read).

    Starts at `AuditEvent(action=...)`; a function that passes one of its parameters on to a
    sink becomes a sink itself, until no new one turns up."""
    modules = _modules()
    calls = list(_calls(modules))
    sinks: dict[Key, set[Sink]] = {ROOT: {Sink("action", None)}}
    codes: dict[str, set[str]] = {}
    unreadable: set[str] = set()
    grew = True
    while grew:
        grew = False
        for module, fn, call in calls:
            key = _callee(module, call.func)
            for sink in list(sinks.get(key, ())) if key else ():
                argument = _argument(call, sink)
                if argument is None:
                    continue
                params = _params(fn)
                found = _values(argument, module, params)
                where = f"{module.name}:{call.lineno}"
                if found is None:
                    unreadable.add(where)
                    continue
                for code in found[0]:
                    codes.setdefault(sink.prefix + code + sink.suffix, set()).add(where)
                for name, prefix, suffix in found[1]:
                    new = Sink(name, params[name], sink.prefix + prefix, suffix + sink.suffix)
                    mine = sinks.setdefault((module.name, fn.name), set())
                    if new not in mine:
                        mine.add(new)
                        grew = True
    return codes, unreadable


@pytest.fixture(scope="module")
def source_codes() -> dict[str, set[str]]:
    codes, unreadable = collect_codes()
    assert not unreadable, (
        "an audit action this test cannot read (a literal, a conditional, a constant, a "
        f"parameter or an f-string around one parameter): {sorted(unreadable)}")
    return codes


def test_every_action_the_source_writes_has_a_label(source_codes: dict[str, set[str]]) -> None:
    missing = {code: sorted(where) for code, where in source_codes.items()
               if code not in ACTION_LABELS}
    assert not missing, f"add a label to ui/audit_labels.py for: {missing}"


def test_the_reader_finds_the_actions_written_every_way(
    source_codes: dict[str, set[str]]
) -> None:
    """Not blind: it finds the app's hundred-odd codes, among them one of each kind of write."""
    assert len(source_codes) >= 100, sorted(source_codes)
    assert {
        "sign_in",  # audit.log(session, actor, "sign_in")
        "audit_view",  # log(...) inside services/audit.py
        "audit_sealed",  # audit_chain.append(action=SEALED)
        "case_save",  # save_record -> _save(action=...) -> commit_version -> audit.log
        "section_request_changes",  # review._transition -> cases.save_as_team
        "evidence_add", "evidence_replace",  # both branches of a conditional
        "element_link", "element_unlink",
        "declaration_edit",  # _team(..., "edit", ...) -> change -> f"declaration_{action}"
        "declaration_confirm_paragraph",  # change(action="confirm_paragraph")
    } <= set(source_codes)
    assert "start" not in source_codes  # a declaration version's action, never an entry's


# --- running the services -------------------------------------------------------------------
_PREFERRED = (Role.attorney, Role.admin, Role.paralegal, Role.translator, Role.applicant)
_LAST = ("users.change_password", "maintenance.rotate_master_key")  # they change what others use


def _caller(store: Store, people: People, rule: Rule) -> Actor:
    role = next((r for r in _PREFERRED if r in rule.roles), None)
    if role is not None:
        return getattr(people, role.value)  # type: ignore[no-any-return]
    return cli_actor(store)


def _the_rest(store: Store, people: People) -> None:
    """What the calls above do not write: refused sign-ins, codes and files, a resumed
    session, a replaced file, a new exhibit order and a restored version (the matrix's
    arguments leave those as they were, and an unchanged save writes nothing), the reading of
    a scanned page."""
    a, case_id = people.attorney, people.case_id
    for attempt in range(store.settings.max_failed_sign_ins + 1):  # then locked: refused
        with pytest.raises(AsylumPrepError):
            users.sign_in(store, username="nobody", password=f"wrong {attempt}")
    with pytest.raises(AsylumPrepError):
        invites.redeem_invite(store, code="AAAA-BBBB-CCCC", password=PASSWORD)
    with pytest.raises(AsylumPrepError):
        users.sign_in_oidc(store, issuer="https://idp.example", subject="nobody")
    with pytest.raises(AsylumPrepError):
        ev.add_evidence(store, a, case_id, data=b"", filename="empty.pdf",
                        base_version=_version(store, people))
    token = web_sessions.create_session(store, people.paralegal)
    assert web_sessions.resume_session(store, token=token) is not None
    first, second = (
        ev.add_evidence(store, a, case_id, data=hostile.small_png((40, 30)),
                        filename=f"photo{n}.png", base_version=_version(store, people))[0]
        for n in (1, 2))
    ev.add_evidence(store, a, case_id, data=hostile.small_png((30, 40)), filename="photo.png",
                    replaces=first, base_version=_version(store, people))
    ev.set_exhibit_order(store, a, case_id, evidence_ids=[second, first],
                         base_version=_version(store, people))
    cases.restore_version(store, a, case_id, version=1, base_version=_version(store, people))
    if ocr_engine.available():
        ocr.run_next(store, "labels")


def _version(store: Store, people: People) -> int:
    return cases.open_case(store, people.attorney, people.case_id, audit_view=False).version


def test_every_action_the_services_write_has_a_label(
    store: Store, people: People, tmp_path: Path, source_codes: dict[str, set[str]]
) -> None:
    """Each call gets a case and team of its own on the one store, as the access matrix gives
    each its own store: a call finds the case in the state its arguments were made for."""
    functions = service_functions()
    names = sorted(SERVICE_RULES, key=lambda name: (name in _LAST, name))
    numbers = itertools.count(1)  # one count for every world: the accounts they make differ
    called = 0
    for n, name in enumerate(names):
        rule = SERVICE_RULES[name]
        if not rule.roles and not rule.operator:
            continue  # reached only through another service function
        if name == "maintenance.backup" and store.engine.dialect.name == "postgresql":
            continue  # pg_dump backs up PostgreSQL; the SQLite run writes "backup"
        team = make_people(store, suffix=str(n))
        actor = _caller(store, team, rule)
        (tmp_path / str(n)).mkdir()
        world = World(store, team, people, tmp_path / str(n), _n=numbers)
        args: dict[str, Any] = FACTORIES[name](world, actor)
        functions[name](store, actor, **args)
        called += 1
    assert called > 100
    _the_rest(store, people)
    with store.session() as session:
        written = set(session.exec(select(AuditEvent.action)))
    assert len(written) >= 90, sorted(written)
    missing = written - set(ACTION_LABELS)
    assert not missing, f"add a label to ui/audit_labels.py for: {sorted(missing)}"
    unseen = written - set(source_codes)
    assert not unseen, f"the source reader above missed: {sorted(unseen)}"


# --- the labels -----------------------------------------------------------------------------
def test_labels_are_short_plain_sentences_apart() -> None:
    for code, text in ACTION_LABELS.items():
        assert text[0].isupper() and not text.endswith("."), code
        assert "_" not in text and len(text) <= 60, code
    assert len(set(ACTION_LABELS.values())) == len(ACTION_LABELS), "two codes read the same"


def test_a_code_without_a_label_reads_as_other_activity_with_its_code() -> None:
    assert action_label(translator("en"), "retired_code") == "Other activity (retired_code)"
    persian = action_label(translator("fa"), "retired_code")
    assert "retired_code" in persian and "Other activity" not in persian


def test_a_label_is_shown_in_the_readers_language() -> None:
    assert action_label(translator("en"), "section_request_changes") == (
        "Asked for a change to a part")
    persian = action_label(translator("fa"), "section_request_changes")
    assert persian != "Asked for a change to a part" and "section" not in persian
