"""The calm welcome page an applicant sees after joining (and can reopen from the menu)."""

from asylum_prep.services.actor import Role
from asylum_prep.ui.auth_views import render_welcome
from asylum_prep.ui.page import setup_page

render_welcome(setup_page(roles={Role.applicant}))
