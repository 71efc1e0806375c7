"""Step 4, What happened to you, on screen: the questions of forms.incidents, one screen at a
time, and "Attach a photo or document" under an incident's evidence question."""

from __future__ import annotations

from asylum_prep.forms import incidents
from asylum_prep.services.cases import OpenCase
from asylum_prep.ui.applicant_documents import incident_attach
from asylum_prep.ui.context import PageContext
from asylum_prep.ui.wizard.widgets import render_step


def render(ctx: PageContext, case: OpenCase) -> None:
    render_step(ctx, case, incidents.STEP)
    incident_attach(ctx, case)  # "Attach a photo or document" under the evidence question
