"""Your story: the guided questions, one at a time (applicant; the legal team may fill in)."""

from asylum_prep.forms.wizard import render_wizard
from asylum_prep.services.actor import Role
from asylum_prep.ui.page import setup_page

render_wizard(setup_page(roles={Role.applicant, Role.attorney, Role.paralegal}))
