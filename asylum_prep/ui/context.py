"""What every page and wizard step receives: passed explicitly, never a global."""

from __future__ import annotations

from dataclasses import dataclass

from asylum_prep.config import Settings
from asylum_prep.i18n import Translator
from asylum_prep.services.actor import Actor
from asylum_prep.storage.engine import Store


@dataclass(frozen=True)
class PageContext:
    store: Store
    actor: Actor
    t: Translator
    case_id: str | None = None
    discreet: bool = False  # discreet mode on: never show the word "asylum" (or its translations)

    @property
    def settings(self) -> Settings:
        return self.store.settings


@dataclass(frozen=True)
class PublicContext:
    """For the pages seen before signing in (setup, sign-in, join): no actor yet."""

    store: Store
    t: Translator
    discreet: bool = False
