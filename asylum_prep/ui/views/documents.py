"""Documents: choose a document, format and language; make it; preview it; download it."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import documents_page
from asylum_prep.ui.page import setup_page

documents_page.render(
    setup_page(roles={Role.attorney, Role.paralegal, Role.translator}, needs_case=True)
)
