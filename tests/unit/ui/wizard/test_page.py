"""Every step of the registry is drawn by the ui.wizard module of its name."""

from asylum_prep.forms.registry import STEPS
from asylum_prep.ui.wizard import page


def test_every_step_has_its_screen_module() -> None:
    assert set(page.RENDER) == {step.key.value for step in STEPS}
    for step in STEPS:
        assert page.RENDER[step.key.value].__module__ == f"asylum_prep.ui.wizard.{step.key.value}"
