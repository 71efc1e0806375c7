"""Translations: each answer in the applicant's words beside its English translation."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import translate_page
from asylum_prep.ui.page import setup_page

translate_page.render(
    setup_page(roles={Role.translator, Role.attorney, Role.paralegal}, needs_case=True)
)
