"""The applicant reads her declaration in her language and confirms it (or staff record it)."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import declaration_confirm_page
from asylum_prep.ui.page import setup_page

declaration_confirm_page.render(
    setup_page(roles={Role.applicant, Role.attorney, Role.paralegal}, needs_case=True)
)
