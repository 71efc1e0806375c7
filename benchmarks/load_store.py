"""The load benchmark's records and checks, through the services only: the seeded people,
each edit the driver made, and after the run the check that every confirmed answer is in the
version history and the last one is current; each edit paired with its `case_save` audit
event and, from the server's probe, with the moment the change reached the server."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

PASSWORD = "a long load-test password"  # noqa: S105 - throwaway accounts on a temp store


@dataclass
class Edit:
    session: int
    case_id: str
    path: str
    value: str
    sent_at: float  # wall clock, seconds
    saved_ms: float | None  # in-page edit->saved; None when not acknowledged


@dataclass
class LoadResult:
    sessions: int
    seconds: float
    edits: list[Edit] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    users: dict[str, str] = field(default_factory=dict)  # case id -> applicant's user name
    send_ms: list[float] = field(default_factory=list)  # change sent -> case_save audit time
    server_ms: list[float] = field(default_factory=list)  # change reaches server -> case_save
    server_peak_rss_mb: float = 0.0
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    window_s: float = 0.0
    loadavg_start: str = ""
    loadavg_end: str = ""

    @property
    def acknowledged(self) -> list[Edit]:
        return [e for e in self.edits if e.saved_ms is not None]


def seed(data_dir: Path, n: int) -> list[tuple[str, str]]:
    """One admin, one attorney, n cases each with an applicant:
    [(case_id, user name)] (the user name is the invite code)."""
    from asylum_prep.config import Settings
    from asylum_prep.services import cases, invites, users
    from asylum_prep.services.actor import Role
    from asylum_prep.storage.engine import open_store

    store = open_store(Settings(data_dir=data_dir))
    try:
        admin = users.create_first_admin(store, username="admin", password=PASSWORD)
        attorney = users.create_user(store, admin, username="attorney", password=PASSWORD,
                                     role=Role.attorney)
        out = []
        for i in range(n):
            case_id = cases.create_case(store, attorney, title=f"Load case {i}", jurisdiction="us")
            code = invites.create_invite(store, attorney, case_id)
            applicant = invites.redeem_invite(store, code=code, password=PASSWORD)
            out.append((case_id, applicant.username))
        return out
    finally:
        store.close()


def _first_after(times: list[float], start: float) -> float | None:
    return next((t for t in times if t >= start), None)


def _arrivals(trace: Path | None) -> dict[str, list[float]]:
    """User name -> sorted times at which their widget changes reached the server."""
    out: dict[str, list[float]] = {}
    if trace is None or not trace.exists():
        return out
    for line in trace.read_text().splitlines():
        at, _, name = line.partition(" ")
        out.setdefault(name, []).append(float(at))
    return {name: sorted(times) for name, times in out.items()}


def verify(data_dir: Path, result: LoadResult, trace: Path | None = None) -> None:
    """Every acknowledged value is in the version history, and the last acknowledged value of
    each answer is the current one. Also pairs each edit with its `case_save` audit event and,
    from the server's trace, with the moment the change reached the server."""
    from sqlmodel import select

    from asylum_prep.config import Settings
    from asylum_prep.domain.record import get_path
    from asylum_prep.services import cases, users
    from asylum_prep.storage.engine import open_store
    from asylum_prep.storage.tables import AuditEvent

    arrivals = _arrivals(trace)
    store = open_store(Settings(data_dir=data_dir))
    try:
        with store.session() as s:
            saves = [(e.case_id, e.at) for e in s.exec(
                select(AuditEvent).where(AuditEvent.action == "case_save"))]
        attorney = users.sign_in(store, username="attorney", password=PASSWORD)
        by_case: dict[str, list[Edit]] = {}
        sent: dict[tuple[str, str], list[Edit]] = {}  # every edit sent, confirmed or not
        for e in result.edits:
            sent.setdefault((e.case_id, e.path), []).append(e)
        for e in result.acknowledged:
            by_case.setdefault(e.case_id, []).append(e)
        for case_id, edits in by_case.items():
            current = cases.open_case(store, attorney, case_id, audit_view=False)
            history: dict[str, set[str]] = {}
            for version in range(1, current.version + 1):
                record = cases.view_version(store, attorney, case_id, version)
                for path in {e.path for e in edits}:
                    history.setdefault(path, set()).add(str(get_path(record, path) or ""))
            last: dict[str, Edit] = {}
            for e in sorted(edits, key=lambda x: x.sent_at):
                last[e.path] = e
                if e.value not in history.get(e.path, set()):
                    result.lost.append(f"session {e.session}: {e.path} not in any version")
            for path, edit in last.items():
                # The current answer is the last confirmed one, or one sent after it whose
                # confirmation the driver stopped waiting for.
                allowed = {e.value for e in sent[(case_id, path)] if e.sent_at >= edit.sent_at}
                if str(get_path(current.record, path) or "") not in allowed:
                    result.lost.append(f"{case_id}: {path} is not the last confirmed value")
            stamps = sorted(at.replace(tzinfo=at.tzinfo or UTC).timestamp()
                            for c, at in saves if c == case_id)
            came = arrivals.get(result.users.get(case_id, ""), [])
            for e in edits:
                saved = _first_after(stamps, e.sent_at - 0.05)
                if saved is None:
                    continue
                result.send_ms.append(max(0.0, (saved - e.sent_at) * 1000))
                arrived = _first_after(came, e.sent_at - 0.05)
                if arrived is not None and arrived <= saved:
                    result.server_ms.append((saved - arrived) * 1000)
    finally:
        store.close()
