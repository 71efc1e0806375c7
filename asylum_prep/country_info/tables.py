"""Tables of the country-conditions library (migrations 0002, 0003, 0006). Public documents, plain
text. `CoiPassage.facets` holds its report's country and publisher as index words
(country_info.facets) for the SQLite engine's filters.

The engine-specific index (FTS5 table `coi_fts` on SQLite, the generated `tsv` column on
PostgreSQL) is not mapped here: only `search_sqlite` / `search_postgres` know about it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class CoiReport(SQLModel, table=True):
    __tablename__ = "coi_reports"
    id: str = Field(primary_key=True, max_length=36)
    content_hash: str = Field(max_length=64, unique=True)
    country: str = Field(max_length=2, index=True)
    publisher: str = Field(max_length=200)
    title: str = Field(max_length=500)
    series_key: str = Field(max_length=800, index=True)
    published: date | None = Field(default=None, index=True)
    url: str = Field(default="", max_length=1000)
    source_kind: str = Field(max_length=8)
    file_name: str = Field(default="", max_length=255)
    page_count: int | None = None
    passage_count: int = 0
    imported_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    imported_by: int | None = Field(default=None, foreign_key="users.id")
    # migration 0006: near-duplicates and corrected details
    text_hash: str = Field(default="", max_length=64, index=True)
    signature: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    details_changed_at: datetime | None = None


class CoiPassage(SQLModel, table=True):
    __tablename__ = "coi_passages"
    id: int | None = Field(default=None, primary_key=True)
    report_id: str = Field(foreign_key="coi_reports.id", ondelete="CASCADE", index=True)
    ordinal: int
    page: int | None = None
    section: str = Field(default="", max_length=500)
    text: str = Field(sa_column=Column(Text, nullable=False))
    norm: str = Field(sa_column=Column(Text, nullable=False))
    facets: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # migration 0006: a passage over a page break keeps its last page; printed page labels
    page_end: int | None = None
    page_label: str = Field(default="", max_length=32)
    page_end_label: str = Field(default="", max_length=32)


class CoiReportDeletion(SQLModel, table=True):
    """A report that was deleted, and when: its citations, kept in the cases, say so."""

    __tablename__ = "coi_report_deletions"
    report_id: str = Field(primary_key=True, max_length=36)
    deleted_at: datetime
    deleted_by: int | None = Field(default=None, foreign_key="users.id")
