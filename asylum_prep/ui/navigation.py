"""The page registry and the router: which pages exist, who sees them, and in what order.

HOW TO REGISTER A PAGE
    1. Write a thin script in asylum_prep/ui/views/<file>.py, named after the page, of about
       ten lines: it calls `setup_page(roles=..., needs_case=...)` (or `setup_public_page()`)
       and passes the context to the page's body in a ui/ module.
    2. Add one `PageSpec` to `PAGES` below: a stable `id` (also its URL path), the file name,
       its English title wrapped in N_() (translated per session), a material icon, and the
       roles that see it. `needs_case=True` hides it from the menu until a case is open;
       `home_for` makes it the landing page of those roles; `menu=False` keeps it out of the
       menu (reach it with `go(id)`).
    3. Add the title's translations to locales/*/LC_MESSAGES/messages.po.
Roles are `services.actor.Role` values plus `ANON` (nobody signed in). Use `go("id")` to move
to another page.

Every page's address exists in every session: one the person may not open now is drawn as a
hidden stand-in (`_elsewhere`) that goes to their home page, and, signed out, first remembers
the page asked for (`state.PENDING_PAGE`), which they reach right after signing in if their
role may open it. So a deep link or a reload never shows Streamlit's "Page not found". Before
the menu is built, `session.resume` signs back in the session the browser's cookie names.

tests/ui/test_pages.py opens every registered page for every role that sees it, so a
registered file that does not exist fails the tests.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from asylum_prep.errors import N_, AsylumPrepError
from asylum_prep.i18n import Translator
from asylum_prep.services import cases, users
from asylum_prep.services.actor import Actor, Role
from asylum_prep.storage.engine import Store
from asylum_prep.ui import chrome, device_cookies, edge, session, state
from asylum_prep.ui.store import get_store

ANON = "anonymous"
APP_DIR = Path(__file__).resolve().parent.parent  # app.py's folder: page paths are relative to it
VIEWS = Path(__file__).resolve().parent / "views"

_STAFF = frozenset({Role.attorney.value, Role.paralegal.value, Role.translator.value})
_LEGAL = frozenset({Role.attorney.value, Role.paralegal.value})
_SIGNED_IN = frozenset(r.value for r in Role)


@dataclass(frozen=True)
class PageSpec:
    id: str
    file: str
    title: str
    icon: str
    roles: frozenset[str]
    needs_case: bool = False
    menu: bool = True
    home_for: frozenset[str] = field(default_factory=frozenset)
    first_run: bool | None = None  # True: only before any account exists; False: only after

    @property
    def path(self) -> Path:
        return VIEWS / self.file

    @property
    def script(self) -> str:
        """Path relative to app.py, as st.switch_page and AppTest.switch_page expect."""
        return str(self.path.relative_to(APP_DIR))


PAGES: tuple[PageSpec, ...] = (
    # --- before signing in ---
    PageSpec("setup", "setup.py", N_("First-time setup"), ":material/build:",
             frozenset({ANON}), first_run=True, home_for=frozenset({ANON})),
    PageSpec("sign-in", "sign_in.py", N_("Sign in"), ":material/login:",
             frozenset({ANON}), first_run=False, home_for=frozenset({ANON})),
    PageSpec("join", "join.py", N_("Join with an invite code"), ":material/key:",
             frozenset({ANON}), first_run=False),
    # --- applicant ---
    PageSpec("home", "applicant_home.py", N_("Home"), ":material/home:",
             frozenset({Role.applicant.value}), home_for=frozenset({Role.applicant.value})),
    PageSpec("story", "wizard.py", N_("Your story"), ":material/edit_note:",
             frozenset({Role.applicant.value}) | _LEGAL, needs_case=True),
    PageSpec("declaration-confirm", "declaration_confirm.py", N_("Read your declaration"),
             ":material/fact_check:", frozenset({Role.applicant.value}) | _LEGAL,
             needs_case=True),
    PageSpec("welcome", "welcome.py", N_("About this app"), ":material/info:",
             frozenset({Role.applicant.value})),
    # --- legal team ---
    PageSpec("cases", "cases.py", N_("Cases"), ":material/folder_open:",
             _STAFF, home_for=_STAFF),
    PageSpec("case", "case_dashboard.py", N_("Case overview"), ":material/dashboard:",
             _STAFF, needs_case=True),
    PageSpec("review", "review.py", N_("Review answers"), ":material/rate_review:",
             _STAFF, needs_case=True),
    PageSpec("evidence", "evidence.py", N_("Evidence"), ":material/attach_file:",
             _LEGAL, needs_case=True),
    PageSpec("translate", "translate.py", N_("Translations"), ":material/translate:",
             _STAFF, needs_case=True),
    PageSpec("declaration", "declaration.py", N_("Declaration"), ":material/article:",
             _STAFF, needs_case=True),
    PageSpec("documents", "documents.py", N_("Documents"), ":material/picture_as_pdf:",
             _STAFF, needs_case=True),
    PageSpec("library", "country_library.py", N_("Country library"), ":material/public:",
             _LEGAL),
    PageSpec("authorities", "authorities.py", N_("Legal authorities"), ":material/gavel:",
             _LEGAL),
    # --- administration and account ---
    PageSpec("admin", "admin.py", N_("Administration"), ":material/admin_panel_settings:",
             frozenset({Role.admin.value}), home_for=frozenset({Role.admin.value})),
    PageSpec("forms", "forms_admin.py", N_("Official forms"), ":material/description:",
             frozenset({Role.admin.value})),
    PageSpec("account", "account.py", N_("Your account"), ":material/person:", _SIGNED_IN),
)

BY_ID: dict[str, PageSpec] = {p.id: p for p in PAGES}


def visible_specs(role: str, *, first_run: bool) -> list[PageSpec]:
    """The registered pages this role may open now."""
    out = []
    for spec in PAGES:
        if role not in spec.roles:
            continue
        if spec.first_run is not None and spec.first_run != first_run:
            continue
        out.append(spec)
    return out


# The page bodies that import the most (documents, charts, the legal packs): imported once in
# the background when the process serves its first page, so the first person to open each of
# them does not wait seconds for the imports while everyone else waits on the import lock.
WARM_MODULES = ("asylum_prep.ui.dashboard", "asylum_prep.ui.review_page",
                "asylum_prep.ui.documents_page", "asylum_prep.ui.wizard.page",
                "asylum_prep.ui.evidence_page", "asylum_prep.ui.translate_page")
_warm_started = threading.Event()


def _warm() -> None:
    for name in WARM_MODULES:
        importlib.import_module(name)


def warm_pages() -> None:
    """Start importing the heavy page bodies once per process, in a daemon thread."""
    if not _warm_started.is_set():
        _warm_started.set()
        threading.Thread(target=_warm, name="asylum-prep-warm", daemon=True).start()


def count_visit(url_path: str) -> int:
    """The number of this page visit in the session: it goes up when a run is on another page
    than the run before, and stays the same while one page reruns (a click, a widget). Pages
    that audit a view once per visit, not once per rerun, key on it."""
    visit = int(st.session_state.get(state.PAGE_VISIT, 0))
    if st.session_state.get(state.PAGE_SHOWN) != url_path:
        visit += 1
        st.session_state[state.PAGE_SHOWN] = url_path
        st.session_state[state.PAGE_VISIT] = visit
    return visit


def go(page_id: str) -> None:
    """Switch to a registered page (it must be visible to the current role)."""
    st.switch_page(BY_ID[page_id].script)


def _elsewhere(page_id: str, home: st.Page, *, signed_in: bool) -> Callable[[], None]:
    """The page drawn at the address of a page this person may not open now: signed out, the
    sign-in page, which brings them back here (and to the case the address names) once
    signed in, if their role may see it; signed in, their home page."""
    def elsewhere() -> None:
        if not signed_in:
            st.session_state[state.PENDING_PAGE] = page_id
            st.session_state[state.PENDING_CASE] = st.query_params.get(state.CASE_PARAM)
        st.switch_page(home)

    return elsewhere


def _reopen_case(store: Store, actor: Actor) -> None:
    """Open the case this browser session works on, before the menu is built: an applicant's
    own (she has one), so "Your story" is in the menu from the first page; for the team, the
    case a case page's address names (`?case=`, kept through sign-in), if they are a member
    of it. The pages check access again when they open it."""
    ss = st.session_state
    wanted = st.query_params.get(state.CASE_PARAM) or ss.pop(state.PENDING_CASE, None)
    if actor.role is not Role.applicant and not wanted:
        return
    try:
        own = [c.id for c in cases.list_cases(store, actor)]
    except AsylumPrepError:  # deactivated, or a new password first: the page says which
        own = []
    if actor.role is Role.applicant and own:
        ss[state.CASE_ID] = own[0]
    elif wanted in own:
        ss[state.CASE_ID] = wanted


def _menu(t: Translator, role: str, *, has_case: bool, signed_in: bool,
          first_run: bool) -> dict[str, st.Page]:
    """Every page's st.Page for this person now, built once per session for each state of
    what it depends on (language, role, an open case, signed in): building them resolved
    every page's file on disk on every run of every session."""
    key = (t.lang, role, has_case, signed_in, first_run)
    cached = st.session_state.get(state.MENU_PAGES)
    if isinstance(cached, tuple) and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    specs = visible_specs(role, first_run=first_run)
    pages = {
        spec.id: st.Page(
            spec.script, title=t(spec.title), icon=spec.icon, url_path=spec.id,
            default=role in spec.home_for,
            visibility="visible" if spec.menu and (has_case or not spec.needs_case) else "hidden",
        )
        for spec in specs
    }
    home = next(pages[spec.id] for spec in specs if role in spec.home_for)
    for spec in PAGES:  # the others' addresses lead to sign-in or home, never "Page not found"
        if spec.id not in pages:
            pages[spec.id] = st.Page(_elsewhere(spec.id, home, signed_in=signed_in),
                                     title=t(spec.title), icon=spec.icon, url_path=spec.id,
                                     visibility="hidden")
    st.session_state[state.MENU_PAGES] = (key, pages)
    return pages


def run() -> None:
    """Build st.navigation for the signed-in role and run the chosen page. Called by app.py."""
    if st.session_state.get(state.QUICK_EXIT):
        chrome.render_exit_page()
    # The tab's icon before the menu: without one, the browser shows the current page's
    # menu icon, and fetches a material icon's picture from a font site to do so.
    st.set_page_config(page_icon=chrome.APP_ICON)
    device_cookies.load_device_choices()  # the language and discreet mode this device keeps
    store = get_store(session.session_translator())
    session.resume(store)  # a reload, deep link or new tab: the session cookie signs back in
    t = session.session_translator()
    warm_pages()
    actor = session.current_actor()
    role = actor.role.value if actor else ANON
    first_run = actor is None and users.needs_first_admin(store)
    if actor and not st.session_state.get(state.CASE_ID):
        _reopen_case(store, actor)
    has_case = bool(st.session_state.get(state.CASE_ID))
    pages = _menu(t, role, has_case=has_case, signed_in=actor is not None,
                  first_run=first_run)
    current = st.navigation(list(pages.values()), position="sidebar")
    count_visit(current.url_path)
    pending = st.session_state.pop(state.PENDING_PAGE, None) if actor else None
    specs = visible_specs(role, first_run=first_run)
    if isinstance(pending, str) and pending in pages and pending in {s.id for s in specs}:
        st.switch_page(pages[pending])
    try:
        current.run()
    except Exception as exc:  # noqa: BLE001 - a bug must not show Streamlit's English error
        edge.report_unexpected(t, exc)
