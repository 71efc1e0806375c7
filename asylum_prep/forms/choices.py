"""Plain-language answer choices shared by several steps or questions (who did it, state
protection, the protected grounds, whether something was done by choice)."""

from __future__ import annotations

from asylum_prep.domain.beliefs import Ground
from asylum_prep.domain.events import Perpetrator, StateProtection
from asylum_prep.domain.journey import Voluntariness
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

# Part 3's grounds; the incidents' "why did they do it" uses the same words for the same ones.
GROUNDS = (
    (Ground.political_opinion.value, N_("My political opinions")),
    (Ground.imputed_political_opinion.value,
     N_("Opinions they believe I have, even if I do not")),
    (Ground.religion.value, N_("My religion or belief, or having none")),
    (Ground.race.value, N_("My race or ethnic origin")),
    (Ground.nationality.value, N_("My nationality or people")),
    (Ground.particular_social_group.value,
     N_("A group I belong to (for example women, LGBTQ people, a family, a profession)")),
)
GROUND_LABELS = dict(GROUNDS)

# Was it done by choice: asked of help to an armed group and of harm to others (screening).
VOLUNTARINESS = (
    (Voluntariness.voluntary.value, N_("It was my choice")),
    (Voluntariness.forced.value, N_("I was forced or threatened")),
    (Voluntariness.both.value, N_("Some of it was my choice, some of it was forced")),
    (Voluntariness.unknown.value, N_("I don't know")),
)
