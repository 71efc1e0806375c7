"""The world the access matrix calls every service function in: case A with its whole team,
an unrelated case B, accounts switched off or waiting for a new password, and small helpers
that put the case in the state a call needs (an answer, an item, a comment, a flag, a
document, a report). Everything through the real services on a real store."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import select

from asylum_prep.domain.review import SectionStatus
from asylum_prep.services import accounts, answers, archive, cases, checks, coi, invites, review
from asylum_prep.services import evidence as ev
from asylum_prep.services.access import Permission
from asylum_prep.services.actor import Actor, Role
from asylum_prep.services.users import create_user
from asylum_prep.storage.engine import Store
from asylum_prep.storage.tables import Case, CaseMember
from tests.support import PASSWORD, People
from tests.unit.country_info.conftest import report
from tests.unit.evidence import hostile
from tests.unit.legal.factories import incident, strong_record

PASSPHRASE = "a long archive passphrase"
REPORT = report("IR", "Publisher One", "Report {n}", "2023-05-01",
                "The police arrested students at the university {n}.")


@dataclass
class World:
    store: Store
    people: People
    other: People
    tmp: Path
    passwords: dict[int, str] = field(default_factory=dict)
    _n: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _special: dict[tuple[str, Role], Actor] = field(default_factory=dict)
    _archive: bytes = b""

    @property
    def case_id(self) -> str:
        return self.people.case_id

    def n(self) -> int:
        return next(self._n)

    def version(self, case_id: str | None = None) -> int:
        with self.store.session() as session:
            case = session.get(Case, case_id or self.case_id)
            return case.current_version if case else 0

    def password_of(self, actor: Actor) -> str:
        return self.passwords.get(actor.id, PASSWORD)

    # --- accounts ---------------------------------------------------------------------
    def new_user(self, role: Role = Role.translator) -> Actor:
        return create_user(self.store, self.people.admin, username=f"extra{self.n()}",
                           password=PASSWORD, role=role)

    def _member(self, role: Role) -> Actor:
        """A fresh account of `role`, a member of case A in that role."""
        if role is Role.applicant:
            code = invites.create_invite(self.store, self.people.attorney, self.case_id)
            return invites.redeem_invite(self.store, code=code, password=PASSWORD)
        actor = self.new_user(role)
        if role is not Role.admin:
            cases.add_member(self.store, self.people.attorney, self.case_id,
                             username=actor.username, role=role)
        return actor

    def switched_off(self, role: Role) -> Actor:
        """A member of case A in `role` whose account an admin switched off."""
        key = ("off", role)
        if key not in self._special:
            actor = self._member(role)
            accounts.deactivate(self.store, self.people.admin, username=actor.username)
            self._special[key] = actor
        return self._special[key]

    def reset(self, role: Role) -> Actor:
        """A member of case A in `role` whose password an admin reset (not yet replaced)."""
        key = ("reset", role)
        if key not in self._special:
            actor = self._member(role)
            self.passwords[actor.id] = accounts.reset_password(
                self.store, self.people.admin, username=actor.username)
            self._special[key] = actor
        return self._special[key]

    def fresh_case(self) -> str:
        """A new case with the same members as case A (for calls that delete or rename)."""
        case_id = cases.create_case(self.store, self.people.attorney, title=f"Case {self.n()}")
        with self.store.session() as session:
            for m in session.exec(select(CaseMember).where(CaseMember.case_id == self.case_id)):
                if m.user_id != self.people.attorney.id:
                    session.add(CaseMember(case_id=case_id, user_id=m.user_id, role=m.role))
        return case_id

    # --- case A's content ---------------------------------------------------------------
    def text_answer(self) -> str:
        path = "fear.why"
        opened = cases.open_case(self.store, self.people.attorney, self.case_id)
        if not opened.record.fear.why:
            answers.save_answer(self.store, self.people.attorney, self.case_id, path=path,
                                value="Because of my articles.", base_version=opened.version)
        return path

    def item(self) -> str:
        item_id, _ = answers.add_item(self.store, self.people.attorney, self.case_id,
                                      list_path="incidents.items", base_version=self.version())
        return item_id

    def comment(self) -> str:
        comment_id, _ = review.add_comment(
            self.store, self.people.attorney, self.case_id, path="about.family_name",
            text="Is this the name on your passport?", base_version=self.version())
        return comment_id

    def section(self, wanted: SectionStatus, section: str = "about") -> str:
        """Bring `section` to `wanted` (submitted or changes requested) through the team."""
        a, store, cid = self.people.attorney, self.store, self.case_id

        def status() -> SectionStatus:
            record = cases.open_case(store, a, cid, audit_view=False).record
            return answers.section_status(record, section)

        def request() -> None:
            review.request_changes(store, a, cid, section=section, path=f"{section}.family_name",
                                   comment="Please check.", base_version=self.version())

        if status() is SectionStatus.approved:
            request()
        if status() is SectionStatus.draft or (
                wanted is SectionStatus.submitted and status() is not wanted):
            review.submit_section(store, a, cid, section=section, base_version=self.version())
        if status() is not wanted:
            request()
        assert status() is wanted
        return section

    def flag(self) -> str:
        if not checks.run_checks(self.store, self.people.attorney, self.case_id).flags:
            record = strong_record()
            record.incidents.items.append(incident("2022-09-01", place="Transit camp"))
            cases.save_as_team(self.store, self.people.attorney, self.case_id, record=record,
                               base_version=self.version(), permission=Permission.write,
                               action="case_save")
        return checks.run_checks(self.store, self.people.attorney, self.case_id).flags[0].id

    def dismissed_flag(self) -> str:
        flag_id = self.flag()
        checks.dismiss_flag(self.store, self.people.attorney, self.case_id, flag_id=flag_id,
                            reason="Explained in the interview.", base_version=self.version())
        return flag_id

    def evidence(self, actor: Actor | None = None) -> str:
        """A small photo added by `actor` when she is case A's applicant (her own document),
        else by the attorney."""
        owner = actor if actor is not None and actor.id == self.people.applicant.id \
            else self.people.attorney
        evidence_id, _, _ = ev.add_evidence(
            self.store, owner, self.case_id, data=hostile.small_png((40, 30)),
            filename="photo.png", title=f"Photo {self.n()}", base_version=self.version())
        return evidence_id

    def foreign_evidence(self) -> str:
        """A one-page picture of a document in Persian, added by the attorney."""
        evidence_id, _, _ = ev.add_evidence(
            self.store, self.people.attorney, self.case_id, data=hostile.small_png((40, 30)),
            filename="summons.png", title=f"Summons {self.n()}", language="fa",
            base_version=self.version())
        return evidence_id

    def report(self) -> tuple[str, int]:
        """(report id, a passage id) of a new report in the library."""
        n = self.n()
        [outcome] = coi.import_files(self.store, self.people.paralegal, files=[
            (f"r{n}.md", REPORT.format(n=n).encode())])
        page = coi.search(self.store, self.people.paralegal, query="university", limit=100)
        hits = [h for h in page.hits if h.report_id == outcome.report_id]
        assert outcome.report_id is not None and hits, outcome
        return outcome.report_id, hits[0].passage_id

    def citation(self) -> str:
        _, passage_id = self.report()
        return coi.cite(self.store, self.people.attorney, self.case_id, passage_id=passage_id,
                        element="objective_fear").id

    def archive(self) -> bytes:
        if not self._archive:
            out = self.tmp / "case.asylum"
            archive.export_case(self.store, self.people.attorney, self.case_id, out=out,
                                passphrase=PASSPHRASE)
            self._archive = out.read_bytes()
        return self._archive

    def report_folder(self) -> Path:
        folder = self.tmp / "reports"
        if not folder.exists():
            folder.mkdir()
            (folder / "sv.md").write_text(report("SV", "Publisher Two", "Report SV", "2019-02-01",
                                                 "Gangs threatened students."), encoding="utf-8")
        return folder

