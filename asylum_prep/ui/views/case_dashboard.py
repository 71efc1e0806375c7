"""The dashboard of the open case."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import dashboard
from asylum_prep.ui.page import setup_page

dashboard.render_page(setup_page(roles={Role.attorney, Role.paralegal, Role.translator}, needs_case=True))
