"""SQLModel tables. Columns that identify an applicant or tell their story hold ciphertext only.

Plain columns are limited to what access control and listing need: ids, roles, timestamps,
jurisdiction, status and version numbers. Table models skip validation on construction, so
repositories validate through the domain models before anything reaches here.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Meta(SQLModel, table=True):
    __tablename__ = "meta"
    key: str = Field(primary_key=True, max_length=64)
    value: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class User(SQLModel, table=True):
    __tablename__ = "users"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=64)
    password_hash: str = Field(max_length=256)
    role: str = Field(max_length=16)
    display_name: str = Field(default="", max_length=120)
    language: str = Field(default="en", max_length=16)
    is_active: bool = True
    failed_sign_ins: int = 0
    locked_until: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Single sign-on: "<issuer>|<subject>" of the linked OIDC identity (migration 0004).
    oidc_subject: str | None = Field(default=None, unique=True, index=True, max_length=512)
    # Account controls (migration 0005): an admin's reset forces a new password at the next
    # sign-in; `failed_at` dates the failed sign-ins counted in `failed_sign_ins`.
    must_change_password: bool = False
    failed_at: datetime | None = None


class SignInFailure(SQLModel, table=True):
    """Failed sign-ins with a name no active account has, counted exactly like an account's
    (`User.failed_sign_ins`, `locked_until`, `failed_at`), so a lockout says nothing about
    which names exist. Keyed by a keyed hash of the name, never the name itself."""

    __tablename__ = "sign_in_failures"
    name_key: str = Field(primary_key=True, max_length=64)
    failed_sign_ins: int = 0
    locked_until: datetime | None = None
    failed_at: datetime | None = Field(default=None, index=True)


class WebSession(SQLModel, table=True):
    """A signed-in browser: its session cookie's token, stored only as a SHA-256 digest (the
    token itself is never stored or logged). Valid while not revoked and `expires_at` (the
    last use plus the idle timeout) is in the future; services/web_sessions.py."""

    __tablename__ = "web_sessions"
    token_hash: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(foreign_key="users.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked: bool = False
    revoked_reason: str = Field(default="", max_length=32)


class Case(SQLModel, table=True):
    __tablename__ = "cases"
    id: str = Field(primary_key=True, max_length=36)
    key_id: str = Field(max_length=32)
    wrapped_key: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    title_enc: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    jurisdiction: str = Field(max_length=8)
    status: str = Field(default="open", max_length=16, index=True)
    current_version: int = 0
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CaseMember(SQLModel, table=True):
    __tablename__ = "case_members"
    case_id: str = Field(foreign_key="cases.id", primary_key=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="users.id", primary_key=True)
    role: str = Field(max_length=16)
    added_at: datetime = Field(default_factory=utcnow)


class Invite(SQLModel, table=True):
    __tablename__ = "invites"
    code_hash: str = Field(primary_key=True, max_length=64)
    case_id: str = Field(foreign_key="cases.id", ondelete="CASCADE", index=True)
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    user_id: int | None = Field(default=None, foreign_key="users.id")


class CaseVersion(SQLModel, table=True):
    __tablename__ = "case_versions"
    __table_args__ = (UniqueConstraint("case_id", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="cases.id", ondelete="CASCADE", index=True)
    version: int
    record_enc: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    summary_enc: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)


class DeclarationVersion(SQLModel, table=True):
    """One version of the declaration the team edits (migration 0008): the whole declaration,
    encrypted; `action` names the operation (edit, merge, confirm, ...), never any words."""

    __tablename__ = "declaration_versions"
    __table_args__ = (UniqueConstraint("case_id", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="cases.id", ondelete="CASCADE", index=True)
    version: int
    action: str = Field(max_length=32)
    body_enc: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)


class EvidenceBlob(SQLModel, table=True):
    __tablename__ = "evidence_blobs"
    id: str = Field(primary_key=True, max_length=36)
    case_id: str = Field(foreign_key="cases.id", ondelete="CASCADE", index=True)
    purpose: str = Field(default="stored", max_length=16)
    size: int
    data_enc: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = None
    actor_name: str = Field(default="", max_length=64)
    action: str = Field(max_length=32)
    case_id: str | None = Field(default=None, max_length=36, index=True)
    detail: str = Field(default="", max_length=500)
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class OfficialForm(SQLModel, table=True):
    """An official form a firm imported (migration 0007), prepared for filling
    (`documents.pdf_form_import`): decrypted, without its XFA layer. A public-domain government
    form, not applicant data, so stored in plain columns like the country library's reports.
    Each import is kept; the newest of a kind is the one filled."""

    __tablename__ = "official_forms"
    id: str = Field(primary_key=True, max_length=36)
    kind: str = Field(max_length=16, index=True)
    edition: str = Field(max_length=32)
    content_hash: str = Field(max_length=64)  # of the file as imported
    file_name: str = Field(default="", max_length=255)
    page_count: int = 0
    field_count: int = 0
    unplaced: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    imported_at: datetime = Field(default_factory=utcnow, index=True)
    imported_by: int | None = Field(default=None, foreign_key="users.id")


class OcrJob(SQLModel, table=True):
    """Reading one exhibit's scanned pages (migration 0010): state and progress only; the
    words read are sealed in `evidence_blobs`."""

    __tablename__ = "ocr_jobs"
    id: int | None = Field(default=None, primary_key=True)
    case_id: str = Field(foreign_key="cases.id", ondelete="CASCADE", index=True, max_length=36)
    evidence_id: str = Field(max_length=36)
    state: str = Field(max_length=16, index=True)  # queued, running, done, failed
    pages_done: int = 0
    pages_total: int = 0
    reason: str = Field(default="", max_length=64)  # a code, never applicant data
    attempts: int = 0
    created_by: int = Field(foreign_key="users.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class WorkerLease(SQLModel, table=True):
    """The one lock app processes compete for before running background work (0010)."""

    __tablename__ = "worker_leases"
    name: str = Field(primary_key=True, max_length=16)
    owner: str | None = Field(default=None, max_length=64)
    until: datetime | None = None
