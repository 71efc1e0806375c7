"""What every page and wizard step receives: passed explicitly, never a global."""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.i18n import Translator
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store


@dataclass(frozen=True)
class PageContext:
    store: Store
    actor: Actor
    t: Translator
    case_id: str | None = None
