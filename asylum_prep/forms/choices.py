"""Plain-language answer choices shared by several steps (who did it, state protection)."""

from __future__ import annotations

from asylum_prep.domain.events import Perpetrator, StateProtection
from asylum_prep.errors import N_

PERPETRATORS = (
    (Perpetrator.police.value, N_("The police")),
    (Perpetrator.army.value, N_("The army")),
    (Perpetrator.intelligence.value, N_("The intelligence service")),
    (Perpetrator.state_militia.value, N_("A militia working with the government")),
    (Perpetrator.officials.value, N_("Government officials")),
    (Perpetrator.non_state.value, N_("A group that is not part of the government")),
    (Perpetrator.unknown.value, N_("I don't know")),
)

STATE_PROTECTION = (
    (StateProtection.sought_refused.value, N_("I asked the police or authorities for help and "
                                              "they refused")),
    (StateProtection.sought_failed.value, N_("I asked for help, but it did not protect me")),
    (StateProtection.not_sought_pointless.value, N_("I did not ask, because they would not or "
                                                    "could not help")),
    (StateProtection.not_sought_dangerous.value, N_("I did not ask, because asking would have "
                                                    "put me in danger")),
    (StateProtection.unknown.value, N_("I don't know")),
)
