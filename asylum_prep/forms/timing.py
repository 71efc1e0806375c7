"""Step 9, Timing: why you are applying now; changed or extraordinary circumstances."""

from __future__ import annotations

from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.questions import Question, Step, Widget, filled

SINCE_WHY = N_("How much time passed since then matters for a late application.")

STEP = Step(
    key=SectionKey.timing,
    title=N_("Why now"),
    intro=N_("Some countries set a deadline for asking for asylum. These questions help your "
             "lawyer explain your timing."),
    questions=(
        Question("why_now", N_("Why are you asking for protection now?"),
                 N_("I arrived four months ago and first needed to find a lawyer."),
                 N_("Your lawyer must explain when and why you applied."), Widget.long_text),
        Question("changed_circumstances",
                 N_("Has anything changed in your country or your life since you arrived that "
                    "makes return more dangerous?"),
                 N_("In May my brother was arrested and they asked him about me."),
                 N_("New events can allow a late application."), Widget.long_text),
        Question("changed_circumstances_date", N_("When did this change happen?"),
                 N_("around May 2023"), SINCE_WHY, Widget.date,
                 show_if=filled("changed_circumstances")),
        Question("extraordinary_circumstances",
                 N_("Was there anything that made it hard to apply earlier (illness, trauma, "
                    "other legal status, wrong advice)?"),
                 N_("I was in hospital for two months after I arrived."),
                 N_("Serious difficulties can excuse a late application."), Widget.long_text),
        Question("extraordinary_circumstances_end",
                 N_("When did this stop keeping you from applying? Leave it empty if it still "
                    "does."), N_("around March 2024"), SINCE_WHY, Widget.date,
                 show_if=filled("extraordinary_circumstances")),
        Question("filed_on", N_("If you have already sent an application here, when?"),
                 N_("2023-06-01"), N_("The deadline depends on it."), Widget.date),
    ),
)
