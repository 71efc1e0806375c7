"""Step 3, Your background, on screen: the lists of forms.background, one at a time."""

from __future__ import annotations

from asylum_prep.forms import background
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, background.STEP)
