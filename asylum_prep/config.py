"""Settings, read once from the environment (prefix ASYLUM_PREP_) and passed around explicitly."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator may tune. Nothing here is applicant data."""

    model_config = SettingsConfigDict(env_prefix="ASYLUM_PREP_", extra="ignore")

    data_dir: Path = Field(default=Path("data"))
    database_url: str | None = None
    master_key: SecretStr | None = None

    max_failed_sign_ins: int = 5
    lockout_minutes: int = 15
    idle_timeout_minutes: int = Field(default=30, ge=1)  # 0 or less would sign out at once
    invite_valid_days: int = 30

    max_evidence_bytes: int = 25 * 1024 * 1024
    max_case_evidence_bytes: int = 500 * 1024 * 1024
    max_answer_chars: int = 20_000

    coi_stale_years: int = Field(default=2, ge=1, le=20)  # a cited report older is flagged

    discreet_title: str = "Notes"
    oidc_enabled: bool = False

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


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (the CLI's --data-dir)."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)  # type: ignore[arg-type]
