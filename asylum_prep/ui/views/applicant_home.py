"""The applicant's home: their one case and how far they are."""

from asylum_prep.services.actor import Role
from asylum_prep.ui import applicant_home
from asylum_prep.ui.page import setup_page

applicant_home.render(setup_page(roles={Role.applicant}))
