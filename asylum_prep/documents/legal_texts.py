"""Editable legal text packs: templates/legal/<jurisdiction>.toml plus _common.toml.

Legal wording changes, so it lives outside the code, each text with an "as of" date the
attorney reviews. Fixed wording is looked up in the translation catalogs by its English text
(the msgid); where no translation exists the English wording is printed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from asylum_prep.errors import N_, InputRefused

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "templates"
LEGAL_DIR = TEMPLATES_DIR / "legal"
JURISDICTIONS = ("us", "uk", "ca", "eu")


@dataclass(frozen=True)
class Basis:
    key: str
    title: str
    citation: str
    text: str
    as_of: str


@dataclass(frozen=True)
class LegalPack:
    jurisdiction: str
    as_of: str
    authority: str
    closing: str
    closing_abroad: str
    executed: str
    signature_labels: tuple[str, ...]
    translation_certificate: str
    translation_authority: str
    interpretation_certificate: str
    nonrefoulement: tuple[Basis, ...]
    packet: dict[str, str]  # the exhibit packet's cover and certificate of service


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
    certs: dict[str, str] = data["certificates"]  # type: ignore[assignment]
    bases = [
        Basis(**{k: str(v) for k, v in entry.items()})
        for entry in [*common.get("nonrefoulement", []), *data.get("nonrefoulement", [])]  # type: ignore[misc]
    ]
    return LegalPack(
        jurisdiction=jurisdiction,
        as_of=str(data["as_of"]),
        authority=str(decl.get("authority", "")),
        closing=str(decl["closing"]),
        closing_abroad=str(decl.get("closing_abroad", "")),
        executed=str(decl.get("executed", "")),
        signature_labels=tuple(str(x) for x in decl.get("signature_labels", ())),  # type: ignore[attr-defined]
        translation_certificate=certs["translation"],
        translation_authority=certs.get("translation_authority", ""),
        interpretation_certificate=certs["interpretation"],
        nonrefoulement=tuple(bases),
        packet={str(k): str(v) for k, v in data.get("packet", {}).items()},  # type: ignore[attr-defined]
    )
