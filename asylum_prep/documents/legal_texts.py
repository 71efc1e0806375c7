"""Editable legal text packs: templates/legal/<jurisdiction>.toml plus _common.toml.

Legal wording changes, so it lives outside the code, each text with an "as of" date the
attorney reviews. Fixed wording is looked up in the translation catalogs by its English text
(the msgid); where no translation exists the English wording is printed.

A pack names its authorities by id in the authorities library (legal/authorities.toml):
`authorities = [...]` per non-refoulement basis, `authority` for the declaration and
`translation_authorities = [...]` for the translation certificate. The citations printed come
from the library, and an unknown id fails when the pack loads.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from asylum_prep.errors import N_, InputRefused
from asylum_prep.legal import authorities

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
LEGAL_DIR = TEMPLATES_DIR / "legal"
JURISDICTIONS = ("us", "uk", "ca", "eu")


@dataclass(frozen=True)
class Basis:
    key: str
    title: str
    authorities: tuple[str, ...]  # library ids
    text: str
    as_of: str

    @property
    def citation(self) -> str:
        """The authorities' citations as printed ("A; B")."""
        return authorities.citations(self.authorities)


@dataclass(frozen=True)
class LegalPack:
    jurisdiction: str
    as_of: str
    authority: str  # the declaration's authority: a library id, or "" for none
    closing: str
    closing_abroad: str
    executed: str
    signature_labels: tuple[str, ...]
    translation_certificate: str
    translation_authorities: tuple[str, ...]  # library ids
    interpretation_certificate: str
    nonrefoulement: tuple[Basis, ...]
    packet: dict[str, str]  # the exhibit packet's cover and certificate of service

    @property
    def translation_authority(self) -> str:
        """The translation certificate's authorities as printed ("" for none)."""
        return authorities.citations(self.translation_authorities)


def _ids(value: object) -> tuple[str, ...]:
    """Library ids, each checked (an unknown id raises authorities.UnknownAuthority)."""
    ids = tuple(str(v) for v in value) if isinstance(value, list) else ()
    for i in ids:
        authorities.get(i)
    return ids


def _basis(entry: dict[str, object]) -> Basis:
    return Basis(key=str(entry["key"]), title=str(entry["title"]),
                 authorities=_ids(entry.get("authorities")), text=str(entry["text"]),
                 as_of=str(entry["as_of"]))


def _read(path: Path) -> dict[str, object]:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=8)
def load(jurisdiction: str) -> LegalPack:
    if jurisdiction not in JURISDICTIONS:
        raise InputRefused(N_("Unknown jurisdiction: choose us, uk, ca or eu."))
    common = _read(LEGAL_DIR / "_common.toml")
    data = _read(LEGAL_DIR / f"{jurisdiction}.toml")
    decl: dict[str, object] = data["declaration"]  # type: ignore[assignment]
    certs: dict[str, object] = data["certificates"]  # type: ignore[assignment]
    bases = [
        _basis(entry)
        for entry in [*common.get("nonrefoulement", []), *data.get("nonrefoulement", [])]  # type: ignore[misc]
    ]
    authority = str(decl.get("authority", ""))
    if authority:
        authorities.get(authority)
    return LegalPack(
        jurisdiction=jurisdiction,
        as_of=str(data["as_of"]),
        authority=authority,
        closing=str(decl["closing"]),
        closing_abroad=str(decl.get("closing_abroad", "")),
        executed=str(decl.get("executed", "")),
        signature_labels=tuple(str(x) for x in decl.get("signature_labels", ())),  # type: ignore[attr-defined]
        translation_certificate=str(certs["translation"]),
        translation_authorities=_ids(certs.get("translation_authorities")),
        interpretation_certificate=str(certs["interpretation"]),
        nonrefoulement=tuple(bases),
        packet={str(k): str(v) for k, v in data.get("packet", {}).items()},  # type: ignore[attr-defined]
    )
