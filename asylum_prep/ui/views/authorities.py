"""Legal authorities: the dated library of the law the app cites, for the legal team."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import authorities_page
from asylum_prep.ui.page import setup_page

authorities_page.render(setup_page(roles={Role.attorney, Role.paralegal}))
