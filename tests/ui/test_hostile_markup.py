"""Every page, with Markdown and HTML in every piece of user text: names, case title, answers,
family members, comments and review requests, evidence titles and file names, country reports,
translations, flag reasons, notices. Planted through the services, then each page is drawn and
every element is read as Streamlit sends it to the browser.

A Markdown element (text, caption, title, alert, widget label, help, radio option, expander
and tab label, table cell) may carry user text only escaped (`md_escape`): nothing of
tests/hostile/markup.py's ACTIVE survives unescaped. Plain elements (st.text, st.code,
selectbox options, dataframes) carry it as it is; st.html only through autoescaping. And the
text is still there to read. That `md_escape`d text really shows literally in a browser is
tests/e2e/test_markup_escape.py."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import pyarrow as pa
import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from asylum_prep.country_info.importers import ImportOptions
from asylum_prep.forms import flow
from asylum_prep.services import cases, coi, evidence, invites, review, translations, users
from asylum_prep.services.access import Permission
from asylum_prep.services.actor import Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import state
from asylum_prep.ui.html import md_escape
from asylum_prep.ui.navigation import BY_ID
from tests.hostile.markup import ACTIVE, HOSTILE
from tests.hostile.payloads import hostile_record
from tests.support import PASSWORD, People
from tests.ui.conftest import html_bodies

ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
SHOWN = "![x](http://127.0.0.1:9/beacon)"  # the first piece of HOSTILE, in full
assert HOSTILE.startswith(SHOWN)

# Fields Streamlit renders as Markdown, per element type (the protobuf message's name).
MARKDOWN: dict[str, tuple[str, ...]] = {
    "Markdown": ("body", "help"), "Heading": ("body", "help"), "Alert": ("body",),
    "Toast": ("body",), "Progress": ("text",), "Metric": ("label", "help", "body"),
    "Button": ("label", "help"), "DownloadButton": ("label", "help"),
    "LinkButton": ("label", "help"), "PageLink": ("label", "help"),
    "Checkbox": ("label", "help"), "Radio": ("label", "help", "options"),
    "ButtonGroup": ("label", "help"), "Selectbox": ("label", "help"),
    "MultiSelect": ("label", "help"), "TextInput": ("label", "help"),
    "TextArea": ("label", "help"), "NumberInput": ("label", "help"),
    "DateInput": ("label", "help"), "TimeInput": ("label", "help"),
    "FileUploader": ("label", "help"), "Slider": ("label", "help"),
    "ColorPicker": ("label", "help"), "CameraInput": ("label", "help"),
    "Expandable": ("label",), "Tab": ("label",), "Popover": ("label", "help"),
    "Dialog": ("title",),
}
# Shown as plain text (or drawn on a canvas): user text may pass as it is.
PLAIN = frozenset({"Text", "Code", "Json", "Arrow", "Html", "Empty", "Spinner", "Skeleton",
                   "Image", "ImageList", "ArrowVegaLiteChart", "VegaLiteChart", "Fragment",
                   "IFrame", "Balloons", "Snow", "ArrowData",
                   "Dataframe"})
CONTAINERS = frozenset({"Block", "Column", "FlexContainer", "Form", "TabContainer"})


def _messages(proto: Message) -> Iterator[Message]:
    """The message and every message inside it (a Block's expandable, a tab container...)."""
    yield proto
    for field, value in proto.ListFields():
        if field.type != field.TYPE_MESSAGE:
            continue
        for item in _each(value):
            if isinstance(item, Message):
                yield from _messages(item)


def _each(value: Any) -> list[Any]:
    """A field's values: repeated fields are sequences, single ones are not."""
    return [value] if isinstance(value, (str, bytes, Message)) else list(value)


def _strings(message: Message, names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for field, value in message.ListFields():
        if field.name in names and field.type == field.TYPE_STRING:
            out.extend(_each(value))
    return out


def _table_cells(data: bytes) -> list[str]:
    """st.table's column names and cells: Streamlit renders them as Markdown."""
    if not data:
        return []
    table = pa.ipc.open_stream(io.BytesIO(data)).read_all()
    return [*table.column_names, *(str(v) for col in table.columns for v in col.to_pylist())]


def read(at: AppTest) -> tuple[list[str], list[str], list[str]]:
    """(Markdown strings, each after its element's type, plain strings, element types met with
    hostile text unclassified)."""
    markdown: list[str] = []
    plain: list[str] = []
    unknown: list[str] = []
    stack: list[Any] = [at._tree]
    while stack:
        node = stack.pop()
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            stack.extend(children.values())
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        for message in _messages(proto):
            name = message.DESCRIPTOR.name
            if name == "Table":
                markdown.extend(f"{name}: {c}" for c in _table_cells(message.arrow_data.data))
            elif name in MARKDOWN:
                markdown.extend(f"{name}: {s}" for s in _strings(message, MARKDOWN[name]))
                plain.extend(str(message).splitlines())  # options, values, placeholders
            elif name in PLAIN:
                plain.append(str(message))
            elif HOSTILE[:12] in str(message) and name not in CONTAINERS:
                unknown.append(name)
    return markdown, plain, unknown


def unescaped_markup(markdown: list[str]) -> list[str]:
    """The Markdown strings in which a piece of hostile markup is still active."""
    return [text for text in markdown
            if any(piece in ESCAPED.sub("\x00", text) for piece in ACTIVE)]


# --- the hostile world ------------------------------------------------------------------------


@pytest.fixture
def hostile(seed_store: Store) -> People:
    """People with hostile display names, a case with a hostile title and hostile text in
    every text field of its record, a hostile comment and review request, a translation, an
    evidence file and a cited country report, all with hostile names."""
    store = seed_store
    admin = users.create_first_admin(store, username="admin", password=PASSWORD,
                                     display_name=HOSTILE)
    staff = {role: users.create_user(store, admin, username=role.value, password=PASSWORD,
                                     role=role, display_name=HOSTILE)
             for role in (Role.attorney, Role.paralegal, Role.translator)}
    attorney = staff[Role.attorney]
    case_id = cases.create_case(store, attorney, title=HOSTILE, jurisdiction="us")
    for role in (Role.paralegal, Role.translator):
        cases.add_member(store, attorney, case_id, username=role.value, role=role)
    code = invites.create_invite(store, attorney, case_id)
    applicant = invites.redeem_invite(store, code=code, password=PASSWORD)
    record = hostile_record(HOSTILE)
    record.comments = []
    version = cases.save_as_team(store, attorney, case_id, record=record, base_version=1,
                                 permission=Permission.manage, action="case_save")
    _, version = review.add_comment(store, attorney, case_id, path="fear.who", text=HOSTILE,
                                    base_version=version)
    version = review.submit_section(store, attorney, case_id, section="fear",
                                    base_version=version)
    version = review.request_changes(store, attorney, case_id, section="fear",
                                     path="fear.what_harm", comment=HOSTILE,
                                     base_version=version)
    version = translations.save_translation(store, staff[Role.translator], case_id,
                                            path="fear.who", text=HOSTILE, base_version=version)
    _, version, _ = evidence.add_evidence(store, attorney, case_id, data=b"A plain letter.\n",
                                          filename="![x](beacon).txt", title=HOSTILE,
                                          base_version=version)
    _, version, _ = evidence.add_evidence(store, applicant, case_id, data=b"My letter.\n",
                                          filename="![x](beacon).txt", title=HOSTILE,
                                          base_version=version)
    report = (b"# Country report\n\nPolice arrested students who joined protests. " * 20)
    outcome = coi.import_files(store, attorney, files=[("![x](beacon).md", report)],
                               options=ImportOptions(country="IR", publisher=HOSTILE,
                                                     title=HOSTILE))[0]
    assert outcome.status == "imported", outcome
    hit = coi.search(store, attorney, query="students", limit=1).hits[0]
    coi.cite(store, attorney, case_id, passage_id=hit.passage_id, element="objective_fear")
    return People(admin, attorney, staff[Role.paralegal], staff[Role.translator], applicant,
                  case_id, code)


def _notices(people: People) -> dict[str, Any]:
    """Messages the pages keep for their next run; each may quote what someone typed."""
    return {
        state.FLASH: HOSTILE,
        state.WIZARD_NOTICE: ("error", HOSTILE, "", HOSTILE),
        state.REVIEW_NOTICE: ("error", HOSTILE),
        state.HISTORY_NOTICE: ("error", HOSTILE),
        state.TR_NOTICE: {"": ("error", HOSTILE)},
        state.EV_RESULTS: [(HOSTILE, True, [HOSTILE]), (HOSTILE, False, [HOSTILE])],
        state.AD_RESULT: ("home", False, [HOSTILE]),
    }


WALK = [("story", "applicant"), ("story", "attorney"), ("home", "applicant"),
        ("welcome", "applicant"), ("cases", "attorney"), ("cases", "translator"),
        ("case", "attorney"), ("case", "paralegal"), ("review", "attorney"),
        ("evidence", "paralegal"), ("translate", "translator"), ("translate", "attorney"),
        ("documents", "attorney"), ("library", "attorney"), ("admin", "admin"),
        ("account", "attorney")]


@pytest.mark.parametrize(("page", "role"), WALK, ids=[f"{p}-{r}" for p, r in WALK])
def test_user_text_is_never_markup(page: str, role: str, hostile: People, seed_store: Store,
                                   make_app: Callable[..., AppTest]) -> None:
    people = hostile
    actor = getattr(people, role)
    extra: dict[str, Any] = {state.CASE_ID: people.case_id, **_notices(people)}
    if page == "story":
        where = flow.to_state(flow.Position("family", "family.members"))
        extra[state.WIZARD_POS] = {f"{people.case_id}:{actor.id}": where}
    if page == "library":
        extra[state.COI_HITS] = coi.search(seed_store, actor, query="students", limit=5)
    at = make_app(actor, **extra)
    markdown: list[str] = []
    plain: list[str] = []

    def run(at: AppTest) -> None:
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        found, shown, unknown = read(at)
        assert unknown == [], f"classify these elements as Markdown or plain: {unknown}"
        assert not any("<img src=x" in body for body in html_bodies(at))  # autoescaped
        markdown.extend(found)
        plain.extend(shown)

    run(at)  # the role's home page: one-shot notices show here
    run(at.switch_page(BY_ID[page].script))
    if page == "story":  # the family list, where a name once fetched a picture
        assert any(text.startswith("Markdown: Entry 1") for text in markdown), "the family list"
    if page == "review":  # an earlier answer, by a hostile name
        at.session_state[state.W_RV_MORE_PREFIX + "fear.who"] = True  # its history box
        at.selectbox(key=state.W_RV_SECTION).set_value("fear")
        run(at)
        at.button(key=state.W_RV_HISTORY_PREFIX + "fear.who").click()
        run(at)
        assert any("Version" in text and "by" in text for text in markdown)
    if page == "case":
        for toggle in at.toggle:
            if toggle.key in (state.W_SHOW_HISTORY, state.W_SHOW_AUDIT):
                toggle.set_value(True)
        run(at)
    active = unescaped_markup(markdown)
    assert not active, "user text as markup:\n" + "\n".join(active)
    escaped = md_escape(SHOWN)
    assert any(escaped in text for text in markdown) or any(SHOWN in text for text in plain), \
        "the user's text is not on the page"
