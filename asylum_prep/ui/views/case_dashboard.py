"""The dashboard of the open case."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import dashboard
from asylum_prep.ui.page import setup_page

STAFF = {Role.attorney, Role.paralegal, Role.translator}
dashboard.render_page(setup_page(roles=STAFF, needs_case=True))
