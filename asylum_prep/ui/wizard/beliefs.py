"""Step 3, Beliefs and activities, on screen: the questions of forms.beliefs, one at a time."""

from __future__ import annotations

from asylum_prep.forms import beliefs
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, beliefs.STEP)
