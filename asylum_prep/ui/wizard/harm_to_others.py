"""Step 5, Harm to others and legal events, on screen: the questions of
forms.harm_to_others, one at a time."""

from __future__ import annotations

from asylum_prep.forms import harm_to_others
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, harm_to_others.STEP)
