"""Step 1, About you, on screen: the questions of forms.about, one at a time."""

from __future__ import annotations

from asylum_prep.forms import about
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, about.STEP)
