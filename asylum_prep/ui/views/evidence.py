"""Evidence: upload and clean files, describe them, order the exhibits, build the packet."""

from asylum_prep.services.actor import Role
from asylum_prep.ui.evidence_page import render_page
from asylum_prep.ui.page import setup_page

render_page(setup_page(roles={Role.attorney, Role.paralegal}, needs_case=True))
