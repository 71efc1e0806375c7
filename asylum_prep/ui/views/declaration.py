"""The declaration: the legal team edits it paragraph by paragraph; the translator translates."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import declaration_page
from asylum_prep.ui.page import setup_page

declaration_page.render(
    setup_page(roles={Role.attorney, Role.paralegal, Role.translator}, needs_case=True)
)
