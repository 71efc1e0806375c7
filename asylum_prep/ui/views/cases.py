"""The legal team's case list (attorneys also create cases here)."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import case_list
from asylum_prep.ui.page import setup_page

case_list.render(setup_page(roles={Role.attorney, Role.paralegal, Role.translator}))
