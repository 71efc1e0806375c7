"""Step 2, Your family, on screen: the questions of forms.family, one at a time."""

from __future__ import annotations

from asylum_prep.forms import family
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, family.STEP)
