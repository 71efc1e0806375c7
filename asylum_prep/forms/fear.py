"""Step 7, Fear of return: who, what, why, whether they still look, relocation."""

from __future__ import annotations

from asylum_prep.domain.journey import RelocationReason
from asylum_prep.domain.record import SectionKey
from asylum_prep.errors import N_
from asylum_prep.forms.questions import Question, Step, Widget, not_yes, yes

RELOCATION_REASONS = (
    (RelocationReason.safety.value, N_("They would find me there")),
    (RelocationReason.hardship.value, N_("I could not live there: no home, work or family, or "
                                         "only a camp")),
    (RelocationReason.both.value, N_("Both")),
)

STEP = Step(
    key=SectionKey.fear,
    title=N_("If you went back"),
    intro=N_("What you fear would happen if you had to go back."),
    questions=(
        Question("who", N_("Who are you afraid of?"), N_("The intelligence police"),
                 N_("Your lawyer must show who would harm you."), Widget.long_text),
        Question("what_harm", N_("What do you fear they would do to you?"),
                 N_("Arrest me again and send me to prison."),
                 N_("The kind of harm decides which protection applies."), Widget.long_text),
        Question("why", N_("Why would they do this to you?"),
                 N_("Because of my writing and because I left while my case was open."),
                 N_("The law asks for the reason."), Widget.long_text),
        Question("would_hide", N_("To be safe there, would you have to hide who you are, what "
                                  "you believe or how you live?"), N_("Yes"),
                 N_("The law does not expect anyone to hide who they are to stay safe."),
                 Widget.yes_no),
        Question("would_hide_detail", N_("What would you have to hide, and what would happen "
                                         "if it became known?"),
                 N_("I could not go to church or tell anyone I am a Christian."),
                 N_("It shows what you would have to give up to be safe."), Widget.long_text,
                 show_if=yes("would_hide")),
        Question("how_they_would_know", N_("How would they know you are back?"),
                 N_("My name is on a list at the airport."),
                 N_("It shows that the danger is real for you."), Widget.long_text),
        Question("still_looking", N_("Are they still looking for you?"), N_("Yes"),
                 N_("Recent signs that they are looking show the danger continues."),
                 Widget.yes_no),
        Question("still_looking_detail", N_("How do you know they are still looking?"),
                 N_("They came to my parents' house in March and asked where I am."),
                 N_("Recent signs show the danger continues."), Widget.long_text,
                 show_if=yes("still_looking")),
        Question("torture_fear", N_("Are you afraid you would be tortured?"), N_("Yes"),
                 N_("There is a separate protection against torture."), Widget.yes_no),
        Question("torture_detail", N_("What makes you afraid of torture?"),
                 N_("I was beaten in detention and they said they would do worse."),
                 N_("It helps your lawyer ask for protection against torture."),
                 Widget.long_text, show_if=yes("torture_fear")),
        Question("relocation_possible", N_("Could you live safely in another part of your "
                                           "country?"), N_("No"),
                 N_("The law asks whether moving elsewhere in your country would keep you "
                    "safe."), Widget.yes_no),
        Question("relocation_reason", N_("What would stop you living there?"),
                 N_("They would find me there"),
                 N_("The law looks at danger and at hardship differently."), Widget.choice,
                 choices=RELOCATION_REASONS, show_if=not_yes("relocation_possible")),
        Question("relocation_why_not", N_("Why could you not be safe elsewhere in your "
                                          "country?"),
                 N_("The intelligence police are everywhere and check identity cards."),
                 N_("Your lawyer must explain why moving would not protect you."),
                 Widget.long_text, show_if=not_yes("relocation_possible")),
        Question("lived_elsewhere", N_("Since the trouble began, have you lived in another part "
                                       "of your country?"), N_("Yes"),
                 N_("Whether you were safe there matters for your case."), Widget.yes_no),
        Question("lived_elsewhere_harmed", N_("Did they find you or harm you there?"), N_("Yes"),
                 N_("It shows whether the danger followed you."), Widget.yes_no,
                 show_if=yes("lived_elsewhere")),
        Question("lived_elsewhere_detail", N_("Where did you live, for how long, and what "
                                              "happened there?"),
                 N_("I stayed with my aunt in Mashhad for three months until they came to her "
                    "door."),
                 N_("Your lawyer needs the places and dates."), Widget.long_text,
                 show_if=yes("lived_elsewhere")),
    ),
)
