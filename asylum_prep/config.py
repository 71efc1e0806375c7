"""Settings, read once from the environment (prefix ASYLUM_PREP_) and passed around explicitly.

Every number is checked at start (a timeout of at least a minute, sizes above zero, ...), and
the database URL must name SQLite or PostgreSQL: a bad value stops the app or the command with
one clear message naming the variable (`ConfigError`), before anything is opened.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from asylum_prep.errors import N_, ConfigError

ENV_PREFIX = "ASYLUM_PREP_"
MINUTES_IN_A_YEAR = 525_600
TEBIBYTE = 1024**4
_DATABASE_SCHEMES = re.compile(r"^(sqlite|postgresql(\+psycopg)?)://", re.IGNORECASE)


class Settings(BaseSettings):
    """Everything an operator may tune. Nothing here is applicant data."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    data_dir: Path = Field(default=Path("data"))
    database_url: str | None = None
    master_key: SecretStr | None = None

    max_failed_sign_ins: int = Field(default=5, ge=1, le=1000)
    lockout_minutes: int = Field(default=15, ge=1, le=MINUTES_IN_A_YEAR)
    idle_timeout_minutes: int = Field(default=30, ge=1, le=MINUTES_IN_A_YEAR)
    invite_valid_days: int = Field(default=30, ge=1, le=3650)
    lock_wait_seconds: int = Field(default=30, ge=1, le=3600)  # a store locked longer: refused

    max_evidence_bytes: int = Field(default=25 * 1024 * 1024, gt=0, le=TEBIBYTE)
    max_case_evidence_bytes: int = Field(default=500 * 1024 * 1024, gt=0, le=TEBIBYTE)
    max_answer_chars: int = Field(default=20_000, gt=0, le=10_000_000)
    # The sandbox that redraws every page of an upload (evidence.sandbox): the memory its
    # process may use and its CPU seconds (plus 2 per page; more for a Word document).
    rendition_memory_mb: int = Field(default=1024, ge=64, le=1_048_576)
    rendition_cpu_seconds: int = Field(default=60, ge=1, le=86_400)
    # Scanned exhibits are read (OCR) by a background thread in each app process, one job at a
    # time per server (services.ocr_worker); off, they are read by `asylum-prep evidence ocr`.
    ocr_in_background: bool = True

    coi_stale_years: int = Field(default=2, ge=1, le=20)  # a cited report older is flagged

    discreet_title: str = "Notes"
    # A document file's own title (PDF info and XMP, DOCX core properties) is neutral
    # ("Declaration"); a firm that wants the page's full title there, the applicant's name
    # included, turns this on.
    named_document_metadata: bool = False
    oidc_enabled: bool = False

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not _DATABASE_SCHEMES.match(value):
            raise ValueError("give sqlite:///PATH or postgresql://USER@HOST/DATABASE")
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            make_url(value)
        except (ArgumentError, ValueError):
            raise ValueError("not a database URL SQLAlchemy can read") from None
        return value

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'asylum-prep.sqlite3').resolve()}"

    @property
    def key_file(self) -> Path:
        return self.data_dir / "master.key"

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")


INVALID_SETTING = N_(
    "The setting {variable} is not valid ({problem}). Correct it and start again; nothing was "
    "changed."
)


def read_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (the CLI's --data-dir); pydantic's
    ValidationError, listing every broken rule, when a value breaks one (the app's
    misconfiguration page words each)."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)  # type: ignore[arg-type]


def load_settings(**overrides: object) -> Settings:
    """`read_settings`, with a malformed value raised as `ConfigError` naming its variable (the
    first one, if several): one line for the command line."""
    try:
        return read_settings(**overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        problem = " ".join(str(first["msg"]).removeprefix("Value error, ").split())
        raise ConfigError(INVALID_SETTING, variable=ENV_PREFIX + field.upper(),
                          problem=problem[:200]) from None
