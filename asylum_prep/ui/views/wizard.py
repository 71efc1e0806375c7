"""Your story: the guided questions, one at a time (applicant; the legal team may fill in)."""

from asylum_prep.services.actor import Role
from asylum_prep.ui.page import setup_page
from asylum_prep.ui.wizard.page import render_wizard

render_wizard(setup_page(roles={Role.applicant, Role.attorney, Role.paralegal}))
