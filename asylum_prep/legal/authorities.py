"""The dated library of legal authorities: every statute, regulation, case, treaty and guidance
the app cites, as data (legal/authorities.toml, read once and validated at load).

Each authority has a stable `id` (a lower-case slug) that code, the legal text packs and the
element rules refer to; the citation printed is the library's `citation`, so a citation string
cannot drift from one place to another. Each carries the date someone last checked it against
its source (`checked_as_of`), its later history (vacated, overruled, repealed...) and a
`verify` mark where the current law is uncertain. `warnings(today)` lists the authorities a
reader should re-check: checked more than a year ago, with a later history, or marked verify.
docs/legal-authorities.md says how to add or re-check one.

Holdings are one sentence in our own words, in English (reference text for the attorney).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from asylum_prep.domain.citations import ElementKey

LIBRARY = Path(__file__).resolve().parent / "authorities.toml"
Kind = Literal["statute", "regulation", "case", "treaty", "guidance"]
Jurisdiction = Literal["us", "uk", "ca", "eu", "intl"]
JURISDICTIONS: tuple[Jurisdiction, ...] = ("us", "uk", "ca", "eu", "intl")
STALE_AFTER_DAYS = 365
_ID = r"^[0-9a-z]+(?:-[0-9a-z]+)*$"  # a lower-case slug
_DATE = r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$"  # year, year-month or a full date
Reason = Literal["stale", "history", "verify"]


class Authority(BaseModel):
    """One authority. `date` is the decision, enactment or adoption date ("1985", "2014-02-07");
    `holding` one sentence in our own words; `note` says what is uncertain when `verify`."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=_ID, max_length=60)
    citation: str = Field(min_length=1, max_length=300)
    kind: Kind
    court: str = Field(min_length=1, max_length=200)
    date: str = Field(pattern=_DATE)
    holding: str = Field(min_length=1, max_length=600)
    note: str = Field(default="", max_length=600)
    elements: tuple[ElementKey, ...] = ()
    jurisdiction: Jurisdiction
    history: str = Field(default="", max_length=600)
    checked_as_of: dt.date
    link: str = Field(default="", pattern=r"^(https://\S+)?$", max_length=300)
    verify: bool = False


@dataclass(frozen=True)
class CurrencyWarning:
    """Why an authority should be re-checked before it is relied on."""

    authority: Authority
    reasons: tuple[Reason, ...]

    @property
    def id(self) -> str:
        return self.authority.id


class LibraryError(ValueError):
    """The library file is broken: a developer's mistake, caught by the tests, never shown to
    a user (so not translated)."""


class UnknownAuthority(KeyError):
    """Code cited an id that is not in the library: a developer's mistake the tests catch."""


def _parse(text: str) -> dict[str, Authority]:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LibraryError(str(exc)) from exc
    out: dict[str, Authority] = {}
    for entry in raw.get("authority", []):
        try:
            item = Authority.model_validate(entry)
        except ValidationError as exc:
            where = entry.get("id", "?") if isinstance(entry, dict) else "?"
            raise LibraryError(f"{where}: {exc}") from exc
        if item.id in out:
            raise LibraryError(f"the id {item.id} is used twice")
        out[item.id] = item
    citations = [a.citation for a in out.values()]
    doubled = sorted({c for c in citations if citations.count(c) > 1})
    if doubled:
        raise LibraryError(f"the same citation under two ids: {doubled[0]}")
    return out


@lru_cache(maxsize=1)
def library() -> dict[str, Authority]:
    """Every authority by id, in file order (read and validated once)."""
    return _parse(LIBRARY.read_text(encoding="utf-8"))


def all_authorities() -> tuple[Authority, ...]:
    return tuple(library().values())


def get(authority_id: str) -> Authority:
    """The authority with this id; an unknown id is refused (code must cite the library)."""
    found = library().get(authority_id)
    if found is None:
        raise UnknownAuthority(authority_id)
    return found


def citation(authority_id: str) -> str:
    """The citation exactly as printed."""
    return get(authority_id).citation


def citations(ids: Iterable[str]) -> str:
    """Several authorities' citations joined as a brief prints them ("A; B")."""
    return "; ".join(citation(i) for i in ids)


def reasons(item: Authority, today: dt.date) -> tuple[Reason, ...]:
    """Why `item` needs re-checking on `today` (empty: current as far as we know)."""
    out: list[Reason] = []
    if (today - item.checked_as_of).days > STALE_AFTER_DAYS:
        out.append("stale")
    if item.history.strip():
        out.append("history")
    if item.verify:
        out.append("verify")
    return tuple(out)


def warnings(today: dt.date, ids: Iterable[str] | None = None) -> list[CurrencyWarning]:
    """The authorities (all, or those of `ids`) to re-check before relying on them."""
    chosen = all_authorities() if ids is None else tuple(get(i) for i in dict.fromkeys(ids))
    return [CurrencyWarning(a, r) for a in chosen if (r := reasons(a, today))]


def _matches(item: Authority, words: list[str]) -> bool:
    hay = " ".join((item.id, item.citation, item.court, item.holding, item.note,
                    item.history)).casefold()
    return all(w in hay for w in words)


def find(*, jurisdiction: str | None = None, element: str | None = None,
         text: str = "") -> list[Authority]:
    """Authorities of one library jurisdiction (us, uk, ca, eu, intl; None: all), bearing on
    an element (an ElementKey value; None: any), whose citation, court, holding, note or
    history contains every word of `text`, in file order."""
    words = text.casefold().split()
    return [a for a in all_authorities()
            if (not jurisdiction or a.jurisdiction == jurisdiction)
            and (not element or element in a.elements)
            and (not words or _matches(a, words))]
