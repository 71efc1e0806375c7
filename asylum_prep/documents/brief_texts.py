"""The brief's editable wording: the `[brief]` tables of templates/legal/_common.toml and
templates/legal/<jurisdiction>.toml (the jurisdiction's entries win).

The brief is written in English, the language of the forums it is filed in, so this wording
is printed as written and is not extracted for translation (`babel_extract` skips `brief`).
Each forum has its caption (`forums.<forum>`: authority line, title, [label, fact] rows, the
counsel lines of the signature block) and its party ("Respondent", "Appellant", ...).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from asylum_prep.documents.legal_texts import JURISDICTIONS, LEGAL_DIR
from asylum_prep.domain.record import FORUMS_BY_JURISDICTION, Forum, Proceeding
from asylum_prep.errors import N_, InputRefused


@dataclass(frozen=True)
class ForumText:
    key: str
    authority: str
    title: str
    party: str
    rows: tuple[tuple[str, str], ...]  # (label, fact name or "")
    counsel: tuple[str, ...]  # filing fields printed in the signature block, in order
    relief: tuple[str, ...]
    time_barred_relief: tuple[str, ...]


@dataclass(frozen=True)
class BriefPack:
    jurisdiction: str
    as_of: str
    blank: str
    headings: dict[str, str]
    text: dict[str, str]
    signature_labels: tuple[str, ...]
    counsel_labels: dict[str, str]
    relief_text: dict[str, str]
    forums: dict[str, ForumText]

    def forum(self, forum: Forum, proceeding: Proceeding) -> ForumText:
        """The caption for the case's forum; where none is set, the jurisdiction's usual one
        (a US case in removal proceedings: the immigration court)."""
        if forum.value in self.forums:
            return self.forums[forum.value]
        choices = FORUMS_BY_JURISDICTION[self.jurisdiction]
        if self.jurisdiction == "us" and proceeding is Proceeding.defensive:
            return self.forums[Forum.us_immigration_court.value]
        return self.forums[choices[0].value]


def _read(name: str) -> dict[str, Any]:
    with (LEGAL_DIR / f"{name}.toml").open("rb") as fh:
        data: dict[str, Any] = tomllib.load(fh).get("brief", {})
        return data


def _strs(value: Any) -> tuple[str, ...]:
    return tuple(str(x) for x in (value or ()))


@lru_cache(maxsize=8)
def load(jurisdiction: str) -> BriefPack:
    if jurisdiction not in JURISDICTIONS:
        raise InputRefused(N_("Unknown jurisdiction: choose us, uk, ca or eu."))
    common, own = _read("_common"), _read(jurisdiction)
    text = {**common.get("text", {}), **own.get("text", {})}
    forums = {}
    for key, f in own.get("forums", {}).items():
        forums[key] = ForumText(
            key=key,
            authority=str(f["authority"]),
            title=str(f["title"]),
            party=str(f["party"]),
            rows=tuple((str(label), str(fact)) for label, fact in f.get("rows", ())),
            counsel=_strs(f.get("counsel")),
            relief=_strs(f.get("relief", own.get("relief"))),
            time_barred_relief=_strs(f.get("time_barred_relief",
                                           own.get("time_barred_relief"))),
        )
    return BriefPack(
        jurisdiction=jurisdiction,
        as_of=str(own.get("as_of", common.get("as_of", ""))),
        blank=str(common.get("blank", "________________")),
        headings={**common.get("headings", {}), **own.get("headings", {})},
        text={k: str(v) for k, v in text.items() if not isinstance(v, list)},
        signature_labels=_strs(text.get("signature_labels")),
        counsel_labels={**common.get("counsel", {}), **own.get("counsel", {})},
        relief_text={**common.get("relief_text", {}), **own.get("relief_text", {})},
        forums=forums,
    )
