"""Step 7, If you went back, on screen: the questions of forms.fear, one at a time."""

from __future__ import annotations

from asylum_prep.forms import fear
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, fear.STEP)
